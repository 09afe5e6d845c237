"""E7007: the input data, or one Parquet file, is larger than Autopilot accepts."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import Channel
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, QUOTAS_PAGE, CheckRule
from automl_sdk.check.rules._helpers import GB, size
from automl_sdk.lint.rules_api import TABULAR, TIME_SERIES, VALIDATION

#: (problem type, channel type) -> largest total size, and what to call it in a message.
TOTAL_LIMITS = {
    (TABULAR, "training"): (100 * GB, "training data", "under 100 GB"),
    (TABULAR, VALIDATION): (2 * GB, "validation data", "under 2 GB"),
    (TIME_SERIES, "training"): (30 * GB, "time-series input", "at most 30 GB"),
    (TIME_SERIES, VALIDATION): (30 * GB, "time-series input", "at most 30 GB"),
}
PARQUET_FILE_LIMIT = 2 * GB


class DataTooLarge(CheckRule):
    """The data under a channel is over the documented size limit."""

    id = "E7007"
    short_description = "Input data is larger than the documented limit"
    description = (
        "Tabular training data must be under 100 GB and validation data under 2 GB; "
        "time-series input at most 30 GB; a single Parquet file at most 2 GB. Sizes are summed "
        "from the listing the check reads: one page of 1,000 keys unless --scan, so a larger "
        "prefix is flagged only when that page alone is over the limit."
    )
    source = (
        f"{GUIDE}, Autopilot datasets and quotas ({DATASETS_PAGE}, {QUOTAS_PAGE}): tabular "
        "training data under 100 GB, validation data under 2 GB, a single compressed Parquet "
        "file at most 2 GB; time-series input at most 30 GB, a Parquet file at most 2 GB."
    )
    tags = ("data", "s3", "size", "quotas")
    problem_types = frozenset({TABULAR, TIME_SERIES})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Compare each channel's listed size, and each Parquet object's, with the limits."""
        for channel in ctx.data:
            yield from _total(ctx.problem_type or TABULAR, channel)
            if channel.content_type.endswith("parquet"):
                for uri, object_size in channel.objects:
                    if object_size is not None and object_size > PARQUET_FILE_LIMIT:
                        yield (
                            channel.uri_path,
                            f"Parquet file is too large (got {uri} of {size(object_size)}; "
                            "expected at most 2 GB per file); split it into smaller files",
                        )


def _total(problem_type: str, channel: Channel) -> Iterator[tuple[str, str]]:
    limit = TOTAL_LIMITS.get((problem_type, channel.channel_type))
    if limit is None:
        return
    largest, what, expected = limit
    total = channel.total_size
    if total >= largest if expected.startswith("under") else total > largest:
        least = "" if channel.listing_complete else "at least "
        yield (
            channel.uri_path,
            f"{what} is too large (got {least}{size(total)} in {len(channel.objects)} objects; "
            f"expected {expected}); sample the data down or split the job",
        )
