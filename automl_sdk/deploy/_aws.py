"""The one way ``automl_sdk.deploy`` talks to SageMaker: lint each request, then send it.

Every request goes through :func:`send`, which runs phase 1 of the linter (the model's constraint
tables, generated with the shapes) and refuses to send a request with findings. Waiting uses
botocore's own SageMaker waiters (``endpoint_in_service``, ``transform_job_completed_or_stopped``).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from automl_sdk.errors import DeployFailedError, RequestLintError, Resource

__all__ = [
    "CREATED_BY_JOB",
    "CREATED_FOR_ENDPOINT",
    "Tags",
    "already_exists",
    "create_refused",
    "describe_or_none",
    "lint_request",
    "not_found",
    "send",
    "tag_list",
    "tags_of",
    "typed",
    "wait_for",
]

T = TypeVar("T")

#: Tags as users give them: ``{key: value}`` or boto3's ``[{"Key": ..., "Value": ...}]``.
Tags = Mapping[str, str] | Iterable[Mapping[str, str]] | None

#: Tag on every resource deploy and create_model make: the AutoML job it came from.
CREATED_BY_JOB = "automl-sdk:auto-ml-job"
#: Tag on the model and endpoint config deploy makes for one endpoint: that endpoint's name.
#: ``Endpoint.delete`` removes a config or model only when it carries this tag for its endpoint.
CREATED_FOR_ENDPOINT = "automl-sdk:endpoint"


def lint_request(operation: str, request: Mapping[str, Any]) -> None:
    """Raise :class:`~automl_sdk.errors.RequestLintError` when ``request`` breaks the model's
    constraints for ``operation``; nothing is sent then."""
    from automl_sdk.lint._schema import check_schema

    findings = list(check_schema(dict(request), operation))
    if findings:
        raise RequestLintError(findings=findings, operation=operation)


def send(sagemaker: Any, operation: str, request: Mapping[str, Any]) -> dict[str, Any]:
    """Lint ``request`` as an ``operation`` input, then call it; the response without its
    ``ResponseMetadata``."""
    from botocore import xform_name

    lint_request(operation, request)
    response = getattr(sagemaker, xform_name(operation))(**request)
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def not_found(exc: Exception) -> bool:
    """Whether a SageMaker error says the resource does not exist."""
    return _is_not_found(getattr(exc, "response", {}).get("Error", {}))


def _is_not_found(error: Mapping[str, Any]) -> bool:
    # SageMaker answers a Describe of an unknown model, endpoint config or endpoint with
    # ValidationException "Could not find ..."; transform jobs use ResourceNotFound.
    code, message = error.get("Code", ""), error.get("Message", "").lower()
    if code in ("ResourceNotFound", "ResourceNotFoundException"):
        return True
    return code == "ValidationException" and ("could not find" in message or "not found" in message)


def already_exists(exc: Exception) -> bool:
    """Whether a create failed because a resource of that name exists ("Cannot create already
    existing model ...")."""
    error = getattr(exc, "response", {}).get("Error", {})
    code, message = error.get("Code", ""), error.get("Message", "").lower()
    if code in ("ResourceInUse", "ResourceInUseException"):
        return True
    return code == "ValidationException" and "already exist" in message


def create_refused(
    exc: Exception, step: Resource, *, resources: Sequence[Resource], job_name: str
) -> DeployFailedError:
    """The error for a create call of ``step`` that AWS refused after ``resources`` were made."""
    error = getattr(exc, "response", {}).get("Error", {})
    return DeployFailedError(
        kind=step[0],
        name=step[1],
        status=None,
        failure_reason=f"{error.get('Code', 'Error')}: {error.get('Message', exc)}",
        resources=resources,
        job_name=job_name,
    )


def describe_or_none(
    sagemaker: Any, operation: str, request: Mapping[str, Any]
) -> dict[str, Any] | None:
    """The ``operation`` (a Describe) response, or ``None`` when the resource does not exist."""
    from botocore.exceptions import ClientError

    try:
        return send(sagemaker, operation, request)
    except ClientError as exc:
        if not_found(exc):
            return None
        raise


def tags_of(sagemaker: Any, arn: str) -> dict[str, str]:
    """Every tag of the resource ``arn``, all pages, as a dict."""
    tags: dict[str, str] = {}
    request: dict[str, Any] = {"ResourceArn": arn}
    while True:
        page = send(sagemaker, "ListTags", request)
        tags.update({tag["Key"]: tag.get("Value", "") for tag in page.get("Tags", ())})
        token = page.get("NextToken")
        if not token:
            return tags
        request = {"ResourceArn": arn, "NextToken": token}


def tag_list(*groups: Tags) -> list[dict[str, str]]:
    """Tags as the wire list, from checked ``{key: value}`` dicts or ``[{"Key": ..., "Value":
    ...}]`` lists (see :func:`automl_sdk.deploy._arguments.tags`); a key in a later group wins."""
    merged: dict[str, str] = {}
    for tags in groups:
        if tags is None:
            continue
        if isinstance(tags, Mapping):
            merged.update(tags)
        else:
            merged.update({tag["Key"]: tag["Value"] for tag in tags})
    return [{"Key": key, "Value": value} for key, value in merged.items()]


def wait_for(
    sagemaker: Any,
    waiter_name: str,
    request: Mapping[str, Any],
    *,
    operation: str,
    delay: float,
    timeout: float | None,
) -> tuple[str, dict[str, Any]]:
    """Run botocore's ``waiter_name`` waiter and say how it ended.

    Returns ``("success" | "failure" | "timeout", last describe response)``; the last response
    is read from botocore's ``after-call`` event, so waiting costs no extra describe. The describe
    request is linted once before the waiter sends it. ``timeout=None`` keeps botocore's own
    attempt count. AWS errors the waiter does not accept pass through as ``ClientError``.
    """
    from botocore.exceptions import WaiterError

    lint_request(operation, request)
    seen: dict[str, Any] = {}

    def remember(parsed: dict[str, Any], **_: Any) -> None:
        seen.clear()
        seen.update({key: value for key, value in parsed.items() if key != "ResponseMetadata"})

    config: dict[str, Any] = {"Delay": delay}
    if timeout is not None:
        config["MaxAttempts"] = _attempts(timeout, delay)
    event = f"after-call.sagemaker.{operation}"
    started = time.monotonic()
    sagemaker.meta.events.register(event, remember)
    try:
        sagemaker.get_waiter(waiter_name).wait(**request, WaiterConfig=config)
    except WaiterError as exc:
        last = dict(exc.last_response or seen)
        last.pop("ResponseMetadata", None)
        error = last.get("Error")
        if error and not _is_not_found(error):
            raise _client_error(sagemaker, last, operation) from None
        if str(exc).endswith("Max attempts exceeded"):
            last["WaitedSeconds"] = time.monotonic() - started
            return "timeout", last
        return "failure", last
    finally:
        sagemaker.meta.events.unregister(event, remember)
    return "success", dict(seen)


def _attempts(timeout: float, delay: float) -> int:
    """Describes in ``timeout`` seconds, one every ``delay``: the first at once (a timeout
    far beyond the delay is as good as none, not an overflow)."""
    if delay <= 0:
        return 1
    ratio = timeout / delay
    return 1 + (math.floor(ratio) if ratio < sys.maxsize else sys.maxsize)


def typed(shape: type[T], raw: Mapping[str, Any]) -> T:
    """``raw`` (a Describe response) as the typed ``shape``.

    Members sent as empty objects are dropped first: some endpoints (moto's) send
    ``"DataCaptureConfig": {}`` for a structure whose members are required, which means "none".
    """
    from automl_sdk._serde import from_wire

    return from_wire(shape, _without_empty(raw))


def _without_empty(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _without_empty(item) for key, item in value.items() if item != {}}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def _client_error(sagemaker: Any, response: dict[str, Any], operation: str) -> Exception:
    """The error boto3 itself would have raised for ``response``."""
    from botocore.exceptions import ClientError

    code = response["Error"].get("Code", "")
    factory = getattr(sagemaker, "exceptions", None)
    error_class = factory.from_code(code) if factory is not None else ClientError
    error: Exception = error_class(response, operation)
    return error
