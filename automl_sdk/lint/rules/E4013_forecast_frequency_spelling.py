"""E4013: ForecastFrequency spelled as pandas or people write it (1h, 15T, 1d) instead of 1H."""

from __future__ import annotations

import re
from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FREQUENCY_UNITS, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import equivalent_frequency
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule

_SPELLED = re.compile(r"\s*([0-9]*)\s*([A-Za-z]+)\s*")
#: Other spellings of each unit, lower case: pandas offset aliases (T, A, MS...) and words.
_ALIASES = {
    "min": ("min", "mins", "minute", "minutes", "t"),
    "H": ("h", "hr", "hrs", "hour", "hours"),
    "D": ("d", "day", "days"),
    "W": ("w", "wk", "wks", "week", "weeks"),
    "M": ("mon", "month", "months", "ms", "me"),
    "Y": ("y", "yr", "yrs", "year", "years", "a", "as", "ys", "ye"),
}
_UNIT_OF = {alias: unit for unit, aliases in _ALIASES.items() for alias in aliases}
_UNITS = "Y, M, W, D, H or min"  # the order of the documentation sentence


class ForecastFrequencySpelling(Rule):
    """A ForecastFrequency unit in another spelling: lower case, a pandas alias, a word."""

    id = "E4013"
    short_description = "ForecastFrequency unit spelled another way"
    description = (
        "The units are case sensitive and spelled Y, M, W, D, H and min; '1h', '1d', the pandas "
        "aliases '15T' (minutes) and '1A' (years), and words such as '2days' fail the service "
        "model's pattern. This rule replaces that pattern finding (E1007, and E1004 for long "
        "spellings) with the frequency to write. A lower-case 'm' could mean minutes or months, "
        "so both are offered."
    )
    source = (
        '"Valid intervals are an integer followed by Y (Year), M (Month), W (Week), D (Day), H '
        "(Hour), and min (Minute). For example, 1D indicates every day and 15min indicates every "
        f'15 minutes." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series",)
    operations = frozenset({V2})
    supersedes = ("E1004", "E1007")
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report a frequency whose unit is spelled differently, with the spelling to use."""
        path, value = ctx.config_member("ForecastFrequency")
        suggestions = _suggestions(value) if isinstance(value, str) else []
        if not suggestions:
            return
        yield (
            path,
            f"ForecastFrequency unit is not spelled as the service expects (got {value!r}; "
            f"expected an integer followed by {_UNITS}); did you mean "
            f"{' or '.join(repr(s) for s in suggestions)}?",
        )


def _suggestions(value: str) -> list[str]:
    """The valid frequencies ``value`` most likely means; ``[]`` when it is valid or unclear."""
    match = _SPELLED.fullmatch(value)
    if match is None:
        return []
    digits, spelled = match.groups()
    if spelled in FREQUENCY_UNITS and value == f"{digits}{spelled}":
        return []  # the service's own spelling: valid, or E4012's and W4001's to report
    if spelled == "m":
        units = ["min", "M"]
    elif spelled in FREQUENCY_UNITS:
        units = [spelled]  # only the spaces differ
    else:
        units = [_UNIT_OF[spelled.lower()]] if spelled.lower() in _UNIT_OF else []
    count = int(digits) if digits else 1
    found = [equivalent_frequency(count, unit) for unit in units]
    return [text for text in found if text is not None]
