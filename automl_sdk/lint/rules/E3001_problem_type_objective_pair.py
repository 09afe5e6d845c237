"""E3001: tabular ProblemType and AutoMLJobObjective both or neither (V2)."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_API, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import unpaired_objective
from automl_sdk.lint.rules_api import TABULAR, V2, LintContext, Rule


class ProblemTypeObjectivePair(Rule):
    """A V2 tabular request gives ProblemType without AutoMLJobObjective, or the reverse."""

    id = "E3001"
    short_description = "Tabular ProblemType and AutoMLJobObjective not given together"
    description = (
        "For tabular jobs, either name both the problem type (TabularJobConfig.ProblemType) and "
        "the objective metric (AutoMLJobObjective), or neither and let Autopilot infer both."
    )
    source = (
        '"For tabular problem types: You must either provide both the AutoMLJobObjective and '
        "indicate the type of supervised learning problem in AutoMLProblemTypeConfig "
        f'(TabularJobConfig.ProblemType), or none at all." ({SPEC_V2_API}); "You must either '
        "specify the type of supervised learning problem in ProblemType and provide the "
        f'AutoMLJobObjective metric, or none at all." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("tabular", "objective")
    operations = frozenset({V2})
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report the missing half of the pair."""
        yield from unpaired_objective(ctx)
