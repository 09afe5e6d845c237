"""I8003: the job runs in your VPC."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_API
from automl_sdk.lint.rules._helpers import missing_security_setting
from automl_sdk.lint.rules_api import LintContext, Rule


class NoVpc(Rule):
    """No SecurityConfig.VpcConfig."""

    id = "I8003"
    short_description = "Job not run in a VPC"
    description = (
        "Without VpcConfig the job's containers do not run in your VPC, so your network controls "
        "(security groups, VPC endpoints to S3) do not apply to them."
    )
    source = (
        'SecurityConfig: "The security configuration for traffic encryption or Amazon VPC '
        f'settings." ({SPEC_V2_API}); VpcConfig: "The VPC configuration." Subnets: "The ID of the '
        'subnets in the VPC to which you want to connect your training job or model." '
        f"({SPEC_V1_BOTO3})"
    )
    tags = ("security", "network")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a missing VpcConfig."""
        path = missing_security_setting(ctx, "VpcConfig")
        if path is not None:
            yield (
                path,
                "the job does not run in your VPC (got no VpcConfig; expected SecurityGroupIds "
                "and Subnets); add VpcConfig to apply your network controls",
            )
