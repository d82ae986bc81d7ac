"""One module per screen. Screens never call each other and never touch sqlite3, yaml or reportlab."""
