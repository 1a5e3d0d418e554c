"""Frontend: parse, resolve imports, scopes, subset check."""
