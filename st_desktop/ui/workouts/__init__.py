"""workouts widgets."""
