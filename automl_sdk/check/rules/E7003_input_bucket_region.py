"""E7003: the bucket of an input channel is in another region than the job."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule


class InputBucketRegion(CheckRule):
    """An input bucket is not in the job's region."""

    id = "E7003"
    short_description = "Input bucket is in another region"
    description = (
        "Autopilot reads its input only from buckets in the region the job runs in. The job's "
        "region is the region of the check's clients (--region, or the profile's)."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): the input and output buckets must be "
        "in the job's region."
    )
    tags = ("data", "s3", "buckets", "region")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Compare each input bucket's region with the job's."""
        job = ctx.resources.region
        for channel in ctx.data:
            region = ctx.resources.buckets.get(channel.bucket)
            if isinstance(region, str) and job and region != job:
                yield (
                    channel.uri_path,
                    f"input bucket is in another region (got {channel.bucket!r} in {region}; "
                    f"expected the job's region {job}); copy the data to a bucket in {job} or "
                    f"create the job in {region}",
                )
