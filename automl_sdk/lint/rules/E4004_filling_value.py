"""E4004: filling values allowed for the filling method."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FILLING_VALUES, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_entries, one_of
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule


class FillingValue(Rule):
    """A filling method set to a value it does not support."""

    id = "E4004"
    short_description = "Filling method value not supported"
    description = (
        "frontfill takes only 'none'; middlefill, backfill and futurefill take zero, value, "
        "median, mean, min or max. (The method names themselves are a schema enum.)"
    )
    source = (
        '"The supported filling methods and their corresponding options are:" "frontfill: none '
        '(Supported only for target column)" "middlefill: zero, value, median, mean, min, max" '
        '"backfill: zero, value, median, mean, min, max" "futurefill: zero, value, median, mean, '
        f'min, max" ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series", "transformations")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check every ``column.method`` value of Transformations.Filling."""
        for path, _column, methods in filling_entries(ctx):
            for method, value in methods.items():
                allowed = FILLING_VALUES.get(method)
                if allowed is None or not isinstance(value, str) or value in allowed:
                    continue
                yield (
                    f"{path}.{method}",
                    f"{method} does not support this value (got {value!r}; expected "
                    f"{one_of(allowed)})",
                )
