"""Request and response bodies of ``InvokeEndpoint``, and the ``sagemaker-runtime`` client.

Bodies in: rows (a list of lists, written as CSV or, for a JSON content type, as JSON), a string,
or bytes. Bodies out, by the response's content type: CSV is parsed into rows of strings, JSON
into its value, JSON Lines into a list of values, other text into a string; anything else stays
bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from automl_sdk.errors import DeployError

__all__ = ["decode_body", "encode_body"]

#: The largest payload InvokeEndpoint accepts (6 MB).
MAX_PAYLOAD_BYTES = 6 * 1024 * 1024


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def encode_body(data: Any, content_type: str) -> bytes:
    """``data`` as the bytes to send with ``content_type``.

    Raises:
        TypeError: ``data`` is not rows, a string or bytes.
        DeployError: the body is larger than InvokeEndpoint's 6 MB.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        body = bytes(data)
    elif isinstance(data, str):
        body = data.encode("utf-8")
    elif isinstance(data, Sequence) and _media_type(content_type).endswith("json"):
        body = json.dumps(list(data)).encode("utf-8")
    elif isinstance(data, Sequence) and all(_is_row(row) for row in data):
        body = _csv_text(data).encode("utf-8")
    else:
        raise TypeError(
            "predict data must be rows (a list of lists of values), a CSV string or bytes "
            f"(got {type(data).__name__})"
        )
    if len(body) > MAX_PAYLOAD_BYTES:
        raise DeployError(
            f"predict payload is too large (got {len(body)} bytes; expected at most "
            f"{MAX_PAYLOAD_BYTES}, InvokeEndpoint's limit); use a batch transform instead"
        )
    return body


def _is_row(row: Any) -> bool:
    return isinstance(row, Sequence) and not isinstance(row, str | bytes | bytearray)


def _csv_text(rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


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
