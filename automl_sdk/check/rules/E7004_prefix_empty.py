"""E7004: no objects under an S3Prefix channel's S3Uri."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import API_V1_PAGE, CheckRule
from automl_sdk.lint._docs_tables import S3_PREFIX


class PrefixEmpty(CheckRule):
    """An S3Prefix channel's prefix holds no object."""

    id = "E7004"
    short_description = "No objects under the S3 prefix"
    description = (
        "With S3DataType S3Prefix, the data is every object whose key starts with the S3Uri's "
        "key. None does: a typo in the prefix, a missing upload or data in another bucket. "
        "Folder markers (keys ending in '/') are not data."
    )
    source = (
        '"If you choose S3Prefix, S3Uri identifies a key name prefix. SageMaker uses all objects '
        'that match the specified key name prefix for model training." (S3DataType, '
        f"{API_V1_PAGE})"
    )
    tags = ("data", "s3", "channels")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each S3Prefix channel whose listing was read and is empty."""
        for channel in ctx.data:
            if channel.data_type != S3_PREFIX or channel.bucket_missing or channel.failures:
                continue
            if not channel.objects:
                yield (
                    channel.uri_path,
                    f"no objects under the S3 prefix (got {channel.uri!r}; expected at least "
                    "one object whose key starts with it); upload the data or fix the S3Uri",
                )
