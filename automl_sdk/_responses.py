"""What the client does to SageMaker's answers before it trusts them.

- A success answer whose body is not the operation's JSON (a proxy's HTML page, a truncated
  body) raises :class:`~automl_sdk.errors.MalformedResponseError`. botocore's JSON parser would
  turn it into an empty success (``{}``); a ``before-parse`` hook on the client stops that.
- Non-finite numbers arrive as the strings ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` (the
  AWS JSON protocols' spelling), which botocore passes through; :func:`with_real_floats` turns
  them into floats where the model says the member is a number.
- :func:`redacted_url` hides the password of an endpoint URL's user-info for ``repr``.
"""

from __future__ import annotations

import functools
import json
import math
import urllib.parse
from collections.abc import Mapping
from typing import Any

from automl_sdk.errors import MalformedResponseError

__all__ = ["check_json_body", "install_body_check", "redacted_url", "with_real_floats"]

_HOOK_ID = "automl_sdk.check_json_body"
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
_EXCERPT_CHARS = 80


def install_body_check(sagemaker_client: Any) -> None:
    """Make ``sagemaker_client`` refuse 2xx answers whose body is not JSON (once per client;
    objects without botocore's event system are left alone)."""
    events = getattr(getattr(sagemaker_client, "meta", None), "events", None)
    if events is not None:
        events.register("before-parse.sagemaker", check_json_body, unique_id=_HOOK_ID)


def check_json_body(operation_model: Any, response_dict: Mapping[str, Any], **_: Any) -> None:
    """botocore ``before-parse`` handler: raise ``MalformedResponseError`` for a 2xx answer whose
    body is not a JSON object (an empty body passes only for an operation with no output)."""
    status = response_dict.get("status_code", 0)
    if not 200 <= status < 300 or operation_model.has_streaming_output:
        return  # error answers are botocore's to parse into a ClientError; streams are not JSON
    body = response_dict.get("body") or b""
    if not body and operation_model.output_shape is None:
        return
    try:
        parsed = json.loads(body)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict):
        return
    headers = response_dict.get("headers") or {}
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    raise MalformedResponseError(
        operation=operation_model.name,
        status_code=status,
        content_type=str(headers.get("content-type", "")),
        excerpt=text[:_EXCERPT_CHARS] if text else "<empty>",
    )


def with_real_floats(sagemaker_client: Any, operation: str, data: Any) -> Any:
    """``data`` (a parsed answer of ``operation``) with ``"NaN"``/``"Infinity"``/``"-Infinity"``
    strings in number members made floats; everything else is returned as it is."""
    shape = _service_model(sagemaker_client).operation_model(operation).output_shape
    return _walk(shape, data)


def _service_model(sagemaker_client: Any) -> Any:
    model = getattr(getattr(sagemaker_client, "meta", None), "service_model", None)
    return model if model is not None else _loaded_service_model()


@functools.cache
def _loaded_service_model() -> Any:
    import botocore.session

    return botocore.session.get_session().get_service_model("sagemaker")


def _walk(shape: Any, value: Any) -> Any:
    kind = getattr(shape, "type_name", None)
    if kind in ("float", "double"):
        return _NON_FINITE.get(value, value) if isinstance(value, str) else value
    if kind == "structure" and isinstance(value, Mapping):
        members = shape.members
        return {
            key: _walk(members[key], item) if key in members else item
            for key, item in value.items()
        }
    if kind == "list" and isinstance(value, list):
        return [_walk(shape.member, item) for item in value]
    if kind == "map" and isinstance(value, Mapping):
        return {key: _walk(shape.value, item) for key, item in value.items()}
    return value


def redacted_url(url: str | None) -> str | None:
    """``url`` with the password of its user-info (``https://user:secret@host``) shown as
    ``***``."""
    if not url:
        return url
    try:
        parts = urllib.parse.urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    if password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))
