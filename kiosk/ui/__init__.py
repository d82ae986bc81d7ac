"""The Qt screens. Thin: they display what the discharge flow decides and emit what the person chose."""
