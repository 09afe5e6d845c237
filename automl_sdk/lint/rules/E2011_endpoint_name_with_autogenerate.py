"""E2011: no EndpointName when AutoGenerateEndpointName is true."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, show


class EndpointNameWithAutoGenerate(Rule):
    """ModelDeployConfig gives an EndpointName and asks for a generated one."""

    id = "E2011"
    short_description = "EndpointName given while AutoGenerateEndpointName is true"
    description = (
        "ModelDeployConfig either generates the endpoint name (AutoGenerateEndpointName true) or "
        "takes yours (EndpointName); giving both is rejected with a 400 error."
    )
    source = (
        '"If you set AutoGenerateEndpointName to True, do not specify the EndpointName; otherwise '
        f'a 400 error is thrown." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    )
    tags = ("deploy",)

    needs = ("ModelDeployConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report EndpointName next to AutoGenerateEndpointName true."""
        if ctx.get_bool("ModelDeployConfig", "AutoGenerateEndpointName") is not True:
            return
        name = ctx.get("ModelDeployConfig", "EndpointName")
        if name is None:
            return
        yield (
            "ModelDeployConfig.EndpointName",
            f"EndpointName must not be set when AutoGenerateEndpointName is true (got {show(name)}; "
            "expected no EndpointName); remove EndpointName or set AutoGenerateEndpointName to false",
        )
