"""Procedure content: the typed model, YAML loading and validation, personalisation. No Qt."""
