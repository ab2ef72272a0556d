"""The detail editor: one workout's figures, charts, route and laps, and its editable fields."""
