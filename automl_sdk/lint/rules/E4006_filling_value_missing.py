"""E4006: ``<method>_value`` when a filling method is ``value``."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_companions
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
        for path, method, companion, methods in filling_companions(ctx):
            if methods.get(method) == "value" and methods.get(companion) is None:
                yield (
                    f"{path}.{companion}",
                    f"{companion} is missing (got {method} 'value' and no {companion}; expected "
                    f'the fill value in {companion}); add e.g. "{companion}": "0"',
                )
