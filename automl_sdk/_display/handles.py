"""Handles on live resources (a job, an endpoint, a batch transform job): what they point at.

The renderers take plain values, so a handle class only passes its fields; a handle that knows
no status shows none (describing is a call the display never makes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from automl_sdk._display._html import (
    badge,
    box,
    code,
    esc,
    key_values,
    muted,
    partition_of,
    region_of,
    s3_link,
    title,
)

if TYPE_CHECKING:
    from automl_sdk.deploy import Endpoint, TransformJob


def handle_html(
    kind: str,
    name: str,
    *,
    arn: str | None = None,
    status: str | None = None,
    details: Iterable[tuple[str, object]] = (),
    hint: str | None = None,
) -> str:
    """A small card: ``kind name`` with its status badge, ARN, region, the ``details`` that are
    set (``s3://`` values linked to the S3 console) and a dimmed ``hint`` line."""
    region, partition = region_of(arn), partition_of(arn)
    rows: list[tuple[str, str]] = []
    if arn:
        rows.append(("ARN", code(arn)))
    if region:
        rows.append(("Region", esc(region)))
    for label, value in details:
        if value is None or value == "":
            continue
        text = str(value)
        shown = (
            s3_link(text, region, partition=partition) if text.startswith("s3://") else esc(text)
        )
        rows.append((label, shown))
    heading = title(f"{kind} {name}", *([badge(status)] if status else []))
    parts = [heading, key_values(rows)]
    if hint:
        parts.append(f"<div>{muted(hint)}</div>")
    return box(*parts)


def job_html(name: str, arn: str | None) -> str:
    """The display of a ``Job`` handle."""
    return handle_html(
        "AutoML job",
        name,
        arn=arn,
        hint="job.describe() shows its status; job.wait(progress=True) follows it live.",
    )


#: The card of each deploy handle: its title, and what it shows beside its name and ARN as
#: ``(label, attribute)``.
_DEPLOY_CARDS = {
    "Endpoint": (
        "Endpoint",
        (
            ("Model", "model_name"),
            ("Endpoint config", "endpoint_config_name"),
            ("AutoML job", "job_name"),
        ),
    ),
    "TransformJob": (
        "Transform job",
        (("Model", "model_name"), ("Output", "output_s3_uri"), ("AutoML job", "job_name")),
    ),
}


def deploy_handle_html(handle: Endpoint | TransformJob) -> str:
    """The display of an ``Endpoint`` or ``TransformJob`` handle (from :mod:`automl_sdk.deploy`):
    its name, ARN, region, model, endpoint config or output location and AutoML job."""
    kind, rows = _DEPLOY_CARDS[type(handle).__name__]
    details = [(label, getattr(handle, attribute)) for label, attribute in rows]
    return handle_html(kind, handle.name, arn=handle.arn, details=details)
