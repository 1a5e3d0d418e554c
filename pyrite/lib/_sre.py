"""pyrite's `_sre`: the regular-expression engine CPython implements in C (Modules/_sre/), written in
Python and compiled with the program. `re` itself (re/_parser.py, re/_compiler.py) is compiled from
the interpreter's standard library and hands this module the opcode list it emits (MAGIC 20220615,
Python 3.11), as it does to CPython's C module.

The matcher runs the 3.11 opcodes with CPython's semantics (group captures after backtracking,
lastindex, the empty-match rules of findall/finditer/sub/split, zero-width repeat protection), on
the subject converted once to a list of int code points (the last subject is cached by identity, so
`pat.match(text, pos)` in a loop converts `text` once). It never recurses in Python: backtracking
contexts live in an explicit stack (a flat int list, 9 ints per context), saved marks in another, and
repeat contexts in parallel int lists, the way sre_lib.h keeps its own data stack. Sets are answered
from 256-entry tables built on first use for characters below 256.

Written for pyrite's whole-program inference (see the comments at _State, _PROGS and _sre_match):
the engine's data never lives in fields of objects that reach dynamic code, internal classes take
no __init__ arguments, and the hot functions spell constants as literals.

Checked against CPython's own test suite, with this module injected as `_sre` before `re` is
imported (`python -I -S` + importlib, then unittest on test.test_re): 158 tests, 2 failures,
2 skipped (test_locale_caching, test_locale_compiled: they need an en_US.iso88591 locale).
The failures:
  - test_immutable: re.Pattern, re.Match and _sre.SRE_Scanner are plain classes, so their
    attributes can be set (CPython's types are immutable).
  - test_symbolic_refs_errors: the DeprecationWarning that re._parser raises for a bad group name
    in a template uses a stacklevel that assumes Pattern.sub is C code; here it is a Python frame,
    so the warning's filename is this file instead of the caller's.
  - (test_search_anchor_at_beginning is timing-sensitive: converting its 10**7-character subject
    to code points takes about 0.06-0.25 s under CPython, near its 0.1 s limit.)
Also differential-tested against the C module on random patterns (all opcodes, flags, str/bytes,
non-ASCII case folding) and on pyperformance's regex_v8 workload (identical results).

Known differences from CPython:
  - LOCALE patterns use the C/UTF-8 locale's rules (ASCII letters only), whatever locale is set.
  - Pattern.groupindex is a mappingproxy (a dict copy where the target has none); finditer returns
    a generator (CPython: a callable_iterator over scanner.search); a Match can be pickled; no
    "regular expression scanner already executing" check; the code list is only range-checked (an
    invalid opcode raises RuntimeError "invalid SRE code" when reached, not at compile()).
"""

import sys

MAGIC = 20220615
CODESIZE = 4
MAXREPEAT = 4294967295
MAXGROUPS = 1073741823
copyright = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "

_MAXSIZE = sys.maxsize

# opcodes (re/_constants.py, MAGIC 20220615)
_FAILURE = 0
_SUCCESS = 1
_ANY = 2
_ANY_ALL = 3
_ASSERT = 4
_ASSERT_NOT = 5
_AT = 6
_BRANCH = 7
_CATEGORY = 8
_CHARSET = 9
_BIGCHARSET = 10
_GROUPREF = 11
_GROUPREF_EXISTS = 12
_IN = 13
_INFO = 14
_JUMP = 15
_LITERAL = 16
_MARK = 17
_MAX_UNTIL = 18
_MIN_UNTIL = 19
_NOT_LITERAL = 20
_NEGATE = 21
_RANGE = 22
_REPEAT = 23
_REPEAT_ONE = 24
_SUBPATTERN = 25
_MIN_REPEAT_ONE = 26
_ATOMIC_GROUP = 27
_POSSESSIVE_REPEAT = 28
_POSSESSIVE_REPEAT_ONE = 29
_GROUPREF_IGNORE = 30
_IN_IGNORE = 31
_LITERAL_IGNORE = 32
_NOT_LITERAL_IGNORE = 33
_GROUPREF_LOC_IGNORE = 34
_IN_LOC_IGNORE = 35
_LITERAL_LOC_IGNORE = 36
_NOT_LITERAL_LOC_IGNORE = 37
_GROUPREF_UNI_IGNORE = 38
_IN_UNI_IGNORE = 39
_LITERAL_UNI_IGNORE = 40
_NOT_LITERAL_UNI_IGNORE = 41
_RANGE_UNI_IGNORE = 42

# AT codes
_AT_BEGINNING = 0
_AT_BEGINNING_LINE = 1
_AT_BEGINNING_STRING = 2
_AT_BOUNDARY = 3
_AT_NON_BOUNDARY = 4
_AT_END = 5
_AT_END_LINE = 6
_AT_END_STRING = 7
_AT_LOC_BOUNDARY = 8
_AT_LOC_NON_BOUNDARY = 9
_AT_UNI_BOUNDARY = 10
_AT_UNI_NON_BOUNDARY = 11

# INFO flags
_INFO_PREFIX = 1
_INFO_LITERAL = 2
_INFO_CHARSET = 4

# flags (for Pattern.__repr__)
_FLAG_NAMES = [("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
               ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128),
               ("re.ASCII", 256)]

# ---------------------------------------------------------------------------------------------
# character classes

# bits of _ASCII_CLASS[ch] for ch < 128
_C_DIGIT = 1       # 0-9
_C_SPACE = 2       # \t \n \v \f \r and space (Py_ISSPACE)
_C_WORD = 4        # alnum or _
_C_UNI_SPACE = 8   # str.isspace(): also \x1c-\x1f
_C_LINEBREAK = 16  # str.splitlines() breaks: \n \v \f \r \x1c \x1d \x1e
_C_ALPHA = 32


def _make_ascii_class():
    t = [0] * 128
    for c in range(128):
        v = 0
        if 48 <= c <= 57:
            v |= _C_DIGIT
        if c == 9 or c == 10 or c == 11 or c == 12 or c == 13 or c == 32:
            v |= _C_SPACE
        if (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122) or c == 95:
            v |= _C_WORD
        if (9 <= c <= 13) or (28 <= c <= 32):
            v |= _C_UNI_SPACE
        if (10 <= c <= 13) or (28 <= c <= 30):
            v |= _C_LINEBREAK
        if (65 <= c <= 90) or (97 <= c <= 122):
            v |= _C_ALPHA
        t[c] = v
    return t


_ASCII_CLASS = _make_ascii_class()


def _lower_ascii(ch):
    if 65 <= ch <= 90:
        return ch + 32
    return ch


def _lower_locale(ch):
    # tolower() of the C (or a UTF-8) locale: ASCII letters only
    if 65 <= ch <= 90:
        return ch + 32
    return ch


def _upper_locale(ch):
    if 97 <= ch <= 122:
        return ch - 32
    return ch


def _lower_unicode(ch):
    # _PyUnicode_ToLowercase: the first character of the full lowercase mapping
    if ch < 128:
        if 65 <= ch <= 90:
            return ch + 32
        return ch
    return ord(chr(ch).lower()[0])


def _upper_unicode(ch):
    if ch < 128:
        if 97 <= ch <= 122:
            return ch - 32
        return ch
    return ord(chr(ch).upper()[0])


def _uni_is_word(ch):
    if ch < 128:
        return (_ASCII_CLASS[ch] & _C_WORD) != 0
    return chr(ch).isalnum()


def _uni_is_linebreak(ch):
    if ch < 128:
        return (_ASCII_CLASS[ch] & _C_LINEBREAK) != 0
    return ch == 0x85 or ch == 0x2028 or ch == 0x2029


