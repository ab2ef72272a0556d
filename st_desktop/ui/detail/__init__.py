"""detail widgets."""
