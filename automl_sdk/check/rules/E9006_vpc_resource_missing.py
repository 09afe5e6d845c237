"""E9006: a subnet or security group the request names does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, vpc_members
from automl_sdk.check._facts import MISSING
from automl_sdk.check._gather import VPC
from automl_sdk.check._rule import API_V1_PAGE, CheckRule

KINDS = (
    ("Subnets", "subnet", "subnets"),
    ("SecurityGroupIds", "security group", "security_groups"),
)


class VpcResourceMissing(CheckRule):
    """VpcConfig names a subnet or security group EC2 does not have."""

    id = "E9006"
    short_description = "Subnet or security group does not exist"
    description = (
        "Every subnet and security group of VpcConfig must exist in the job's region; EC2's "
        "DescribeSubnets and DescribeSecurityGroups (filtered by id, so that one call answers "
        "for all) must return it."
    )
    source = (
        '"The VPC security group IDs, in the form sg-xxxxxxxx." "The ID of the subnets in the '
        f'VPC to which you want to connect your training job or model." (VpcConfig, {API_V1_PAGE})'
    )
    tags = ("resources", "ec2", "vpc")
    reads = frozenset({VPC})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each list item EC2 did not return."""
        for member, noun, attribute in KINDS:
            found = getattr(ctx.resources, attribute)
            if not isinstance(found, dict):
                continue
            for path, value in vpc_members(ctx, member):
                if found.get(value) is MISSING:
                    yield (
                        path,
                        f"{noun} does not exist (got {value!r}; expected an existing {noun} in "
                        f"{ctx.resources.region}); fix the id or create the {noun}",
                    )
