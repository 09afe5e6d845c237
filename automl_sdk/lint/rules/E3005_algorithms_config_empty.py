"""E3005: AlgorithmsConfig holds one AutoMLAlgorithms entry."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule


class AlgorithmsConfigEmpty(Rule):
    """An empty AlgorithmsConfig list."""

    id = "E3005"
    short_description = "AlgorithmsConfig is an empty list"
    description = (
        "When AlgorithmsConfig is given it holds exactly one entry with AutoMLAlgorithms. The "
        "model allows 0 to 1 entries; more than one is a schema finding, none is reported here. "
        "To use every algorithm of the mode, leave AlgorithmsConfig out."
    )
    source = (
        '"When AlgorithmsConfig is provided, one AutoMLAlgorithms attribute must be set and one '
        f'only." ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})'
    )
    tags = ("tabular", "algorithms")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report ``AlgorithmsConfig: []``."""
        path, algorithms = ctx.algorithms_config
        if algorithms != []:
            return
        yield (
            path,
            "AlgorithmsConfig is empty (got []; expected one entry with AutoMLAlgorithms); add "
            "the entry, or remove AlgorithmsConfig to use every algorithm of the mode",
        )
