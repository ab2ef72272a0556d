"""pytest-qt tests of the maps."""
