"""E5001: text classification content column differs from the label column."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TEXT_CLASSIFICATION, V2, LintContext, Rule, join


class TextColumnsDistinct(Rule):
    """ContentColumn and TargetLabelColumn name the same column."""

    id = "E5001"
    short_description = "Text classification content and label columns are the same"
    description = (
        "The sentences to classify and their class labels come from two different columns of "
        "the dataset."
    )
    source = (
        'ContentColumn: "The name of the column used to provide the sentences to be classified. '
        'It should not be the same as the target column." TargetLabelColumn: "The name of the '
        'column used to provide the class labels. It should not be same as the content column." '
        f"({SPEC_V2_DESCRIBE})"
    )
    tags = ("text-classification",)
    operations = frozenset({V2})
    problem_types = frozenset({TEXT_CLASSIFICATION})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report TargetLabelColumn equal to ContentColumn."""
        content = ctx.problem_config.get("ContentColumn")
        label = ctx.problem_config.get("TargetLabelColumn")
        if not isinstance(content, str) or content != label:
            return
        yield (
            join(ctx.problem_config_path, "TargetLabelColumn"),
            f"TargetLabelColumn is the same column as ContentColumn (got {label!r}; expected a "
            "different column); name the column holding the class labels",
        )
