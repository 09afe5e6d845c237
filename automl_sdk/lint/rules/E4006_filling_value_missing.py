"""E4006: ``<method>_value`` when a filling method is ``value``."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import FILLING_VALUE_SUFFIX, FILLING_VALUES, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_entries
from automl_sdk.lint.rules_api import TIME_SERIES, V2, LintContext, Rule


class FillingValueMissing(Rule):
    """A filling method set to ``value`` with no ``<method>_value`` companion."""

    id = "E4006"
    short_description = "Filling method 'value' without its _value parameter"
    description = (
        "A method set to 'value' fills with a constant, which is given in the companion "
        "parameter named after the method plus '_value' (backfill_value)."
    )
    source = (
        '"To set a filling method to a specific value, set the fill parameter to the chosen '
        'filling method value (for example "backfill" : "value"), and define the filling value in '
        'an additional parameter prefixed with "_value". For example, to set backfill to a value '
        'of 2, you must include two parameters: "backfill": "value" and "backfill_value":"2"." '
        f"({SPEC_V2_DESCRIBE})"
    )
    tags = ("time-series", "transformations")
    operations = frozenset({V2})
    problem_types = frozenset({TIME_SERIES})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report each ``method: value`` without ``method_value``."""
        for path, _column, methods in filling_entries(ctx):
            for method in FILLING_VALUES:
                companion = method + FILLING_VALUE_SUFFIX
                if methods.get(method) != "value" or methods.get(companion) is not None:
                    continue
                yield (
                    f"{path}.{companion}",
                    f"{companion} is missing (got {method} 'value' and no {companion}; expected "
                    f'the fill value in {companion}); add e.g. "{companion}": "0"',
                )
