"""pyrite's _io: CPython writes it in C; pyrite compiles CPython's own pure-Python implementation of
the same classes (Lib/_pyio.py, read from the interpreter running pyrite) under the name _pyrite_pyio
(frontend/modules.py SOURCE_COPIES) and re-exports it here under _io's names, for io.py to build on.

Differences from CPython's C _io: the builtin open() and sys.stdout/stderr/stdin stay the runtime's
own file objects (io.open is _pyio's open: a FileIO in a BufferedReader/Writer in a TextIOWrapper,
with the same behaviour and slower); StringIO is _pyio's (a TextIOWrapper over a BytesIO)."""

from _pyrite_pyio import (DEFAULT_BUFFER_SIZE, UnsupportedOperation, open, open_code, FileIO, BytesIO,
                          StringIO, BufferedReader, BufferedWriter, BufferedRWPair, BufferedRandom,
                          IncrementalNewlineDecoder, text_encoding, TextIOWrapper)
from _pyrite_pyio import IOBase as _IOBase, RawIOBase as _RawIOBase, BufferedIOBase as _BufferedIOBase, \
    TextIOBase as _TextIOBase

BlockingIOError = BlockingIOError
