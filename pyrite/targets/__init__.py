"""Per-target build and run (native, wasi)."""
