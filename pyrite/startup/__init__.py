"""Start-up archive: serve a recorded set of modules to unmodified CPython from one file, read with pread."""
