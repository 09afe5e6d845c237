"""The status card of a job description (``DescribeAutoMLJobV2`` and the V1 describe view).

Both shapes are read by member name, so one card serves the V2 response and the V1 shape
(``DescribeAutoMLJobResponse``). Every member may be missing: a card never fails on a partial
description.
"""

from __future__ import annotations

import datetime
from typing import Any

from automl_sdk._display._html import (
    badge,
    box,
    code,
    duration,
    esc,
    iso,
    key_values,
    metric,
    muted,
    partition_of,
    region_of,
    s3_link,
    title,
)

#: Statuses after which a job's time is its total time (``EndTime - CreationTime``).
ENDED = frozenset({"Completed", "Failed", "Stopped"})

#: (label, object holding it, member) of each artifact location the card links.
ARTIFACTS = (
    ("Data exploration notebook", "job", "data_exploration_notebook_location"),
    ("Candidate definition notebook", "job", "candidate_definition_notebook_location"),
    ("Explainability report", "best", "explainability"),
    ("Model insights report", "best", "model_insights"),
    ("Backtest results", "best", "backtest_results"),
)


def describe_html(description: Any, *, now: datetime.datetime | None = None) -> str:
    """The status card of ``description``: status, time, problem, best candidate, failures,
    artifacts and output location. ``now`` (default: the current time) dates a running job."""
    status = _text(description, "auto_ml_job_status") or "Unknown"
    secondary = _text(description, "auto_ml_job_secondary_status")
    heading = title(
        _text(description, "auto_ml_job_name") or "AutoML job",
        badge(status),
        *([badge(secondary)] if secondary and secondary != status else []),
    )
    rows = [
        *time_rows(description, status, now),
        *problem_rows(description),
        *candidate_rows(description),
        *failure_rows(description),
        *artifact_rows(description),
    ]
    return box(heading, key_values(rows))


def time_rows(
    description: Any, status: str, now: datetime.datetime | None
) -> list[tuple[str, str]]:
    """Created, and the total time of an ended job or the elapsed time of a running one."""
    created = getattr(description, "creation_time", None)
    if created is None:
        return []
    rows = [("Created", esc(iso(created)))]
    ended = getattr(description, "end_time", None)
    if status in ENDED and ended is not None:
        rows.append(("Total time", esc(duration((ended - created).total_seconds()))))
    else:
        moment = now or datetime.datetime.now(created.tzinfo)
        rows.append(("Elapsed", esc(duration((moment - created).total_seconds()))))
    return rows


def problem_type(description: Any) -> str | None:
    """``Tabular / BinaryClassification``, ``TimeSeriesForecasting``, a V1 ``Regression``..."""
    resolved = getattr(description, "resolved_attributes", None)
    named = _text(description, "auto_ml_problem_type_config_name")
    detail = _text(description, "problem_type") or _text(resolved, "problem_type")
    by_type = getattr(resolved, "auto_ml_problem_type_resolved_attributes", None)
    detail = detail or _text(by_type, "problem_type")
    parts = [part for part in (named, detail) if part]
    return " / ".join(parts) or None


def objective_name(description: Any) -> str | None:
    """The objective metric asked for, else the one the service resolved."""
    asked = getattr(description, "auto_ml_job_objective", None)
    resolved = getattr(
        getattr(description, "resolved_attributes", None), "auto_ml_job_objective", None
    )
    return _text(asked, "metric_name") or _text(resolved, "metric_name")


def problem_rows(description: Any) -> list[tuple[str, str]]:
    rows = []
    kind = problem_type(description)
    if kind:
        rows.append(("Problem type", esc(kind)))
    objective = objective_name(description)
    if objective:
        rows.append(("Objective", esc(objective)))
    return rows


def candidate_rows(description: Any) -> list[tuple[str, str]]:
    """The best candidate with its objective metric and direction."""
    best = getattr(description, "best_candidate", None)
    name = _text(best, "candidate_name")
    if not name:
        return []
    final = getattr(best, "final_auto_ml_job_objective_metric", None)
    shown = code(name)
    if final is not None:
        direction = {"Maximize": " (higher is better)", "Minimize": " (lower is better)"}
        hint = direction.get(_text(final, "type") or "", "")
        shown += f" &mdash; {esc(_text(final, 'metric_name') or 'metric')} = "
        shown += f"<b>{esc(metric(getattr(final, 'value', None)))}</b>{muted(hint) if hint else ''}"
    return [("Best candidate", shown)]


def failure_rows(description: Any) -> list[tuple[str, str]]:
    """The failure reason and every non-empty partial failure reason."""
    rows = []
    reason = _text(description, "failure_reason")
    if reason:
        rows.append(("Failure reason", f'<span style="color:#cf222e">{esc(reason)}</span>'))
    partial = [
        _text(item, "partial_failure_message")
        for item in getattr(description, "partial_failure_reasons", None) or ()
    ]
    messages = [message for message in partial if message]
    if messages:
        items = "".join(f"<li>{esc(message)}</li>" for message in messages)
        rows.append(("Partial failures", f'<ul style="margin:0;padding-left:18px">{items}</ul>'))
    return rows


def artifact_rows(description: Any) -> list[tuple[str, str]]:
    """Artifact locations and the output path, linked to the S3 console."""
    arn = _text(description, "auto_ml_job_arn")
    region, partition = region_of(arn), partition_of(arn)
    holders = {
        "job": getattr(description, "auto_ml_job_artifacts", None),
        "best": getattr(
            getattr(getattr(description, "best_candidate", None), "candidate_properties", None),
            "candidate_artifact_locations",
            None,
        ),
    }
    rows = []
    for label, holder, member in ARTIFACTS:
        location = _text(holders[holder], member)
        if location:
            rows.append((label, s3_link(location, region, partition=partition)))
    output = _text(getattr(description, "output_data_config", None), "s3_output_path")
    if output:
        rows.append(("Output", s3_link(output, region, partition=partition)))
    return rows


def _text(holder: Any, member: str) -> str | None:
    """``holder.member`` as a string, ``None`` when the holder or the member is missing or empty."""
    value = getattr(holder, member, None)
    return None if value is None or value == "" else str(value)
