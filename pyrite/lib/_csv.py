__doc__ = """CSV parsing and writing.

The low-level part of the csv module: reader and writer objects, dialects and their registry.
Use the csv module rather than this one."""
# (an assignment rather than a docstring: csv.py does `from _csv import __doc__`, and pyrite
# finds only an assigned __doc__)

# pyrite's `_csv`: CPython writes this module in C (Modules/_csv.c); this is a Python version
# written from CPython 3.11's observable behaviour (results, exception types and messages),
# compiled with the program. `csv` itself (DictReader, DictWriter, Sniffer) is compiled from the
# standard library on top of it.
#
# - Dialect: the keyword arguments (or the attributes of a dialect object, a class, or a name in
#   the registry) are checked in CPython's order with its messages; an unset character
#   (escapechar, quotechar None) is stored as "" here, which never equals a character read.
#   `Dialect(d)` of a Dialect instance and no other argument is `d` itself.
# - reader: CPython's state machine, one character at a time; the end of each input line is
#   the pseudo-character _EOL (a two-character string, so it never equals a dialect character).
#   NUL characters are ordinary data (3.11). With QUOTE_NONNUMERIC a field that starts
#   unquoted is converted with float() when it is saved. A run of ordinary characters in a
#   field is added as one slice (the field size limit is checked as per character). After an
#   escaped newline the parser stays in AFTER_ESCAPED_CRNL while it reads the field, as
#   CPython's does, so the end of that input line does not end the record.
# - writer: a field is quoted when it contains the delimiter, the quotechar or a character of
#   the lineterminator (QUOTE_MINIMAL), always (QUOTE_ALL), when it is not a number
#   (QUOTE_NONNUMERIC); the escapechar escapes itself, the quotechar when doublequote is off, and
#   every special character under QUOTE_NONE. A record of one empty field is written `""`.
# CPython 3.11's test.test_csv, run under CPython with this file as `_csv` (118 tests): all pass
# except test_disallow_instantiation for Reader and Writer, which expects the class names in the
# message. A randomized comparison with CPython's _csv (dialects, input lines, rows) agrees.
# Known differences: the reader and writer classes are named Reader and Writer (CPython's type
# names are `_csv.reader` and `_csv.writer`); Dialect instances accept new attributes; the
# argument-count messages of writerow/writerows are pyrite's own; __doc__ is a short text of
# our own.

__version__ = "1.0"

QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3


class Error(Exception):
    pass


_dialects = {}
_field_limit = 128 * 1024

_C_INT_MAX = 2147483647
_C_LONG_MAX = 9223372036854775807   # CPython on 64-bit Linux, whatever the target


class _NotSet:
    pass


_NOT_SET = _NotSet()     # an argument not given

_DIALECT_KWS = ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator",
                "quotechar", "quoting", "skipinitialspace", "strict"]


# ---------------------------------------------------------------- Dialect
def _set_char(name, src, dflt):
    """A character that must be set (the delimiter)."""
    if src is _NOT_SET:
        return dflt
    if not isinstance(src, str):
        raise TypeError('"%s" must be string, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return str(src)


def _set_char_or_none(name, src, dflt):
    """A character that may be None (quotechar, escapechar): "" when unset."""
    if src is _NOT_SET:
        return dflt
    if src is None:
        return ""
    if not isinstance(src, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(src).__name__))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return str(src)


def _set_bool(src, dflt):
    if src is _NOT_SET:
        return dflt
    if src:
        return True
    return False


def _set_int(name, src, dflt):
    if src is _NOT_SET:
        return dflt
    if type(src) is not int:
        raise TypeError('"%s" must be an integer' % name)
    value = int(src)
    if value > _C_INT_MAX or value < -_C_INT_MAX - 1:
        raise OverflowError("Python int too large to convert to C int")
    return value


