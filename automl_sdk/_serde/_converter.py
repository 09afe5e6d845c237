"""The one cattrs converter between shapes and their wire form (boto3's dicts).

Two configurations of it exist, built on first use and cached:

- strict, for requests: only the exact JSON types pass (``"false"`` is not a bool, ``1.9`` is not
  an int, ``True`` is not an int), unknown keys are errors, an unknown union member is an error;
- lenient, for responses: unknown keys are ignored, unknown union members (and botocore's
  ``SDK_UNKNOWN_MEMBER``) become the union's ``Unknown…`` variant, new enum values are plain ``str``.

Every problem found is reported at once, each with its wire path, in one ``ShapeError``.
"""

from __future__ import annotations

import datetime
import functools
import types
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from automl_sdk.errors import ShapeError
from automl_sdk.shapes import constraints, structures

T = TypeVar("T")

_UNKNOWN_PREFIX = "Unknown"
_SDK_UNKNOWN_MEMBER = "SDK_UNKNOWN_MEMBER"


class _Problems(Exception):
    """Problems found below one value, as (relative wire path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


# ---------------------------------------------------------------- public functions


def to_wire(shape: Any) -> dict[str, Any]:
    """Convert a shape object to its wire form: the dict boto3 takes or returns.

    Wire member names are used, ``None`` members are omitted and everything else is kept
    (explicit ``False``, ``0`` and ``""`` are sent). Tuples become lists and enum constants plain
    strings, so the result is JSON-ready except for ``datetime`` values.

    Raises:
        ShapeError: ``shape`` is not a generated shape, or holds an ``Unknown…`` union variant
            (which has no wire form to send).
    """
    if not attrs.has(type(shape)) or type(shape).__module__ != structures.__name__:
        raise ShapeError(
            shape=type(shape).__name__,
            problems=[("", f"expected an automl_sdk.shapes object, got {type(shape).__name__}")],
        )
    try:
        result: dict[str, Any] = _converter(strict=True).unstructure(shape)
    except _Problems as exc:
        # The unstructure hooks know no paths; find the Unknown… variants' paths only now.
        problems = list(_unknown_variants(shape, "")) or exc.problems
        raise ShapeError(shape=type(shape).__name__, problems=problems) from None
    return result


def from_wire(cls: type[T], data: Any, *, strict: bool = False) -> T:
    """Build a shape of type ``cls`` from its wire form (a dict as boto3 takes or returns it).

    Args:
        cls: the shape class, e.g. ``DescribeAutoMLJobV2Response``.
        data: the wire dict.
        strict: ``True`` for requests: wrong JSON types, unknown keys and unknown union members
            are errors. ``False`` (the default, for responses): unknown keys are ignored and
            unknown union members become the union's ``Unknown…`` variant.

    Raises:
        ShapeError: listing every problem with its wire path.
    """
    name = getattr(cls, "__name__", str(cls))
    if not isinstance(data, Mapping):
        raise ShapeError(shape=name, problems=[("", f"expected an object, got {_describe(data)}")])
    try:
        result: T = _converter(strict=strict).structure(data, cls)
    except Exception as exc:
        raise ShapeError(shape=name, problems=list(_flatten(exc, ""))) from None
    return result


# ---------------------------------------------------------------- the converter


@functools.cache
def _converter(*, strict: bool) -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True)
    for primitive, check in _PRIMITIVES.items():
        converter.register_structure_hook(primitive, _primitive_hook(check))
    converter.register_structure_hook(datetime.datetime, _structure_datetime)
    converter.register_unstructure_hook(str, _unstructure_str)
    converter.register_unstructure_hook(datetime.datetime, lambda value: value)
    converter.register_unstructure_hook_func(_is_tuple, _unstructure_tuple(converter))
    converter.register_structure_hook_func(_is_tuple, _structure_tuple(converter))
    converter.register_structure_hook_func(_is_str_dict, _structure_map(converter))
    for union_name, union in _unions().items():
        converter.register_structure_hook_func(
            _matches_union(union), _structure_union(converter, union_name, strict=strict)
        )
        converter.register_unstructure_hook_func(
            _matches_union(union), _unstructure_union(converter, union_name)
        )
    converter.register_structure_hook_factory(
        _is_wire_shape, functools.partial(_structure_factory, strict=strict)
    )
    converter.register_unstructure_hook_factory(_is_wire_shape, _unstructure_factory)
    return converter


def _is_wire_shape(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and cls.__module__ == structures.__name__


def _renames(cls: type) -> dict[str, Any]:
    return {field.name: override(rename=field.metadata["wire"]) for field in attrs.fields(cls)}


def _structure_factory(cls: type, converter: cattrs.Converter, *, strict: bool) -> Any:
    if cls.__name__.startswith(_UNKNOWN_PREFIX):
        return _refuse_unknown_variant
    return make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=strict, **_renames(cls))


def _unstructure_factory(cls: type, converter: cattrs.Converter) -> Any:
    if cls.__name__.startswith(_UNKNOWN_PREFIX):
        return _refuse_unknown_variant
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **_renames(cls))


def _refuse_unknown_variant(value: Any, *_: Any) -> Any:
    raise _Problems([("", "an Unknown… union variant cannot be converted; pick a known member")])


def _unknown_variants(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """The wire paths of ``Unknown…`` union variants inside a shape: they cannot be sent."""
    if _is_wire_shape(type(value)):
        if type(value).__name__.startswith(_UNKNOWN_PREFIX):
            union = type(value).__name__[len(_UNKNOWN_PREFIX) :]
            yield path, f"{type(value).__name__} cannot be sent as a {union} member"
            return
        for field in attrs.fields(type(value)):
            yield from _unknown_variants(
                getattr(value, field.name), _join(path, field.metadata["wire"])
            )
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _unknown_variants(item, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _unknown_variants(item, f"{path}.{key}")


# ---------------------------------------------------------------- primitives


def _check_str(value: Any) -> bool:
    return isinstance(value, str)


def _check_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_float(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_bool(value: Any) -> bool:
    return isinstance(value, bool)


_PRIMITIVES: dict[type, Callable[[Any], bool]] = {
    str: _check_str,
    int: _check_int,
    float: _check_float,
    bool: _check_bool,
}
_TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}


def _primitive_hook(check: Callable[[Any], bool]) -> Callable[[Any, type], Any]:
    def structure(value: Any, cls: type) -> Any:
        if not check(value):
            raise TypeError(f"expected {_TYPE_WORDS[cls]}, got {_describe(value)}")
        return float(value) if cls is float else value

    return structure


def _structure_datetime(value: Any, _: type) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    if _check_float(value):
        return datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc)
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    raise TypeError(f"expected an ISO 8601 timestamp, got {_describe(value)}")


def _unstructure_str(value: str) -> str:
    return str.__str__(value) if isinstance(value, Enum) else value


def _describe(value: Any) -> str:
    kind = {bool: "boolean", int: "integer", float: "number", str: "string"}.get(type(value))
    if kind is None:
        kind = "null" if value is None else type(value).__name__
        kind = {"dict": "object", "list": "array", "tuple": "array"}.get(kind, kind)
    text = repr(value)
    return f"{kind} {text if len(text) <= 60 else text[:57] + '...'}"


# ---------------------------------------------------------------- collections


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def _structure_tuple(converter: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    def structure(value: Any, cls: Any) -> tuple[Any, ...]:
        # cattrs would iterate a dict or a string; the wire only has arrays here.
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected an array, got {_describe(value)}")
        item_type = get_args(cls)[0]
        items: list[Any] = []
        problems: list[tuple[str, str]] = []
        for index, item in enumerate(value):
            try:
                items.append(converter.structure(item, item_type))
            except Exception as exc:
                problems += _flatten(exc, f"[{index}]")
        if problems:
            raise _Problems(problems)
        return tuple(items)

    return structure


def _unstructure_tuple(converter: cattrs.Converter) -> Callable[[Any], list[Any]]:
    def unstructure(value: Any) -> list[Any]:
        return [converter.unstructure(item) for item in value]

    return unstructure


def _is_str_dict(cls: Any) -> bool:
    return get_origin(cls) is dict and get_args(cls)[0] is str


def _structure_map(converter: cattrs.Converter) -> Callable[[Any, Any], dict[str, Any]]:
    def structure(value: Any, cls: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_describe(value)}")
        value_type = get_args(cls)[1]
        result: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append(("", f"map keys must be strings, got {_describe(key)}"))
                continue
            try:
                result[key] = converter.structure(item, value_type)
            except Exception as exc:
                problems += _flatten(exc, f".{key}")
        if problems:
            raise _Problems(problems)
        return result

    return structure


# ---------------------------------------------------------------- unions


def _unions() -> dict[str, Any]:
    names = [name for name, table in constraints.SHAPES.items() if table.get("union")]
    return {name: getattr(structures, name) for name in names}


def _matches_union(union: Any) -> Callable[[Any], bool]:
    wanted = set(get_args(union))

    def matches(cls: Any) -> bool:
        origin = get_origin(cls)
        if origin is not Union and origin is not types.UnionType:
            return False
        return set(get_args(cls)) - {type(None)} == wanted

    return matches


def _member_classes(union_name: str) -> dict[str, type]:
    members: dict[str, str] = constraints.SHAPES[union_name]["members"]
    return {wire: getattr(structures, shape) for wire, shape in members.items()}


def _structure_union(
    converter: cattrs.Converter, union_name: str, *, strict: bool
) -> Callable[[Any, Any], Any]:
    classes = _member_classes(union_name)
    unknown_cls = getattr(structures, _UNKNOWN_PREFIX + union_name)
    expected = ", ".join(classes)

    def structure(value: Any, _: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_describe(value)}")
        present = {key: item for key, item in value.items() if item is not None}
        if _SDK_UNKNOWN_MEMBER in present and not strict:
            tag = present[_SDK_UNKNOWN_MEMBER]
            return unknown_cls(tag=str(tag.get("name", "") if isinstance(tag, Mapping) else tag))
        if len(present) != 1:
            got = ", ".join(map(str, present)) or "none"
            raise _Problems(
                [("", f"exactly one member must be set (got {got}; expected one of {expected})")]
            )
        ((tag, item),) = present.items()
        if tag not in classes:
            if strict:
                raise _Problems([(f".{tag}", f"unknown member (expected one of {expected})")])
            return unknown_cls(tag=str(tag), value=item)
        try:
            return converter.structure(item, classes[tag])
        except Exception as exc:
            raise _Problems(list(_flatten(exc, f".{tag}"))) from None

    return structure


def _unstructure_union(converter: cattrs.Converter, union_name: str) -> Callable[[Any], Any]:
    wire_names = {cls: wire for wire, cls in _member_classes(union_name).items()}

    def unstructure(value: Any) -> Any:
        wire = wire_names.get(type(value))
        if wire is None:
            raise _Problems(
                [("", f"{type(value).__name__} cannot be sent as a {union_name} member")]
            )
        return {wire: converter.unstructure(value)}

    return unstructure


# ---------------------------------------------------------------- error paths


def _flatten(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Turn cattrs' nested exception groups (and ours) into (wire path, message) pairs."""
    if isinstance(exc, _Problems):
        for sub_path, message in exc.problems:
            yield path + sub_path, message
    elif isinstance(exc, ClassValidationError):
        wire_names = _wire_names(exc.cl)
        attribute_errors, other_errors = exc.group_exceptions()
        for sub, note in attribute_errors:
            name = note.name if isinstance(note, AttributeValidationNote) else str(note)
            yield from _flatten(sub, _join(path, wire_names.get(name, name)))
        for sub in other_errors:
            yield from _flatten(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            valid = ", ".join(_wire_names(exc.cl).values())
            yield _join(path, key), f"unknown member (expected one of {valid})"
    elif isinstance(exc, KeyError):
        yield path, "required member is missing"
    else:
        yield path, str(exc)


def _join(path: str, member: str) -> str:
    return f"{path}.{member}" if path else member


@functools.cache
def _wire_names(cls: type) -> dict[str, str]:
    return {field.name: field.metadata.get("wire", field.name) for field in attrs.fields(cls)}
