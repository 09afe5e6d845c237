"""E7015: tabular training data has fewer than 500 rows."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.lint.rules_api import TABULAR

MIN_ROWS = 500


class TooFewRows(CheckRule):
    """Fewer than 500 rows of tabular training data."""

    id = "E7015"
    short_description = "Tabular training data has fewer than 500 rows"
    description = (
        "Autopilot needs at least 500 rows of tabular training data. Rows are counted when the "
        "objects read hold the whole channel (or with --scan, which reads every object); a "
        "Parquet file's row count comes from its footer. Otherwise I7018 says they were not "
        "counted."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): tabular training data has at least "
        "500 rows."
    )
    tags = ("data", "rows", "tabular")
    problem_types = frozenset({TABULAR})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Count the rows of each training channel read whole."""
        for channel in ctx.training():
            rows = channel.rows
            if rows is not None and rows < MIN_ROWS:
                yield (
                    channel.path,
                    f"training data has too few rows (got {rows:,} rows in "
                    f"{len(channel.samples)} file(s); expected at least {MIN_ROWS}); add data",
                )
