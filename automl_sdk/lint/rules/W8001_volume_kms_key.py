"""W8001: storage volumes encrypted with your KMS key."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules._helpers import missing_security_setting
from automl_sdk.lint.rules_api import LintContext, Rule


class VolumeKmsKey(Rule):
    """No SecurityConfig.VolumeKmsKeyId."""

    id = "W8001"
    short_description = "No KMS key for the training volumes"
    description = (
        "Without VolumeKmsKeyId the data Autopilot stores on its processing and training volumes "
        "is not encrypted with a key you control. Set SecurityConfig.VolumeKmsKeyId (V1: "
        "AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId), or ignore W8001 if AWS-managed "
        "encryption is enough."
    )
    source = (
        'SecurityConfig: "The security configuration for traffic encryption or Amazon VPC '
        f'settings." ({SPEC_V2_API}); VolumeKmsKeyId: "The key used to encrypt stored data." '
        f"({SPEC_V1_BOTO3})"
    )
    tags = ("security", "encryption")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a missing VolumeKmsKeyId."""
        path = missing_security_setting(ctx, "VolumeKmsKeyId")
        if path is not None:
            yield (
                path,
                "stored data is not encrypted with your KMS key (got no VolumeKmsKeyId; expected "
                "a KMS key id or ARN); set VolumeKmsKeyId",
            )
