"""E2009: S3OutputPath is at most 128 characters."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import S3_OUTPUT_PATH_MAX, SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule


class S3OutputPathTooLong(Rule):
    """OutputDataConfig.S3OutputPath longer than the documented 128 characters."""

    id = "E2009"
    short_description = "S3OutputPath longer than 128 characters"
    description = (
        "The documentation limits the output path to 128 characters; the service model's S3Uri "
        "shape allows 1024, so botocore lets longer paths through. Paths the model already "
        "rejects (over 1024 characters) are left to phase 1."
    )
    source = f'"The Amazon S3 output path. Must be 128 characters or less." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    tags = ("s3", "output")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report an output path between 129 and 1024 characters."""
        value = ctx.get_str("OutputDataConfig", "S3OutputPath")
        if value is None or len(value) <= S3_OUTPUT_PATH_MAX:
            return
        if ctx.reported_by_schema("OutputDataConfig.S3OutputPath"):
            return
        yield (
            "OutputDataConfig.S3OutputPath",
            f"S3OutputPath is too long (got {len(value)} characters; expected at most "
            f"{S3_OUTPUT_PATH_MAX}); use a shorter bucket prefix",
        )
