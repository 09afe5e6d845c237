"""Handles on live resources (a job, an endpoint, a batch transform job): what they point at.

The renderers take plain values, so a handle class only passes its fields; a handle that knows
no status shows none (describing is a call the display never makes).
"""

from __future__ import annotations

from collections.abc import Iterable

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


def endpoint_html(
    name: str,
    *,
    arn: str | None = None,
    status: str | None = None,
    model_name: str | None = None,
    config_name: str | None = None,
    job_name: str | None = None,
    instance_type: str | None = None,
    instance_count: int | None = None,
) -> str:
    """The display of an ``Endpoint`` handle (from :mod:`automl_sdk.deploy`)."""
    return handle_html(
        "Endpoint",
        name,
        arn=arn,
        status=status,
        details=(
            ("Model", model_name),
            ("Endpoint config", config_name),
            ("AutoML job", job_name),
            ("Instances", _instances(instance_type, instance_count)),
        ),
    )


def transform_job_html(
    name: str,
    *,
    arn: str | None = None,
    status: str | None = None,
    model_name: str | None = None,
    input_uri: str | None = None,
    output_uri: str | None = None,
    job_name: str | None = None,
    instance_type: str | None = None,
    instance_count: int | None = None,
) -> str:
    """The display of a ``TransformJob`` handle (batch transform, from :mod:`automl_sdk.deploy`)."""
    return handle_html(
        "Transform job",
        name,
        arn=arn,
        status=status,
        details=(
            ("Model", model_name),
            ("Input", input_uri),
            ("Output", output_uri),
            ("AutoML job", job_name),
            ("Instances", _instances(instance_type, instance_count)),
        ),
    )


def _instances(instance_type: str | None, count: int | None) -> str | None:
    if instance_type is None:
        return None
    return instance_type if count is None else f"{count} \u00d7 {instance_type}"
