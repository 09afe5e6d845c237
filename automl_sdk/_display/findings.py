"""Lint and check results: a summary line over a table of rule, severity, path and message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from automl_sdk._display._html import badge, box, code, esc, table, title


def findings_html(findings: Sequence[Any], *, summary: str) -> str:
    """``summary`` as the heading, then one row per finding (objects with ``rule``, ``severity``,
    ``path`` and ``message``); ``<request>`` stands for the empty path of the whole request."""
    worst = next(
        (
            level
            for level in ("error", "warning", "info")
            if any(f.severity == level for f in findings)
        ),
        None,
    )
    heading = title(summary, badge(worst) if worst else badge("clean", like="Completed"))
    if not findings:
        return box(heading)
    rows = [
        (code(f.rule), badge(f.severity), code(f.path or "<request>", wrap=True), esc(f.message))
        for f in findings
    ]
    return box(heading, table(("Rule", "Severity", "Path", "Message"), rows, numeric=set()))
