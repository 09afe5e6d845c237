"""Is an existing job the one this create request would make? (the idempotent re-create)

A create whose job name is taken compares what was sent with the existing job's
``DescribeAutoMLJobV2``: members not sent are ignored (the service fills in defaults), numbers
are compared by value (``Decimal("0.2")`` equals the service's ``0.2``; ``1`` equals ``1.0``),
and a bool never equals a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

__all__ = ["NOT_DESCRIBED", "already_exists", "differences"]

#: Members of CreateAutoMLJobV2 that DescribeAutoMLJobV2 does not return, so a re-create
#: cannot compare them.
NOT_DESCRIBED = frozenset({"Tags"})


def already_exists(exc: Any) -> bool:
    """Whether a create failed because a job of that name exists.

    The model documents ``ResourceInUse`` (moto raises it too); SageMaker has also been seen
    answering duplicate job names with ``ValidationException`` "... already exists".
    """
    error = exc.response.get("Error", {})
    code = error.get("Code", "")
    if code in ("ResourceInUse", "ResourceInUseException"):
        return True
    return code == "ValidationException" and "already exists" in error.get("Message", "").lower()


def differences(sent: Mapping[str, Any], existing: Mapping[str, Any]) -> list[str]:
    """The wire paths where the ``existing`` job's description differs from the request
    ``sent`` (members in :data:`NOT_DESCRIBED` are not compared)."""
    compared = {key: value for key, value in sent.items() if key not in NOT_DESCRIBED}
    return _differences(compared, existing, "")


def _differences(sent: Any, existing: Any, path: str) -> list[str]:
    if isinstance(sent, Mapping):
        if not isinstance(existing, Mapping):
            return [path or "<request>"]
        found: list[str] = []
        for key, value in sent.items():
            if value is not None:
                found += _differences(value, existing.get(key), f"{path}.{key}" if path else key)
        return found
    if isinstance(sent, list | tuple):
        if not isinstance(existing, list | tuple) or len(existing) != len(sent):
            return [path]
        found = []
        for index, (mine, theirs) in enumerate(zip(sent, existing, strict=True)):
            found += _differences(mine, theirs, f"{path}[{index}]")
        return found
    return [] if _same_scalar(sent, existing) else [path]


def _same_scalar(sent: Any, existing: Any) -> bool:
    if isinstance(sent, bool) or isinstance(existing, bool):
        return type(sent) is type(existing) and sent == existing
    mine, theirs = _number(sent), _number(existing)
    if mine is not None and theirs is not None:
        return mine == theirs
    return bool(sent == existing)


def _number(value: Any) -> Decimal | None:
    """``value`` as the decimal number it was written as (a float by its shortest repr), or
    ``None`` when it is not a number."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, int | Decimal):
        return Decimal(value)
    return None
