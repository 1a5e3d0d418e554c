"""The typed IR (data only)."""
