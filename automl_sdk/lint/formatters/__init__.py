"""Render lint results as text, JSON or SARIF 2.1.0.

Each formatter takes a sequence of :class:`FileReport` (one per linted file, in command-line
order) and returns the whole output as a string; the CLI writes it to stdout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from automl_sdk.lint.formatters._report import FileReport

Formatter: TypeAlias = Callable[[Sequence[FileReport]], str]


def formatter(name: str) -> Formatter:
    """The formatter called ``name``: ``"text"``, ``"json"`` or ``"sarif"``."""
    if name == "json":
        from automl_sdk.lint.formatters.json import format_json

        return format_json
    if name == "sarif":
        from automl_sdk.lint.formatters.sarif import format_sarif

        return format_sarif
    if name == "text":
        from automl_sdk.lint.formatters.text import format_text

        return format_text
    raise KeyError(name)


FORMATS = ("text", "json", "sarif")

__all__ = ["FORMATS", "FileReport", "Formatter", "formatter"]
