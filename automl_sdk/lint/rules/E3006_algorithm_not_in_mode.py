"""E3006: algorithms belong to the training mode's list."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import (
    ALGORITHMS_BY_MODE,
    ALL_TABULAR_ALGORITHMS,
    SPEC_V1_BOTO3,
    SPEC_V2_DESCRIBE,
)
from automl_sdk.lint.rules._helpers import one_of, tabular_mode
from automl_sdk.lint.rules_api import TABULAR, LintContext, Rule, get_list, join


class AlgorithmNotInMode(Rule):
    """An AutoMLAlgorithms entry outside the list of the training mode."""

    id = "E3006"
    short_description = "Algorithm not available in the training mode"
    description = (
        "ENSEMBLING offers catboost, extra-trees, fastai, lightgbm, linear-learner, nn-torch, "
        "randomforest and xgboost; HYPERPARAMETER_TUNING offers linear-learner, mlp and xgboost. "
        "Without a usable Mode, an algorithm in neither list (the model's enum also holds the "
        "time-series algorithms such as deepar) is reported."
    )
    source = (
        '"Selected algorithms must belong to the list corresponding to the training mode set in '
        "AutoMLJobConfig.Mode ( ENSEMBLING or HYPERPARAMETER_TUNING). Choose a minimum of 1 "
        'algorithm." "In ENSEMBLING mode:" catboost, extra-trees, fastai, lightgbm, '
        'linear-learner, nn-torch, randomforest, xgboost; "In HYPERPARAMETER_TUNING mode:" '
        f"linear-learner, mlp, xgboost ({SPEC_V1_BOTO3}, {SPEC_V2_DESCRIBE})"
    )
    tags = ("tabular", "algorithms")
    problem_types = frozenset({TABULAR})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check each listed algorithm against the mode's list."""
        mode = tabular_mode(ctx)
        if mode in ALGORITHMS_BY_MODE:
            allowed, what = ALGORITHMS_BY_MODE[mode], f"{mode} mode"
        else:
            allowed, what = ALL_TABULAR_ALGORITHMS, "tabular jobs"
        base, entries = ctx.algorithms_config
        for index, entry in enumerate(get_list(entries) or []):
            for position, name in enumerate(get_list(entry, "AutoMLAlgorithms") or []):
                if not isinstance(name, str) or name in allowed:
                    continue
                name_path = join(base, index, "AutoMLAlgorithms", position)
                if not ctx.reported_by_schema(name_path):
                    yield (
                        name_path,
                        f"algorithm not available in {what} (got {name!r}; expected "
                        f"{one_of(allowed)})",
                    )
