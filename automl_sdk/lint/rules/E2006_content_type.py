"""E2006: ContentType allowed for the problem type."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import CONTENT_TYPES, SPEC_V1_BOTO3, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import not_allowed, one_of, problem_type_name
from automl_sdk.lint.rules_api import LintContext, Rule


class ContentTypeNotAllowed(Rule):
    """A channel's ContentType is not one the problem type accepts."""

    id = "E2006"
    short_description = "ContentType not allowed for the problem type"
    description = (
        "Tabular, text classification, time-series forecasting and text generation input is CSV "
        "with a header row (text/csv;header=present) or Parquet "
        "(x-application/vnd.amazon+parquet); image classification input is image/png, image/jpeg "
        "or image/*. The strings are compared exactly: 'text/csv' without ';header=present' is "
        "not accepted."
    )
    source = (
        '"The following are the allowed content types for different problems:" "For tabular '
        'problem types: text/csv;header=present or x-application/vnd.amazon+parquet." "For image '
        'classification: image/png, image/jpeg, or image/*." "For text classification: '
        'text/csv;header=present or x-application/vnd.amazon+parquet." "For time-series '
        'forecasting: text/csv;header=present or x-application/vnd.amazon+parquet." "For text '
        "generation (LLMs fine-tuning): text/csv;header=present or "
        f'x-application/vnd.amazon+parquet." ({SPEC_V2_DESCRIBE}); "You can use '
        f'text/csv;header=present or x-application/vnd.amazon+parquet." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels", "content-type")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check each channel's explicit ContentType (an omitted one takes a valid default)."""
        problem_type = ctx.problem_type
        if problem_type not in CONTENT_TYPES:
            return
        allowed = CONTENT_TYPES[problem_type]
        for path, value in not_allowed(ctx.channels, "ContentType", allowed):
            yield (
                path,
                f"ContentType not allowed for a {problem_type_name(ctx)} job (got {value!r}; "
                f"expected {one_of(allowed)}){_fix(value, allowed)}",
            )


def _fix(value: str, allowed: tuple[str, ...]) -> str:
    """Name the allowed spelling that differs from ``value`` only in case, spaces or the header."""
    squeezed = value.replace(" ", "").lower()
    for candidate in allowed:
        if squeezed == candidate.lower() or (
            squeezed.startswith("text/csv") and candidate.startswith("text/csv")
        ):
            return f"; use {candidate!r}"
    return ""
