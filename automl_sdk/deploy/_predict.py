"""Request and response bodies of ``InvokeEndpoint``, and the ``sagemaker-runtime`` client.

Bodies in: rows (a list of lists, written as CSV or, for a JSON content type, as JSON), a string,
or bytes. Bodies out, by the response's content type: CSV is parsed into rows of strings, JSON
into its value, JSON Lines into a list of values, other text into a string; anything else stays
bytes.
"""

from __future__ import annotations

import csv
import decimal
import io
import json
from collections.abc import Sequence
from typing import Any

from automl_sdk.errors import DeployError

__all__ = ["check_size", "decode_body", "encode_body"]

#: The largest payload InvokeEndpoint accepts (6 MB).
MAX_PAYLOAD_BYTES = 6 * 1024 * 1024


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def encode_body(data: Any, content_type: str) -> bytes:
    """``data`` as the bytes to send with ``content_type`` (its size is checked when sent:
    :func:`check_size`).

    Raises:
        TypeError: ``data`` is not rows, a string or bytes; a CSV cell is not a string, a number
            or ``None``; JSON data holds a value JSON cannot write.
        DeployError: the data cannot be written as UTF-8 (a lone surrogate), holds an integer
            past Python's digit limit, or is nested deeper than Python can write.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    if isinstance(data, str):
        return _utf8(data)
    if isinstance(data, Sequence) and _media_type(content_type).endswith("json"):
        return _utf8(_json_text(list(data)))
    if isinstance(data, Sequence) and all(_is_row(row) for row in data):
        return _utf8(_csv_text(data))
    raise TypeError(
        "predict data must be rows (a list of lists of values), a CSV string or bytes "
        f"(got {type(data).__name__})"
    )


def check_size(body: bytes) -> None:
    """Refuse a body InvokeEndpoint would refuse for its size.

    Raises:
        DeployError: ``body`` is larger than InvokeEndpoint's 6 MB.
    """
    if len(body) > MAX_PAYLOAD_BYTES:
        raise DeployError(
            f"predict payload is too large (got {len(body)} bytes; expected at most "
            f"{MAX_PAYLOAD_BYTES}, InvokeEndpoint's limit); use a batch transform instead"
        )


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DeployError(
            f"predict data cannot be sent as UTF-8 text (a lone surrogate at index {exc.start})"
        ) from None


def _is_row(row: Any) -> bool:
    return isinstance(row, Sequence) and not isinstance(row, str | bytes | bytearray)


def _json_text(data: list[Any]) -> str:
    try:
        return json.dumps(data)
    except RecursionError:
        raise DeployError("predict data is nested too deeply to write as JSON") from None
    except ValueError as exc:  # a circular reference, an integer past the digit limit
        raise DeployError(f"predict data cannot be written as JSON ({exc})") from None
    except TypeError as exc:
        raise TypeError(
            f"predict data must be JSON values for a JSON content type ({exc})"
        ) from None


def _csv_text(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for index, row in enumerate(rows):
        writer.writerow(
            [_cell(f"data[{index}][{column}]", value) for column, value in enumerate(row)]
        )
    return buffer.getvalue()


def _cell(path: str, value: Any) -> str:
    """One CSV cell: a string, a number (``bool`` and ``Decimal`` too) or ``None`` (empty)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if not isinstance(value, int | float | decimal.Decimal):
        raise TypeError(f"{path} must be a string, a number or None (got {type(value).__name__})")
    try:
        return str(value)
    except ValueError:  # an int past Python's digit limit for str
        raise DeployError(f"{path} is an integer with too many digits to write as text") from None


def decode_body(body: bytes, content_type: str | None) -> Any:
    """The response ``body`` decoded by its ``content_type`` (see the module docstring)."""
    media = _media_type(content_type)
    if media == "text/csv":
        return [row for row in csv.reader(io.StringIO(body.decode("utf-8"))) if row]
    if media in ("application/jsonlines", "application/x-jsonlines", "application/jsonl"):
        return [json.loads(line) for line in body.decode("utf-8").splitlines() if line.strip()]
    if media == "application/json" or media.endswith("+json"):
        return json.loads(body.decode("utf-8"))
    if media.startswith("text/"):
        return body.decode("utf-8")
    return body
