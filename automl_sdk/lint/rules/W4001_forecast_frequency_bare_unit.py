"""W4001: ForecastFrequency is an integer followed by a unit."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FREQUENCY_UNITS, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule


class ForecastFrequencyBareUnit(Rule):
    """A ForecastFrequency that is a unit with no count (``"D"`` for ``"1D"``)."""

    id = "W4001"
    short_description = "ForecastFrequency without a count"
    description = (
        "The documentation describes a frequency as an integer followed by a unit (1D, 15min) "
        "and lists the valid counts per unit (min 1-59, H 1-23, D 1-6, W 1-4, M 1-11, Y 1); the "
        "service model enforces those counts (a schema finding) but also accepts a bare unit "
        "such as 'D'. The two sources disagree, so a bare unit is a warning."
    )
    source = (
        '"Valid intervals are an integer followed by Y (Year), M (Month), W (Week), D (Day), H '
        "(Hour), and min (Minute). For example, 1D indicates every day and 15min indicates every "
        "15 minutes. The value of a frequency must not overlap with the next larger frequency. "
        'For example, you must use a frequency of 1H instead of 60min." "The valid values for '
        'each frequency are the following:" "Minute - 1-59" "Hour - 1-23" "Day - 1-6" "Week - '
        f'1-4" "Month - 1-11" "Year - 1" ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a frequency that is just a unit letter."""
        path, value = ctx.config_member("ForecastFrequency")
        if not isinstance(value, str) or value not in FREQUENCY_UNITS or value == "min":
            return
        yield (
            path,
            f"ForecastFrequency has no count (got {value!r}; expected an integer followed by a "
            f"unit); write '1{value}'",
        )
