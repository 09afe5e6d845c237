"""The :class:`Finding`: one problem the linter found in a request; :class:`Findings`: all of them."""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

Severity: TypeAlias = Literal["error", "warning", "info"]

#: Severity for each rule id letter (``E2001`` is an error, ``W8001`` a warning, ``I8003`` info).
SEVERITY_BY_LETTER: dict[str, Severity] = {"E": "error", "W": "warning", "I": "info"}


@attrs.frozen(order=False)
class Finding:
    """One problem in a request.

    Findings sort by ``path``, then ``rule``, then ``message`` (the order ``lint`` returns them in),
    so that findings about the same member stay together.

    Attributes:
        rule: rule id, e.g. ``"E2001"``; its letter gives the severity.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        path: wire path of the offending member, e.g. ``AutoMLJobInputDataConfig[1].ChannelType``
            (``""`` for the request as a whole). A missing member is reported at its own path.
        message: ``<what is wrong> (got <value>; expected <constraint>)`` plus the fix, if any.
    """

    rule: str
    severity: Severity
    path: str
    message: str

    def __str__(self) -> str:
        """``RULE [severity] path: message``, the one line every renderer prints."""
        return f"{self.rule} [{self.severity}] {self.path or '<request>'}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        """The finding as a plain dict with the keys ``rule``, ``severity``, ``path``, ``message``."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
        }

    def _key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.message)

    def __lt__(self, other: Finding) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Finding) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Finding) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Finding) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() >= other._key()


class Findings(list[Finding]):
    """The findings of one lint or check run, in the order ``lint`` returns them.

    A ``list`` of :class:`Finding` (equal to a plain list of the same findings) that a notebook
    shows well: its text is a one-line summary and one line per finding, its HTML a table of
    rule, severity, path and message under the summary.
    """

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity, e.g. ``{"error": 2, "warning": 1, "info": 0}``."""
        counts: dict[Severity, int] = {"error": 0, "warning": 0, "info": 0}
        for finding in self:
            counts[finding.severity] += 1
        return counts

    def summary(self) -> str:
        """``3 findings (2 errors, 1 warning, 0 info)``, or ``No findings``."""
        if not self:
            return "No findings"
        counts = self.counts()
        errors, warnings = counts["error"], counts["warning"]
        return (
            f"{len(self)} finding{'' if len(self) == 1 else 's'} ("
            f"{errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}, {counts['info']} info)"
        )

    def __repr__(self) -> str:
        lines = [self.summary()]
        lines += [f"  {_one_line(str(finding))}" for finding in self]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from automl_sdk._display.findings import findings_html

        return findings_html(self, summary=self.summary())


def _one_line(text: str) -> str:
    """``text`` with its line breaks as spaces, so that each finding stays on one line."""
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
