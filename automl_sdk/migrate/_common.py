"""Helpers shared by the request and response translations: input normalisation, paths."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import attrs

from automl_sdk.errors import MigrationError

TABULAR = "AutoMLProblemTypeConfig.TabularJobConfig"


def as_wire_dict(value: object, *, shape: str, what: str) -> dict[str, Any]:
    """Return a deep copy of ``value`` as a wire dict; shapes go through ``to_wire``.

    ``shape`` is the AWS shape name accepted as an attrs object; ``what`` names the expected
    value in the error raised for anything else.
    """
    if isinstance(value, Mapping):
        return copy.deepcopy(dict(value))
    if attrs.has(type(value)):
        if type(value).__name__ != shape:
            raise MigrationError(
                path="",
                reason=f"expected {what} (a dict or {shape}), got a {type(value).__name__} shape",
            )
        from automl_sdk._serde import to_wire

        return copy.deepcopy(to_wire(value))
    raise MigrationError(
        path="", reason=f"expected {what} (a dict or {shape}), got {type(value).__name__}"
    )


def expect_dict(value: object, path: str) -> dict[str, Any]:
    """``value`` if it is a dict; otherwise a MigrationError at ``path`` (only met when forced)."""
    if not isinstance(value, dict):
        raise MigrationError(
            path=path, reason=f"expected an object to restructure, got {type(value).__name__}"
        )
    return value


def expect_list(value: object, path: str) -> list[Any]:
    """``value`` if it is a list; otherwise a MigrationError at ``path`` (only met when forced)."""
    if not isinstance(value, list):
        raise MigrationError(
            path=path, reason=f"expected a list to restructure, got {type(value).__name__}"
        )
    return value


def ordered(values: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """``values`` with the keys of ``order`` first, in that order, then any others."""
    result = {key: values[key] for key in order if key in values}
    result.update((key, value) for key, value in values.items() if key not in result)
    return result
