"""What the first bytes of an object say: format, gzip, CSV header and rows, Parquet footer."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk.check._content import (
    Table,
    footer_length,
    gunzip,
    read_csv,
    read_parquet_footer,
    sniff,
)
from tests.local.check_world import JPEG, PNG, churn_csv, churn_parquet


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"\x1f\x8b\x08rest", "gzip"),
        (b"PAR1\x15\x04", "Parquet"),
        (PNG, "PNG"),
        (JPEG, "JPEG"),
        (b"a,b\n1,2\n", "text"),
        (b"\x01\x00\x02", "binary"),
    ],
    ids=["empty", "gzip", "parquet", "png", "jpeg", "csv", "binary"],
)
def test_sniff(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_gunzip_whole_cut_short_concatenated_and_corrupt() -> None:
    data = churn_csv(2000)
    packed = gzip.compress(data)
    assert gunzip(packed, whole=True) == data
    start = gunzip(packed[:300], whole=False)
    assert start is not None
    assert data.startswith(start)
    assert len(start) > 300
    assert gunzip(packed[:300], whole=True) is None  # a whole object must be a whole stream
    assert gunzip(gzip.compress(b"a\n") + gzip.compress(b"b\n"), whole=True) == b"a\nb\n"
    assert gunzip(b"\x1f\x8bnot deflate", whole=True) is None


def test_read_csv_whole_counts_rows_and_values() -> None:
    text = "\ufeffitem,date\nx,1\ny,1\n\nx,2\n"
    assert read_csv(text, whole=True, columns=["date", "nope"]) == Table(
        header=("item", "date"), rows=3, values={"date": frozenset({"1", "2"})}
    )


def test_read_csv_cut_short_keeps_the_header_only() -> None:
    assert read_csv('a,"b,c",d\n1,2,3\n4,', whole=False) == Table(header=("a", "b,c", "d"))
    assert read_csv("a,b,c-without-end-of-line", whole=False) == Table(header=None)


@given(st.integers(min_value=0, max_value=4000))
def test_a_cut_short_csv_never_shows_a_wrong_header(cut: int) -> None:
    text = churn_csv(300).decode()
    header = read_csv(text[:cut], whole=False).header
    assert header in (None, ("id", "age", "weight", "churned"))


def test_parquet_footer_gives_columns_and_rows() -> None:
    data = churn_parquet(321)
    length = footer_length(data)
    assert length is not None
    footer = read_parquet_footer(data[-(length + 8) :])
    assert footer is not None
    assert (footer.columns, footer.rows) == (("id", "age", "weight", "churned"), 321)
    assert read_parquet_footer(data[-(length // 2) :]) is None  # too short to hold it
    assert footer_length(b"a,b\n") is None
