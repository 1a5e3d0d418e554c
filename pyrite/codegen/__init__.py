"""IR -> C text."""