def _category(cat, ch):
    if cat < 8:
        if cat < 2:  # DIGIT, NOT_DIGIT
            r = ch < 128 and (_ASCII_CLASS[ch] & 1) != 0
        elif cat < 4:  # SPACE
            r = ch < 128 and (_ASCII_CLASS[ch] & 2) != 0
        elif cat < 6:  # WORD
            r = ch < 128 and (_ASCII_CLASS[ch] & 4) != 0
        else:  # LINEBREAK
            r = ch == 10
        if cat & 1:
            return not r
        return r
    if cat < 10:  # LOC_WORD, LOC_NOT_WORD
        r = ch < 128 and (_ASCII_CLASS[ch] & 4) != 0
        if cat == 9:
            return not r
        return r
    if cat < 12:  # UNI_DIGIT
        if ch < 128:
            r = (_ASCII_CLASS[ch] & 1) != 0
        else:
            r = chr(ch).isdecimal()
        if cat == 11:
            return not r
        return r
    if cat < 14:  # UNI_SPACE
        if ch < 128:
            r = (_ASCII_CLASS[ch] & 8) != 0
        else:
            r = chr(ch).isspace()
        if cat == 13:
            return not r
        return r
    if cat < 16:  # UNI_WORD
        r = _uni_is_word(ch)
        if cat == 15:
            return not r
        return r
    if cat < 18:  # UNI_LINEBREAK
        r = _uni_is_linebreak(ch)
        if cat == 17:
            return not r
        return r
    raise RuntimeError("internal error in regular expression engine")


def _charset(code, p, ch):
    """Is ch in the set that starts at code[p] (a sequence of set items ending with FAILURE)?"""
    ok = True
    while True:
        op = code[p]
        if op == 0:  # FAILURE
            return not ok
        if op == 16:  # LITERAL
            if ch == code[p + 1]:
                return ok
            p += 2
        elif op == 22:  # RANGE
            if code[p + 1] <= ch <= code[p + 2]:
                return ok
            p += 3
        elif op == 9:  # CHARSET
            if ch < 256 and (code[p + 1 + (ch >> 5)] >> (ch & 31)) & 1:
                return ok
            p += 9
        elif op == 8:  # CATEGORY
            if _category(code[p + 1], ch):
                return ok
            p += 2
        elif op == 21:  # NEGATE
            ok = not ok
            p += 1
        elif op == 10:  # BIGCHARSET
            n = code[p + 1]
            if ch < 65536:
                hi = ch >> 8
                block = (code[p + 2 + (hi >> 2)] >> ((hi & 3) * 8)) & 255
                if (code[p + 66 + block * 8 + ((ch & 255) >> 5)] >> (ch & 31)) & 1:
                    return ok
            p += 66 + n * 8
        elif op == 42:  # RANGE_UNI_IGNORE
            if code[p + 1] <= ch <= code[p + 2]:
                return ok
            uch = _upper_unicode(ch)
            if code[p + 1] <= uch <= code[p + 2]:
                return ok
            p += 3
        else:
            raise RuntimeError("invalid SRE code")


def _charset_loc_ignore(code, p, ch):
    lo = _lower_locale(ch)
    if _charset(code, p, lo):
        return True
    up = _upper_locale(ch)
    return up != lo and _charset(code, p, up)


def _char_loc_ignore(pat, ch):
    return ch == pat or _lower_locale(ch) == pat or _upper_locale(ch) == pat


def _char_op(code, ip, ch):
    """Does the one-character item at code[ip] match ch?"""
    op = code[ip]
    if op == 16:  # LITERAL
        return ch == code[ip + 1]
    if op == 13:  # IN
        return _charset(code, ip + 2, ch)
    if op == 2:  # ANY
        return ch != 10
    if op == 3:  # ANY_ALL
        return True
    if op == 20:  # NOT_LITERAL
        return ch != code[ip + 1]
    if op == 32:  # LITERAL_IGNORE
        return _lower_ascii(ch) == code[ip + 1]
    if op == 40:  # LITERAL_UNI_IGNORE
        return _lower_unicode(ch) == code[ip + 1]
    if op == 36:  # LITERAL_LOC_IGNORE
        return _char_loc_ignore(code[ip + 1], ch)
    if op == 33:  # NOT_LITERAL_IGNORE
        return _lower_ascii(ch) != code[ip + 1]
    if op == 41:  # NOT_LITERAL_UNI_IGNORE
        return _lower_unicode(ch) != code[ip + 1]
    if op == 37:  # NOT_LITERAL_LOC_IGNORE
        return not _char_loc_ignore(code[ip + 1], ch)
    if op == 31:  # IN_IGNORE
        return _charset(code, ip + 2, _lower_ascii(ch))
    if op == 39:  # IN_UNI_IGNORE
        return _charset(code, ip + 2, _lower_unicode(ch))
    if op == 35:  # IN_LOC_IGNORE
        return _charset_loc_ignore(code, ip + 2, ch)
    if op == 8:  # CATEGORY
        return _category(code[ip + 1], ch)
    raise RuntimeError("invalid SRE code")


def _set_table(code, ncode, pc):
    """Where the answers (256 ints, 0 or 1) of the set operation at code[pc] (IN, IN_IGNORE,
    IN_UNI_IGNORE or IN_LOC_IGNORE; pc 3: the charset of the INFO block) for characters 0-255
    start in code. _Prog.xcode is the code followed by ncode ints (code[ncode + pc]: that
    offset for the operation at pc, 0 until computed) and the tables, appended on first use."""
    o = code[ncode + pc]
    if o == 0:
        o = len(code)
        op = code[pc]
        if pc == 3:
            op = 13  # IN
        for ch in range(256):
            if _char_op_as(op, code, pc, ch):
                code.append(1)
            else:
                code.append(0)
        code[ncode + pc] = o
    return o


def _char_op_as(op, code, ip, ch):
    """_char_op for the operation op with its arguments at code[ip + 1:]."""
    if op == 13:  # IN
        return _charset(code, ip + 2, ch)
    if op == 31:  # IN_IGNORE
        return _charset(code, ip + 2, _lower_ascii(ch))
    if op == 39:  # IN_UNI_IGNORE
        return _charset(code, ip + 2, _lower_unicode(ch))
    if op == 35:  # IN_LOC_IGNORE
        return _charset_loc_ignore(code, ip + 2, ch)
    return _char_op(code, ip, ch)


def _in_fast(code, ncode, pc, ch):
    """Is ch in the set of the IN operation at code[pc]?"""
    if ch < 256:
        return code[_set_table(code, ncode, pc) + ch] != 0
    return _charset(code, pc + 2, ch)


def _count(code, ncode, ip, maxcount, s, ptr, end):
    """How many times (up to maxcount) the one-character item at code[ip] matches from ptr."""
    if maxcount < end - ptr and maxcount != 4294967295:
        end = ptr + maxcount
    i = ptr
    op = code[ip]
    if op == 13 or op == 31 or op == 39 or op == 35:  # IN IN_IGNORE IN_UNI_IGNORE IN_LOC_IGNORE
        o = code[ncode + ip]
        if o == 0:
            o = _set_table(code, ncode, ip)
        while i < end:
            ch = s[i]
            if ch < 256:
                if code[o + ch] == 0:
                    break
            elif not _char_op_as(op, code, ip, ch):
                break
            i += 1
    elif op == 2:  # ANY
        while i < end and s[i] != 10:
            i += 1
    elif op == 3:  # ANY_ALL
        if end > i:
            i = end
    elif op == 16:  # LITERAL
        c = code[ip + 1]
        while i < end and s[i] == c:
            i += 1
    elif op == 20:  # NOT_LITERAL
        c = code[ip + 1]
        while i < end and s[i] != c:
            i += 1
    elif op == 32:  # LITERAL_IGNORE
        c = code[ip + 1]
        while i < end and _lower_ascii(s[i]) == c:
            i += 1
    elif op == 33:  # NOT_LITERAL_IGNORE
        c = code[ip + 1]
        while i < end and _lower_ascii(s[i]) != c:
            i += 1
    elif op == 40:  # LITERAL_UNI_IGNORE
        c = code[ip + 1]
        while i < end and _lower_unicode(s[i]) == c:
            i += 1
    elif op == 41:  # NOT_LITERAL_UNI_IGNORE
        c = code[ip + 1]
        while i < end and _lower_unicode(s[i]) != c:
            i += 1
    else:
        while i < end and _char_op(code, ip, s[i]):
            i += 1
    return i - ptr


