"""E2005: S3DataType allowed for the problem type; never AugmentedManifestFile in V1."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import S3_DATA_TYPES, SPEC_V1_BOTO3, SPEC_V2_API, V1_S3_DATA_TYPES
from automl_sdk.lint.rules._helpers import not_allowed, one_of, problem_type_name
from automl_sdk.lint.rules_api import LintContext, Rule


class S3DataTypeNotAllowed(Rule):
    """A channel's S3DataType is not supported for the job's problem type."""

    id = "E2005"
    short_description = "S3DataType not supported for the problem type"
    description = (
        "Tabular jobs read S3Prefix or ManifestFile input; image classification also "
        "AugmentedManifestFile; text classification, time-series forecasting and text generation "
        "only S3Prefix. AugmentedManifestFile is for V2 jobs only, so a CreateAutoMLJob (V1) "
        "request never uses it."
    )
    source = (
        '"The supported formats depend on the problem type:" "For tabular problem types: S3Prefix, '
        'ManifestFile." "For image classification: S3Prefix, ManifestFile, AugmentedManifestFile." '
        '"For text classification: S3Prefix." "For time-series forecasting: S3Prefix." "For text '
        f'generation (LLMs fine-tuning): S3Prefix." ({SPEC_V2_API}); "AugmentedManifestFile is available for '
        f'V2 API jobs only (for example, for jobs created by calling CreateAutoMLJobV2)." ({SPEC_V1_BOTO3})'
    )
    tags = ("channels", "s3")

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Check each channel's S3DataType against the problem type's list."""
        allowed: tuple[str, ...]
        if ctx.is_v1:
            allowed, what = V1_S3_DATA_TYPES, "a CreateAutoMLJob (V1) request"
        elif ctx.problem_type in S3_DATA_TYPES:
            allowed, what = S3_DATA_TYPES[ctx.problem_type], f"a {problem_type_name(ctx)} job"
        else:
            return
        sources = ((f"{path}.DataSource.S3DataSource", s3) for path, _, s3 in ctx.s3_data_sources)
        for value_path, value in not_allowed(sources, "S3DataType", allowed):
            if ctx.reported_by_schema(value_path):
                continue
            fix = "; use CreateAutoMLJobV2 for it" if ctx.is_v1 else ""
            yield (
                value_path,
                f"S3DataType not supported for {what} (got {value!r}; expected {one_of(allowed)}){fix}",
            )
