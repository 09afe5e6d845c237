"""W2022: a manifest S3Uri names an object, not a prefix."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import AUGMENTED_MANIFEST_FILE, MANIFEST_FILE, SPEC_V1_BOTO3
from automl_sdk.lint.rules_api import LintContext, Rule


class ManifestUriPrefix(Rule):
    """A ManifestFile or AugmentedManifestFile channel whose S3Uri ends with ``/``."""

    id = "W2022"
    short_description = "Manifest S3Uri ends with '/'"
    description = (
        "With S3DataType ManifestFile or AugmentedManifestFile, S3Uri is the manifest object "
        "itself; a URI ending in '/' is a prefix. Either the S3DataType should be S3Prefix or "
        "the file name is missing."
    )
    source = (
        '"If you choose ManifestFile, S3Uri identifies an object that is a manifest file '
        'containing a list of object keys" "If you choose AugmentedManifestFile, S3Uri identifies '
        f'an object that is an augmented manifest file in JSON lines format." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels", "s3")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report manifest channels whose S3Uri ends with a slash."""
        for path, _, source in ctx.s3_data_sources:
            data_type, uri = source.get("S3DataType"), source.get("S3Uri")
            if data_type not in (MANIFEST_FILE, AUGMENTED_MANIFEST_FILE):
                continue
            if isinstance(uri, str) and uri.endswith("/"):
                yield (
                    f"{path}.DataSource.S3DataSource.S3Uri",
                    f"{data_type} S3Uri names a prefix, not the manifest object (got {uri!r}; "
                    "expected the URI of the manifest file); add the file name or use S3Prefix",
                )
