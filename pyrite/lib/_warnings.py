# pyrite's `_warnings`: CPython writes this module in C (Python/_warnings.c), and warnings.py uses it
# when it imports. Without it warnings.py takes its pure-Python path, whose module-level
# `filterwarnings(..., module="__main__")` imports re (not compiled in with a program that does not
# use it). This is a Python version written from CPython 3.11's observable behaviour:
# - `filters` starts with CPython's default filters; their module patterns are plain strings, which
#   match by equality (filterwarnings() from warnings.py adds compiled patterns, matched with .match).
#   Once warnings.py is imported, its filters, defaultaction and onceregistry are the state used, as
#   in CPython (catch_warnings rebinds warnings.filters).
# - warn(): compiled code has no frame objects, so the warning is attributed as CPython attributes a
#   warning raised with no Python frame: filename "sys", line 1, module "sys" and the registry
#   `sys.__warningregistry__` (here a module-level dict).
# - the warning is shown through warnings._showwarnmsg, as the C module does.

filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_defaultaction = "default"
_onceregistry = {}
_filters_version = 1
_sys_registry = {}


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return bool(pattern.match(text))


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    warn_explicit(message, category, "sys", 1, "sys", _sys_registry, None, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if registry is None:
        registry = {}
    if registry.get("version", 0) != _filters_version:
        registry.clear()
        registry["version"] = _filters_version
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry.get(key):
        return None
    # the state is the warnings module's once it is imported (catch_warnings rebinds warnings.filters)
    try:
        import warnings
    except ImportError:
        warnings = None
    active = warnings.filters if warnings is not None else filters
    action = warnings.defaultaction if warnings is not None else _defaultaction
    onceregistry = warnings.onceregistry if warnings is not None else _onceregistry
    for item in active:
        act, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            action = act
            break
    if action == "ignore":
        return None
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        oncekey = (text, category)
        if onceregistry.get(oncekey):
            return None
        onceregistry[oncekey] = 1
    elif action == "always":
        pass
    elif action == "module":
        registry[key] = 1
        altkey = (text, category, 0)
        if registry.get(altkey):
            return None
        registry[altkey] = 1
    elif action == "default":
        registry[key] = 1
    else:
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, item))
    if warnings is None:
        raise RuntimeError("pyrite: _warnings cannot show a warning before the warnings module is imported")
    warnings._showwarnmsg(warnings.WarningMessage(message, category, filename, lineno, source=source))
    return None
