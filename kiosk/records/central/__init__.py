"""The central record store: the hospital's PostgreSQL server, fed by each kiosk's local SQLite journal.

Offline first: a fact is committed to the kiosk's own SQLite file exactly as without a central store, and the
tap moves on; a background ``CentralSender`` (``sender.py``) then forwards committed facts to PostgreSQL in commit
order, each under its globally unique fact id, so a resend after a crash or a network cut is refused by the
server's unique constraint and counted as delivered. The local copy stays until the server has it.

- ``settings``: connection settings from ``config.toml``, the password from a file or the environment.
- ``schema``: the server's tables, versioned migrations, the kiosk role's grants and ward row security.
- ``facts``: reading committed-but-unsent facts out of the local journal.
- ``sender``: the background thread.
- ``status``: ``SenderStatus``, the snapshot the nurse's home reads, and its "not sent since" warning.
- ``problems``: why facts are not reaching the server, in IT's words.
- ``server``: reading the central store: every kiosk's audit chain, the ward export, retention.
"""
