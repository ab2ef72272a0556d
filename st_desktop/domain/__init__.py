"""Plain-Python domain model: workouts, parsed activities, types, units and time."""
