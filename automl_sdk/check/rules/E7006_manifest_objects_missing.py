"""E7006: objects a manifest names do not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import API_V1_PAGE, CheckRule
from automl_sdk.check.rules._helpers import names


class ManifestObjectsMissing(CheckRule):
    """A manifest lists objects that are not in S3."""

    id = "E7006"
    short_description = "Objects named by the manifest do not exist"
    description = (
        "Every object a ManifestFile (prefix plus relative key) or AugmentedManifestFile "
        "(source-ref) names must exist. A ManifestFile's entries are compared with one listing "
        "page under their common prefix; an AugmentedManifestFile's sampled entries are read. "
        "An entry beyond what was listed is not judged."
    )
    source = (
        '"If you choose ManifestFile, S3Uri identifies an object that is a manifest file '
        'containing a list of object keys that you want SageMaker to use for model training." '
        f"(S3DataType, {API_V1_PAGE})"
    )
    tags = ("data", "s3", "manifest")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the objects a channel's manifest names that S3 does not have."""
        for channel in ctx.data:
            missing = channel.missing_objects
            if missing:
                yield (
                    channel.uri_path,
                    f"the manifest names {len(missing)} object(s) that do not exist (got "
                    f"{names(missing, 3)}; expected every named object to exist); upload them "
                    "or remove them from the manifest",
                )
