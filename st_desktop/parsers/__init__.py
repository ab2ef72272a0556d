"""parsers layer."""
