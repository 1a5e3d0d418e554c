"""IR passes: error checks, refcounts, uninitialised-variable checks."""
