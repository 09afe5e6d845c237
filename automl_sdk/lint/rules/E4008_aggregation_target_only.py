"""E4008: aggregation only on the target column."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_dict, get_str, join


class AggregationTargetOnly(Rule):
    """Transformations.Aggregation on a column other than the target."""

    id = "E4008"
    short_description = "Aggregation on a column other than the target"
    description = (
        "Aggregation (sum, avg, first, min, max; the method is a schema enum) applies to the "
        "target column only, the one named in TimeSeriesConfig.TargetAttributeName."
    )
    source = (
        '"The supported aggregation methods are sum (default), avg, first, min, max." '
        f'"Aggregation is only supported for the target column." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series", "transformations")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every aggregated column that is not the target."""
        target = get_str(ctx.problem_config, "TimeSeriesConfig", "TargetAttributeName")
        aggregation = get_dict(ctx.problem_config, "Transformations", "Aggregation")
        if target is None or aggregation is None:
            return
        base = join(ctx.problem_config_path, "Transformations", "Aggregation")
        for column in aggregation:
            if column != target:
                yield (
                    f"{base}.{column}",
                    f"aggregation is only supported for the target column (got column {column!r}; "
                    f"expected {target!r}); remove this entry",
                )
