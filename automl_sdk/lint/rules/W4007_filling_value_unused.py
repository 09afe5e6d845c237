"""W4007: a ``<method>_value`` whose method is not ``value``."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import filling_companions
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
        for path, method, companion, methods in filling_companions(ctx):
            if methods.get(companion) is not None and methods.get(method) != "value":
                yield (
                    f"{path}.{companion}",
                    f"{companion} is ignored unless {method} is 'value' (got {method} "
                    f"{show(methods.get(method))}; expected {method} 'value'); set "
                    f'"{method}": "value" or remove {companion}',
                )
