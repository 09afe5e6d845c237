"""W3011: no model deployment when only candidate definitions are generated."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class DeployWithoutTraining(Rule):
    """ModelDeployConfig with GenerateCandidateDefinitionsOnly true."""

    id = "W3011"
    short_description = "ModelDeployConfig while only generating candidate definitions"
    description = (
        "With GenerateCandidateDefinitionsOnly true no model is trained, so there is nothing for "
        "the automatic one-click deployment to deploy; the ModelDeployConfig is dead weight or "
        "the flag was set by mistake. (V1: top-level GenerateCandidateDefinitionsOnly; V2: "
        "TabularJobConfig.GenerateCandidateDefinitionsOnly.)"
    )
    source = (
        'GenerateCandidateDefinitionsOnly: "Generates possible candidates without training the '
        f'models." ({SPEC_V1_BOTO3}); ModelDeployConfig: "Indicates whether the model was '
        "deployed automatically to an endpoint and the name of that endpoint if deployed "
        f'automatically." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("tabular", "deploy")
    problem_types = frozenset({TABULAR})

    needs = ("ModelDeployConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report ModelDeployConfig when candidate definitions only are requested."""
        if ctx.get("ModelDeployConfig") is None:
            return
        flag_path, flag = ctx.config_member("GenerateCandidateDefinitionsOnly")
        if flag is not True:
            return
        yield (
            "ModelDeployConfig",
            f"no model is trained to deploy (got ModelDeployConfig with {flag_path} true; "
            "expected no ModelDeployConfig); remove ModelDeployConfig or set "
            "GenerateCandidateDefinitionsOnly to false",
        )
