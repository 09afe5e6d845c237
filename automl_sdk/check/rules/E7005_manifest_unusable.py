"""E7005: a ManifestFile or AugmentedManifestFile does not exist or does not parse."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import API_V1_PAGE, DATASETS_PAGE, GUIDE, CheckRule


class ManifestUnusable(CheckRule):
    """The manifest a channel names is missing or malformed."""

    id = "E7005"
    short_description = "Manifest does not exist or does not parse"
    description = (
        'A ManifestFile is a JSON array: first {"prefix": "s3://bucket/prefix/"}, then '
        "keys relative to that prefix. An AugmentedManifestFile is JSON lines, each an object "
        "with a source-ref naming an s3:// object. The manifest must exist at the S3Uri and "
        "parse in that form (only the first 64 KiB is read unless --scan)."
    )
    source = (
        '"If you choose ManifestFile, S3Uri identifies an object that is a manifest file '
        "containing a list of object keys that you want SageMaker to use for model training. A "
        f'ManifestFile should have the format shown below:" (S3DataType, {API_V1_PAGE}); '
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): image classification takes S3Prefix or "
        "an AugmentedManifestFile of JSON lines with source-ref and a label."
    )
    tags = ("data", "s3", "manifest")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the manifest problem found while reading each channel."""
        for channel in ctx.data:
            if channel.manifest_problem is None:
                continue
            if channel.manifest_problem == "manifest file does not exist":
                yield (
                    channel.uri_path,
                    f"manifest file does not exist (got {channel.uri!r}; expected a manifest "
                    f"object at the S3Uri of this {channel.data_type} channel); upload it or "
                    "fix the S3Uri",
                )
            else:
                yield channel.uri_path, f"{channel.manifest_problem} (got {channel.uri!r})"
