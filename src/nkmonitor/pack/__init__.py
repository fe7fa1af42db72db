"""pack package."""
