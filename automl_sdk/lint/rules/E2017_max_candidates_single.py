"""E2017: MaxCandidates is 1 for non-tabular problem types."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import (
    SINGLE_CANDIDATE_PROBLEM_TYPES,
    SPEC_V1_BOTO3,
    SPEC_V2_DESCRIBE,
)
from automl_sdk.lint.rules._helpers import problem_type_name
from automl_sdk.lint.rules_api import V2, LintContext, Rule, get_int, join


class MaxCandidatesSingle(Rule):
    """MaxCandidates other than 1 for image/text classification, time series or text generation."""

    id = "E2017"
    short_description = "MaxCandidates other than 1 for a non-tabular problem type"
    description = (
        "Only tabular jobs train several candidates (up to 750, which the schema check enforces). "
        "The older V1 boto3 page says 'For V2 jobs [...] the supported value is 1' for every V2 "
        "job; the newer pages restrict that to non-tabular problem types, which is the reading "
        "used here."
    )
    source = (
        '"For text and image classification, time-series forecasting, as well as text generation '
        "(LLMs fine-tuning) problem types, the supported value is 1. For tabular problem types, "
        f'the maximum value is 750." ({SPEC_V2_DESCRIBE}); "For V2 jobs (jobs created by calling '
        f'CreateAutoMLJobV2), the supported value is 1." ({SPEC_V1_BOTO3})'
    )
    tags = ("completion-criteria",)
    operations = frozenset({V2})
    problem_types = frozenset(SINGLE_CANDIDATE_PROBLEM_TYPES)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report MaxCandidates 2..750 in a non-tabular config."""
        path, criteria = ctx.completion_criteria
        value = get_int(criteria, "MaxCandidates")
        if value is None or not 1 < value <= 750:
            return
        yield (
            join(path, "MaxCandidates"),
            f"MaxCandidates must be 1 for {problem_type_name(ctx)} (got {value}; expected 1); "
            "remove MaxCandidates or set it to 1",
        )
