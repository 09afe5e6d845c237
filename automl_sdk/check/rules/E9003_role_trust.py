"""E9003: the role's trust policy does not let SageMaker assume it."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator
from typing import Any

from automl_sdk.check._context import CheckContext
from automl_sdk.check._gather import ROLE
from automl_sdk.check._rule import GUIDE, ROLES_PAGE, CheckRule

SERVICE = "sagemaker.amazonaws.com"


class RoleTrust(CheckRule):
    """SageMaker cannot assume the execution role."""

    id = "E9003"
    short_description = "Execution role cannot be assumed by SageMaker"
    description = (
        "The job runs as the role, so the role's trust policy (AssumeRolePolicyDocument) must "
        "have an Allow statement for sts:AssumeRole whose principal is the service "
        "sagemaker.amazonaws.com (or everyone). Conditions in the statement are not judged."
    )
    source = (
        f"{GUIDE}, roles ({ROLES_PAGE}): the role must be assumable by sagemaker.amazonaws.com."
    )
    tags = ("resources", "iam", "role")
    reads = frozenset({ROLE})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Look for a statement that lets sagemaker.amazonaws.com assume the role."""
        role = ctx.resources.role
        if not isinstance(role, dict):
            return
        policy = _document(role.get("AssumeRolePolicyDocument"))
        if policy is not None and not _trusts_sagemaker(policy):
            yield (
                "RoleArn",
                f"execution role cannot be assumed by SageMaker (got a trust policy of role "
                f"{role.get('RoleName')!r} without {SERVICE}; expected an Allow statement for "
                f"sts:AssumeRole with principal Service {SERVICE!r}); add it to the role's "
                "trust relationships",
            )


def _document(value: Any) -> dict[str, Any] | None:
    """The trust policy as a dict (IAM returns it URL-encoded; boto3 usually decodes it)."""
    if isinstance(value, str):
        try:
            value = json.loads(urllib.parse.unquote(value))
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def _trusts_sagemaker(policy: dict[str, Any]) -> bool:
    statements = policy.get("Statement")
    if isinstance(statements, dict):
        statements = [statements]
    return any(
        isinstance(statement, dict)
        and statement.get("Effect") == "Allow"
        and _listed(statement.get("Action"), ("sts:AssumeRole", "sts:*", "*"))
        and _principal(statement.get("Principal"))
        for statement in statements or []
    )


def _principal(principal: Any) -> bool:
    if principal == "*":
        return True
    if not isinstance(principal, dict):
        return False
    return _listed(principal.get("Service"), (SERVICE,)) or _listed(principal.get("AWS"), ("*",))


def _listed(value: Any, accepted: tuple[str, ...]) -> bool:
    values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return any(isinstance(item, str) and item in accepted for item in values)
