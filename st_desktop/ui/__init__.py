"""Widgets. The only layer that touches QtWidgets."""
