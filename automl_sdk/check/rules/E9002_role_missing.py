"""E9002: the role the request names does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import MISSING
from automl_sdk.check._gather import ROLE
from automl_sdk.check._rule import API_V1_PAGE, CheckRule
from automl_sdk.check.rules._helpers import role_account


class RoleMissing(CheckRule):
    """RoleArn names no IAM role of the account."""

    id = "E9002"
    short_description = "Execution role does not exist"
    description = (
        "RoleArn must name an existing IAM role. IAM's GetRole answers NoSuchEntity; the role "
        "is reported missing only when it is in the credentials' own account (a role in "
        "another account cannot be looked up, and W9001 says so)."
    )
    source = f'"The ARN of the role that is used to access the data." (RoleArn, {API_V1_PAGE})'
    tags = ("resources", "iam", "role")
    reads = frozenset({ROLE})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report a role IAM does not know, in the caller's account."""
        arn = ctx.get_str("RoleArn") or ""
        caller = ctx.resources.caller_account
        if ctx.resources.role is MISSING and caller == role_account(arn):
            yield (
                "RoleArn",
                f"execution role does not exist (got {arn!r}; expected an IAM role in account "
                f"{caller}); create the role or fix RoleArn",
            )
