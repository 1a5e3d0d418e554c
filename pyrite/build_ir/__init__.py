"""Lowering of the typed program to IR."""
