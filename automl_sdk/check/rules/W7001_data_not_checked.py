"""W7001: a data check could not be made (AccessDenied, a service error, an unreadable object)."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._aws import Failure
from automl_sdk.check._context import CheckContext, feature_spec_member
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule


class DataNotChecked(CheckRule):
    """A call needed to check the input data failed, so that check was not made."""

    id = "W7001"
    short_description = "Input data could not be checked"
    description = (
        "A check of the data a channel (or the feature specification) points at needs an S3 "
        "call that failed: access denied, a throttled or failing service, a reset connection. "
        "The check reports the call and the error instead of guessing: nothing is known to be "
        "wrong, but nothing was checked either. Grant the caller s3:ListBucket, s3:GetObject "
        "and s3:GetBucketLocation on the input buckets to have the data checked."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): tabular training data is CSV or "
        "Parquet, at least 500 rows and under 100 GB. The data checks read the input to enforce "
        "such facts; this rule says when they could not."
    )
    tags = ("data", "s3", "not-checked")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each failed call, at the S3Uri (or FeatureSpecificationS3Uri) it served."""
        for channel in ctx.data:
            region = ctx.resources.buckets.get(channel.bucket)
            if isinstance(region, Failure):
                yield channel.uri_path, f"{region.text()}; the bucket's region was not checked"
            for failure in channel.failures:
                yield (
                    channel.uri_path,
                    f"{failure.text()}; the data of this channel was not checked",
                )
        spec = feature_spec_member(ctx)
        if spec is not None and isinstance(ctx.resources.feature_spec, Failure):
            failure = ctx.resources.feature_spec
            if failure.code == "TooLarge":
                message = "could not check: the feature specification is larger than 64 KiB"
            else:
                message = f"{failure.text()}; the feature specification was not checked"
            yield spec[0], message
