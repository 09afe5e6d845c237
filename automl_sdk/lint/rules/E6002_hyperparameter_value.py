"""E6002: text generation hyperparameter values in their documented form and range."""

from __future__ import annotations

import re
from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE, TEXT_GENERATION_HYPERPARAMETERS
from automl_sdk.lint.rules_api import TEXT_GENERATION, V2, LintContext, Rule, get

_INTEGER = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]+)?|\.[0-9]+")


class HyperparameterValue(Rule):
    """A documented hyperparameter whose string value is malformed or out of range."""

    id = "E6002"
    short_description = "Text generation hyperparameter value out of range"
    description = (
        "Values are strings: epochCount an integer 1-10, batchSize an integer 1-64, learningRate "
        "a decimal number 0-1, learningRateWarmupSteps an integer 0-250. Exponent notation is "
        "not accepted (the model's value pattern has no '+'); a non-string value is a schema "
        "finding."
    )
    source = (
        '""epochCount": [...] Its value should be a string containing an integer value within the '
        'range of "1" to "10"." ""batchSize": [...] Its value should be a string containing an '
        'integer value within the range of "1" to "64"." ""learningRate": [...] Its value should be '
        'a string containing a floating-point value within the range of "0" to "1"." '
        '""learningRateWarmupSteps": [...] Its value should be a string containing an integer '
        f'value within the range of "0" to "250"." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("text-generation", "hyperparameters")
    operations = frozenset({V2})
    problem_types = frozenset({TEXT_GENERATION})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check each documented hyperparameter's string value."""
        base, params = ctx.config_member("TextGenerationHyperParameters")
        for key, (kind, low, high) in TEXT_GENERATION_HYPERPARAMETERS.items():
            value = get(params, key)
            if not isinstance(value, str) or _valid(value, kind, low, high):
                continue
            form = "an integer" if kind is int else "a number"
            yield (
                f"{base}.{key}",
                f"{key} is not valid (got {value!r}; expected a string holding {form} from "
                f"{_show(low)} to {_show(high)})",
            )


def _valid(value: str, kind: type, low: float, high: float) -> bool:
    pattern = _INTEGER if kind is int else _DECIMAL
    return pattern.fullmatch(value) is not None and low <= float(value) <= high


def _show(bound: float) -> str:
    return f'"{bound:g}"'