def _at(s, ptr, end, atcode):
    if atcode == 0 or atcode == 2:  # AT_BEGINNING AT_BEGINNING_STRING
        return ptr == 0
    if atcode == 1:  # AT_BEGINNING_LINE
        return ptr == 0 or s[ptr - 1] == 10
    if atcode == 5:  # AT_END
        return (end - ptr == 1 and s[ptr] == 10) or ptr == end
    if atcode == 6:  # AT_END_LINE
        return ptr == end or (ptr < len(s) and s[ptr] == 10)
    if atcode == 7:  # AT_END_STRING
        return ptr == end
    if atcode <= 4:  # AT_NON_BOUNDARY
        if end == 0:
            return False
        thatp = ptr > 0 and s[ptr - 1] < 128 and (_ASCII_CLASS[s[ptr - 1]] & 4) != 0
        thisp = ptr < end and s[ptr] < 128 and (_ASCII_CLASS[s[ptr]] & 4) != 0
        if atcode == 3:  # AT_BOUNDARY
            return thisp != thatp
        return thisp == thatp
    if atcode <= 9:  # AT_LOC_NON_BOUNDARY
        if end == 0:
            return False
        thatp = ptr > 0 and s[ptr - 1] < 128 and (_ASCII_CLASS[s[ptr - 1]] & 4) != 0
        thisp = ptr < end and s[ptr] < 128 and (_ASCII_CLASS[s[ptr]] & 4) != 0
        if atcode == 8:  # AT_LOC_BOUNDARY
            return thisp != thatp
        return thisp == thatp
    if atcode <= 11:  # AT_UNI_NON_BOUNDARY
        if end == 0:
            return False
        thatp = ptr > 0 and _uni_is_word(s[ptr - 1])
        thisp = ptr < end and _uni_is_word(s[ptr])
        if atcode == 10:  # AT_UNI_BOUNDARY
            return thisp != thatp
        return thisp == thatp
    raise RuntimeError("invalid SRE code")


# ---------------------------------------------------------------------------------------------
# the matcher

# a context on the frame stack: _F ints at fs[fb:fb+_F]
_F_JUMP = 0    # where the parent resumes when this context returns
_F_TOP = 1     # toplevel flag of this context
_F_PC = 2      # saved pattern position
_F_PTR = 3     # saved subject position
_F_CNT = 4     # repeat count
_F_LM = 5      # saved lastmark
_F_LI = 6      # saved lastindex
_F_U = 7       # repeat context index, or the literal that follows a REPEAT_ONE
_F_SAV = 8     # saved last_ptr of a repeat (zero-width protection)
_F = 9

# jump labels (what a returning context resumes in its parent)
_J_NONE = 0
_J_BRANCH = 1
_J_REPEAT_ONE_1 = 2
_J_REPEAT_ONE_2 = 3
_J_MIN_REPEAT_ONE = 4
_J_MIN_REPEAT_ONE_START = 5
_J_REPEAT = 6
_J_MAX_UNTIL_1 = 7
_J_MAX_UNTIL_2 = 8
_J_MAX_UNTIL_3 = 9
_J_MIN_UNTIL_1 = 10
_J_MIN_UNTIL_2 = 11
_J_MIN_UNTIL_3 = 12
_J_ASSERT = 13
_J_ASSERT_NOT = 14
_J_POSS_REPEAT_1 = 15
_J_POSS_REPEAT_2 = 16
_J_POSS_REPEAT_ENTER = 17
_J_ATOMIC_GROUP = 18


# The internal classes (_State, _Subject, _Prog) take no __init__ arguments and are filled in by
# typed code: library code calling `x.__init__(...)` on an untyped x types the parameters of every
# class's __init__ `object`.

class _State:
    """One matching operation (or a scanner) on one subject."""

    def __init__(self):
        self.s = [0]            # the subject as code points
        self.text = ""          # the subject as str or bytes, for slices
        self.isbytes = False
        self.ncode = 0          # length of the pattern's code (see _set_table)
        self.ngroups = 0
        self.pos = 0
        self.endpos = 0
        self.start = 0
        self.end = 0
        self.ptr = 0
        self.marks = [-1]
        self.lastmark = -1
        self.lastindex = -1
        self.must_advance = False
        self.match_all = False
        self.fs = [0] * (9 * 16)    # contexts
        self.ms = [0] * 64          # saved marks
        self.rep_count = [0]        # repeat contexts
        self.rep_pat = [0]
        self.rep_last = [0]
        self.rep_prev = [0]


def _new_state(s, text, isbytes, start, end, ngroups, ncode):
    st = _State()
    st.s = s
    st.text = text
    st.isbytes = isbytes
    st.ncode = ncode
    st.ngroups = ngroups
    st.pos = start
    st.endpos = end
    st.start = start
    st.end = end
    st.ptr = start
    st.marks = [-1] * (2 * ngroups + 2)
    return st


# The mark stack: ms[:mtop] holds saved blocks of marks, each followed by its length.

def _mark_push(ms, mtop, marks, lastmark):
    """Save marks[0:lastmark+1]; returns the new top."""
    n = lastmark + 1
    if mtop + n + 1 > len(ms):
        ms.extend([0] * (len(ms) + n + 1))
    i = 0
    while i < n:
        ms[mtop + i] = marks[i]
        i += 1
    ms[mtop + n] = n
    return mtop + n + 1


def _mark_pop_keep(ms, mtop, marks):
    """Restore the last saved marks, keeping them saved."""
    n = ms[mtop - 1]
    b = mtop - 1 - n
    i = 0
    while i < n:
        marks[i] = ms[b + i]
        i += 1


def _mark_pop(ms, mtop, marks):
    """Restore the last saved marks and drop them; returns the new top."""
    n = ms[mtop - 1]
    b = mtop - 1 - n
    i = 0
    while i < n:
        marks[i] = ms[b + i]
        i += 1
    return b


def _mark_discard(ms, mtop):
    return mtop - 1 - ms[mtop - 1]


def _grow(fs):
    fs.extend([0] * len(fs))


# The engine below (_category .. _sre_search) spells the opcodes, AT codes, jump labels and frame
# offsets above as int literals, with the names in comments: pyrite loads a module constant (and
# checks it is bound) at every use, which cost about a fifth of the matcher's time. A context's
# fields: fs[fb + 0] jump label, +1 toplevel, +2 pc, +3 ptr, +4 count, +5 lastmark, +6 lastindex,
# +7 repeat index or literal, +8 saved last_ptr; 9 ints per context.

