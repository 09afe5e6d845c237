"""W4007: a ``<method>_value`` whose method is not ``value``."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FILLING_VALUE_SUFFIX, FILLING_VALUES, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_entries
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule, show


class FillingValueUnused(Rule):
    """``backfill_value`` given while ``backfill`` is not ``value``."""

    id = "W4007"
    short_description = "Filling _value parameter without method 'value'"
    description = (
        "The '<method>_value' parameter only takes effect when the method itself is set to "
        "'value'; otherwise it is ignored, which usually means the method was mistyped."
    )
    source = (
        '"To set a filling method to a specific value, set the fill parameter to the chosen '
        'filling method value (for example "backfill" : "value"), and define the filling value in '
        f'an additional parameter prefixed with "_value"." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("time-series", "transformations")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each ``method_value`` whose method is not ``value``."""
        for path, _column, methods in filling_entries(ctx):
            for method in FILLING_VALUES:
                companion = method + FILLING_VALUE_SUFFIX
                if methods.get(companion) is None or methods.get(method) == "value":
                    continue
                yield (
                    f"{path}.{companion}",
                    f"{companion} is ignored unless {method} is 'value' (got {method} "
                    f"{show(methods.get(method))}; expected {method} 'value'); set "
                    f'"{method}": "value" or remove {companion}',
                )
