"""W2021: a candidate's runtime limit above the whole job's."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import LintContext, Rule, get_int, join


class TrainingRuntimeExceedsJob(Rule):
    """MaxRuntimePerTrainingJobInSeconds greater than MaxAutoMLJobRuntimeInSeconds."""

    id = "W2021"
    short_description = "Per-candidate runtime limit above the job runtime limit"
    description = (
        "The job stops when MaxAutoMLJobRuntimeInSeconds is reached, so a per-training-job limit "
        "above it never applies; the smaller value is what bounds the run. Usually one of the "
        "two values has a typo."
    )
    source = (
        'MaxAutoMLJobRuntimeInSeconds: "The maximum runtime, in seconds, an AutoML job has to '
        'complete." "If an AutoML job exceeds the maximum runtime, the job is stopped '
        f'automatically and its processing is ended gracefully." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("completion-criteria",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Compare the two runtime limits when both are integers."""
        path, criteria = ctx.completion_criteria
        per_job = get_int(criteria, "MaxRuntimePerTrainingJobInSeconds")
        total = get_int(criteria, "MaxAutoMLJobRuntimeInSeconds")
        if per_job is None or total is None or per_job <= total:
            return
        yield (
            join(path, "MaxRuntimePerTrainingJobInSeconds"),
            f"per-training-job runtime limit exceeds the job runtime limit (got {per_job}; "
            f"expected at most MaxAutoMLJobRuntimeInSeconds, {total}); the job stops first",
        )
