"""The one place the deploy API checks its Python arguments, before anything is sent.

Every public function and method of :mod:`automl_sdk.deploy` is decorated with :func:`checked`:
each of its parameters is checked by the rule this module keeps for that parameter name
(:data:`RULES`), and the function runs with the checked values. A function whose parameter has
no rule fails at import, so a new parameter cannot go unchecked.

The errors follow the rest of the library (``lint_request``'s ``select``, ``wait_many``'s names,
``AutoMLClient``'s options):

- ``TypeError``: a value, or a member inside it, is not of the documented type; the message names
  the parameter (with the path inside it), the type given and what is allowed. ``bool`` is not
  taken where a number is wanted.
- :class:`~automl_sdk.errors.DeployError`: the type is right but the value is not allowed (a tag
  without ``Key``, a ``vpc_config`` without ``Subnets``, a response key given twice, an instance
  count below 1, text with a lone surrogate, which no request can carry).
- ``ValueError``: a wait's ``timeout`` or ``delay`` is negative, NaN or infinite, as for job waits.

A check returns the value in the plain form the request builders use (lists and dicts of
strings), so an iterator is read once and the model name's digest only ever sees JSON values.
"""

from __future__ import annotations

import functools
import inspect
import math
import operator
import reprlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import attrs

from automl_sdk.errors import DeployError

if TYPE_CHECKING:
    from attrs import AttrsInstance

    from automl_sdk.client import AutoMLClient