def _dialect_args(args, kwargs):
    """The nine arguments of Dialect(), _NOT_SET where not given."""
    nargs = len(args)
    if nargs > 9:
        raise TypeError("function takes at most 9 arguments (%d given)" % nargs)
    vals = [_NOT_SET] * 9
    for i in range(nargs):
        vals[i] = args[i]
    for key in kwargs:
        if key not in _DIALECT_KWS:
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        i = _DIALECT_KWS.index(key)
        if i < nargs:
            raise TypeError("argument for function given by name ('%s') and position (%d)"
                            % (key, i + 1))
        vals[i] = kwargs[key]
    return vals


def _reusable(args, kwargs):
    """The Dialect instance that Dialect(*args, **kwargs) returns as it is, or None: the dialect
    argument (or the registered dialect it names) when it is a Dialect and nothing else is given."""
    vals = _dialect_args(args, kwargs)
    dialect = vals[0]
    if dialect is _NOT_SET:
        return None
    if isinstance(dialect, str):
        dialect = _get_dialect_from_registry(dialect)
    if not isinstance(dialect, Dialect):
        return None
    for i in range(1, 9):
        if vals[i] is not _NOT_SET:
            return None
    return dialect


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    def __new__(cls, *args, **kwargs):
        dialect = _reusable(args, kwargs)
        if dialect is not None:
            return dialect
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        if _reusable(args, kwargs) is self:
            return
        vals = _dialect_args(args, kwargs)
        dialect = vals[0]
        if dialect is not _NOT_SET:
            if isinstance(dialect, str):
                dialect = _get_dialect_from_registry(dialect)
            for i in range(1, 9):
                if vals[i] is _NOT_SET:
                    vals[i] = getattr(dialect, _DIALECT_KWS[i], _NOT_SET)
        quotechar = vals[5]
        quoting = vals[6]
        lineterminator = vals[4]
        self._delimiter = _set_char("delimiter", vals[1], ",")
        self._doublequote = _set_bool(vals[2], True)
        self._escapechar = _set_char_or_none("escapechar", vals[3], "")
        self._lineterminator = "\r\n"
        if lineterminator is None:
            self._lineterminator = ""
        elif lineterminator is not _NOT_SET:
            if not isinstance(lineterminator, str):
                raise TypeError('"lineterminator" must be a string')
            self._lineterminator = str(lineterminator)
        self._quotechar = _set_char_or_none("quotechar", quotechar, '"')
        self._quoting = _set_int("quoting", quoting, QUOTE_MINIMAL)
        self._skipinitialspace = _set_bool(vals[7], False)
        self._strict = _set_bool(vals[8], False)
        if self._quoting < QUOTE_MINIMAL or self._quoting > QUOTE_NONE:
            raise TypeError('bad "quoting" value')
        if quotechar is None and quoting is _NOT_SET:
            self._quoting = QUOTE_NONE
        if self._quoting != QUOTE_NONE and self._quotechar == "":
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")

    def __reduce__(self):
        raise TypeError("cannot pickle '%s' instances" % type(self).__name__)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '%s' instances" % type(self).__name__)

    @property
    def delimiter(self):
        return self._delimiter

    @delimiter.setter
    def delimiter(self, value):
        raise AttributeError("attribute 'delimiter' of '_csv.Dialect' objects is not writable")

    @property
    def quotechar(self):
        if self._quotechar == "":
            return None
        return self._quotechar

    @quotechar.setter
    def quotechar(self, value):
        raise AttributeError("attribute 'quotechar' of '_csv.Dialect' objects is not writable")

    @property
    def escapechar(self):
        if self._escapechar == "":
            return None
        return self._escapechar

    @escapechar.setter
    def escapechar(self, value):
        raise AttributeError("attribute 'escapechar' of '_csv.Dialect' objects is not writable")

    @property
    def lineterminator(self):
        return self._lineterminator

    @lineterminator.setter
    def lineterminator(self, value):
        raise AttributeError(
            "attribute 'lineterminator' of '_csv.Dialect' objects is not writable")

    @property
    def quoting(self):
        return self._quoting

    @quoting.setter
    def quoting(self, value):
        raise AttributeError("attribute 'quoting' of '_csv.Dialect' objects is not writable")

    @property
    def doublequote(self):
        return self._doublequote

    @doublequote.setter
    def doublequote(self, value):
        raise AttributeError("readonly attribute")

    @property
    def skipinitialspace(self):
        return self._skipinitialspace

    @skipinitialspace.setter
    def skipinitialspace(self, value):
        raise AttributeError("readonly attribute")

    @property
    def strict(self):
        return self._strict

    @strict.setter
    def strict(self, value):
        raise AttributeError("readonly attribute")


