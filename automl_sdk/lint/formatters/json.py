"""Machine-readable output: a JSON array, one object per finding, with the keys ``file``,
``rule``, ``severity``, ``path`` and ``message`` always, and ``line`` and ``column`` (1-based)
when the member's position in the file is known (the CLI contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from automl_sdk.lint._locate import position
from automl_sdk.lint.formatters._report import FileReport


def format_json(reports: Sequence[FileReport]) -> str:
    """The findings of all files as one JSON array (``[]`` when there are none)."""
    items = []
    for report in reports:
        locations = report.locations  # a mapping: positions are worked out per lookup
        for finding in report.findings:
            item: dict[str, Any] = {"file": report.file, **finding.to_dict()}
            located = position(locations, finding.path)
            if located is not None:
                item["line"], item["column"] = located
            items.append(item)
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
