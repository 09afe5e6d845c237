"""E6001: only the four documented text generation hyperparameters."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_DESCRIBE, TEXT_GENERATION_HYPERPARAMETERS
from automl_sdk.lint.rules._helpers import one_of
from automl_sdk.lint.rules_api import (
    TEXT_GENERATION,
    V2,
    LintContext,
    Rule,
    closest,
    get_dict,
)


class HyperparameterUnknown(Rule):
    """A TextGenerationHyperParameters key that is not a documented hyperparameter."""

    id = "E6001"
    short_description = "Unknown text generation hyperparameter"
    description = (
        "TextGenerationHyperParameters accepts epochCount, batchSize, learningRate and "
        "learningRateWarmupSteps (case sensitive). The model types it as a free string map, so "
        "botocore accepts any key."
    )
    source = (
        '"You can set any combination of the following hyperparameters for all base models." '
        '""epochCount"" ""batchSize"" ""learningRate"" ""learningRateWarmupSteps"" '
        f"({SPEC_V2_DESCRIBE})"
    )
    tags = ("text-generation", "hyperparameters")
    operations = frozenset({V2})
    problem_types = frozenset({TEXT_GENERATION})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report every key outside the documented four, naming the closest one."""
        base, params = ctx.config_member("TextGenerationHyperParameters")
        known = tuple(TEXT_GENERATION_HYPERPARAMETERS)
        for key in get_dict(params) or {}:
            if not isinstance(key, str) or key in known:
                continue
            close = closest(key, known)
            hint = f"; did you mean {close!r}?" if close else ""
            yield (
                f"{base}.{key}",
                f"unknown hyperparameter (got {key!r}; expected {one_of(known)}){hint}",
            )
