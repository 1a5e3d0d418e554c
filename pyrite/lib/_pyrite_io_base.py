"""What CPython's _pyio imports from io and _io, for pyrite: _pyio is compiled as pyrite's _io
(frontend/modules.py SOURCE_COPIES; pyrite/lib/_io.py), so its `import io` and `from _io import
FileIO` (circular there) come here. The abstract classes here only take the register() calls _pyio
makes on io's; io.py's real ones are built on _pyio's classes."""

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO", "StringIO",
           "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom",
           "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


class _Registry:
    @classmethod
    def register(cls, subclass):
        return subclass


class IOBase(_Registry):
    pass


class RawIOBase(_Registry):
    pass


class BufferedIOBase(_Registry):
    pass


class TextIOBase(_Registry):
    pass


class FileIO:
    pass


def open_code(path):
    import _io
    return _io.open(path, "rb")
