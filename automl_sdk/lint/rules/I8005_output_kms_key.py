"""I8005: output artifacts encrypted with your KMS key."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint.rules_api import LintContext, Rule


class OutputKmsKey(Rule):
    """No OutputDataConfig.KmsKeyId."""

    id = "I8005"
    short_description = "No KMS key for the output artifacts"
    description = (
        "Without OutputDataConfig.KmsKeyId the models, notebooks and reports written to "
        "S3OutputPath are encrypted with the bucket's default encryption only."
    )
    source = (
        'OutputDataConfig: "Provides information about encryption and the Amazon S3 output path '
        f'needed to store artifacts from an AutoML job." ({SPEC_V2_API})'
    )
    tags = ("security", "encryption")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a missing KmsKeyId in a well-formed OutputDataConfig."""
        output = ctx.get_dict("OutputDataConfig")
        if output is None or output.get("KmsKeyId") is not None:
            return
        yield (
            "OutputDataConfig.KmsKeyId",
            "output artifacts are not encrypted with your KMS key (got no KmsKeyId; expected a "
            "KMS key id or ARN); set OutputDataConfig.KmsKeyId",
        )
