"""The discharge record's shape and the rules for its fields: shared by ``discharge`` (the walk), ``records``
(the store) and ``sheet``, and depending on none of them, so none of them needs another to know what a record is.
"""
