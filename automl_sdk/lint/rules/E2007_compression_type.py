"""E2007: Gzip compression only for S3Prefix input of tabular jobs."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.lint._docs_tables import S3_PREFIX, SPEC_V2_DESCRIBE
from automl_sdk.lint.rules._helpers import problem_type_name
from automl_sdk.lint.rules_api import PROBLEM_TYPES, TABULAR, LintContext, Rule, join


class CompressionTypeNotAllowed(Rule):
    """``CompressionType: Gzip`` on a channel that is not tabular S3Prefix input."""

    id = "E2007"
    short_description = "Gzip compression outside tabular S3Prefix input"
    description = (
        "Gzip is accepted only for S3Prefix channels of tabular jobs (CreateAutoMLJob requests are "
        "always tabular). Every other channel must use CompressionType None or leave it out."
    )
    source = (
        '"We allow the compression type Gzip for S3Prefix inputs on tabular data only. For all '
        f'other inputs, the compression type should be None." ({SPEC_V2_DESCRIBE})'
    )
    tags = ("channels", "compression")
    problem_types = frozenset(PROBLEM_TYPES)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        """Report Gzip on a non-tabular channel or on a tabular non-S3Prefix channel."""
        for path, channel, source in ctx.s3_data_sources:
            if channel.get("CompressionType") != "Gzip":
                continue
            data_type = source.get("S3DataType")
            if ctx.problem_type != TABULAR:
                got = f"'Gzip' in a {problem_type_name(ctx)} job"
            elif isinstance(data_type, str) and data_type != S3_PREFIX:
                got = f"'Gzip' with S3DataType {data_type!r}"
            else:
                continue
            yield (
                join(path, "CompressionType"),
                f"Gzip compression is only allowed for S3Prefix input of a tabular job (got {got}; "
                "expected 'None'); remove CompressionType and upload the data uncompressed",
            )
