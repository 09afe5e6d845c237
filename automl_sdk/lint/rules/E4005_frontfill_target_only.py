"""E4005: frontfill only on the target column."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_entries
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_str


class FrontfillTargetOnly(Rule):
    """A frontfill method on a column other than the target."""

    id = "E4005"
    short_description = "frontfill on a column other than the target"
    description = (
        "frontfill is supported only for the target column named in "
        "TimeSeriesConfig.TargetAttributeName; other columns use middlefill, backfill or "
        "futurefill."
    )
    source = f'"frontfill: none (Supported only for target column)" ({SPEC_V2_DESCRIBE})'
    tags = ("time-series", "transformations")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report frontfill (and frontfill_value) on non-target columns."""
        target = get_str(ctx.problem_config, "TimeSeriesConfig", "TargetAttributeName")
        if target is None:
            return
        for path, column, methods in filling_entries(ctx):
            if column == target or "frontfill" not in methods:
                continue
            yield (
                f"{path}.frontfill",
                f"frontfill is supported only for the target column (got column {column!r}; "
                f"expected the target column {target!r}); use middlefill, backfill or futurefill",
            )
