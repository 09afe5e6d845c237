"""Lint settings from ``[tool.automl-sdk.lint]`` in a ``pyproject.toml``.

.. code-block:: toml

    [tool.automl-sdk.lint]
    select = ["E", "W"]        # rule id prefixes to run (default: all rules)
    ignore = ["W8001", "I8"]   # rule id prefixes to skip

Python 3.11+ reads the file with :mod:`tomllib`. Python 3.10 has no ``tomllib`` and automl-sdk
does not depend on ``tomli``, so there a small reader handles this one table: ``key = [...]``
arrays of quoted strings (single- or multi-line, with comments and trailing commas). Anything
fancier in that table raises :class:`LintConfigError` with the line to fix.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

TABLE = ("tool", "automl-sdk", "lint")
KEYS = ("select", "ignore")
_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*(\"automl-sdk\"|automl-sdk)\s*\.\s*lint\s*\]\s*(#.*)?$")


class LintConfigError(Exception):
    """The ``[tool.automl-sdk.lint]`` table is malformed; the message names the file and problem."""


@attrs.frozen
class LintConfig:
    """Rule selection read from a ``pyproject.toml``.

    Attributes:
        select: rule id prefixes to run, or ``None`` for all rules.
        ignore: rule id prefixes to skip.
        path: the file the settings came from (``None`` when no file had the table).
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or one of its parents."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None) -> LintConfig:
    """Read ``[tool.automl-sdk.lint]`` from ``path``; an empty config when ``path`` is ``None``."""
    if path is None:
        return LintConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LintConfigError(f"{path}: cannot read: {exc}") from exc
    table = _read_table(text, path)
    if table is None:
        return LintConfig()
    return _validate(table, path)


def _read_table(text: str, path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib

        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LintConfigError(f"{path}: invalid TOML: {exc}") from exc
        for key in TABLE:
            data = data.get(key) if isinstance(data, dict) else None
        if data is None:
            return None
        if not isinstance(data, dict):
            raise LintConfigError(f"{path}: tool.automl-sdk.lint must be a table")
        return data
    return parse_lint_table(text, path)  # pragma: no cover - Python 3.10 only


def parse_lint_table(text: str, path: Path) -> dict[str, Any] | None:
    """The Python 3.10 reader: ``[tool.automl-sdk.lint]`` with ``key = ["..."]`` arrays only."""
    import ast

    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _HEADER.match(line)), None)
    if start is None:
        return None
    table: dict[str, Any] = {}
    i = start + 1
    while i < len(lines):
        line = _strip_comment(lines[i])
        if line.startswith("["):
            break
        if not line:
            i += 1
            continue
        first = i
        key, sep, value = line.partition("=")
        while value.count("[") > value.count("]") and i + 1 < len(lines):
            i += 1
            value += " " + _strip_comment(lines[i])
        try:
            parsed = ast.literal_eval(value.strip()) if sep else None
        except (ValueError, SyntaxError):
            parsed = None
        if parsed is None:
            raise LintConfigError(
                f'{path}:{first + 1}: expected key = ["...", ...] in [tool.automl-sdk.lint] '
                f"(got {lines[first].strip()!r})"
            )
        table[key.strip().strip("\"'")] = parsed
        i += 1
    return table


def _strip_comment(line: str) -> str:
    # Rule ids never contain '#', so a '#' outside quotes starts a comment.
    out, quote = [], ""
    for char in line:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        out.append(char)
    return "".join(out).strip()


def _validate(table: dict[str, Any], path: Path) -> LintConfig:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise LintConfigError(
            f"{path}: unknown key(s) in [tool.automl-sdk.lint]: {', '.join(unknown)} "
            f"(expected {' or '.join(KEYS)})"
        )
    values: dict[str, tuple[str, ...]] = {}
    for key in KEYS:
        if key in table:
            values[key] = _prefixes(table[key], f"{path}: tool.automl-sdk.lint.{key}")
    return LintConfig(select=values.get("select"), ignore=values.get("ignore", ()), path=path)


def _prefixes(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LintConfigError(f'{where} must be a list of rule id prefixes such as ["E3", "W8001"]')
    return validate_prefixes(value, where)


_PREFIX = re.compile(r"[EWI][0-9]{0,4}")


def validate_prefixes(values: Sequence[str], where: str) -> tuple[str, ...]:
    """Check each value is a rule id prefix (``E``, ``E3``, ``W8001``...); return them as a tuple."""
    bad = [value for value in values if not _PREFIX.fullmatch(value)]
    if bad:
        raise LintConfigError(
            f"{where}: not a rule id prefix: {', '.join(map(repr, bad))} "
            "(expected a letter E, W or I followed by up to four digits, e.g. E3 or W8001)"
        )
    return tuple(values)
