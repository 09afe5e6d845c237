"""E2008: S3 locations are s3:// URIs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules_api import LintContext, Rule

_S3_URI = re.compile(r"s3://[^/\s]+(?:/.*)?", re.DOTALL)


class S3UriNotS3(Rule):
    """An input, output or feature-specification location is not an ``s3://bucket/...`` URI."""

    id = "E2008"
    short_description = "S3 location is not an s3:// URI"
    description = (
        "Channel S3Uri, OutputDataConfig.S3OutputPath and FeatureSpecificationS3Uri name Amazon "
        "S3 locations in the form s3://bucket/key-prefix. The service model's pattern also lets "
        "https:// URLs through; the documentation only shows s3:// URIs. Whitespace in the bucket "
        "name is also reported. Values the model already rejects are left to phase 1."
    )
    source = (
        '"The S3Prefix should have the following format: '
        f's3://DOC-EXAMPLE-BUCKET/DOC-EXAMPLE-FOLDER-OR-FILE" ({SPEC_V1_BOTO3}); '
        '"Provides information about encryption and the Amazon S3 output path needed to store '
        f'artifacts from an AutoML job." ({SPEC_V2_API})'
    )
    tags = ("s3",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check every S3 location of the request."""
        for path, value in _locations(ctx):
            if _S3_URI.fullmatch(value) or ctx.reported_by_schema(path):
                continue
            yield (
                path,
                f"not an S3 URI (got {value!r}; expected 's3://<bucket>/<key prefix>'); "
                "give the bucket and prefix as an s3:// URI",
            )


def _locations(ctx: LintContext) -> list[tuple[str, str]]:
    """``(path, value)`` of every S3 location of the request that is a string."""
    found = [
        (f"{path}.DataSource.S3DataSource.S3Uri", source["S3Uri"])
        for path, _, source in ctx.s3_data_sources
        if isinstance(source.get("S3Uri"), str)
    ]
    output = ctx.get_str("OutputDataConfig", "S3OutputPath")
    if output is not None:
        found.append(("OutputDataConfig.S3OutputPath", output))
    path, feature = ctx.config_member("FeatureSpecificationS3Uri")
    if isinstance(feature, str):
        found.append((path, feature))
    return found
