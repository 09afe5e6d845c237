"""Lint settings from ``[tool.automl-sdk.lint]`` in a ``pyproject.toml``.

.. code-block:: toml

    [tool.automl-sdk.lint]
    select = ["E", "W"]        # rule id prefixes to run (default: all rules)
    ignore = ["W8001", "I8"]   # rule id prefixes to skip

The file is read with :mod:`tomllib` on Python 3.11+ and with its backport ``tomli`` (a
dependency on Python 3.10 only) before that. A malformed table raises
:class:`~automl_sdk.errors.LintConfigError` naming the file and the problem.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from automl_sdk.errors import LintConfigError

__all__ = ["LintConfig", "LintConfigError", "find_pyproject", "load_config", "validate_prefixes"]

TABLE = ("tool", "automl-sdk", "lint")
KEYS = ("select", "ignore")


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
        raise LintConfigError(source=str(path), problem=f"cannot read: {exc}") from exc
    table = _read_table(text, path)
    if table is None:
        return LintConfig()
    return _validate(table, path)


def _read_table(text: str, path: Path) -> dict[str, Any] | None:
    """The ``[tool.automl-sdk.lint]`` table of a TOML document, or ``None`` when it has none."""
    # Imported here: most lint runs find no pyproject.toml, and the command must start fast.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LintConfigError(source=str(path), problem=f"invalid TOML: {exc}") from exc
    for key in TABLE:
        data = data.get(key) if isinstance(data, dict) else None
    if data is None:
        return None
    if not isinstance(data, dict):
        raise LintConfigError(source=str(path), problem="tool.automl-sdk.lint must be a table")
    return data


def _validate(table: dict[str, Any], path: Path) -> LintConfig:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise LintConfigError(
            source=str(path),
            problem=f"unknown key(s) in [tool.automl-sdk.lint]: {', '.join(unknown)} "
            f"(expected {' or '.join(KEYS)})",
        )
    values: dict[str, tuple[str, ...]] = {}
    for key in KEYS:
        if key in table:
            values[key] = _prefixes(table[key], str(path), f"tool.automl-sdk.lint.{key}")
    return LintConfig(select=values.get("select"), ignore=values.get("ignore", ()), path=path)


def _prefixes(value: Any, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LintConfigError(
            source=source,
            problem=f'{key} must be a list of rule id prefixes such as ["E3", "W8001"]',
        )
    return validate_prefixes(value, f"{source}: {key}")


_PREFIX = re.compile(r"[EWI][0-9]{0,4}")


def validate_prefixes(values: Sequence[str], where: str) -> tuple[str, ...]:
    """Check each value is a rule id prefix (``E``, ``E3``, ``W8001``...); return them as a tuple."""
    bad = [value for value in values if not _PREFIX.fullmatch(value)]
    if bad:
        raise LintConfigError(
            source=where,
            problem=f"not a rule id prefix: {', '.join(map(repr, bad))} "
            "(expected a letter E, W or I followed by up to four digits, e.g. E3 or W8001)",
        )
    return tuple(values)
