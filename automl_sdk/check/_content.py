"""What the first bytes of an object say: its format, its CSV header and rows, its Parquet schema.

Pure functions over bytes; no AWS. A sample may be the start of a larger object (``whole`` is
False): then only what the start shows is returned (the header, never a row count).
"""

from __future__ import annotations

import csv
import io
import zlib
from collections.abc import Iterable, Iterator

import attrs

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"

GZIP = "gzip"
PARQUET = "Parquet"
PNG = "PNG"
JPEG = "JPEG"
TEXT = "text"
BINARY = "binary"
EMPTY = "empty"


def sniff(data: bytes) -> str:
    """The format the first bytes show: gzip, Parquet, PNG, JPEG, text, binary or empty."""
    if not data:
        return EMPTY
    for magic, kind in (
        (GZIP_MAGIC, GZIP),
        (PARQUET_MAGIC, PARQUET),
        (PNG_MAGIC, PNG),
        (JPEG_MAGIC, JPEG),
    ):
        if data.startswith(magic):
            return kind
    return BINARY if b"\x00" in data[:1024] else TEXT


def gunzip(data: bytes, *, whole: bool) -> bytes | None:
    """The decompressed bytes of (the start of) a gzip stream; ``None`` when it is corrupt.

    A stream cut short by a ranged read decompresses as far as it goes. Concatenated gzip
    members (what ``cat a.gz b.gz`` makes) are all decompressed.
    """
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(data)
        except zlib.error:
            return None
        if not inflater.eof:
            return bytes(out) if not whole else None
        data = inflater.unused_data
    return bytes(out)


@attrs.frozen
class Table:
    """The CSV a sample holds.

    Attributes:
        header: the column names of the first record, or ``None`` when the sample ends before it.
        rows: data rows (records after the header) when the sample is the whole object.
        values: for each column asked for, the distinct values seen (only when whole).
    """

    header: tuple[str, ...] | None
    rows: int | None = None
    values: dict[str, frozenset[str]] = attrs.field(factory=dict)


def read_csv(text: str, *, whole: bool, columns: Iterable[str] = ()) -> Table:
    """The header (and, for a whole object, the rows and the values of ``columns``) of CSV text."""
    if not whole:
        end = text.rfind("\n")  # the last line may be cut in the middle: leave it out
        text = text[: end + 1] if end >= 0 else ""
    records = csv.reader(io.StringIO(text, newline=""))
    header = next(records, None)
    if header is None:
        return Table(header=None)
    header = [name.lstrip("\ufeff") if i == 0 else name for i, name in enumerate(header)]
    if not whole:
        return Table(header=tuple(header))
    return count_records(tuple(header), records, columns)


def count_records(
    header: tuple[str, ...], records: Iterator[list[str]], columns: Iterable[str]
) -> Table:
    """Count the data records after ``header`` and collect the distinct values of ``columns``."""
    wanted = {name: header.index(name) for name in columns if name in header}
    seen: dict[str, set[str]] = {name: set() for name in wanted}
    rows = 0
    for record in records:
        if not record:  # a blank line is no row
            continue
        rows += 1
        for name, index in wanted.items():
            if index < len(record):
                seen[name].add(record[index])
    return Table(header, rows, {name: frozenset(values) for name, values in seen.items()})


@attrs.frozen
class ParquetSchema:
    """What a Parquet footer says: the column names and the number of rows of the file."""

    columns: tuple[str, ...]
    rows: int


class PyArrowMissing(Exception):
    """pyarrow is not installed, so Parquet footers cannot be read."""


def footer_length(tail: bytes) -> int | None:
    """The length of the Parquet footer metadata, from the last 8 bytes; ``None`` if not Parquet."""
    if len(tail) < 8 or not tail.endswith(PARQUET_MAGIC):
        return None
    return int.from_bytes(tail[-8:-4], "little")


def read_parquet_footer(tail: bytes) -> ParquetSchema | None:
    """Columns and row count from the end of a Parquet file (footer metadata + length + magic).

    ``tail`` must hold the whole footer (see :func:`footer_length`). ``None`` when it does not
    parse. Raises :class:`PyArrowMissing` without pyarrow.
    """
    length = footer_length(tail)
    if length is None or len(tail) < length + 8:
        return None
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise PyArrowMissing(str(exc)) from exc
    # The footer alone, behind the leading magic, is a file pyarrow can read the metadata of:
    # reading the schema and row counts never touches the row groups it points to.
    footer = PARQUET_MAGIC + tail[-(length + 8) :]
    try:
        parquet = pq.ParquetFile(pa.BufferReader(footer))
        return ParquetSchema(tuple(parquet.schema_arrow.names), parquet.metadata.num_rows)
    except Exception:  # pyarrow raises several kinds for a corrupt footer
        return None


def parquet_values(data: bytes, columns: Iterable[str]) -> dict[str, frozenset[str]]:
    """The distinct values of ``columns`` in a whole Parquet file (as strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(pa.BufferReader(data))
    names = [name for name in columns if name in parquet.schema_arrow.names]
    if not names:
        return {}
    table = parquet.read(columns=names)
    return {
        name: frozenset(str(value) for value in table.column(name).to_pylist()) for name in names
    }


def decode(data: bytes) -> str:
    """Text of CSV bytes (UTF-8; a byte that is not is replaced, never an error)."""
    return data.decode("utf-8", errors="replace")
