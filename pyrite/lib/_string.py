"""pyrite's own `_string` (CPython writes it in C): the parsers behind string.Formatter.

formatter_parser(s) yields (literal_text, field_name, format_spec, conversion) for each literal
run and the replacement field after it (None, None, None for a literal with no field after it);
formatter_field_name_split(name) returns (first, iterator of (is_attribute, key)). Same results and
ValueError messages as CPython 3.11 (checked against it by tests/cases and by comparing the two on
random format strings).
"""


def _is_digits(s):
    if not s:
        return False
    for c in s:
        if c < "0" or c > "9":
            return False
    return True


def _parse_field(s, i, n):
    """The field after a '{' at s[i-1]: (field_name, format_spec, conversion, index after the '}')."""
    start = i
    c = ""
    found = False
    while i < n:
        c = s[i]
        i += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while i < n and s[i] != "]":
                i += 1
            continue
        if c == "}" or c == ":" or c == "!":
            found = True
            break
    if not found:
        raise ValueError("expected '}' before end of string")
    field_name = s[start:i - 1]
    if c == "}":
        return field_name, "", None, i
    conversion = None
    if c == "!":
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = s[i]
        i += 1
        if i < n:
            c = s[i]
            i += 1
            if c == "}":
                return field_name, "", conversion, i
            if c != ":":
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    count = 1
    while i < n:
        c = s[i]
        i += 1
        if c == "{":
            count += 1
        elif c == "}":
            count -= 1
            if count == 0:
                return field_name, s[spec_start:i - 1], conversion, i
    raise ValueError("unmatched '{' in format spec")


def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' requires a 'str' object but received a '%s'"
                        % type(s).__name__)
    return _formatter_parser(s)


def _formatter_parser(s):
    i = 0
    n = len(s)
    while i < n:
        start = i
        c = ""
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == "}" and markup and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and markup and c == "{":
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:   # '{{' or '}}': the brace itself, and no field
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        field_name, spec, conversion, i = _parse_field(s, i, n)
        yield (literal, field_name, spec, conversion)


def _key(text):
    return int(text) if _is_digits(text) else text


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError("descriptor 'formatter_field_name_split' requires a 'str' object but received a '%s'"
                        % type(name).__name__)
    n = len(name)
    i = 0
    while i < n and name[i] != "." and name[i] != "[":
        i += 1
    return _key(name[:i]), _field_rest(name, i, n)


def _field_rest(name, i, n):
    while i < n:
        c = name[i]
        i += 1
        if c == ".":
            start = i
            while i < n and name[i] != "." and name[i] != "[":
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield (True, name[start:i])
        elif c == "[":
            start = i
            while i < n and name[i] != "]":
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == start:
                raise ValueError("Empty attribute in format string")
            key = name[start:i]
            i += 1
            if i < n and name[i] != "." and name[i] != "[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
            yield (False, _key(key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
