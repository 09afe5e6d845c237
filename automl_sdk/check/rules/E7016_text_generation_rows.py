"""E7016: text generation data has more rows than the base model's documented cap."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import API_V2_DESCRIBE_PAGE, GUIDE, LLM_DATA_PAGE, CheckRule
from automl_sdk.lint.rules_api import TEXT_GENERATION, get_str, join

#: "If no BaseModelName is provided, the default model used is Falcon7BInstruct." (002)
DEFAULT_BASE_MODEL = "Falcon7BInstruct"
ROW_CAPS = {"Falcon7B": 1_000, "Falcon7BInstruct": 1_000, "Falcon40B": 10_000}
DOLLY_CAP = 10_000


def row_cap(model: str) -> int | None:
    """The documented row cap of a base model; ``None`` when none is documented."""
    return DOLLY_CAP if model.startswith("Dolly") else ROW_CAPS.get(model)


class TextGenerationRows(CheckRule):
    """More fine-tuning rows than the base model accepts."""

    id = "E7016"
    short_description = "Text generation data has more rows than the base model allows"
    description = (
        "Autopilot caps the rows of a fine-tuning dataset, across all files and channels, per "
        "base model: 1,000 for Falcon7B and Falcon7BInstruct (the default), 10,000 for the "
        "Dolly models and Falcon40B. Rows are counted when the objects read hold every "
        "channel whole (or with --scan)."
    )
    source = (
        f"{GUIDE}, fine-tuning data format ({LLM_DATA_PAGE}): rows are capped per base model "
        "across all files and channels: Falcon7B and Falcon7BInstruct 1,000; Dolly models and "
        'Falcon40B 10,000. "If no BaseModelName is provided, the default model used is '
        f'Falcon7BInstruct." (BaseModelName, {API_V2_DESCRIBE_PAGE})'
    )
    tags = ("data", "rows", "text-generation")
    problem_types = frozenset({TEXT_GENERATION})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Sum the rows of every channel and compare with the base model's cap."""
        model = get_str(ctx.problem_config, "BaseModelName")
        cap = row_cap(model or DEFAULT_BASE_MODEL)
        counts = [channel.rows for channel in ctx.data]
        if cap is None or not counts or None in counts:
            return
        total = sum(count or 0 for count in counts)
        if total > cap:
            named = repr(model) if model else f"{DEFAULT_BASE_MODEL!r} (the default)"
            yield (
                join(ctx.problem_config_path, "BaseModelName"),
                f"text generation data has more rows than base model {named} allows (got "
                f"{total:,} rows across all channels; expected at most {cap:,}); remove rows "
                "or choose a base model with a higher cap (Dolly models, Falcon40B: 10,000)",
            )
