"""Translate the service model's Java-style regexes to Python and compile them lazily.

The model's patterns are unanchored Java regexes that must match the WHOLE value (the service
checks ``matches()``), and a few use Unicode property classes Python's ``re`` lacks
(``\\p{L}`` letters, ``\\p{N}`` numbers, ``\\p{Z}`` separators). They are rewritten as:

* ``\\p{L}`` -> ``[^\\W\\d_]`` (word characters that are not digits or ``_``: the letters),
* ``\\p{N}`` -> a word character that is not a letter or ``_`` (digits and other numbers),
* ``\\p{Z}`` -> the Unicode space, line and paragraph separators, listed,
* ``\\d`` -> ``[0-9]`` (Java's ``\\d`` is ASCII only; Python's is not).

Inside a character class the property escapes become alternatives: ``[\\p{L}_.]`` becomes
``(?:[_.]|[^\\W\\d_])``, except that letters, numbers and ``_`` together become ``\\w`` and
separators are listed in the class itself: the same characters, matched several times faster.
A pattern that still does not compile is skipped (returns ``None``) rather than failing the
lint run; none in the current model does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_SEPARATORS = "\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_LETTER = "[^\\W\\d_]"
_NUMBER = "(?:(?![^\\W\\d_])[^\\W_])"
PROPERTY_CLASSES = {
    "L": _LETTER,
    "N": _NUMBER,
    "Z": f"[{_SEPARATORS}]",
}
_ANY = "[\\s\\S]"
_PROPERTY = re.compile(r"\\p\{(\w+)\}")


def translate(pattern: str) -> str:
    """Rewrite a Java regex into an equivalent Python one (see the module docstring)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape, i = _escape(pattern, i)
            out.append(_outside(escape))
        elif char == "[":
            body, negated, i = _read_class(pattern, i)
            out.append(_class(body, negated))
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _escape(pattern: str, i: int) -> tuple[str, int]:
    """The escape starting at ``pattern[i]`` (``\\x`` or ``\\p{Name}``) and the index after it."""
    match = _PROPERTY.match(pattern, i)
    if match:
        return match.group(0), match.end()
    return pattern[i : i + 2], i + 2


def _outside(escape: str) -> str:
    if escape == "\\d":
        return "[0-9]"
    match = _PROPERTY.fullmatch(escape)
    if match:
        return PROPERTY_CLASSES.get(match.group(1), escape)
    return escape


def _read_class(pattern: str, start: int) -> tuple[list[str], bool, int]:
    """Split the class at ``pattern[start] == "["`` into items; return (items, negated, end)."""
    i = start + 1
    negated = pattern.startswith("^", i)
    if negated:
        i += 1
    items: list[str] = []
    while i < len(pattern):
        char = pattern[i]
        if char == "]" and (items or i > start + 1 + negated):
            return items, negated, i + 1
        if char == "\\" and i + 1 < len(pattern):
            escape, i = _escape(pattern, i)
            items.append(escape)
        else:
            items.append(char)
            i += 1
    raise re.error("unterminated character class", pattern, start)


def _class(items: list[str], negated: bool) -> str:
    names: list[str] = []
    rest: list[str] = []
    for item in items:
        match = _PROPERTY.fullmatch(item)
        if match:
            names.append(match.group(1))
        else:
            rest.append("0-9" if item == "\\d" else item)
    if not negated:
        names, rest = _merge_properties(names, rest)
    properties = [PROPERTY_CLASSES.get(name, f"\\p{{{name}}}") for name in names]
    caret = "^" if negated else ""
    plain = f"[{caret}{''.join(rest)}]" if rest else ""
    if not properties:
        return plain
    if negated:
        return f"(?:(?!{'|'.join(properties)}){plain or _ANY})"
    return f"(?:{'|'.join([plain, *properties] if plain else properties)})"


def _merge_properties(names: list[str], rest: list[str]) -> tuple[list[str], list[str]]:
    """Fold property classes into the plain class where an exact equivalent exists, so the
    class is one set rather than an alternation (several times faster to match).

    Letters, numbers and ``_`` together are exactly Python's ``\\w`` (by the definitions of
    ``\\p{L}`` and ``\\p{N}`` above); ``\\p{Z}`` is a list of characters that fits in any set.
    """
    merged: list[str] = []
    if "L" in names and "N" in names and ("_" in rest or "\\_" in rest):
        names = [name for name in names if name not in ("L", "N")]
        merged.append("\\w")
    if "Z" in names:
        names = [name for name in names if name != "Z"]
        merged.append(_SEPARATORS)
    if merged and rest and rest[0] in ("-", "]"):
        rest = ["\\" + rest[0], *rest[1:]]  # no longer first, so it must be escaped
    return names, merged + rest


_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def without_captures(python: str) -> str:
    """``python`` with each capturing group made non-capturing: ``(a|b)`` -> ``(?:a|b)``.

    A yes/no match never reads a group, and Python's matcher records every group's span at each
    repetition: ``[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}`` (a job name) matches twice as fast without.
    A pattern with a backreference keeps its groups (the reference needs them).
    """
    if _BACKREFERENCE.search(python):
        return python
    out: list[str] = []
    i = 0
    class_start = -1  # index of the first member of the character class being read, if any
    while i < len(python):
        char = python[i]
        if char == "\\":
            out.append(python[i : i + 2])
            i += 2
            continue
        if class_start >= 0:
            if char == "]" and i > class_start:  # a "]" first in the class is a member
                class_start = -1
        elif char == "[":
            class_start = i + 2 if python.startswith("^", i + 1) else i + 1
        elif char == "(" and not python.startswith("?", i + 1):
            char = "(?:"
        out.append(char)
        i += 1
    return "".join(out)


@functools.cache
def compiled(pattern: str) -> re.Pattern[str] | None:
    """The compiled Python form of a model pattern (for yes/no matching: see
    :func:`without_captures`), or ``None`` if it cannot be translated."""
    try:
        return re.compile(without_captures(translate(pattern)))
    except re.error:
        return None


def fullmatcher(pattern: str) -> Callable[[str], object]:
    """``regex.fullmatch`` of a model pattern: ``None`` when a value does not match.

    For a pattern that cannot be translated, a function that accepts every value.
    """
    regex = compiled(pattern)
    return _accept if regex is None else regex.fullmatch


def _accept(value: str) -> bool:
    return True


def full_match(pattern: str, value: str) -> bool:
    """True when ``value`` matches ``pattern`` as a whole (always True for an untranslatable one)."""
    return fullmatcher(pattern)(value) is not None
