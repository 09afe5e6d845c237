"""Message wording shared by the check rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from automl_sdk.check._content import PARQUET
from automl_sdk.check._facts import Channel, Sample

#: Sizes are stated in GB as AWS writes them; a GB here is 2**30 bytes, the larger reading,
#: so that a size is never flagged that either reading allows.
GB = 2**30


def names(values: Iterable[str], limit: int = 10) -> str:
    """``'a', 'b', 'c'`` (at most ``limit``, then ``...``)."""
    values = list(values)
    shown = ", ".join(repr(value) for value in values[:limit])
    return shown + (", ..." if len(values) > limit else "") if values else "no columns"


def size(value: int) -> str:
    """``2.5 GB`` / ``512 bytes``."""
    if value >= GB / 10:
        return f"{value / GB:.1f} GB"
    return f"{value:,} bytes"


def header_sample(channel: Channel) -> Sample | None:
    """The first sample of the channel whose column names are known."""
    return next((sample for sample in channel.samples if sample.header is not None), None)


def header_source(sample: Sample) -> str:
    """``the CSV header of s3://...`` or ``the Parquet schema of s3://...``."""
    kind = "Parquet schema" if sample.data_kind == PARQUET else "CSV header"
    return f"the {kind} of {sample.uri}"


def read_samples(channel: Channel) -> Iterator[Sample]:
    """The samples that were read (not missing, no failure)."""
    for sample in channel.samples:
        if not sample.missing and sample.failure is None and sample.raw_kind is not None:
            yield sample


def role_account(arn: str) -> str | None:
    """The account id of an IAM ARN (``arn:aws:iam::123456789012:role/x``)."""
    parts = arn.split(":")
    return parts[4] if len(parts) > 5 and parts[4] else None


def first_mismatch(channel: Channel, judge: Callable[[Channel, Sample], str | None]) -> str | None:
    """What ``judge`` says of the first sample read that it finds wrong (one finding a channel)."""
    for sample in read_samples(channel):
        message = judge(channel, sample)
        if message is not None:
            return message
    return None
