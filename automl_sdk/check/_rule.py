"""The base class of the data and resource rules (groups 7 and 9).

A check rule is a lint :class:`~automl_sdk.lint.Rule` (id, descriptions, source, tags; found,
documented, selected and ignored by lint's registry) whose findings come from what
:mod:`automl_sdk.check` read from AWS. Lint never runs it: on a plain
:class:`~automl_sdk.lint.LintContext` it has nothing to say.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from automl_sdk.check._context import CheckContext
from automl_sdk.check._gather import DATA
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._registry import Rule

#: The public pages the data and resource rules enforce (the SageMaker Developer Guide's
#: Autopilot dataset, quota and role pages; the API reference of CreateAutoMLJobV2 and
#: CreateEndpoint).
DATASETS_PAGE = (
    "https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-datasets-problem-types.html"
)
QUOTAS_PAGE = "https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-quotas.html"
LLM_DATA_PAGE = (
    "https://docs.aws.amazon.com/sagemaker/latest/dg/autopilot-llms-finetuning-data-format.html"
)
ROLES_PAGE = "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html"
API_V2_PAGE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html"
API_V1_PAGE = (
    "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sagemaker/"
    "client/create_auto_ml_job.html"
)
API_V2_DESCRIBE_PAGE = (
    "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sagemaker/"
    "client/describe_auto_ml_job_v2.html"
)
#: How a source names the developer guide, whose facts are stated (not quoted: only the API
#: reference pages are quoted, word for word).
GUIDE = "SageMaker Developer Guide"
ENDPOINT_PAGE = "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpoint.html"


class CheckRule(Rule):
    """A rule of ``automl-sdk check``: subclasses implement :meth:`inspect`.

    Attributes:
        reads: what the rule judges, of :data:`automl_sdk.check._gather.EVERYTHING`
            (``"data"``, ``"role"``, ``"keys"``, ``"vpc"``, ``"output"``, ``"endpoint"``); a check
            reads only what its selected rules need. Default: the data.
    """

    reads: ClassVar[frozenset[str]] = frozenset({DATA})

    def check(self, ctx: LintContext) -> Iterable[tuple[str, str]]:
        """Run :meth:`inspect` when ``ctx`` carries what the check read; nothing otherwise."""
        if not isinstance(ctx, CheckContext):
            return ()
        return self.inspect(ctx)

    def inspect(self, ctx: CheckContext) -> Iterable[tuple[str, str]]:
        """Yield ``(wire_path, message)`` for each problem in the data or resources read."""
        raise NotImplementedError
