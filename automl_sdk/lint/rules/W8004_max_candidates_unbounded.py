"""W8004: a large MaxCandidates without a job runtime bound."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import LARGE_MAX_CANDIDATES, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, get_int, join


class MaxCandidatesUnbounded(Rule):
    """MaxCandidates of 100 or more with no MaxAutoMLJobRuntimeInSeconds."""

    id = "W8004"
    short_description = "Many candidates and no job runtime limit"
    description = (
        "Every candidate is a training job you pay for. With MaxCandidates of 100 or more and no "
        "MaxAutoMLJobRuntimeInSeconds, nothing but the candidate count bounds the cost; set a "
        "runtime limit so the job stops and keeps the best model trained so far."
    )
    source = (
        'MaxCandidates: "The maximum number of times a training job is allowed to run." '
        '"If an AutoML job exceeds the maximum runtime, the job is stopped automatically and its '
        "processing is ended gracefully. The AutoML job identifies the best model whose training "
        f'was completed and marks it as the best-performing model." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("cost", "completion-criteria")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a large MaxCandidates when the job runtime is unbounded."""
        path, criteria = ctx.completion_criteria
        count = get_int(criteria, "MaxCandidates")
        if count is None or count < LARGE_MAX_CANDIDATES:
            return
        if (criteria or {}).get("MaxAutoMLJobRuntimeInSeconds") is not None:
            return
        yield (
            join(path, "MaxAutoMLJobRuntimeInSeconds"),
            f"{count} candidates with no job runtime limit (got MaxCandidates {count} and no "
            "MaxAutoMLJobRuntimeInSeconds; expected a runtime limit); set "
            "MaxAutoMLJobRuntimeInSeconds to bound the cost",
        )