def _sre_match(st, code, pc, toplevel):
    """Match code[pc:] at st.ptr; 1 (st.ptr: where the match ended, marks set) or 0."""
    s = st.s
    end = st.end
    start = st.start
    marks = st.marks
    lastmark = st.lastmark
    lastindex = st.lastindex
    must_advance = st.must_advance
    match_all = st.match_all
    fs = st.fs
    ms = st.ms
    mtop = 0
    ncode = st.ncode
    rep_count = st.rep_count
    rep_pat = st.rep_pat
    rep_last = st.rep_last
    rep_prev = st.rep_prev
    rtop = 0
    currep = -1
    sptr = st.ptr
    ptr = sptr
    fb = 0
    fs[0] = 0  # J_NONE
    fs[1] = toplevel
    ret = 0
    if code[pc] == 14:  # INFO
        mn = code[pc + 3]
        if mn != 0 and 0 <= end - ptr < mn:
            return 0
        pc += code[pc + 1] + 1

    while True:
        # ---- run opcodes until the current context returns (break with ret set) ----
        while True:
            op = code[pc]
            if op == 16:  # LITERAL
                if ptr < end and s[ptr] == code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 13 or op == 31 or op == 39 or op == 35:  # IN IN_IGNORE IN_UNI_IGNORE IN_LOC_IGNORE
                if ptr < end:
                    ch = s[ptr]
                    if ch < 256:
                        o = code[ncode + pc]
                        if o == 0:
                            o = _set_table(code, ncode, pc)
                        ok = code[o + ch] != 0
                    else:
                        ok = _char_op_as(op, code, pc, ch)
                    if ok:
                        pc += code[pc + 1] + 1
                        ptr += 1
                        continue
                ret = 0
                break
            if op == 17:  # MARK
                i = code[pc + 1]
                if i & 1:
                    lastindex = i // 2 + 1
                if i > lastmark:
                    j = lastmark + 1
                    while j < i:
                        marks[j] = -1
                        j += 1
                    lastmark = i
                marks[i] = ptr
                pc += 2
                continue
            if op == 15 or op == 14:  # JUMP INFO
                pc += code[pc + 1] + 1
                continue
            if op == 24:  # REPEAT_ONE
                # <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                mn = code[pc + 2]
                if mn > end - ptr:
                    ret = 0
                    break
                cnt = _count(code, ncode, pc + 4, code[pc + 3], s, ptr, end)
                ptr += cnt
                if cnt < mn:
                    ret = 0
                    break
                nxt = pc + 1 + code[pc + 1]
                if (code[nxt] == 1 and ptr == end  # SUCCESS
                        and not (fs[fb + 1] and must_advance and ptr == start)):
                    sptr = ptr
                    ret = 1
                    break
                fs[fb + 5] = lastmark
                fs[fb + 6] = lastindex
                if currep >= 0:
                    mtop = _mark_push(ms, mtop, marks, lastmark)
                jl = 3  # J_REPEAT_ONE_2
                if code[nxt] == 16:  # LITERAL
                    jl = 2  # J_REPEAT_ONE_1
                    fs[fb + 7] = code[nxt + 1]
                # continue in the handler as if a first attempt at ptr+1 had failed
                fs[fb + 2] = pc
                fs[fb + 3] = ptr + 1
                fs[fb + 4] = cnt + 1
                fb += 9
                if fb + 9 > len(fs):
                    _grow(fs)
                fs[fb + 0] = jl
                ret = 0
                break
            if op == 7:  # BRANCH
                fs[fb + 5] = lastmark
                fs[fb + 6] = lastindex
                if currep >= 0:
                    mtop = _mark_push(ms, mtop, marks, lastmark)
                fs[fb + 2] = pc + 1
                fs[fb + 3] = ptr
                fb += 9
                if fb + 9 > len(fs):
                    _grow(fs)
                fs[fb + 0] = 1  # J_BRANCH
                ret = 0
                break
            if op == 2:  # ANY
                if ptr < end and s[ptr] != 10:
                    pc += 1
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 1:  # SUCCESS
                if fs[fb + 1] and ((match_all and ptr != end) or (must_advance and ptr == start)):
                    ret = 0
                    break
                sptr = ptr
                ret = 1
                break
            if op == 8:  # CATEGORY
                if ptr < end and _category(code[pc + 1], s[ptr]):
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 6:  # AT
                if _at(s, ptr, end, code[pc + 1]):
                    pc += 2
                    continue
                ret = 0
                break
            if op == 3:  # ANY_ALL
                if ptr < end:
                    pc += 1
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 20:  # NOT_LITERAL
                if ptr < end and s[ptr] != code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 23:  # REPEAT
                # <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail
                r = rtop
                if r >= len(rep_count):
                    rep_count.append(0)
                    rep_pat.append(0)
                    rep_last.append(0)
                    rep_prev.append(0)
                rep_count[r] = -1
                rep_pat[r] = pc + 1
                rep_last[r] = -1
                rep_prev[r] = currep
                rtop = r + 1
                currep = r
                sptr = ptr
                fs[fb + 7] = r
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                nb = fb + 9
                if nb + 9 > len(fs):
                    _grow(fs)
                fs[nb + 0] = 6  # J_REPEAT
                fs[nb + 1] = fs[fb + 1]
                fb = nb
                pc = pc + 1 + code[pc + 1]
                continue
            if op == 18 or op == 19:  # MAX_UNTIL MIN_UNTIL
                r = currep
                if r < 0:
                    raise RuntimeError("internal error in regular expression engine")
                sptr = ptr
                cnt = rep_count[r] + 1
                rp = rep_pat[r]
                fs[fb + 7] = r
                fs[fb + 4] = cnt
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                if cnt < code[rp + 1]:
                    # not enough matches: match another item
                    rep_count[r] = cnt
                    jl = 7  # J_MAX_UNTIL_1
                    if op == 19:  # MIN_UNTIL
                        jl = 10  # J_MIN_UNTIL_1
                    target = rp + 3
                    tl = fs[fb + 1]
                elif op == 18:  # MAX_UNTIL
                    mx = code[rp + 2]
                    if (cnt < mx or mx == 4294967295) and sptr != rep_last[r]:
                        # we may have enough matches, but try another item first
                        rep_count[r] = cnt
                        fs[fb + 5] = lastmark
                        fs[fb + 6] = lastindex
                        mtop = _mark_push(ms, mtop, marks, lastmark)
                        fs[fb + 8] = rep_last[r]
                        rep_last[r] = sptr
                        jl = 8  # J_MAX_UNTIL_2
                        target = rp + 3
                    else:
                        # the tail
                        currep = rep_prev[r]
                        jl = 9  # J_MAX_UNTIL_3
                        target = pc + 1
                    tl = fs[fb + 1]
                else:
                    # MIN_UNTIL: see if the tail matches first
                    currep = rep_prev[r]
                    fs[fb + 5] = lastmark
                    fs[fb + 6] = lastindex
                    if currep >= 0:
                        mtop = _mark_push(ms, mtop, marks, lastmark)
                    jl = 11  # J_MIN_UNTIL_2
                    target = pc + 1
                    tl = fs[fb + 1]
                nb = fb + 9
                if nb + 9 > len(fs):
                    _grow(fs)
                fs[nb + 0] = jl
                fs[nb + 1] = tl
                fb = nb
                pc = target
                ptr = sptr
                continue
            if op == 26:  # MIN_REPEAT_ONE
                # <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                mn = code[pc + 2]
                if mn > end - ptr:
                    ret = 0
                    break
                cnt = 0
                if mn != 0:
                    cnt = _count(code, ncode, pc + 4, mn, s, ptr, end)
                    if cnt < mn:
                        ret = 0
                        break
                    ptr += cnt
                nxt = pc + 1 + code[pc + 1]
                if (code[nxt] == 1 and not (fs[fb + 1] and (  # SUCCESS
                        (match_all and ptr != end) or (must_advance and ptr == start)))):
                    sptr = ptr
                    ret = 1
                    break
                fs[fb + 5] = lastmark
                fs[fb + 6] = lastindex
                if currep >= 0:
                    mtop = _mark_push(ms, mtop, marks, lastmark)
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                fs[fb + 4] = cnt
                fb += 9
                if fb + 9 > len(fs):
                    _grow(fs)
                fs[fb + 0] = 5  # J_MIN_REPEAT_ONE_START
                ret = 0
                break
            if op == 32:  # LITERAL_IGNORE
                if ptr < end and _lower_ascii(s[ptr]) == code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 40:  # LITERAL_UNI_IGNORE
                if ptr < end and _lower_unicode(s[ptr]) == code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 29:  # POSSESSIVE_REPEAT_ONE
                mn = code[pc + 2]
                if mn > end - ptr:
                    ret = 0
                    break
                cnt = _count(code, ncode, pc + 4, code[pc + 3], s, ptr, end)
                if cnt < mn:
                    ret = 0
                    break
                ptr += cnt
                pc += code[pc + 1] + 1
                continue
            if op == 12:  # GROUPREF_EXISTS
                gi = code[pc + 1] * 2
                if (gi >= lastmark or marks[gi] < 0 or marks[gi + 1] < 0
                        or marks[gi + 1] < marks[gi]):
                    pc += code[pc + 2] + 1
                else:
                    pc += 3
                continue
            if (op == 11 or op == 30 or op == 38  # GROUPREF GROUPREF_IGNORE GROUPREF_UNI_IGNORE
                    or op == 34):
                gi = code[pc + 1] * 2
                if gi >= lastmark:
                    ret = 0
                    break
                p = marks[gi]
                e = marks[gi + 1]
                if p < 0 or e < 0 or e < p:
                    ret = 0
                    break
                ok = True
                if p < e and e - p > end - ptr:
                    ok = False
                elif op == 11:  # GROUPREF
                    while p < e:
                        if s[ptr] != s[p]:
                            ok = False
                            break
                        p += 1
                        ptr += 1
                elif op == 30:  # GROUPREF_IGNORE
                    while p < e:
                        if _lower_ascii(s[ptr]) != _lower_ascii(s[p]):
                            ok = False
                            break
                        p += 1
                        ptr += 1
                elif op == 38:  # GROUPREF_UNI_IGNORE
                    while p < e:
                        if _lower_unicode(s[ptr]) != _lower_unicode(s[p]):
                            ok = False
                            break
                        p += 1
                        ptr += 1
                else:
                    while p < e:
                        if _lower_locale(s[ptr]) != _lower_locale(s[p]):
                            ok = False
                            break
                        p += 1
                        ptr += 1
                if not ok:
                    ret = 0
                    break
                pc += 2
                continue
            if op == 4:  # ASSERT
                # <ASSERT> <skip> <back> pattern
                back = code[pc + 2]
                if ptr < back:
                    ret = 0
                    break
                sptr = ptr - back
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                nb = fb + 9
                if nb + 9 > len(fs):
                    _grow(fs)
                fs[nb + 0] = 13  # J_ASSERT
                fs[nb + 1] = 0
                fb = nb
                pc += 3
                ptr = sptr
                continue
            if op == 5:  # ASSERT_NOT
                back = code[pc + 2]
                if ptr >= back:
                    sptr = ptr - back
                    fs[fb + 5] = lastmark
                    fs[fb + 6] = lastindex
                    if currep >= 0:
                        mtop = _mark_push(ms, mtop, marks, lastmark)
                    fs[fb + 2] = pc
                    fs[fb + 3] = ptr
                    nb = fb + 9
                    if nb + 9 > len(fs):
                        _grow(fs)
                    fs[nb + 0] = 14  # J_ASSERT_NOT
                    fs[nb + 1] = 0
                    fb = nb
                    pc += 3
                    ptr = sptr
                    continue
                pc += code[pc + 1] + 1
                continue
            if op == 27:  # ATOMIC_GROUP
                sptr = ptr
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                nb = fb + 9
                if nb + 9 > len(fs):
                    _grow(fs)
                fs[nb + 0] = 18  # J_ATOMIC_GROUP
                fs[nb + 1] = 0
                fb = nb
                pc += 2
                continue
            if op == 28:  # POSSESSIVE_REPEAT
                # <POSSESSIVE_REPEAT> <skip> <min> <max> pattern <SUCCESS> tail
                sptr = ptr
                fs[fb + 4] = 0
                fs[fb + 2] = pc
                fs[fb + 3] = ptr
                nb = fb + 9
                if nb + 9 > len(fs):
                    _grow(fs)
                fb = nb
                if code[pc + 2] > 0:
                    fs[fb + 0] = 15  # J_POSS_REPEAT_1
                    fs[fb + 1] = 0
                    pc += 4
                    continue
                fs[fb - 9 + 8] = -1
                fs[fb + 0] = 17  # J_POSS_REPEAT_ENTER
                ret = 0
                break
            if op == 33:  # NOT_LITERAL_IGNORE
                if ptr < end and _lower_ascii(s[ptr]) != code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 41:  # NOT_LITERAL_UNI_IGNORE
                if ptr < end and _lower_unicode(s[ptr]) != code[pc + 1]:
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 36:  # LITERAL_LOC_IGNORE
                if ptr < end and _char_loc_ignore(code[pc + 1], s[ptr]):
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 37:  # NOT_LITERAL_LOC_IGNORE
                if ptr < end and not _char_loc_ignore(code[pc + 1], s[ptr]):
                    pc += 2
                    ptr += 1
                    continue
                ret = 0
                break
            if op == 0:  # FAILURE
                ret = 0
                break
            raise RuntimeError("invalid SRE code")

        # ---- the current context returns `ret`: resume its parent ----
        while True:
            if fb == 0:
                st.ptr = sptr
                st.lastmark = lastmark
                st.lastindex = lastindex
                return ret
            jl = fs[fb + 0]
            fb -= 9
            pc = fs[fb + 2]
            ptr = fs[fb + 3]
            if jl == 1:  # J_BRANCH
                if ret:
                    if currep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    continue
                if currep >= 0:
                    _mark_pop_keep(ms, mtop, marks)
                lastmark = fs[fb + 5]
                lastindex = fs[fb + 6]
                # pc: the next alternative to try
                p = pc
                while code[p]:
                    op = code[p + 1]
                    if op == 16 and (ptr >= end or s[ptr] != code[p + 2]):  # LITERAL
                        p += code[p]
                        continue
                    if op == 13 and (ptr >= end or not _in_fast(code, ncode, p + 1, s[ptr])):  # IN
                        p += code[p]
                        continue
                    break
                if code[p] == 0:
                    if currep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    ret = 0
                    continue
                sptr = ptr
                fs[fb + 2] = p + code[p]
                nb = fb + 9
                fs[nb + 0] = 1  # J_BRANCH
                fs[nb + 1] = fs[fb + 1]
                fb = nb
                pc = p + 1
                break
            if jl == 2 or jl == 3:  # J_REPEAT_ONE_1 J_REPEAT_ONE_2
                if ret:
                    if currep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    continue
                if currep >= 0:
                    _mark_pop_keep(ms, mtop, marks)
                lastmark = fs[fb + 5]
                lastindex = fs[fb + 6]
                ptr -= 1
                cnt = fs[fb + 4] - 1
                mn = code[pc + 2]
                if jl == 2:  # J_REPEAT_ONE_1
                    # the tail starts with a literal: skip positions where it cannot match
                    c = fs[fb + 7]
                    while cnt >= mn and (ptr >= end or s[ptr] != c):
                        ptr -= 1
                        cnt -= 1
                if cnt < mn:
                    if currep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    ret = 0
                    continue
                sptr = ptr
                fs[fb + 3] = ptr
                fs[fb + 4] = cnt
                nb = fb + 9
                fs[nb + 0] = jl
                fs[nb + 1] = fs[fb + 1]
                fb = nb
                pc = pc + 1 + code[pc + 1]
                break
            if jl == 4 or jl == 5:  # J_MIN_REPEAT_ONE J_MIN_REPEAT_ONE_START
                cnt = fs[fb + 4]
                if jl == 4:  # J_MIN_REPEAT_ONE
                    if ret:
                        if currep >= 0:
                            mtop = _mark_discard(ms, mtop)
                        continue
                    if currep >= 0:
                        _mark_pop_keep(ms, mtop, marks)
                    lastmark = fs[fb + 5]
                    lastindex = fs[fb + 6]
                    sptr = ptr
                    if _count(code, ncode, pc + 4, 1, s, ptr, end) == 0:
                        if currep >= 0:
                            mtop = _mark_discard(ms, mtop)
                        ret = 0
                        continue
                    ptr += 1
                    cnt += 1
                mx = code[pc + 3]
                if mx == 4294967295 or cnt <= mx:
                    sptr = ptr
                    fs[fb + 3] = ptr
                    fs[fb + 4] = cnt
                    nb = fb + 9
                    fs[nb + 0] = 4  # J_MIN_REPEAT_ONE
                    fs[nb + 1] = fs[fb + 1]
                    fb = nb
                    pc = pc + 1 + code[pc + 1]
                    break
                if currep >= 0:
                    mtop = _mark_discard(ms, mtop)
                ret = 0
                continue
            if jl == 6:  # J_REPEAT
                r = fs[fb + 7]
                currep = rep_prev[r]
                rtop = r
                continue
            if jl == 7 or jl == 10:  # J_MAX_UNTIL_1 J_MIN_UNTIL_1
                if ret:
                    continue
                r = fs[fb + 7]
                rep_count[r] = fs[fb + 4] - 1
                sptr = ptr
                continue
            if jl == 8:  # J_MAX_UNTIL_2
                r = fs[fb + 7]
                rep_last[r] = fs[fb + 8]
                if ret:
                    mtop = _mark_discard(ms, mtop)
                    continue
                mtop = _mark_pop(ms, mtop, marks)
                lastmark = fs[fb + 5]
                lastindex = fs[fb + 6]
                rep_count[r] = fs[fb + 4] - 1
                sptr = ptr
                # cannot match more repeated items here: make sure the tail matches
                currep = rep_prev[r]
                nb = fb + 9
                fs[nb + 0] = 9  # J_MAX_UNTIL_3
                fs[nb + 1] = fs[fb + 1]
                fb = nb
                pc += 1
                break
            if jl == 9:  # J_MAX_UNTIL_3
                currep = fs[fb + 7]
                if ret:
                    continue
                sptr = ptr
                continue
            if jl == 11:  # J_MIN_UNTIL_2
                r = fs[fb + 7]
                tail_rep = currep
                currep = r
                if ret:
                    if tail_rep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    continue
                if tail_rep >= 0:
                    mtop = _mark_pop(ms, mtop, marks)
                lastmark = fs[fb + 5]
                lastindex = fs[fb + 6]
                sptr = ptr
                cnt = fs[fb + 4]
                rp = rep_pat[r]
                mx = code[rp + 2]
                if (cnt >= mx and mx != 4294967295) or sptr == rep_last[r]:
                    ret = 0
                    continue
                rep_count[r] = cnt
                fs[fb + 8] = rep_last[r]
                rep_last[r] = sptr
                nb = fb + 9
                fs[nb + 0] = 12  # J_MIN_UNTIL_3
                fs[nb + 1] = fs[fb + 1]
                fb = nb
                pc = rp + 3
                break
            if jl == 12:  # J_MIN_UNTIL_3
                r = fs[fb + 7]
                rep_last[r] = fs[fb + 8]
                if ret:
                    continue
                rep_count[r] = fs[fb + 4] - 1
                sptr = ptr
                continue
            if jl == 13:  # J_ASSERT
                if not ret:
                    continue
                pc += code[pc + 1] + 1
                break
            if jl == 14:  # J_ASSERT_NOT
                if ret:
                    if currep >= 0:
                        mtop = _mark_discard(ms, mtop)
                    ret = 0
                    continue
                if currep >= 0:
                    mtop = _mark_pop(ms, mtop, marks)
                lastmark = fs[fb + 5]
                lastindex = fs[fb + 6]
                pc += code[pc + 1] + 1
                break
            if jl == 18:  # J_ATOMIC_GROUP
                if not ret:
                    sptr = ptr
                    continue
                pc += code[pc + 1] + 1
                ptr = sptr
                break
            if jl == 15 or jl == 16 or jl == 17:  # J_POSS_REPEAT_1 J_POSS_REPEAT_2 J_POSS_REPEAT_ENTER
                tail = False
                if jl == 15:  # J_POSS_REPEAT_1
                    if not ret:
                        sptr = ptr
                        continue
                    cnt = fs[fb + 4] + 1
                    fs[fb + 4] = cnt
                    if cnt < code[pc + 2]:
                        nb = fb + 9
                        fs[nb + 0] = 15  # J_POSS_REPEAT_1
                        fs[nb + 1] = 0
                        fb = nb
                        pc += 4
                        ptr = sptr
                        break
                    fs[fb + 8] = -1
                elif jl == 16:  # J_POSS_REPEAT_2
                    if ret:
                        mtop = _mark_discard(ms, mtop)
                        fs[fb + 4] += 1
                    else:
                        mtop = _mark_pop(ms, mtop, marks)
                        lastmark = fs[fb + 5]
                        lastindex = fs[fb + 6]
                        sptr = fs[fb + 8]
                        tail = True
                if not tail:
                    cnt = fs[fb + 4]
                    mx = code[pc + 3]
                    if (cnt < mx or mx == 4294967295) and sptr != fs[fb + 8]:
                        fs[fb + 5] = lastmark
                        fs[fb + 6] = lastindex
                        mtop = _mark_push(ms, mtop, marks, lastmark)
                        fs[fb + 8] = sptr
                        nb = fb + 9
                        fs[nb + 0] = 16  # J_POSS_REPEAT_2
                        fs[nb + 1] = 0
                        fb = nb
                        pc += 4
                        ptr = sptr
                        break
                pc += code[pc + 1] + 2
                ptr = sptr
                break
            raise RuntimeError("internal error in regular expression engine")


