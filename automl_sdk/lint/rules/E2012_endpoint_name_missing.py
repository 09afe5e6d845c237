"""E2012: EndpointName when AutoGenerateEndpointName is false (the default)."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule


class EndpointNameMissing(Rule):
    """ModelDeployConfig neither generates an endpoint name nor gives one."""

    id = "E2012"
    short_description = "EndpointName missing while AutoGenerateEndpointName is false"
    description = (
        "When ModelDeployConfig is given, EndpointName is required exactly when "
        "AutoGenerateEndpointName is false, and false is its default: a ModelDeployConfig with "
        "neither member is rejected too."
    )
    source = (
        '"Set to True to automatically generate an endpoint name for a one-click Autopilot model '
        'deployment; set to False otherwise. The default value is False." "Specify the '
        "EndpointName if and only if you set AutoGenerateEndpointName to False; otherwise a 400 "
        f'error is thrown." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    )
    tags = ("deploy",)

    needs = ("ModelDeployConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a ModelDeployConfig without EndpointName whose AutoGenerate flag is not true."""
        config = ctx.get_dict("ModelDeployConfig")
        if config is None or config.get("EndpointName") is not None:
            return
        auto = config.get("AutoGenerateEndpointName")
        if auto is None:
            got = "no EndpointName and no AutoGenerateEndpointName, which defaults to false"
        elif auto is False:
            got = "no EndpointName with AutoGenerateEndpointName false"
        else:
            return
        yield (
            "ModelDeployConfig.EndpointName",
            f"EndpointName is required when AutoGenerateEndpointName is false (got {got}; "
            "expected an EndpointName); add EndpointName or set AutoGenerateEndpointName to true",
        )
