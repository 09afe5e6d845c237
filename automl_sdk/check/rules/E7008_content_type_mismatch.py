"""E7008: the first bytes of the data disagree with the channel's ContentType."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._content import EMPTY, JPEG, PARQUET, PNG, TEXT
from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import Channel, Sample
from automl_sdk.check._rule import API_V1_PAGE, DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.check.rules._helpers import first_mismatch
from automl_sdk.lint._docs_tables import CSV
from automl_sdk.lint._docs_tables import PARQUET as PARQUET_TYPE

#: The formats each image ContentType accepts.
IMAGE_KINDS = {"image/png": (PNG,), "image/jpeg": (JPEG,), "image/*": (PNG, JPEG)}


class ContentTypeMismatch(CheckRule):
    """Objects are not in the format the ContentType declares."""

    id = "E7008"
    short_description = "Data is not in the declared ContentType"
    description = (
        "The first bytes of the sampled objects (after gunzip when compressed) show their "
        "format: Parquet files start with PAR1, PNG and JPEG images with their magic numbers, "
        "CSV is text. A channel declared as CSV (the default for tabular, text and time-series "
        "jobs) that holds Parquet, or declared Parquet that holds CSV, or an image channel "
        "holding another format, fails in the job's data analysis."
    )
    source = (
        '"The content type of the data from the input source. You can use '
        "text/csv;header=present or x-application/vnd.amazon+parquet. The default value is "
        f'text/csv;header=present." (ContentType, {API_V1_PAGE}); {GUIDE}, Autopilot datasets '
        f"({DATASETS_PAGE}): image classification data is image/png, image/jpeg or image/*."
    )
    tags = ("data", "format", "content-type")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the first sample per channel whose format is not the declared one."""
        for channel in ctx.data:
            message = first_mismatch(channel, _mismatch)
            if message is not None:
                yield f"{channel.path}.ContentType", message


def _mismatch(channel: Channel, sample: Sample) -> str | None:
    kind, declared = sample.data_kind, channel.content_type
    if kind in (EMPTY, "corrupt gzip", None):
        return None  # nothing to judge, or E7009's finding
    if declared in IMAGE_KINDS:
        if kind in IMAGE_KINDS[declared]:
            return None
        return (
            f"object is not {' or '.join(IMAGE_KINDS[declared])} (got {kind} data in "
            f"{sample.uri}; expected ContentType {declared!r} to match the images)"
        )
    if declared == PARQUET_TYPE and kind != PARQUET:
        fix = f"; use ContentType {CSV!r}" if kind == TEXT else ""
        return (
            f"object is not Parquet (got {kind} data in {sample.uri}; expected a Parquet file "
            f"starting with PAR1 for ContentType {declared!r}){fix}"
        )
    if declared.startswith("text/csv") and kind != TEXT:
        fix = f"; use ContentType {PARQUET_TYPE!r}" if kind == PARQUET else ""
        return (
            f"object is not CSV (got {kind} data in {sample.uri}; expected CSV text with a "
            f"header row for ContentType {declared!r}){fix}"
        )
    return None
