"""Which failures of a SageMaker call are passing faults, worth retrying, and which are not.

botocore retries each call a few times; a wait lasts hours, so it retries what is left after
that (see :mod:`automl_sdk.waiters`). Passing faults are throttling, 5xx answers, connection
and read-timeout trouble, and success answers whose body could not be read. Every other 4xx
answer (``ResourceNotFound``, ``AccessDeniedException``, ``ValidationException``, ...) and every
other exception is permanent: retrying cannot help.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from automl_sdk.errors import MalformedResponseError, ShapeError

__all__ = ["THROTTLING_CODES", "TRANSIENT_CODES", "transient_reason"]

#: The error codes botocore's ``standard`` retry mode treats as throttling.
THROTTLING_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
#: botocore's transient error codes, and the service-fault codes that come with a 5xx answer
#: (so that they count whatever status a proxy put on them).
TRANSIENT_CODES = frozenset(
    {
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "InternalError",
        "InternalFailure",
        "InternalServerError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
    }
)


def transient_reason(exc: BaseException) -> str | None:
    """A few words on why ``exc`` is a passing fault (``"throttled"``, ``"HTTP 503
    ServiceUnavailable"``, ``"connection error"``, ``"timed out"``, ``"malformed response"``),
    or ``None`` when it is permanent."""
    from botocore import exceptions as botocore_errors

    if isinstance(exc, botocore_errors.ClientError):
        return _client_error_reason(exc.response)
    if isinstance(exc, botocore_errors.ReadTimeoutError | botocore_errors.ConnectTimeoutError):
        return "timed out"
    connection = (
        botocore_errors.ConnectionError,
        botocore_errors.HTTPClientError,
        botocore_errors.ResponseStreamingError,
        botocore_errors.IncompleteReadError,
        ConnectionError,
    )
    if isinstance(exc, connection):
        return "connection error"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, MalformedResponseError | ShapeError):
        return "malformed response"
    return None


def _client_error_reason(response: Mapping[str, Any]) -> str | None:
    code = response.get("Error", {}).get("Code", "")
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    if code in THROTTLING_CODES or status == 429:
        return "throttled"
    if code in TRANSIENT_CODES or (isinstance(status, int) and status >= 500):
        # botocore names an error without a code (an HTML error page) by its status
        shown = "" if code == str(status) else code
        return " ".join(part for part in (f"HTTP {status}" if status else "", shown) if part)
    return None
