"""The AWS side of a check: one lazily made client per service, and calls that never raise.

Every client comes from one boto3 session, with the same region and endpoint URL (so one local
moto server can serve S3, IAM, KMS, EC2, STS and SageMaker). Without an endpoint URL, boto3
itself honours ``AWS_ENDPOINT_URL`` and ``AWS_ENDPOINT_URL_<SERVICE>``. A call that fails
returns a :class:`Failure` naming the call and the error instead of raising: a check that cannot
be made becomes a warning, never a crash.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import attrs

#: How many calls run at once: enough to overlap a check's dozen calls, few enough to be polite.
MAX_WORKERS = 8


@attrs.frozen
class Failure:
    """A call that could not be made.

    Attributes:
        call: the IAM-style action name, e.g. ``"s3:GetObject"``.
        code: the AWS error code (``"AccessDenied"``) or the botocore exception name.
        message: the error message, for the curious (not shown in findings).
    """

    call: str
    code: str
    message: str = ""

    def text(self) -> str:
        """``could not check: AccessDenied on s3:GetObject``."""
        return f"could not check: {self.code} on {self.call}"


class Clients:
    """One boto3 client per service, made on first use from one session.

    Args:
        session: a ``boto3.Session`` to make the clients from (default: a new one, with
            ``profile_name``).
        region_name: the job's region (default: the session's).
        endpoint_url: one endpoint for every service, e.g. ``http://127.0.0.1:5000``.
        profile_name: named profile for the session made here.
        clients: ready-made clients by service name (``{"sagemaker": client}``), used as they are.
        factory: makes the client of a service instead of the session (an ``AutoMLClient``'s
            clients, so a check talks to AWS as that client does); the region is then its
            SageMaker client's.
    """

    def __init__(
        self,
        *,
        session: Any = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        profile_name: str | None = None,
        clients: Mapping[str, Any] | None = None,
        factory: Callable[[str], Any] | None = None,
    ) -> None:
        self._factory = factory
        self._session = session
        self._profile_name = profile_name
        self._region_name = region_name
        self._endpoint_url = endpoint_url
        self._clients: dict[str, Any] = dict(clients or {})
        self._lock = threading.Lock()

    @property
    def session(self) -> Any:
        """The boto3 session the clients come from (made on first use)."""
        with self._lock:
            return self._get_session()

    def _get_session(self) -> Any:
        if self._session is None:
            import boto3

            self._session = boto3.session.Session(profile_name=self._profile_name)
        return self._session

    @property
    def region(self) -> str | None:
        """The job's region: the one given, else the session's."""
        if self._region_name is not None:
            return self._region_name
        if self._factory is not None:
            region: str | None = self.client("sagemaker").meta.region_name
            return region
        return getattr(self.session, "region_name", None)

    def client(self, service: str) -> Any:
        """The client of ``service`` (``"s3"``, ``"iam"``...), made once."""
        with self._lock:
            if service not in self._clients and self._factory is not None:
                self._clients[service] = self._factory(service)
            if service not in self._clients:
                from botocore.config import Config

                config = Config(
                    retries={"mode": "standard", "max_attempts": 3},
                    connect_timeout=5,
                    read_timeout=30,
                    max_pool_connections=MAX_WORKERS,
                )
                self._clients[service] = self._get_session().client(
                    service,
                    region_name=self._region_name,
                    endpoint_url=self._endpoint_url,
                    config=config,
                )
            return self._clients[service]

    def call(self, service: str, operation: str, **kwargs: Any) -> Any:
        """``client(service).<operation>(**kwargs)``, or a :class:`Failure` when it fails."""
        action = f"{service}:{_api_name(operation)}"
        try:
            return getattr(self.client(service), operation)(**kwargs)
        except Exception as exc:
            return failure(action, exc)


def failure(action: str, exc: Exception) -> Failure:
    """The :class:`Failure` for ``exc`` raised by ``action``; re-raises what is not an AWS error."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        error = response.get("Error") or {}
        code = str(error.get("Code") or type(exc).__name__)
        if code.isdigit():  # HEAD and ranged errors carry only the status: name it
            code = _STATUS_NAMES.get(code, f"HTTP {code}")
        return Failure(action, code, str(error.get("Message", "")))
    if type(exc).__module__.split(".")[0] in ("botocore", "boto3", "urllib3"):
        return Failure(action, type(exc).__name__, str(exc))
    raise exc


_STATUS_NAMES = {"403": "AccessDenied", "404": "NotFound", "400": "BadRequest"}


def _api_name(operation: str) -> str:
    """``list_objects_v2`` -> ``ListObjectsV2`` (the IAM action's name)."""
    special = {"list_objects_v2": "ListObjectsV2"}
    if operation in special:
        return special[operation]
    return "".join(part.capitalize() for part in operation.split("_"))


def is_code(result: Any, *codes: str) -> bool:
    """True when ``result`` is a :class:`Failure` with one of ``codes``."""
    return isinstance(result, Failure) and result.code in codes
