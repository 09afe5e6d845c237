"""Machine-readable output: a JSON array, one object per finding, with exactly the keys
``file``, ``rule``, ``severity``, ``path`` and ``message`` (the CLI contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from automl_sdk.lint.formatters import FileReport


def format_json(reports: Sequence[FileReport]) -> str:
    """The findings of all files as one JSON array (``[]`` when there are none)."""
    items = [
        {
            "file": report.file,
            "rule": finding.rule,
            "severity": finding.severity,
            "path": finding.path,
            "message": finding.message,
        }
        for report in reports
        for finding in report.findings
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
