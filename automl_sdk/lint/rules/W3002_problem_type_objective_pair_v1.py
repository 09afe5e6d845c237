"""W3002: V1 ProblemType and AutoMLJobObjective both or neither."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint.rules._helpers import unpaired_objective
from automl_sdk.lint.rules_api import V1, LintContext, Rule


class ProblemTypeObjectivePairV1(Rule):
    """A V1 request gives ProblemType without AutoMLJobObjective, or the reverse."""

    id = "W3002"
    short_description = "V1 ProblemType and AutoMLJobObjective not given together"
    description = (
        "The V1 pages do not state the pairing that the V2 pages require for tabular jobs, but V2 "
        "handles tabular problem types 'identical to those of its previous version', and a V1 "
        "request is translated to V2 to be sent. Reported as a warning because the V1 "
        "documentation is silent."
    )
    source = (
        '"For tabular problem types: You must either provide both the AutoMLJobObjective and '
        "indicate the type of supervised learning problem in AutoMLProblemTypeConfig "
        '(TabularJobConfig.ProblemType), or none at all." "CreateAutoMLJobV2 can manage tabular '
        f'problem types identical to those of its previous version CreateAutoMLJob" ({SPEC_V2_API})'
    )
    tags = ("tabular", "objective", "v1")
    operations = frozenset({V1})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report the missing half of the pair."""
        yield from unpaired_objective(ctx)
