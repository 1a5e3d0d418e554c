"""Whole-program type inference."""
