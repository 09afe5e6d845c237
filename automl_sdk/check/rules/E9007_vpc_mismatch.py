"""E9007: the subnets and security groups are not all in one VPC."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, vpc_members
from automl_sdk.check._gather import VPC
from automl_sdk.check._rule import API_V1_PAGE, CheckRule


class VpcMismatch(CheckRule):
    """A subnet or security group is in another VPC than the first subnet."""

    id = "E9007"
    short_description = "Subnets and security groups are in different VPCs"
    description = (
        "The job's network interfaces are made in the subnets and get the security groups, so "
        "all of them must belong to one VPC. The VPC of the first subnet that exists is the "
        "reference; every item in another VPC is reported."
    )
    source = (
        '"Specify the security groups for the VPC that is specified in the Subnets field." '
        f"(SecurityGroupIds, {API_V1_PAGE})"
    )
    tags = ("resources", "ec2", "vpc")
    reads = frozenset({VPC})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Compare the VPC of every item with the first subnet's."""
        subnets = ctx.resources.subnets if isinstance(ctx.resources.subnets, dict) else {}
        groups = ctx.resources.security_groups
        groups = groups if isinstance(groups, dict) else {}
        items = [
            (path, value, "subnet", subnets.get(value))
            for path, value in vpc_members(ctx, "Subnets")
        ] + [
            (path, value, "security group", groups.get(value))
            for path, value in vpc_members(ctx, "SecurityGroupIds")
        ]
        located = [item for item in items if isinstance(item[3], str)]
        if not located:
            return
        _, first, _, vpc = located[0]
        for path, value, noun, other in located[1:]:
            if other != vpc:
                yield (
                    path,
                    f"{noun} is in another VPC (got {value!r} in {other}; expected {vpc}, the "
                    f"VPC of subnet {first!r}); use subnets and security groups of one VPC",
                )
