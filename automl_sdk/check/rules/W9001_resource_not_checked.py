"""W9001: a resource check could not be made (AccessDenied, a service error, another account)."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._aws import Failure
from automl_sdk.check._context import CheckContext, endpoint_member, kms_members, vpc_members
from automl_sdk.check._facts import MISSING
from automl_sdk.check._gather import RESOURCES
from automl_sdk.check._rule import GUIDE, ROLES_PAGE, CheckRule
from automl_sdk.check.rules._helpers import role_account
from automl_sdk.lint.rules_api import join


class ResourceNotChecked(CheckRule):
    """A call needed to check a role, key, subnet, group, bucket or endpoint failed."""

    id = "W9001"
    short_description = "Resource could not be checked"
    description = (
        "Checking a resource the request names needs a read call (iam:GetRole, "
        "kms:DescribeKey, ec2:DescribeSubnets, ec2:DescribeSecurityGroups, "
        "s3:GetBucketLocation, sagemaker:DescribeEndpoint) that failed, or the role is in "
        "another account than the credentials. The check names the call and the error "
        "instead of guessing: nothing is known to be wrong, but nothing was checked."
    )
    source = (
        f"{GUIDE}, roles ({ROLES_PAGE}): the role must be assumable by "
        "sagemaker.amazonaws.com; this rule says when a resource rule could not look."
    )
    tags = ("resources", "not-checked")
    reads = RESOURCES

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each failed resource call at the member whose resource it concerned."""
        found = ctx.resources
        yield from _role(ctx)
        for path, key in kms_members(ctx):
            if isinstance(found.keys.get(key), Failure):
                yield path, f"{found.keys[key].text()}; the KMS key was not checked"
        for member, answer in (
            ("Subnets", found.subnets),
            ("SecurityGroupIds", found.security_groups),
        ):
            items = list(vpc_members(ctx, member))
            if isinstance(answer, Failure) and items:
                path = items[0][0].rsplit("[", 1)[0]
                yield path, f"{answer.text()}; the {member} were not checked"
        output = ctx.get_str("OutputDataConfig", "S3OutputPath") or ""
        bucket = output[len("s3://") :].split("/", 1)[0] if output.startswith("s3://") else ""
        region = found.buckets.get(bucket)
        if isinstance(region, Failure) and not any(c.bucket == bucket for c in ctx.data):
            yield (
                join("OutputDataConfig", "S3OutputPath"),
                f"{region.text()}; the output bucket was not checked",
            )
        endpoint = endpoint_member(ctx)
        if endpoint is not None and isinstance(found.endpoint, Failure):
            yield endpoint[0], f"{found.endpoint.text()}; the endpoint name was not checked"


def _role(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    found = ctx.resources
    if isinstance(found.role, Failure):
        yield "RoleArn", f"{found.role.text()}; the role was not checked"
    elif found.role is MISSING:
        caller = found.caller_account
        account = role_account(ctx.get_str("RoleArn") or "")
        if isinstance(caller, Failure):
            yield "RoleArn", f"{caller.text()}; whether the role exists was not checked"
        elif isinstance(caller, str) and account and caller != account:
            yield (
                "RoleArn",
                f"could not check: the role is in account {account} and the credentials are "
                f"for account {caller}; check it with credentials of account {account}",
            )
