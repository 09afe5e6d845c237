"""What a request migration did: the report returned beside the translated request."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from automl_sdk.lint import Finding


def _moves(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(v1), str(v2)) for v1, v2 in value)


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


@attrs.define(kw_only=True, frozen=True)
class MigrationReport:
    """Where each value of a CreateAutoMLJob (V1) request went in the CreateAutoMLJobV2 request.

    Attributes:
        moves: ``(V1 wire path, V2 wire path)`` pairs, in the order of the V1 request. Members that
            keep their name and place appear too (``("RoleArn", "RoleArn")``), so every value of
            the V1 request is accounted for.
        notes: remarks a reviewer should read: merged channel columns, dropped empty containers,
            a translation forced past lint errors.
        findings: the lint findings of the V1 request (warnings and infos; errors too when the
            translation was forced).
    """

    moves: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_moves)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    def __str__(self) -> str:
        """A plain-text report, one line per move, note and finding (the CLI prints it)."""
        lines = [f"CreateAutoMLJob -> CreateAutoMLJobV2: {len(self.moves)} member(s) mapped"]
        for v1_path, v2_path in self.moves:
            suffix = "  (unchanged)" if v1_path == v2_path else ""
            lines.append(f"  {v1_path} -> {v2_path}{suffix}")
        if self.notes:
            lines.append("notes:")
            lines += [f"  {note}" for note in self.notes]
        if self.findings:
            lines.append("lint findings of the V1 request:")
            lines += [f"  {f}" for f in self.findings]
        return "\n".join(lines)
