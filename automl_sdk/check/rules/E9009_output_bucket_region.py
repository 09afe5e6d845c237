"""E9009: the output bucket is in another region than the job."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, parse_s3_uri
from automl_sdk.check._gather import OUTPUT
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule


class OutputBucketRegion(CheckRule):
    """The output bucket is not in the job's region."""

    id = "E9009"
    short_description = "Output bucket is in another region"
    description = (
        "Autopilot writes its output only to a bucket in the job's region (the region of the "
        "check's clients)."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): the input and output buckets must be "
        "in the job's region."
    )
    tags = ("resources", "s3", "buckets", "region", "output")
    reads = frozenset({OUTPUT})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Compare the output bucket's region with the job's."""
        split = parse_s3_uri(ctx.get_str("OutputDataConfig", "S3OutputPath") or "")
        job = ctx.resources.region
        region = ctx.resources.buckets.get(split[0]) if split else None
        if split is not None and isinstance(region, str) and job and region != job:
            yield (
                "OutputDataConfig.S3OutputPath",
                f"output bucket is in another region (got {split[0]!r} in {region}; expected "
                f"the job's region {job}); use a bucket in {job}",
            )
