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
from typing import TYPE_CHECKING, Any

from automl_sdk.errors import DeployError

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient

__all__ = ["decode_body", "encode_body", "runtime_client_for"]

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


def runtime_client_for(client: AutoMLClient) -> Any:
    """A ``sagemaker-runtime`` client made like ``client``'s SageMaker client.

    The same session or profile (so the same credentials), region and retry configuration, and
    the same endpoint URL when it is a custom one (a local moto server serves both APIs). When
    ``client`` was given a ready SageMaker client, the credentials come from boto3's default
    chain: pass ``runtime_client`` to :class:`~automl_sdk.deploy.Endpoint` for any other.
    """
    sagemaker = client.sagemaker_client
    # The settings AutoMLClient made its SageMaker client from (None when one was injected).
    session = getattr(client, "_session", None)
    if session is None:
        import boto3

        session = boto3.session.Session(profile_name=getattr(client, "_profile_name", None))
    make = getattr(session, "client", None) or session.create_client
    endpoint_url = sagemaker.meta.endpoint_url
    if endpoint_url and ".amazonaws.com" in endpoint_url:
        endpoint_url = None  # let botocore resolve runtime.sagemaker.<region>.amazonaws.com
    return make(
        "sagemaker-runtime",
        region_name=sagemaker.meta.region_name,
        endpoint_url=endpoint_url,
        config=sagemaker.meta.config,
    )
