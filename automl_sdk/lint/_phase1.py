"""Shared base of the phase-1 (``E1xxx``) rules: each reports its share of the one schema walk."""

from __future__ import annotations

from typing import ClassVar

from automl_sdk.lint._context import LintContext
from automl_sdk.lint._registry import Rule

#: Cited by every phase-1 rule: the service model is the machine-readable half of the contract.
MODEL = "botocore SageMaker service model (sagemaker/2017-07-24/service-2.json)"


class SchemaRule(Rule):
    """A phase-1 rule: yields the findings of :attr:`LintContext.schema_findings` with its id."""

    tags: ClassVar[tuple[str, ...]] = ("schema",)
    from_schema: ClassVar[bool] = True

    def check(self, ctx: LintContext) -> list[tuple[str, str]]:
        """The schema findings carrying this rule's id."""
        return [
            (finding.path, finding.message)
            for finding in ctx.schema_findings_by_rule.get(self.id, ())
        ]
