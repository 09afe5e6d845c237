"""E2020: security group ids have the form sg-xxxxxxxx."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, get_list, join


class SecurityGroupIdForm(Rule):
    """A VpcConfig security group id that does not start with ``sg-``."""

    id = "E2020"
    short_description = "Security group id not of the form sg-xxxxxxxx"
    description = (
        "VpcConfig.SecurityGroupIds holds security group ids (sg-0123abcd), not names. The model "
        "only requires letters, digits and hyphens; ids it rejects are left to the schema check, "
        "as are the counts (1-5 security groups, 1-16 subnets)."
    )
    source = (
        '"The VPC security group IDs, in the form sg-xxxxxxxx. Specify the security groups for the '
        f'VPC that is specified in the Subnets field." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    )
    tags = ("security", "vpc")

    needs = ("SecurityConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each model-valid security group id without the ``sg-`` prefix."""
        path, config = ctx.security_config
        for index, value in enumerate(get_list(config, "VpcConfig", "SecurityGroupIds") or []):
            if not isinstance(value, str) or value.startswith("sg-"):
                continue
            value_path = join(path, "VpcConfig", "SecurityGroupIds", index)
            if not ctx.reported_by_schema(value_path):
                yield (
                    value_path,
                    f"not a security group id (got {value!r}; expected 'sg-' followed by the id, "
                    "e.g. 'sg-0123456789abcdef0'); give the id, not the group name",
                )
