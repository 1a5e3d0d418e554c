"""PYTHONPATH shim directory: its sitecustomize starts pyrite's recorder or archive inside an unmodified app."""
