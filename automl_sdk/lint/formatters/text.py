"""Human-readable output: one line per finding, sorted by file, line, column and path, then a
summary line.

::

    request.json:2:3: E1007 [error] AutoMLJobName: AutoMLJobName does not match ...
    Found 1 problem in 1 file (1 error, 0 warnings, 0 info).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from automl_sdk.lint._finding import Finding
from automl_sdk.lint._locate import position
from automl_sdk.lint.formatters._report import FileReport


def format_text(reports: Sequence[FileReport]) -> str:
    """``file[:line:col]: RULE [severity] path: message`` lines and a summary."""
    keyed = []
    for report in reports:
        locations = report.locations  # a mapping: positions are worked out per lookup
        for finding in report.findings:
            line, column = position(locations, finding.path) or (0, 0)
            key = (report.file, line, column, finding.path, finding.rule, finding.message)
            keyed.append((key, finding_line(report.file, finding, locations)))
    lines = [line for _, line in sorted(keyed)]
    lines.append(summary(reports))
    return "\n".join(lines) + "\n"


def finding_line(file: str, finding: Finding, locations: Mapping[str, tuple[int, int]]) -> str:
    """``file[:line:col]: RULE [severity] path: message``, the one line of a finding in a file."""
    located = position(locations, finding.path)
    where = file if located is None else f"{file}:{located[0]}:{located[1]}"
    return f"{where}: {finding}"


def summary(reports: Sequence[FileReport]) -> str:
    """``Found 3 problems in 2 files (2 errors, 1 warning, 0 info).`` or ``No problems found ...``."""
    files = _plural(len(reports), "file")
    findings = [finding for report in reports for finding in report.findings]
    if not findings:
        return f"No problems found in {files}."
    counts = {severity: 0 for severity in ("error", "warning", "info")}
    for finding in findings:
        counts[finding.severity] += 1
    return (
        f"Found {_plural(len(findings), 'problem')} in {files} "
        f"({_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{counts['info']} info)."
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
