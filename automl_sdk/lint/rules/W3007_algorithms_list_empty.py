"""W3007: an empty AutoMLAlgorithms list."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule, get_list, join


class AlgorithmsListEmpty(Rule):
    """``AutoMLAlgorithms: []``."""

    id = "W3007"
    short_description = "AutoMLAlgorithms is an empty list"
    description = (
        "The documentation contradicts itself: one sentence says an empty AutoMLAlgorithms list "
        "means the full set of the mode's algorithms, another says to choose at least one. "
        "Reported as a warning; leave AlgorithmsConfig out to get every algorithm unambiguously."
    )
    source = (
        '"If the list of algorithms provided as values for AutoMLAlgorithms is empty, '
        "AutoMLCandidateGenerationConfig uses the full set of algorithms for the given training "
        f'mode." "Choose a minimum of 1 algorithm." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    )
    tags = ("tabular", "algorithms")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each empty AutoMLAlgorithms list."""
        base, entries = ctx.algorithms_config
        for index, entry in enumerate(get_list(entries) or []):
            if get_list(entry, "AutoMLAlgorithms") == []:
                yield (
                    join(base, index, "AutoMLAlgorithms"),
                    "AutoMLAlgorithms is empty (got []; expected at least 1 algorithm); remove "
                    "AlgorithmsConfig to use every algorithm of the mode",
                )
