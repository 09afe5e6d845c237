"""E7002: the bucket of an input channel does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import MISSING
from automl_sdk.check._rule import API_V1_PAGE, CheckRule


class InputBucketMissing(CheckRule):
    """The S3Uri of a channel names a bucket that does not exist."""

    id = "E7002"
    short_description = "Input bucket does not exist"
    description = (
        "Each channel's S3Uri names the bucket its data is in. When S3 answers NoSuchBucket "
        "the job would fail in its first step, after it has been created."
    )
    source = (
        '"The URL to the Amazon S3 data source. The Uri refers to the Amazon S3 prefix or '
        f'ManifestFile depending on the data type." (S3Uri, {API_V1_PAGE}): its bucket must exist.'
    )
    tags = ("data", "s3", "buckets")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each channel whose bucket S3 says does not exist."""
        for channel in ctx.data:
            if channel.bucket_missing or ctx.resources.buckets.get(channel.bucket) is MISSING:
                yield (
                    channel.uri_path,
                    f"input bucket does not exist (got bucket {channel.bucket!r}; expected an "
                    "existing bucket); create it or fix the S3Uri",
                )
