"""What every formatter takes: the findings of one file (its own module, so the formatters and
the package that picks one among them do not import each other)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from automl_sdk.lint._finding import Finding


@attrs.frozen
class FileReport:
    """The findings of one file.

    Attributes:
        file: the file name as given on the command line (``"-"`` for stdin).
        findings: its findings, sorted as ``lint`` returns them.
        locations: wire path -> (line, column) in the file, when known (may be empty).
    """

    file: str
    findings: tuple[Finding, ...]
    locations: Mapping[str, tuple[int, int]] = attrs.field(factory=dict)
