"""One discharge: the record's shape and the flow of screens, in plain Python (no Qt)."""