__all__ = [
    "CONTAINER_RULES",
    "RULES",
    "VPC_MEMBERS",
    "checked",
    "checked_with",
    "field_rule",
    "picked",
    "shown",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
A = TypeVar("A", bound="AttrsInstance")
#: A rule: ``(parameter path, value) -> the checked value``; raises as the module docstring says.
Rule = Callable[[str, Any], Any]

#: The members of a ``VpcConfig``, both required.
VPC_MEMBERS = ("Subnets", "SecurityGroupIds")
_TAG_MEMBERS = ("Key", "Value")

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 40


def shown(value: Any) -> str:
    """A short ``repr`` of ``value`` for a message, whatever it is: nested containers are cut
    short, and an integer past Python's digit limit or a failing ``__repr__`` gives its type."""
    try:
        return _REPR.repr(value)
    except Exception:  # ValueError of a huge int's str, or anything a __repr__ raises
        return f"<{type(value).__name__} object>"


def _wrong_type(path: str, value: Any, allowed: str, optional: bool = False) -> TypeError:
    allowed += " or None" if optional else ""
    return TypeError(f"{path} must be {allowed} (got {type(value).__name__})")


def _is_list(value: Any) -> bool:
    """Whether ``value`` is a list-like sequence (a string or bytes is not)."""
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


# -- scalars --------------------------------------------------------------------------------


def text(path: str, value: Any) -> str:
    """A string that can be sent: UTF-8 encodable (no lone surrogates)."""
    return _text(path, value, optional=False)


def optional_text(path: str, value: Any) -> str | None:
    """``None`` or a string as :func:`text`."""
    return None if value is None else _text(path, value, optional=True)


def _text(path: str, value: Any, *, optional: bool) -> str:
    if not isinstance(value, str):
        raise _wrong_type(path, value, "a string", optional)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DeployError(
            f"{path} must be text that can be sent as UTF-8 (got {shown(value)}, which has a "
            f"lone surrogate at index {exc.start})"
        ) from None
    return value


def count(path: str, value: Any) -> int:
    """A whole number of instances: at least 1."""
    number = _whole_number(path, value, optional=False)
    if number < 1:
        raise DeployError(f"{path} must be at least 1 (got {shown(number)})")
    return number


def optional_whole_number(path: str, value: Any) -> int | None:
    """``None`` or a whole number (its range is the service model's, checked by the linter)."""
    return None if value is None else _whole_number(path, value, optional=True)


def _whole_number(path: str, value: Any, *, optional: bool) -> int:
    """An ``int``, or an integer type with ``__index__`` (numpy's); never a ``bool``."""
    if not isinstance(value, bool):
        try:
            return operator.index(value)
        except TypeError:
            pass
    raise _wrong_type(path, value, "an int", optional)


def flag(path: str, value: Any) -> bool:
    """``True`` or ``False``."""
    if not isinstance(value, bool):
        raise _wrong_type(path, value, "True or False")
    return value


def seconds(path: str, value: Any) -> float | None:
    """``None`` or a finite number of seconds >= 0 (``ValueError`` otherwise, as job waits)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(path, value, "a number of seconds", optional=True)
    too_big = isinstance(value, int) and abs(value) > sys.float_info.max
    if too_big or not math.isfinite(value) or value < 0:
        raise ValueError(f"{path} must be a finite number >= 0 (got {shown(value)})")
    return value


# -- lists and mappings ---------------------------------------------------------------------


def _each(path: str, value: Any, allowed: str, rule: Callable[[str, Any], T]) -> list[T]:
    """``rule`` over the items of the list ``value``, each named by its index."""
    if not _is_list(value):
        raise _wrong_type(path, value, allowed)
    return [rule(f"{path}[{index}]", item) for index, item in enumerate(value)]


def text_list(path: str, value: Any) -> list[str]:
    """A list (or tuple) of strings."""
    return _each(path, value, "a list of strings", text)


def text_mapping(path: str, value: Any) -> dict[str, str]:
    """A mapping of strings to strings (a container's ``Environment``)."""
    if not isinstance(value, Mapping):
        raise _wrong_type(path, value, "a mapping of strings to strings")
    found: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"{path} keys must be strings (got {type(key).__name__} {shown(key)})")
        found[text(f"{path} keys", key)] = text(f"{path}[{key!r}]", item)
    return found


def response_keys(path: str, value: Any) -> list[str] | None:
    """``None`` or a list of response key strings, each once (which keys a candidate supports is
    checked against its containers: :func:`~automl_sdk.deploy.with_response_keys`). Named
    ``inference_response_keys`` in messages, as the job methods call it."""
    if value is None:
        return None
    if isinstance(value, str):
        raise TypeError(
            f"inference_response_keys must be a list of keys, not a string (got {value!r}; "
            f"expected e.g. {value.split(',')!r})"
        )
    keys = text_list("inference_response_keys", value)
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise DeployError(
            f"inference response keys repeat {', '.join(repeated)} (got {', '.join(keys)}; "
            "expected each key once)"
        )
    return keys


def vpc_config(path: str, value: Any) -> dict[str, list[str]] | None:
    """``None`` or ``{"Subnets": [...], "SecurityGroupIds": [...]}``, both lists of IDs."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _wrong_type(path, value, "a mapping with Subnets and SecurityGroupIds", True)
    _exactly(path, value, VPC_MEMBERS, f"expected {' and '.join(VPC_MEMBERS)}, each a list of IDs")
    return {member: text_list(f"{path}.{member}", value[member]) for member in VPC_MEMBERS}


def tags(path: str, value: Any) -> list[dict[str, str]]:
    """Tags as the wire list, from ``{key: value}`` or ``[{"Key": ..., "Value": ...}]``."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [{"Key": key, "Value": item} for key, item in text_mapping(path, value).items()]
    if isinstance(value, str | bytes | bytearray) or not isinstance(value, Iterable):
        raise _wrong_type(
            path, value, 'a mapping of keys to values or a list of {"Key": ..., "Value": ...}', True
        )
    return [_tag(f"{path}[{index}]", tag) for index, tag in enumerate(value)]


def _tag(path: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise _wrong_type(path, value, 'a mapping {"Key": ..., "Value": ...}')
    _exactly(path, value, _TAG_MEMBERS, 'expected {"Key": ..., "Value": ...}')
    return {member: text(f"{path}.{member}", value[member]) for member in _TAG_MEMBERS}


def _exactly(path: str, value: Mapping[Any, Any], members: Sequence[str], expected: str) -> None:
    """Refuse a mapping with a member other than ``members`` or without one of them."""
    unknown = [key for key in value if key not in members]
    if unknown:
        raise DeployError(f"{path} has an unknown member {shown(unknown[0])} ({expected})")
    missing = [member for member in members if member not in value]
    if missing:
        raise DeployError(f"{path} has no {missing[0]} (got {shown(dict(value))}; {expected})")


# -- wire dicts of a candidate ----------------------------------------------------------------


def containers(path: str, value: Any) -> list[dict[str, Any]]:
    """Container definitions (``Image``, ``ModelDataUrl``, ``Environment``), copied with only
    those members; an empty ``Environment`` is dropped."""
    return _each(path, value, "a list of container definitions", _container)


def _container(path: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise _wrong_type(path, value, "a container definition (a mapping)")
    found: dict[str, Any] = {}
    for member in ("Image", "ModelDataUrl"):
        if value.get(member) is not None:
            found[member] = text(f"{path}.{member}", value[member])
    environment = value.get("Environment")
    if environment is not None and (checked := text_mapping(f"{path}.Environment", environment)):
        found["Environment"] = checked
    return found


def candidate(path: str, value: Any) -> dict[str, Any]:
    """A candidate wire dict: its ``CandidateName``, ``InferenceContainers`` and
    ``InferenceContainerDefinitions`` (keyed by processing unit), checked and copied."""
    if not isinstance(value, Mapping):
        raise _wrong_type(path, value, "a candidate (a mapping, as DescribeAutoMLJobV2 gives)")
    name = text(f"{path}.CandidateName", value.get("CandidateName", "?"))
    found: dict[str, Any] = {"CandidateName": name}
    listed = value.get("InferenceContainers")
    if listed is not None:
        found["InferenceContainers"] = containers(f"{path}.InferenceContainers", listed)
    definitions = value.get("InferenceContainerDefinitions")
    if definitions is not None:
        where = f"{path}.InferenceContainerDefinitions"
        if not isinstance(definitions, Mapping):
            raise _wrong_type(where, definitions, "a mapping of processing units to containers")
        found["InferenceContainerDefinitions"] = {
            text(f"{where} keys", unit): containers(f"{where}[{unit!r}]", chosen)
            for unit, chosen in definitions.items()
        }
    return found


# -- handles and clients ----------------------------------------------------------------------


#: What deploy uses of an AutoMLClient; read off its class, so no client is made to check.
_CLIENT_MEMBERS = ("sagemaker_client", "client_for", "describe_job", "candidates")


def automl_client(path: str, value: Any) -> AutoMLClient:
    """An :class:`~automl_sdk.AutoMLClient` (told by its members: :mod:`automl_sdk.client`
    imports this package, so this module does not import it)."""
    if not all(hasattr(type(value), member) for member in _CLIENT_MEMBERS):
        raise _wrong_type(path, value, "an automl_sdk.AutoMLClient")
    client: AutoMLClient = value
    return client


def runtime_client(path: str, value: Any) -> Any:
    """``None`` or a ``sagemaker-runtime`` client (anything with ``invoke_endpoint``)."""
    if value is not None and not callable(getattr(value, "invoke_endpoint", None)):
        raise _wrong_type(path, value, "a sagemaker-runtime client (with invoke_endpoint)", True)
    return value


def job_handle(path: str, value: Any) -> Any:
    """A job handle (:class:`~automl_sdk.Job`, or anything with a string ``name`` and an
    ``AutoMLClient`` as ``client``)."""
    try:
        name, client = value.name, value.client
    except AttributeError:
        raise _wrong_type(path, value, "a job handle such as automl_sdk.Job") from None
    text(f"{path}.name", name)
    automl_client(f"{path}.client", client)
    return value


def body(path: str, value: Any) -> bytes:
    """Bytes to send as they are (``bytes``, ``bytearray`` or ``memoryview``)."""
    if not isinstance(value, bytes | bytearray | memoryview):
        raise _wrong_type(path, value, "bytes")
    return bytes(value)


def field_rule(rule: Rule) -> Callable[[Any, Any, Any], None]:
    """An attrs validator that applies ``rule`` to a handle's field, named ``Class.field``."""

    def validate(instance: Any, attribute: Any, value: Any) -> None:
        rule(f"{type(instance).__name__}.{attribute.name}", value)

    return validate


def unchecked(path: str, value: Any) -> Any:
    """``self`` (a handle checks its fields when made) and ``predict``'s data, which
    :func:`~automl_sdk.deploy._predict.encode_body` checks with its content type."""
    return value


# -- the rules, and the decorator that applies them -------------------------------------------


#: The rule of each parameter name of the public deploy functions and methods.
RULES: dict[str, Rule] = {
    "self": unchecked,
    "data": unchecked,
    "job": job_handle,
    "client": automl_client,
    "runtime_client": runtime_client,
    "body": body,
    **{name: text for name in ("name", "endpoint_name", "input_s3_uri", "output_s3_uri")},
    **{name: text for name in ("content_type", "candidate_name")},
    **{
        name: optional_text
        for name in (
            "candidate",
            "model_name",
            "instance_type",
            "execution_role_arn",
            "kms_key_id",
            "endpoint_config_name",
            "split_type",
            "accept",
            "job_name",
        )
    },
    "inference_response_keys": response_keys,
    "keys": response_keys,
    "vpc_config": vpc_config,
    "tags": tags,
    "wait": flag,
    "timeout": seconds,
    "delay": seconds,
    "initial_instance_count": count,
    "instance_count": count,
    **{
        name: optional_whole_number
        for name in (
            "serverless_memory_mb",
            "serverless_max_concurrency",
            "max_payload_mb",
            "invocations_timeout_seconds",
        )
    },
    "containers": containers,
}


def checked(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, with each argument checked by its parameter's rule in :data:`RULES`."""
    return checked_with()(function)


def checked_with(**overrides: Rule) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """As :func:`checked`, with other rules for some parameters (``candidate`` is a wire dict in
    ``candidate_containers``, ``job_name`` required there)."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        rules = {**RULES, **overrides}
        missing = [name for name in signature.parameters if name not in rules]
        if missing:
            raise TypeError(f"{function.__qualname__}: no argument rule for {', '.join(missing)}")

        @functools.wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, value in bound.arguments.items():
                bound.arguments[name] = rules[name](name, value)
            return function(*bound.args, **bound.kwargs)

        return run

    return decorate


def picked(cls: type[A], arguments: Mapping[str, Any]) -> A:
    """The attrs class ``cls`` made of the members of ``arguments`` (a checked function's
    ``locals()``) named as its fields: how one entry point hands a group of its arguments on."""
    factory: Callable[..., A] = cls
    return factory(**{field.name: arguments[field.name] for field in attrs.fields(cls)})


#: Rules of the pure container functions: a candidate wire dict, and a required job name.
CONTAINER_RULES: dict[str, Rule] = {"candidate": candidate, "job_name": text}
