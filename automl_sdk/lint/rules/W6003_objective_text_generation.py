"""W6003: no AutoMLJobObjective for text generation."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import SPEC_V2_API
from automl_sdk.lint.rules_api import TEXT_GENERATION, V2, LintContext, Rule, show


class ObjectiveTextGeneration(Rule):
    """AutoMLJobObjective in a text generation (LLM fine-tuning) request."""

    id = "W6003"
    short_description = "AutoMLJobObjective set for text generation"
    description = (
        "Fine-tuning trains a single candidate against the cross-entropy loss; the documentation "
        "lists no objective metric for text generation, so the setting is ignored at best. "
        "Reported as a warning because the docs say it is not required rather than not allowed."
    )
    source = (
        '"For text generation problem types (LLMs fine-tuning): Fine-tuning language models in '
        "Autopilot does not require setting the AutoMLJobObjective field. Autopilot fine-tunes "
        "LLMs without requiring multiple candidates to be trained and evaluated. Instead, using "
        "your dataset, Autopilot directly fine-tunes your target model to enhance a default "
        f'objective metric, the cross-entropy loss." ({SPEC_V2_API})'
    )
    tags = ("text-generation", "objective")
    operations = frozenset({V2})
    problem_types = frozenset({TEXT_GENERATION})

    needs = ("AutoMLJobObjective",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report AutoMLJobObjective when the problem type is text generation."""
        objective = ctx.get("AutoMLJobObjective")
        if objective is None:
            return
        yield (
            "AutoMLJobObjective",
            f"AutoMLJobObjective is not used for text generation (got {show(objective)}; "
            "expected no AutoMLJobObjective); fine-tuning optimises the cross-entropy loss, "
            "remove it",
        )
