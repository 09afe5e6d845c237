"""The :class:`Finding`: one problem the linter found in a request."""

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
