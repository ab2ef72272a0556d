"""upload widgets."""
