"""The leaderboard: plain records per candidate, their table, and an SVG bar chart of the objective.

:func:`candidate_records` is also what ``Leaderboard.rows()`` returns, so the table a notebook
shows and the records a user plots hold the same columns.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from automl_sdk._display._html import MUTED, badge, box, code, esc, metric, muted, table, title

#: Candidates drawn in the chart and rows shown in the table; the rest are counted, not shown.
CHART_LIMIT = 20
TABLE_LIMIT = 50

#: The fixed keys of a record, before the metric columns.
FIXED_KEYS = ("rank", "candidate", "status", "objective_status")

ARROWS = {"Maximize": "\u2191", "Minimize": "\u2193"}
DIRECTION_WORDS = {"Maximize": "higher is better", "Minimize": "lower is better"}

BAR = "#4c8bf5"
BEST_BAR = "#1a7f37"


def metric_key(name: str | None, data_set: str | None) -> str:
    """The record key of one candidate metric: ``F1`` or ``F1 (Validation)``."""
    label = name or "metric"
    return f"{label} ({data_set})" if data_set else label


def candidate_records(candidates: Iterable[Any], metric_name: str | None) -> list[dict[str, Any]]:
    """One plain dict per candidate, in the given (rank) order.

    Keys: ``rank`` (1 first), ``candidate``, ``status``, ``objective_status``; then the
    objective ``metric_name`` with the final objective value (``None`` without one), then each
    other metric the candidate reports as :func:`metric_key` (``Accuracy (Validation)``).
    """
    records = []
    for rank, candidate in enumerate(candidates, start=1):
        record: dict[str, Any] = {
            "rank": rank,
            "candidate": candidate.candidate_name,
            "status": candidate.candidate_status,
            "objective_status": candidate.objective_status,
        }
        if metric_name is not None:
            final = candidate.final_auto_ml_job_objective_metric
            record[metric_name] = None if final is None else final.value
        properties = candidate.candidate_properties
        for datum in (properties.candidate_metrics if properties else None) or ():
            key = metric_key(datum.metric_name, datum.set)
            if key not in record:
                record[key] = datum.value
        records.append(record)
    return records


def metric_columns(records: Sequence[dict[str, Any]], metric_name: str | None) -> list[str]:
    """The metric columns of the table: the objective first, then the other metrics sorted
    (the objective's own per-data-set entries, ``F1 (Validation)``, are left to the records)."""
    others = {key for record in records for key in record if key not in FIXED_KEYS}
    if metric_name:
        others = {
            key for key in others if key != metric_name and not key.startswith(f"{metric_name} (")
        }
    return ([metric_name] if metric_name else []) + sorted(others)


def leaderboard_html(
    job_name: str,
    records: Sequence[dict[str, Any]],
    *,
    metric_name: str | None,
    direction: str | None,
) -> str:
    """The leaderboard display: heading, the objective chart (best first) and the table."""
    heading = title(f"Leaderboard of {job_name}", muted(_count(len(records), "candidate")))
    if not records:
        return box(heading, f'<div style="{MUTED}">No candidates yet.</div>')
    columns = metric_columns(records, metric_name)
    arrow = ARROWS.get(direction or "", "")
    headers = ["#", "Candidate", "Status"] + [
        f"{column} {arrow}".rstrip() if column == metric_name else column for column in columns
    ]
    shown = records[:TABLE_LIMIT]
    rows = [
        [
            esc(record["rank"]),
            code(record["candidate"]),
            badge(record["status"]),
            *(_metric_cell(record.get(column), column == metric_name) for column in columns),
        ]
        for record in shown
    ]
    numeric = {0, *range(3, 3 + len(columns))}
    parts = [heading]
    if metric_name is not None:
        parts.append(bar_chart(records, metric_name=metric_name, direction=direction))
    parts.append(table(headers, rows, numeric=numeric))
    if len(records) > len(shown):
        parts.append(f'<div style="{MUTED}">... and {len(records) - len(shown)} more</div>')
    return box(*parts)


def bar_chart(records: Sequence[dict[str, Any]], *, metric_name: str, direction: str | None) -> str:
    """An inline SVG of horizontal bars, one per candidate with a value, best (first) on top."""
    valued = [
        (str(record["candidate"]), float(record[metric_name]))
        for record in records
        if isinstance(record.get(metric_name), int | float) and math.isfinite(record[metric_name])
    ]
    if not valued:
        return ""
    drawn = valued[:CHART_LIMIT]
    low = min(0.0, *(value for _, value in drawn))
    high = max(0.0, *(value for _, value in drawn))
    span = (high - low) or 1.0
    label_width, bar_width, value_width, row = 190, 300, 70, 20
    top = 24
    width = label_width + bar_width + value_width
    height = top + row * len(drawn) + 6
    zero = label_width + bar_width * (0.0 - low) / span
    caption = f"{metric_name} {ARROWS.get(direction or '', '')} {DIRECTION_WORDS.get(direction or '', '')}"
    if len(valued) > len(drawn):
        caption += f" \u00b7 best {len(drawn)} of {len(valued)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(caption.strip())}" '
        'style="display:block;margin:4px 0;color:inherit;font:12px system-ui,sans-serif">',
        f'<text x="0" y="14" fill="currentColor" font-weight="600">{esc(caption.strip())}</text>',
    ]
    for index, (name, value) in enumerate(drawn):
        y = top + index * row
        start = label_width + bar_width * (min(value, 0.0) - low) / span
        length = max(1.0, bar_width * abs(value) / span)
        colour = BEST_BAR if index == 0 else BAR
        parts += [
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" fill="currentColor">'
            f"{esc(_shorten(name, 28))}</text>",
            f'<rect x="{start:.1f}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'rx="2" fill="{colour}"><title>{esc(name)}: {esc(metric(value))}</title></rect>',
            f'<text x="{label_width + bar_width + 6}" y="{y + 13}" fill="currentColor">'
            f"{esc(metric(value))}</text>",
        ]
    parts.append(
        f'<line x1="{zero:.1f}" y1="{top}" x2="{zero:.1f}" y2="{height - 4}" '
        'stroke="currentColor" stroke-opacity=".4"/>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def _metric_cell(value: Any, objective: bool) -> str:
    shown = esc(metric(value if isinstance(value, int | float) else None))
    return f"<b>{shown}</b>" if objective else shown


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