def _sre_search(st, code):
    """Search for the first match from st.start; 1 (st.start, st.ptr: the match) or 0."""
    ptr = st.start
    end = st.end
    if ptr > end:
        return 0
    pc = 0
    flags = 0
    prefix_len = 0
    prefix_skip = 0
    prefix = 0
    charset = -1
    if code[0] == 14:  # INFO
        # <INFO> <skip> <flags> <min> <max> <prefix info>
        flags = code[2]
        mn = code[3]
        if mn != 0 and end - ptr < mn:
            return 0
        if mn > 1:
            end -= mn - 1
            if end <= ptr:
                end = ptr
        if flags & 1:  # INFO_PREFIX
            prefix_len = code[5]
            prefix_skip = code[6]
            prefix = 7
        elif flags & 4:  # INFO_CHARSET
            charset = 5
        pc = 1 + code[1]
    s = st.s

    if prefix_len == 1:
        c = code[prefix]
        end = st.end
        st.must_advance = False
        while ptr < end:
            while s[ptr] != c:
                ptr += 1
                if ptr >= end:
                    return 0
            st.start = ptr
            st.ptr = ptr + prefix_skip
            if flags & 2:  # INFO_LITERAL
                return 1
            status = _sre_match(st, code, pc + 2 * prefix_skip, 0)
            if status != 0:
                return status
            ptr += 1
            st.lastmark = -1
            st.lastindex = -1
        return 0

    if prefix_len > 1:
        end = st.end
        if prefix_len > end - ptr:
            return 0
        c = code[prefix]
        last = end - prefix_len
        st.must_advance = False
        while ptr <= last:
            if s[ptr] != c:
                ptr += 1
                continue
            i = 1
            while i < prefix_len and s[ptr + i] == code[prefix + i]:
                i += 1
            if i == prefix_len:
                st.start = ptr
                st.ptr = ptr + prefix_skip
                if flags & 2:  # INFO_LITERAL
                    return 1
                status = _sre_match(st, code, pc + 2 * prefix_skip, 0)
                if status != 0:
                    return status
                st.lastmark = -1
                st.lastindex = -1
            ptr += 1
        return 0

    if charset >= 0:
        end = st.end
        st.must_advance = False
        while True:
            o = _set_table(code, st.ncode, 3)
            while ptr < end:
                ch = s[ptr]
                if ch < 256:
                    if code[o + ch] != 0:
                        break
                elif _charset(code, 5, ch):
                    break
                ptr += 1
            if ptr >= end:
                return 0
            st.start = ptr
            st.ptr = ptr
            status = _sre_match(st, code, pc, 0)
            if status != 0:
                return status
            ptr += 1
            st.lastmark = -1
            st.lastindex = -1

    st.start = ptr
    st.ptr = ptr
    status = _sre_match(st, code, pc, 1)
    st.must_advance = False
    if status == 0 and code[pc] == 6 and (code[pc + 1] == 0  # AT AT_BEGINNING
                                            or code[pc + 1] == 2):
        st.start = end
        st.ptr = end
        return 0
    while status == 0 and ptr < end:
        ptr += 1
        st.lastmark = -1
        st.lastindex = -1
        st.start = ptr
        st.ptr = ptr
        status = _sre_match(st, code, pc, 0)
    return status