def _call_dialect(dialect, kwargs):
    if dialect is _NOT_SET:
        return Dialect(**kwargs)
    return Dialect(dialect, **kwargs)


def _unpack_args(args, lo, hi):
    n = len(args)
    if n < lo:
        raise TypeError(" expected at least %d argument%s, got %d"
                        % (lo, "" if lo == 1 else "s", n))
    if n > hi:
        raise TypeError(" expected at most %d arguments, got %d" % (hi, n))


# ---------------------------------------------------------------- reader
_START_RECORD = 0
_START_FIELD = 1
_ESCAPED_CHAR = 2
_IN_FIELD = 3
_IN_QUOTED_FIELD = 4
_ESCAPE_IN_QUOTED_FIELD = 5
_QUOTE_IN_QUOTED_FIELD = 6
_EAT_CRNL = 7
_AFTER_ESCAPED_CRNL = 8

_EOL = "<>"     # the end of an input line: never equal to one character


class _Create:
    pass


_CREATE = _Create()     # the first argument of Reader() and Writer() from reader() and writer()


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __new__(cls, *args, **kwargs):
        if len(args) == 0 or args[0] is not _CREATE:
            raise TypeError("cannot create '_csv.reader' instances")
        return object.__new__(cls)

    def __init__(self, key, it, dialect):
        self._iter = it
        self._dialect = dialect
        # the settings of the (immutable) dialect, in typed fields
        self._delimiter = str(dialect._delimiter)
        self._quotechar = str(dialect._quotechar)
        self._escapechar = str(dialect._escapechar)
        self._lineterminator = str(dialect._lineterminator)
        self._quoting = int(dialect._quoting)
        self._doublequote = bool(dialect._doublequote)
        self._skipinitialspace = bool(dialect._skipinitialspace)
        self._strict = bool(dialect._strict)
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False
        self._line_num = 0

    def __iter__(self):
        return self

    @property
    def dialect(self):
        return self._dialect

    @dialect.setter
    def dialect(self, value):
        raise AttributeError("readonly attribute")

    @property
    def line_num(self):
        return self._line_num

    @line_num.setter
    def line_num(self, value):
        raise AttributeError("readonly attribute")

    def __next__(self):
        self._fields = []
        self._field = []
        self._field_len = 0
        self._state = _START_RECORD
        self._numeric = False
        while True:
            line = next(self._iter, _NOT_SET)
            if line is _NOT_SET:
                if self._field_len != 0 or self._state == _IN_QUOTED_FIELD:
                    if self._strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise StopIteration
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self._line_num += 1
            self._parse_line(str(line))
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _save_field(self):
        text = "".join(self._field)
        self._field = []
        self._field_len = 0
        if self._numeric:
            self._numeric = False
            self._fields.append(float(text))
        else:
            self._fields.append(text)

    def _add_char(self, c):
        if self._field_len >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)
        self._field_len += 1

    def _add_text(self, text, n):
        """Add n ordinary characters at once (as n calls of _add_char would)."""
        if self._field_len + n > _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(text)
        self._field_len += n

    def _parse_line(self, line):
        delimiter = self._delimiter
        quotechar = self._quotechar
        escapechar = self._escapechar
        quoting = self._quoting
        skipinitialspace = self._skipinitialspace
        doublequote = self._doublequote
        strict = self._strict
        state = self._state
        n = len(line)
        i = 0
        while i <= n:
            c = _EOL
            if i < n:
                c = line[i]
            i += 1
            if state == _START_RECORD:
                if c == _EOL:
                    continue              # an empty line: the record is []
                if c == "\n" or c == "\r":
                    state = _EAT_CRNL
                    continue
                state = _START_FIELD      # and handle c as the start of a field
            in_field = state == _IN_FIELD
            if state == _AFTER_ESCAPED_CRNL:
                if c == _EOL:
                    continue
                in_field = True           # handle c as in a field, staying in this state
            if state == _START_FIELD:
                if c == "\n" or c == "\r" or c == _EOL:
                    self._save_field()
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif c == quotechar and quoting != QUOTE_NONE:
                    state = _IN_QUOTED_FIELD
                elif c == escapechar:
                    state = _ESCAPED_CHAR
                elif c == " " and skipinitialspace:
                    pass
                elif c == delimiter:
                    self._save_field()
                else:
                    if quoting == QUOTE_NONNUMERIC:
                        self._numeric = True
                    self._add_char(c)
                    state = _IN_FIELD
            elif state == _ESCAPED_CHAR:
                if c == "\n" or c == "\r":
                    self._add_char(c)
                    state = _AFTER_ESCAPED_CRNL
                else:
                    self._add_char("\n" if c == _EOL else c)
                    state = _IN_FIELD
            elif in_field:
                if c == "\n" or c == "\r" or c == _EOL:
                    self._save_field()
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif c == escapechar:
                    state = _ESCAPED_CHAR
                elif c == delimiter:
                    self._save_field()
                    state = _START_FIELD
                else:
                    # c and the ordinary characters after it (none of them changes the state)
                    j = i
                    while j < n:
                        ch = line[j]
                        if ch == delimiter or ch == escapechar or ch == "\n" or ch == "\r":
                            break
                        j += 1
                    self._add_text(line[i - 1:j], j - i + 1)
                    i = j
            elif state == _IN_QUOTED_FIELD:
                if c == _EOL:
                    pass
                elif c == escapechar:
                    state = _ESCAPE_IN_QUOTED_FIELD
                elif c == quotechar and quoting != QUOTE_NONE:
                    if doublequote:
                        state = _QUOTE_IN_QUOTED_FIELD
                    else:
                        state = _IN_FIELD
                else:
                    j = i
                    while j < n:
                        ch = line[j]
                        if ch == quotechar or ch == escapechar:
                            break
                        j += 1
                    self._add_text(line[i - 1:j], j - i + 1)
                    i = j
            elif state == _ESCAPE_IN_QUOTED_FIELD:
                self._add_char("\n" if c == _EOL else c)
                state = _IN_QUOTED_FIELD
            elif state == _QUOTE_IN_QUOTED_FIELD:
                if quoting != QUOTE_NONE and c == quotechar:
                    self._add_char(c)     # "" is one quote
                    state = _IN_QUOTED_FIELD
                elif c == delimiter:
                    self._save_field()
                    state = _START_FIELD
                elif c == "\n" or c == "\r" or c == _EOL:
                    self._save_field()
                    state = _START_RECORD if c == _EOL else _EAT_CRNL
                elif not strict:
                    self._add_char(c)
                    state = _IN_FIELD
                else:
                    raise Error("'%s' expected after '%s'" % (delimiter, quotechar))
            elif state == _EAT_CRNL:
                if c == "\n" or c == "\r":
                    pass
                elif c == _EOL:
                    state = _START_RECORD
                else:
                    raise Error("new-line character seen in unquoted field - do you need "
                                "to open the file in universal-newline mode?")
        self._state = state


