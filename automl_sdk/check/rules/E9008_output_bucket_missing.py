"""E9008: the output bucket does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, parse_s3_uri
from automl_sdk.check._facts import MISSING
from automl_sdk.check._gather import OUTPUT
from automl_sdk.check._rule import API_V1_PAGE, CheckRule


class OutputBucketMissing(CheckRule):
    """OutputDataConfig.S3OutputPath names a bucket that does not exist."""

    id = "E9008"
    short_description = "Output bucket does not exist"
    description = (
        "The job writes its artifacts under S3OutputPath; its bucket must exist before the job "
        "starts (S3's GetBucketLocation answers NoSuchBucket)."
    )
    source = (
        '"The Amazon S3 output path. Must be 128 characters or less." (S3OutputPath, '
        f"{API_V1_PAGE}): its bucket must exist."
    )
    tags = ("resources", "s3", "buckets", "output")
    reads = frozenset({OUTPUT})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report an output bucket S3 says does not exist."""
        split = parse_s3_uri(ctx.get_str("OutputDataConfig", "S3OutputPath") or "")
        if split is not None and ctx.resources.buckets.get(split[0]) is MISSING:
            yield (
                "OutputDataConfig.S3OutputPath",
                f"output bucket does not exist (got bucket {split[0]!r}; expected an existing "
                "bucket); create it or fix S3OutputPath",
            )
