"""E7013: text generation data does not have exactly the columns input and output."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import GUIDE, LLM_DATA_PAGE, CheckRule
from automl_sdk.check.rules._helpers import names
from automl_sdk.lint.rules_api import TEXT_GENERATION

COLUMNS = ("input", "output")


class TextGenerationColumns(CheckRule):
    """Fine-tuning data must have exactly the columns input and output."""

    id = "E7013"
    short_description = "Text generation data does not have exactly input and output"
    description = (
        "Instruction fine-tuning data has two named columns, input (the prompt) and output "
        "(the expected answer), and no other column, in every file of every channel."
    )
    source = (
        f"{GUIDE}, fine-tuning data format ({LLM_DATA_PAGE}): text generation data has exactly "
        "the columns input and output, in CSV or Parquet."
    )
    tags = ("data", "columns", "text-generation")
    problem_types = frozenset({TEXT_GENERATION})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the first sampled file per channel whose columns are not input and output."""
        for channel in ctx.data:
            for sample in channel.samples:
                header = sample.header
                if header is not None and sorted(header) != list(COLUMNS):
                    yield (
                        channel.path,
                        f"text generation data must have exactly the columns 'input' and "
                        f"'output' (got {names(header)} in {sample.uri}; expected 'input', "
                        "'output')",
                    )
                    break