# ---------------------------------------------------------------------------------------------
# subjects

class _Subject:
    """The last subject converted to code points (by identity: the tokenizer idiom
    `pat.match(text, pos)` in a loop converts `text` once)."""

    def __init__(self):
        self.obj = None
        self.text = ""
        self.codes = [0]
        self.isbytes = False


_subject = _Subject()


def _type_name(obj):
    return type(obj).__name__


def _buffer_bytes(obj):
    """The bytes of a bytes-like object other than bytes, or TypeError."""
    if isinstance(obj, bytearray):
        return bytes(obj)
    if isinstance(obj, (int, float, list, tuple, dict, set, type(None))):
        raise TypeError("expected string or bytes-like object, got '%s'" % _type_name(obj))
    try:
        b = bytes(memoryview(obj))
    except (TypeError, NotImplementedError):
        raise TypeError("expected string or bytes-like object, got '%s'" % _type_name(obj)) from None
    return b


def _prepare(string):
    """Convert `string` (str or bytes-like) into _subject."""
    c = _subject
    if c.obj is string and c.obj is not None:
        return c
    if isinstance(string, str):
        if type(string) is str:
            text = str(string)
        else:
            text = "".join([string])    # slices of an exact str (a subclass may override [])
        if text.isascii():
            c.codes = _ascii_codes(text)
        else:
            c.codes = [ord(ch) for ch in text]
        c.text = text
        c.isbytes = False
        c.obj = string
    elif isinstance(string, bytes):
        btext = bytes(string)           # exact bytes: the object itself
        c.codes = _byte_codes(btext)
        c.text = btext
        c.isbytes = True
        c.obj = string
    else:
        b = _buffer_bytes(string)
        c.codes = _byte_codes(b)
        c.text = b
        c.isbytes = True
        c.obj = None   # mutable: convert again next time
    return c


