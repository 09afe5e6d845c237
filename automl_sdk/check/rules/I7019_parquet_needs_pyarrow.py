"""I7019: Parquet columns were not checked because pyarrow is not installed."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext
from automl_sdk.check._rule import DATASETS_PAGE, GUIDE, CheckRule


class ParquetNeedsPyArrow(CheckRule):
    """Parquet schemas need the optional pyarrow dependency."""

    id = "I7019"
    short_description = "Parquet columns not checked without pyarrow"
    description = (
        "The check reads a Parquet file's schema and row count from its footer with pyarrow, "
        "an optional dependency. Without it, the column and row rules skip Parquet data; "
        "install the extra (pip install 'automl-sdk[parquet]') to have them checked."
    )
    source = (
        f"{GUIDE}, Autopilot datasets ({DATASETS_PAGE}): tabular data is CSV or Parquet. "
        "Parquet columns are checked when pyarrow can read them."
    )
    tags = ("data", "columns", "parquet", "not-checked")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report each channel with a Parquet sample that could not be read for lack of pyarrow."""
        for channel in ctx.data:
            if any(sample.pyarrow_missing for sample in channel.samples):
                yield (
                    channel.path,
                    "Parquet columns not checked (got Parquet data and no pyarrow; expected "
                    "pyarrow to read the schema); pip install 'automl-sdk[parquet]' to check them",
                )
