"""Small SageMaker responses for the CLI tests that answer calls with botocore's Stubber."""

from __future__ import annotations

import datetime
from typing import Any

#: The one timestamp every response here carries (ISO 8601: ``2026-01-02T03:04:05+00:00``).
WHEN = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def candidate(name: str, objective: float | None = None) -> dict[str, Any]:
    """A completed AutoMLCandidate, with an F1 objective value when ``objective`` is given."""
    found: dict[str, Any] = {
        "CandidateName": name,
        "ObjectiveStatus": "Succeeded",
        "CandidateSteps": [],
        "CandidateStatus": "Completed",
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
    }
    if objective is not None:
        found["FinalAutoMLJobObjectiveMetric"] = {"MetricName": "F1", "Value": objective}
    return found