def _ascii_codes(text):
    return list(text.encode("ascii"))


def _byte_codes(b):
    return [int(x) for x in b]


def _as_index(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), "__index__"):
        return int(v.__index__())
    raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(v))


# ---------------------------------------------------------------------------------------------
# Pattern, Match, SRE_Scanner

class _Token:
    pass


_TOKEN = _Token()

_GenericAlias = type(list[int])
_MappingProxy = type(type.__dict__)


# Per-pattern and per-scanner data the matcher uses live in these registries, not in fields of
# Pattern / SRE_Scanner: those objects reach dynamic code (re's cache, the program), and when a
# program reads `obj.__dict__` of an untyped object (copy, enum...) pyrite gives every such class a
# dict layout, whose fields read as `object`: the engine would then run (and compile) dynamically.
# A Pattern holds an int handle into _PROGS, an SRE_Scanner one into _SCAN_STATES; their __del__
# frees the slot.

class _Prog:
    """What the matcher needs of a compiled pattern."""

    def __init__(self):
        self.code = [0]         # the code list given to compile()
        self.xcode = [0]        # the code, then the set tables (see _set_table)
        self.ncode = 0
        self.ngroups = 0
        self.isbytes = 0        # 0 str, 1 bytes, -1 either (pattern None)


def _new_prog_data(code, ngroups, isbytes):
    prog = _Prog()
    prog.code = code
    prog.xcode = code + [0] * len(code)
    prog.ncode = len(code)
    prog.ngroups = ngroups
    prog.isbytes = isbytes
    return prog


_NO_PROG = _Prog()
_NO_STATE = _State()
_PROGS = [_NO_PROG]
_FREE_PROGS = [0]
_SCAN_STATES = [_NO_STATE]
_FREE_SCAN_STATES = [0]
del _FREE_PROGS[:]
del _FREE_SCAN_STATES[:]


def _new_prog(prog):
    if _FREE_PROGS:
        i = _FREE_PROGS.pop()
        _PROGS[i] = prog
        return i
    _PROGS.append(prog)
    return len(_PROGS) - 1


def _free_prog(i):
    if i > 0:
        _PROGS[i] = _NO_PROG
        _FREE_PROGS.append(i)


def _new_scan_state(st):
    if _FREE_SCAN_STATES:
        i = _FREE_SCAN_STATES.pop()
        _SCAN_STATES[i] = st
        return i
    _SCAN_STATES.append(st)
    return len(_SCAN_STATES) - 1


def _free_scan_state(i):
    if i > 0:
        _SCAN_STATES[i] = _NO_STATE
        _FREE_SCAN_STATES.append(i)


def _make_state(prog, string, start, end):
    """The matching state for string[start:end] (start, end: ints, clamped as CPython does)."""
    subj = _prepare(string)
    if subj.isbytes:
        if prog.isbytes == 0:
            raise TypeError("cannot use a string pattern on a bytes-like object")
    elif prog.isbytes > 0:
        raise TypeError("cannot use a bytes pattern on a string-like object")
    n = len(subj.codes)
    if start < 0:
        start = 0
    elif start > n:
        start = n
    if end < 0:
        end = 0
    elif end > n:
        end = n
    return _new_state(subj.codes, subj.text, subj.isbytes, start, end, prog.ngroups, prog.ncode)


def _new_match(pattern, string, st):
    """The Match object of the match st holds."""
    ng = st.ngroups
    marks = [0] * (2 * ng + 2)
    marks[0] = st.start
    marks[1] = st.ptr
    sm = st.marks
    lastmark = st.lastmark
    j = 0
    for i in range(ng):
        j = 2 * i
        if j + 1 <= lastmark and sm[j] >= 0 and sm[j + 1] >= 0:
            if sm[j] > sm[j + 1]:
                raise SystemError("The span of capturing group is wrong, please report a bug "
                                  "for the re module.")
            marks[j + 2] = sm[j]
            marks[j + 3] = sm[j + 1]
        else:
            marks[j + 2] = -1
            marks[j + 3] = -1
    m = Match(_TOKEN)
    m.re = pattern
    m.string = string
    m._text = st.text
    m.pos = st.pos
    m.endpos = st.endpos
    m._marks = marks
    m._lastindex = st.lastindex
    m._ngroups = ng + 1
    # a bytes-like subject other than bytes may change: groups read its current content
    m._live = not isinstance(string, (str, bytes))
    return m


def _getslice(st, index, empty):
    """state_getslice: group `index` of the match in st (an empty string or None when unset)."""
    j = (index - 1) * 2
    sm = st.marks
    if j >= st.lastmark or sm[j] < 0 or sm[j + 1] < 0:
        if empty:
            return st.text[0:0]
        return None
    return st.text[sm[j]:sm[j + 1]]


