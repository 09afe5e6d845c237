"""E4002: ForecastHorizon at most 500."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FORECAST_HORIZON_MAX, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, get_int, join


class ForecastHorizonMax(Rule):
    """ForecastHorizon above 500 time-steps."""

    id = "E4002"
    short_description = "ForecastHorizon above 500"
    description = (
        "The horizon is at most 500 time-steps (and at most a quarter of the time-steps in the "
        "dataset, which a linter cannot see). The model only sets the minimum of 1."
    )
    source = (
        '"The maximum forecast horizon is the lesser of 500 time-steps or 1/4 of the time-steps '
        f'in the dataset." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a horizon above 500."""
        value = get_int(ctx.problem_config, "ForecastHorizon")
        if value is None or value <= FORECAST_HORIZON_MAX:
            return
        yield (
            join(ctx.problem_config_path, "ForecastHorizon"),
            f"ForecastHorizon is too large (got {value}; expected at most {FORECAST_HORIZON_MAX} "
            "time-steps, and at most 1/4 of the time-steps in the dataset)",
        )