def reader(*args, **kwargs):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)

Returns an iterator over the records of the iterable, each a list of strings."""
    _unpack_args(args, 1, 2)
    it = iter(args[0])
    dialect = _call_dialect(args[1] if len(args) == 2 else _NOT_SET, kwargs)
    return Reader(_CREATE, it, dialect)


# ---------------------------------------------------------------- writer
def _is_number(x):
    """PyNumber_Check: ints, floats, complex numbers and whatever converts to one."""
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return hasattr(t, "__index__") or hasattr(t, "__int__") or hasattr(t, "__float__")


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __new__(cls, *args, **kwargs):
        if len(args) == 0 or args[0] is not _CREATE:
            raise TypeError("cannot create '_csv.writer' instances")
        return object.__new__(cls)

    def __init__(self, key, write, dialect):
        self._write = write
        self._dialect = dialect
        self._specials = []     # the characters that make a field quoted or escaped
        # the settings of the (immutable) dialect, in typed fields
        self._delimiter = str(dialect._delimiter)
        self._quotechar = str(dialect._quotechar)
        self._escapechar = str(dialect._escapechar)
        self._lineterminator = str(dialect._lineterminator)
        self._quoting = int(dialect._quoting)
        self._doublequote = bool(dialect._doublequote)
        self._skipinitialspace = bool(dialect._skipinitialspace)
        self._strict = bool(dialect._strict)
        for c in self._delimiter + self._quotechar + self._escapechar + self._lineterminator:
            if c not in self._specials:
                self._specials.append(c)

    @property
    def dialect(self):
        return self._dialect

    @dialect.setter
    def dialect(self, value):
        raise AttributeError("readonly attribute")

    def _append(self, parts, field, quoted, first):
        """Append one field (quoted and escaped as the dialect says) to parts."""
        delimiter = self._delimiter
        quotechar = self._quotechar
        escapechar = self._escapechar
        terminator = self._lineterminator
        quoting = self._quoting
        if not first:
            parts.append(delimiter)
        special = False
        for c in self._specials:
            if c in field:
                special = True
                break
        if not special:
            # nothing to quote or escape: the common case
            if quoted:
                parts.append(quotechar)
                parts.append(field)
                parts.append(quotechar)
            else:
                parts.append(field)
            return
        out = []
        for c in field:
            if c == delimiter or c == escapechar or c == quotechar or c in terminator:
                want_escape = False
                if quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == quotechar:
                        if self._doublequote:
                            out.append(quotechar)
                        else:
                            want_escape = True
                    elif c == escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if escapechar == "":
                        raise Error("need to escape, but no escapechar set")
                    out.append(escapechar)
            out.append(c)
        if quoted:
            parts.append(quotechar)
            parts.append("".join(out))
            parts.append(quotechar)
        else:
            parts.append("".join(out))

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        try:
            it = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = []
        nfields = 0
        for field in it:
            quoting = self._quoting
            quoted = False
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            elif quoting == QUOTE_ALL:
                quoted = True
            if isinstance(field, str):
                text = str(field)
            elif field is None:
                text = ""
            else:
                text = str(field)
            self._append(parts, text, quoted, nfields == 0)
            nfields += 1
        line = "".join(parts)
        if nfields > 0 and line == "":
            if self._quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            line = self._quotechar + self._quotechar
        return self._write(line + self._lineterminator)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)
        return None


def writer(*args, **kwargs):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)

The "fileobj" argument can be any object that supports the file API."""
    _unpack_args(args, 1, 2)
    write = getattr(args[0], "write", None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    dialect = _call_dialect(args[1] if len(args) == 2 else _NOT_SET, kwargs)
    return Writer(_CREATE, write, dialect)


# ---------------------------------------------------------------- the registry
def _get_dialect_from_registry(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    return _dialects[name]


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    _unpack_args(args, 1, 2)
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    dialect = _call_dialect(args[1] if len(args) == 2 else _NOT_SET, kwargs)
    _dialects[name] = dialect


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    return _get_dialect_from_registry(name)


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    for key in kwargs:
        if key != "new_limit":
            raise TypeError("'%s' is an invalid keyword argument for field_size_limit()" % key)
    n = len(args) + len(kwargs)
    if n > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % n)
    old = _field_limit
    if n == 1:
        new_limit = args[0] if len(args) == 1 else kwargs["new_limit"]
        if type(new_limit) is not int:
            raise TypeError("limit must be an integer")
        value = int(new_limit)
        if value > _C_LONG_MAX or value < -_C_LONG_MAX - 1:
            raise OverflowError("Python int too large to convert to C long")
        _field_limit = value
    return old
