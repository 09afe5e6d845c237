"""E4012: a ForecastFrequency count overlaps the next larger unit (60min, 24H, 7D...)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FREQUENCY_UNITS, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import equivalent_frequency
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule

_COUNTED = re.compile(r"([0-9]+)(min|H|D|W|M|Y)")
_VALID = (
    ", ".join(f"1-{top}{unit}" for unit, (_, top) in FREQUENCY_UNITS.items() if top > 1) + " or 1Y"
)


class ForecastFrequencyOverlap(Rule):
    """A count outside its unit's documented range, e.g. ``60min`` (use ``1H``) or ``0D``."""

    id = "E4012"
    short_description = "ForecastFrequency count outside its unit's range"
    description = (
        "Each unit has its own range of counts (minute 1-59, hour 1-23, day 1-6, week 1-4, month "
        "1-11, year 1) and a frequency must not overlap with the next larger unit. The service "
        "model's length and pattern limits reject such values too (E1004, E1007), but only by its "
        "character count and regular expression; "
        "this rule replaces that finding with the documented range and, where one exists, the "
        "equivalent frequency to write instead."
    )
    source = (
        '"The value of a frequency must not overlap with the next larger frequency. For example, '
        'you must use a frequency of 1H instead of 60min." "The valid values for each frequency '
        'are the following:" "Minute - 1-59" "Hour - 1-23" "Day - 1-6" "Week - 1-4" "Month - '
        f'1-11" "Year - 1" ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    supersedes = ("E1004", "E1007")
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a counted frequency whose count is outside its unit's range."""
        path, value = ctx.config_member("ForecastFrequency")
        match = _COUNTED.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            return
        count, unit = int(match.group(1)), match.group(2)
        top = FREQUENCY_UNITS[unit][1]
        if 1 <= count <= top and not match.group(1).startswith("0"):
            return
        yield (
            path,
            f"ForecastFrequency is outside its unit's range (got {value!r}; expected {_VALID})"
            + _instead(equivalent_frequency(count, unit)),
        )


def _instead(equivalent: str | None) -> str:
    return "" if equivalent is None else f"; use {equivalent!r}"