class Pattern:
    """Compiled regular expression object."""

    # instances are made by compile(), which sets the fields (passing them through __init__ would
    # type its parameters `object`: the class is used as a value)
    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create 're.Pattern' instances")
        self._pid = 0
        self.pattern = None
        self.flags = 0
        self.groups = 0
        self._groupindex = None
        self._indexgroup = None

    def __del__(self):
        try:
            _free_prog(int(getattr(self, "_pid", 0)))
            self._pid = 0
        except Exception:
            pass

    @property
    def groupindex(self):
        if not self._groupindex:
            return {}
        try:
            return _MappingProxy(self._groupindex)
        except TypeError:
            return dict(self._groupindex)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, _as_index(pos), _as_index(endpos))
        st.ptr = st.start
        if _sre_match(st, prog.xcode, 0, 1):
            return _new_match(self, string, st)
        return None

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, _as_index(pos), _as_index(endpos))
        st.ptr = st.start
        st.match_all = True
        if _sre_match(st, prog.xcode, 0, 1):
            return _new_match(self, string, st)
        return None

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scan through string looking for a match, and return a corresponding match object
        instance.

        Return None if no position in the string matches."""
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, _as_index(pos), _as_index(endpos))
        st.ptr = st.start
        if _sre_search(st, prog.xcode):
            return _new_match(self, string, st)
        return None

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches of pattern in string."""
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, _as_index(pos), _as_index(endpos))
        code = prog.xcode
        ng = prog.ngroups
        text = st.text
        out = []
        while st.start <= st.end:
            st.lastmark = -1
            st.lastindex = -1
            st.ptr = st.start
            if not _sre_search(st, code):
                break
            if ng == 0:
                out.append(text[st.start:st.ptr])
            elif ng == 1:
                out.append(_getslice(st, 1, True))
            else:
                out.append(tuple([_getslice(st, i + 1, True) for i in range(ng)]))
            st.must_advance = st.ptr == st.start
            st.start = st.ptr
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator over all non-overlapping matches for the RE pattern in string.

        For each match, the iterator returns a match object."""
        return _finditer(self.scanner(string, pos, endpos))

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        pid = int(self._pid)
        st = _make_state(_PROGS[pid], string, _as_index(pos), _as_index(endpos))
        sc = SRE_Scanner(_TOKEN)
        sc.pattern = self
        sc._string = string
        sc._pid = pid
        sc._sid = _new_scan_state(st)
        if not isinstance(string, (str, bytes)):
            # hold an export of the buffer while the scanner lives, as CPython does (a bytearray
            # cannot be resized meanwhile)
            try:
                sc._hold = memoryview(string)
            except Exception:
                pass
        return sc

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, 0, _MAXSIZE)
        nmax = _as_index(maxsplit)
        code = prog.xcode
        ng = prog.ngroups
        text = st.text
        out = []
        n = 0
        last = st.start
        while nmax == 0 or n < nmax:
            st.lastmark = -1
            st.lastindex = -1
            st.ptr = st.start
            if not _sre_search(st, code):
                break
            out.append(text[last:st.start])
            for i in range(ng):
                out.append(_getslice(st, i + 1, False))
            n += 1
            st.must_advance = st.ptr == st.start
            last = st.ptr
            st.start = st.ptr
        out.append(text[last:st.endpos])
        return out

    def _subx(self, repl, string, count, subn):
        filt = repl
        is_callable = False
        if callable(repl):
            is_callable = True
        else:
            literal = False
            if isinstance(repl, str):
                literal = "\\" not in repl
            elif isinstance(repl, bytes):
                literal = b"\\" not in repl
            else:
                try:
                    literal = b"\\" not in _buffer_bytes(repl)
                except TypeError:
                    literal = False
            if not literal:
                import re
                filt = re._subx(self, repl)
                is_callable = callable(filt)
        prog = _PROGS[int(self._pid)]
        st = _make_state(prog, string, 0, _MAXSIZE)
        nmax = _as_index(count)
        code = prog.xcode
        text = st.text
        pieces = []
        n = 0
        i = 0
        while nmax == 0 or n < nmax:
            st.lastmark = -1
            st.lastindex = -1
            st.ptr = st.start
            if not _sre_search(st, code):
                break
            b = st.start
            e = st.ptr
            if i < b:
                pieces.append(text[i:b])
            if is_callable:
                item = filt(_new_match(self, string, st))
                if item is not None:
                    pieces.append(item)
            else:
                pieces.append(filt)
            i = e
            n += 1
            st.must_advance = st.ptr == st.start
            st.start = st.ptr
        if i < st.endpos:
            pieces.append(text[i:st.endpos])
        joiner = text[0:0]
        if len(pieces) == 0:
            result = joiner
        else:
            result = joiner.join(pieces)
        if subn:
            return (result, n)
        return result

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping occurrences of
        pattern in string by the replacement repl."""
        return self._subx(repl, string, count, False)

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost
        non-overlapping occurrences of pattern with the replacement repl."""
        return self._subx(repl, string, count, True)

    def __repr__(self):
        flags = int(self.flags)
        if _PROGS[int(self._pid)].isbytes == 0 and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        items = []
        for name, value in _FLAG_NAMES:
            if flags & value:
                items.append(name)
                flags &= ~value
        if flags:
            items.append("0x%x" % flags)
        r = repr(self.pattern)[:200]
        if items:
            return "re.compile(%s, %s)" % (r, "|".join(items))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        if self is other:
            return True
        a = _PROGS[int(self._pid)]
        b = _PROGS[int(other._pid)]
        return (self.flags == other.flags and a.isbytes == b.isbytes and a.code == b.code
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        prog = _PROGS[int(self._pid)]
        h = hash(self.pattern) ^ hash(tuple(prog.code)) ^ int(self.flags) ^ prog.isbytes
        h ^= prog.ncode
        if h == -1:
            h = -2
        return h

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


Pattern.__module__ = "re"

_NO_PATTERN = Pattern(_TOKEN)


def _finditer(scanner):
    while True:
        m = scanner.search()
        if m is None:
            return
        yield m


class SRE_Scanner:
    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create '_sre.SRE_Scanner' instances")
        self._sid = 0
        self.pattern = _NO_PATTERN
        self._string = None
        self._pid = 0
        self._hold = None

    def __del__(self):
        try:
            _free_scan_state(int(getattr(self, "_sid", 0)))
            self._sid = 0
        except Exception:
            pass

    def match(self):
        sid = int(self._sid)
        if sid == 0:
            return None     # exhausted
        st = _SCAN_STATES[sid]
        st.lastmark = -1
        st.lastindex = -1
        st.ptr = st.start
        if not _sre_match(st, _PROGS[int(self._pid)].xcode, 0, 1):
            _free_scan_state(sid)
            self._sid = 0
            return None
        m = _new_match(self.pattern, self._string, st)
        st.must_advance = st.ptr == st.start
        st.start = st.ptr
        return m

    def search(self):
        sid = int(self._sid)
        if sid == 0:
            return None     # exhausted
        st = _SCAN_STATES[sid]
        st.lastmark = -1
        st.lastindex = -1
        st.ptr = st.start
        if not _sre_search(st, _PROGS[int(self._pid)].xcode):
            _free_scan_state(sid)
            self._sid = 0
            return None
        m = _new_match(self.pattern, self._string, st)
        st.must_advance = st.ptr == st.start
        st.start = st.ptr
        return m


SRE_Scanner.__module__ = "_sre"


class Match:
    """The result of re.match() and re.search().
    Match objects always have a boolean value of True."""

    def __init__(self, token=None):
        if token is not _TOKEN:
            raise TypeError("cannot create 're.Match' instances")
        self.re = _NO_PATTERN
        self.string = None
        self._text = None
        self.pos = 0
        self.endpos = 0
        self._marks = [0]
        self._lastindex = -1
        self._ngroups = 0
        self._live = False

    def _index(self, index):
        if isinstance(index, int):
            i = int(index)
        elif hasattr(type(index), "__index__"):
            i = int(index.__index__())
        else:
            i = -1
            gi = self.re._groupindex
            if gi:
                v = gi.get(index)
                if isinstance(v, int):
                    i = int(v)
        if i < 0 or i >= self._ngroups:
            raise IndexError("no such group")
        return i

    def _get(self, i, default):
        a = self._marks[2 * i]
        if a < 0:
            return default
        b = self._marks[2 * i + 1]
        if self._live:
            data = _buffer_bytes(self.string)
            n = len(data)
            return data[min(a, n):min(b, n)]
        return self._text[a:b]

    def group(self, *args):
        """group([group1, ...]) -> str or tuple.
        Return subgroup(s) of the match by indices or names.
        For 0 returns the entire match."""
        if len(args) == 0:
            return self._get(0, None)
        if len(args) == 1:
            return self._get(self._index(args[0]), None)
        return tuple([self._get(self._index(a), None) for a in args])

    def __getitem__(self, g):
        return self._get(self._index(g), None)

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match, from 1."""
        return tuple([self._get(i, default) for i in range(1, self._ngroups)])

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match, keyed by the
        subgroup name."""
        d = {}
        gi = self.re._groupindex
        if gi:
            for key in gi:
                d[key] = self._get(self._index(key), default)
        return d

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        i = self._index(group)
        return (self._marks[2 * i], self._marks[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._marks[2 * i], self._marks[2 * i + 1]) for i in range(self._ngroups)])

    @property
    def lastindex(self):
        """The integer index of the last matched capturing group."""
        if self._lastindex >= 0:
            return self._lastindex
        return None

    @property
    def lastgroup(self):
        """The name of the last matched capturing group."""
        ig = self.re._indexgroup
        if self.re._groupindex and ig and 0 <= self._lastindex < len(ig):
            return ig[self._lastindex]
        return None

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string template, as
        done by the sub() method."""
        import re
        return re._expand(self.re, self, template)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._marks[0], self._marks[1], repr(self._get(0, None))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


Match.__module__ = "re"


# ---------------------------------------------------------------------------------------------
# module functions

def getcodesize():
    return CODESIZE


def ascii_iscased(ch):
    ch = _as_index(ch)
    return ch < 128 and (_ASCII_CLASS[ch] & _C_ALPHA) != 0


def unicode_iscased(ch):
    ch = _as_index(ch)
    return ch != _lower_unicode(ch) or ch != _upper_unicode(ch)


def ascii_tolower(ch):
    ch = _as_index(ch)
    if ch < 128:
        return _lower_ascii(ch)
    return ch


def unicode_tolower(ch):
    return _lower_unicode(_as_index(ch))


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    if not isinstance(code, list):
        raise TypeError("compile() argument 'code' must be list, not %s" % _type_name(code))
    if not isinstance(groupindex, dict):
        raise TypeError("compile() argument 'groupindex' must be dict, not %s"
                        % _type_name(groupindex))
    if not isinstance(indexgroup, tuple):
        raise TypeError("compile() argument 'indexgroup' must be tuple, not %s"
                        % _type_name(indexgroup))
    codes = [0] * len(code)
    for k in range(len(code)):
        x = code[k]
        if not isinstance(x, int):
            raise TypeError("an integer is required")
        v = int(x)
        if v < 0 or v > 0xFFFFFFFF:
            raise OverflowError("regular expression code size limit exceeded")
        codes[k] = v
    if pattern is None:
        isbytes = -1
    elif isinstance(pattern, str):
        isbytes = 0
    else:
        if not isinstance(pattern, bytes):
            _buffer_bytes(pattern)
        isbytes = 1
    ngroups = _as_index(groups)
    p = Pattern(_TOKEN)
    p.pattern = pattern
    p.flags = int(flags)
    p.groups = ngroups
    p._groupindex = groupindex
    p._indexgroup = indexgroup
    p._pid = _new_prog(_new_prog_data(codes, ngroups, isbytes))
    return p
