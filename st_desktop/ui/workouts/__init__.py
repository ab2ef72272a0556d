"""The workout browser: the paged table of the account's workouts, its filters and actions."""
