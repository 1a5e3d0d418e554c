"""zig cc invocation and the per-target runtime cache."""
