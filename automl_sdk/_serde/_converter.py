"""Wire conversion between shapes and their wire form (boto3's dicts).

- ``from_wire(cls, data, strict=True)`` (requests) first checks ``data`` against the model's
  constraints with lint's phase-1 walk (:func:`automl_sdk.lint._schema.shape_problems`), so a
  :class:`ShapeError` lists the very paths and messages ``lint`` reports; only then does the
  cattrs converter build the shape.
- ``from_wire(cls, data)`` (responses) is lenient: unknown keys are ignored, unknown union
  members (and botocore's ``SDK_UNKNOWN_MEMBER``) become the union's ``Unknown…`` variant, new
  enum values are plain ``str``, and a member the model calls required but the service left out
  is ``None`` (as smithy clients correct such responses).
- ``to_wire(shape)`` writes the wire dict from the model's tables, then checks its JSON types
  (and, for an operation's input, its required members) with the same walk.

Every problem found is reported at once, each with its wire path, in one ``ShapeError``; no
other exception leaves these functions, whatever Python value they are given.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import reprlib
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn, override

from automl_sdk.errors import ShapeError
from automl_sdk.lint._common import parse_timestamp
from automl_sdk.shapes import constraints, structures

T = TypeVar("T")

_UNKNOWN_PREFIX = "Unknown"
_SDK_UNKNOWN_MEMBER = "SDK_UNKNOWN_MEMBER"
#: The input shape of every operation: a shape object of one of these is a request.
_REQUEST_SHAPES = frozenset(request for request, _ in constraints.OPERATIONS.values())


class _Problems(Exception):
    """Problems found below one value, as (relative wire path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        # No super().__init__(): the exception's args are never shown, it never leaves here.
        self.problems = problems


class _UnknownVariant(Exception):
    """An ``Unknown…`` union variant met while writing the wire form: it cannot be sent."""


class _NotPlain(Exception):
    """The fast writer met a value it does not write as it is; the checked path decides."""


# ---------------------------------------------------------------- public functions


def to_wire(shape: Any) -> dict[str, Any]:
    """Convert a shape object to its wire form: the dict boto3 takes or returns.

    Wire member names are used, ``None`` members are omitted and everything else is kept
    (explicit ``False``, ``0`` and ``""`` are sent). Tuples become lists and enum constants plain
    strings, so the result is JSON-ready except for ``datetime`` values. The model's value
    constraints (lengths, ranges, patterns) are lint's concern and are not checked here.

    Raises:
        ShapeError: ``shape`` is not a generated shape; or it holds an ``Unknown…`` union
            variant (which has no wire form to send), or a member of the wrong type (a string
            where the model has an integer, ``None`` or another shape where it has a structure,
            ...); or it is an operation's input (a request) with a required member left ``None``
            at any depth. Each problem names its wire path, in phase 1's words.
    """
    cls = type(shape)
    if not _is_wire_shape(cls):
        raise ShapeError(
            shape=cls.__name__,
            problems=[("", f"expected an automl_sdk.shapes object, got {cls.__name__}")],
        )
    name = cls.__name__
    request = name in _REQUEST_SHAPES
    wire: dict[str, Any]  # a shape object's own wire form is always a dict
    try:
        if name not in constraints.SHAPES:  # an Unknown… variant handed over on its own
            raise _UnknownVariant
        try:
            wire = _fast_writer(name, request)(shape)
            return wire
        except _NotPlain:  # something the fast writer does not vouch for: check it all
            wire = _write_structure(shape, name)
    except _UnknownVariant:
        raise ShapeError(shape=name, problems=list(_unknown_variants(shape, ""))) from None
    problems = _schema().shape_problems(wire, name, constraints=False, required=request)
    if problems:
        raise ShapeError(shape=name, problems=problems)
    return wire


def shape_to_raw_wire(shape: Any) -> Any:
    """The wire form of a shape object as it is, unchecked: for the linter, which reports every
    problem of it (a wrong-typed member stays as it is, a ``None`` member is left out).

    Raises:
        ShapeError: ``shape`` holds an ``Unknown…`` union variant, which has no wire form.
    """
    try:
        return _write_structure(shape, type(shape).__name__)
    except _UnknownVariant:
        problems = list(_unknown_variants(shape, ""))
        raise ShapeError(shape=type(shape).__name__, problems=problems) from None


def from_wire(cls: type[T], data: Any, *, strict: bool = False) -> T:
    """Build a shape of type ``cls`` from its wire form (a dict as boto3 takes or returns it).

    Args:
        cls: the shape class, e.g. ``DescribeAutoMLJobV2Response`` (or a union alias such as
            ``AutoMLProblemTypeConfig``).
        data: the wire dict. Any Python value is accepted; one that is not a valid wire form
            raises :class:`ShapeError`.
        strict: ``True`` for requests: every constraint of the model is checked as lint's phase 1
            checks it (types, unknown keys, required members, union exclusivity, lengths,
            ranges, sizes, patterns, enums), and the error lists phase 1's paths and messages.
            ``False`` (the default, for responses): unknown keys are ignored, unknown union
            members become the union's ``Unknown…`` variant, and a required member the
            response lacks is ``None``.

    Raises:
        ShapeError: listing every problem with its wire path; or ``cls`` is no shape class, or
            an ``Unknown…`` union variant (only a lenient parse makes one, from a union member
            the model does not know).
    """
    name = _shape_name(cls)
    if name is None:
        shown = getattr(cls, "__name__", None) or type(cls).__name__
        raise ShapeError(
            shape=str(shown),
            problems=[("", f"expected an automl_sdk.shapes class, got {_describe(cls)}")],
        )
    if name not in constraints.SHAPES:  # an Unknown… union variant: only a response makes one
        raise ShapeError(
            shape=name,
            problems=[("", "an Unknown… union variant cannot be built from a wire value")],
        )
    if strict:
        problems = _schema().shape_problems(data, name)
        if problems:
            raise ShapeError(shape=name, problems=problems)
    elif not isinstance(data, Mapping):
        raise ShapeError(shape=name, problems=[("", f"expected an object, got {_describe(data)}")])
    try:
        result: T = _converter().structure(data, cls)
    except Exception as exc:
        raise ShapeError(shape=name, problems=list(_flatten(exc, ""))) from None
    return result


@functools.cache
def _schema() -> types.ModuleType:
    """Lint's schema module, the one owner of the model's constraints (imported on first use,
    so that importing ``_serde`` does not load the linter)."""
    from automl_sdk.lint import _schema

    return _schema


def _shape_name(cls: Any) -> str | None:
    """The AWS shape name of a generated shape class or union alias, else ``None``."""
    if _is_wire_shape(cls):
        return str(cls.__name__)
    for union_name, union in _unions().items():
        if cls is union or _matches_union(union, cls):
            return union_name
    return None


# ---------------------------------------------------------------- writing the wire form


@functools.cache
def _fast_writer(shape_name: str, request: bool) -> Callable[[Any], Any]:
    """A function writing a well-formed ``shape_name`` value's wire form in one pass.

    It raises :class:`_NotPlain` on anything but exact shape classes and values of the types
    :data:`automl_sdk.lint._schema.WIRE_TYPES` allows (and, in a ``request``, on a required
    member left ``None``), so a value it writes is one the schema walk passes; ``to_wire`` then
    takes the checked path, where the walk explains what is wrong. (A property test holds the
    two to each other.) Written per shape once, like cattrs' generated functions.
    """
    table = constraints.SHAPES[shape_name]
    kind = table["type"]
    if kind == "structure" and table.get("union"):
        return _fast_union(shape_name, request)
    if kind == "structure":
        return _fast_structure(shape_name, request)
    if kind == "list":
        return functools.partial(_fast_list, _fast_writer(table["member"], request))
    if kind == "map":
        return functools.partial(_fast_map, _fast_writer(table["value"], request))
    if kind == "string":
        return _fast_string
    return functools.partial(_fast_leaf, kind, _schema().well_typed)


# The per-value writers below are module functions bound with functools.partial rather than
# closures: a closure built once per shape (behind the cache) runs code that mutation testing
# can neither see being called nor attribute to the tests that call it.


def _not_plain() -> Any:
    raise _NotPlain


def _fast_list(item: Callable[[Any], Any], value: Any) -> Any:
    if type(value) is not list and type(value) is not tuple:
        _not_plain()
    return [item(member) for member in value]


def _fast_map(entry: Callable[[Any], Any], value: Any) -> Any:
    if type(value) is not dict:
        _not_plain()
    return {key if type(key) is str else _not_plain(): entry(item) for key, item in value.items()}


def _fast_string(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)  # an enum constant is sent as its plain value
    return _not_plain()  # type: ignore[no-any-return]


def _fast_leaf(kind: str, well_typed: Callable[[Any, str], bool], value: Any) -> Any:
    return value if well_typed(value, kind) else _not_plain()


#: ``(attribute, wire name, writer, required)`` of each field of a structure, for the fast writer.
_FastFields = tuple[tuple[str, str, Callable[[Any], Any], bool], ...]


def _fast_structure(shape_name: str, request: bool) -> Callable[[Any], Any]:
    required = set(constraints.SHAPES[shape_name]["required"])
    fields: _FastFields = tuple(
        (attribute, wire, _fast_writer(member, request), request and wire in required)
        for attribute, wire, member in _fields(shape_name)
    )
    return functools.partial(_fast_write_structure, getattr(structures, shape_name), fields)


def _fast_write_structure(cls: type, fields: _FastFields, value: Any) -> Any:
    if type(value) is not cls:
        _not_plain()
    wire: dict[str, Any] = {}
    for attribute, wire_name, write, must in fields:
        item = getattr(value, attribute)
        if item is not None:
            wire[wire_name] = write(item)
        elif must:
            _not_plain()
    return wire


def _fast_union(union_name: str, request: bool) -> Callable[[Any], Any]:
    members = constraints.SHAPES[union_name]["members"]
    writers = {
        cls: (tag, _fast_writer(members[tag], request))
        for cls, tag in _union_tags(union_name).items()
    }
    return functools.partial(_fast_write_union, writers)


def _fast_write_union(writers: dict[type, tuple[str, Callable[[Any], Any]]], value: Any) -> Any:
    found = writers.get(type(value))
    if found is None:
        return _not_plain()
    tag, write = found
    return {tag: write(value)}


def _write(value: Any, shape_name: str) -> Any:
    """The wire form of ``value`` held in a member of shape ``shape_name``.

    Follows the model's tables, not the value's type, and never raises on a value of the wrong
    type: it is passed through as it is, for the schema walk to report with its path.
    """
    table = constraints.SHAPES[shape_name]
    kind = table["type"]
    if kind == "structure":
        if table.get("union"):
            return _write_union(value, shape_name)
        return _write_structure(value, shape_name)
    if kind == "list":
        if isinstance(value, list | tuple):
            return [_write(item, table["member"]) for item in value]
        return value
    if kind == "map":
        if isinstance(value, dict):
            value_shape = table["value"]
            return {key: _write(item, value_shape) for key, item in value.items()}
        return value
    if isinstance(value, str) and type(value) is not str:
        return str.__str__(value)  # an enum constant is sent as its plain value
    return value


def _write_structure(value: Any, shape_name: str) -> Any:
    if type(value).__name__ != shape_name or not _is_wire_shape(type(value)):
        if type(value).__name__.startswith(_UNKNOWN_PREFIX) and _is_wire_shape(type(value)):
            raise _UnknownVariant
        return value
    wire: dict[str, Any] = {}
    for attribute, wire_name, member_shape in _fields(shape_name):
        item = getattr(value, attribute)
        if item is not None:
            wire[wire_name] = _write(item, member_shape)
    return wire


def _write_union(value: Any, union_name: str) -> Any:
    tag = _union_tags(union_name).get(type(value))
    if tag is None:
        if type(value).__name__.startswith(_UNKNOWN_PREFIX) and _is_wire_shape(type(value)):
            raise _UnknownVariant
        return value
    return {tag: _write_structure(value, constraints.SHAPES[union_name]["members"][tag])}


@functools.cache
def _fields(shape_name: str) -> tuple[tuple[str, str, str], ...]:
    """``(attribute, wire name, member shape)`` of each field of a structure shape's class."""
    members = constraints.SHAPES[shape_name]["members"]
    cls = getattr(structures, shape_name)
    return tuple(
        (field.name, field.metadata["wire"], members[field.metadata["wire"]])
        for field in attrs.fields(cls)
    )


@functools.cache
def _union_tags(union_name: str) -> dict[type, str]:
    """Member class -> wire member name, for a union."""
    return {cls: wire for wire, cls in _member_classes(union_name).items()}


def _unknown_variants(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """The wire paths of ``Unknown…`` union variants inside a shape: they cannot be sent."""
    if _is_wire_shape(type(value)):
        if type(value).__name__.startswith(_UNKNOWN_PREFIX):
            union = type(value).__name__[len(_UNKNOWN_PREFIX) :]
            yield path, f"{type(value).__name__} cannot be sent as a {union} member"
            return
        for attribute, wire_name, member_shape in _fields(type(value).__name__):
            item = getattr(value, attribute)
            item_path = _join(path, wire_name)
            if constraints.SHAPES[member_shape].get("union"):  # its wire form nests the tag
                tag = _union_tags(member_shape).get(type(item))
                item_path = item_path if tag is None else f"{item_path}.{tag}"
            yield from _unknown_variants(item, item_path)
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _unknown_variants(item, f"{path}[{index}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _unknown_variants(item, f"{path}.{key}")


# ---------------------------------------------------------------- the converter


@functools.cache
def _converter() -> cattrs.Converter:
    """The cattrs converter that builds shapes; lenient (strictness is the schema walk's)."""
    converter = cattrs.Converter(detailed_validation=True)
    # Hooks are module functions bound with functools.partial, not closures (see _fast_list).
    for primitive, check in _PRIMITIVES.items():
        converter.register_structure_hook(primitive, functools.partial(_structure_primitive, check))
    converter.register_structure_hook(datetime.datetime, _structure_datetime)
    converter.register_structure_hook_func(
        _is_tuple, functools.partial(_structure_tuple, converter)
    )
    converter.register_structure_hook_func(
        _is_str_dict, functools.partial(_structure_map, converter)
    )
    for union_name, union in _unions().items():
        converter.register_structure_hook_func(
            functools.partial(_matches_union, union), _union_hook(converter, union_name)
        )
    converter.register_structure_hook_factory(_is_wire_shape, _structure_factory)
    return converter


def _is_wire_shape(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls) and cls.__module__ == structures.__name__


def _structure_factory(cls: type, converter: cattrs.Converter) -> Any:
    renames: dict[str, Any] = {
        field.name: override(rename=field.metadata["wire"]) for field in attrs.fields(cls)
    }
    build: Callable[[Mapping[str, Any], Any], Any] = make_dict_structure_fn(
        cls, converter, **renames
    )
    required = frozenset(
        field.metadata["wire"] for field in attrs.fields(cls) if field.default is attrs.NOTHING
    )
    return functools.partial(_structure_shape, cls, build, required)


def _structure_shape(
    cls: type,
    build: Callable[[Mapping[str, Any], Any], Any],
    required: frozenset[str],
    value: Any,
    _: Any,
) -> Any:
    if type(value) is not dict:  # the common case first: this runs for every object
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_describe(value)}")
    if not value.keys() >= required:
        # A response without a member the model calls required: it is None.
        value = {**dict.fromkeys(required), **value}
    return build(value, cls)


# ---------------------------------------------------------------- primitives


def _check_str(value: Any) -> bool:
    return isinstance(value, str)


def _check_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_float(value: Any) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def _check_bool(value: Any) -> bool:
    return isinstance(value, bool)


_PRIMITIVES: dict[type, Callable[[Any], bool]] = {
    str: _check_str,
    int: _check_int,
    float: _check_float,
    bool: _check_bool,
}
_TYPE_WORDS = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}


def _structure_primitive(check: Callable[[Any], bool], value: Any, cls: type) -> Any:
    if value is None:  # null, or a required member a response left out
        return None
    if not check(value):
        raise TypeError(f"expected {_TYPE_WORDS[cls]}, got {_describe(value)}")
    if cls is float:
        try:
            return float(value)
        except (OverflowError, ValueError):  # an integer past float, a signaling NaN Decimal
            raise TypeError(f"expected a number, got {_describe(value)}") from None
    return value


def _structure_datetime(value: Any, _: type) -> datetime.datetime | None:
    if value is None:
        return None
    parsed = parse_timestamp(value)
    if parsed is None:
        raise TypeError(f"expected an ISO 8601 timestamp, got {_describe(value)}")
    return parsed


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    kind = {bool: "boolean", int: "integer", float: "number", str: "string"}.get(type(value))
    if kind is None:
        kind = type(value).__name__
        kind = {"dict": "object", "list": "array", "tuple": "array"}.get(kind, kind)
    try:
        text = _REPR.repr(value)
    except Exception:  # an integer past the digit limit, or a failing __repr__
        text = "..."
    return f"{kind} {text if len(text) <= 60 else text[:57] + '...'}"


# ---------------------------------------------------------------- collections


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def _structure_tuple(converter: cattrs.Converter, value: Any, cls: Any) -> tuple[Any, ...] | None:
    if value is None:
        return None
    # cattrs would iterate a dict or a string; the wire only has arrays here.
    if not isinstance(value, list | tuple):
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


def _is_str_dict(cls: Any) -> bool:
    return get_origin(cls) is dict and get_args(cls)[0] is str


def _structure_map(converter: cattrs.Converter, value: Any, cls: Any) -> dict[str, Any] | None:
    if value is None:
        return None
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


# ---------------------------------------------------------------- unions


@functools.cache
def _unions() -> dict[str, Any]:
    names = [name for name, table in constraints.SHAPES.items() if table.get("union")]
    return {name: getattr(structures, name) for name in names}


def _matches_union(union: Any, cls: Any) -> bool:
    """True when ``cls`` is the union alias ``union`` written out, optionally with ``None``."""
    origin = get_origin(cls)
    if origin is not Union and origin is not types.UnionType:
        return False
    return set(get_args(cls)) - {type(None)} == set(get_args(union))


def _member_classes(union_name: str) -> dict[str, type]:
    members: dict[str, str] = constraints.SHAPES[union_name]["members"]
    return {wire: getattr(structures, shape) for wire, shape in members.items()}


def _union_hook(converter: cattrs.Converter, union_name: str) -> Callable[[Any, Any], Any]:
    unknown_cls = getattr(structures, _UNKNOWN_PREFIX + union_name)
    return functools.partial(_structure_union, converter, _member_classes(union_name), unknown_cls)


def _structure_union(
    converter: cattrs.Converter,
    classes: dict[str, type],
    unknown_cls: type,
    value: Any,
    _: Any,
) -> Any:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object, got {_describe(value)}")
    present = {key: item for key, item in value.items() if item is not None}
    if not present:
        return None
    if _SDK_UNKNOWN_MEMBER in present:
        tag = present[_SDK_UNKNOWN_MEMBER]
        return unknown_cls(tag=str(tag.get("name", "") if isinstance(tag, Mapping) else tag))
    if len(present) != 1:
        got = ", ".join(map(str, present))
        expected = ", ".join(classes)
        raise _Problems(
            [("", f"exactly one member must be set (got {got}; expected one of {expected})")]
        )
    ((tag, item),) = present.items()
    if tag not in classes:
        return unknown_cls(tag=str(tag), value=item)
    try:
        return converter.structure(item, classes[tag])
    except Exception as exc:
        raise _Problems(list(_flatten(exc, f".{tag}"))) from None


# ---------------------------------------------------------------- error paths


def _flatten(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Turn cattrs' nested exception groups (and ours) into (wire path, message) pairs."""
    if isinstance(exc, _Problems):
        for sub_path, message in exc.problems:
            yield path + sub_path, message
    elif isinstance(exc, ClassValidationError):
        # Every error is an attribute's: a shape's __init__, the one other source, cannot fail
        # (no validators; its converters tuple() what _structure_tuple built; every required
        # argument is there, see _structure_shape).
        wire_names = _wire_names(exc.cl)
        for sub, note in exc.group_exceptions()[0]:
            yield from _flatten(sub, _join(path, wire_names[note.name]))
    elif isinstance(exc, TypeError):  # our hooks' own "expected ..., got ..." messages
        yield path, str(exc)
    else:
        yield path, f"{type(exc).__name__}: {exc}"


def _join(path: str, member: str) -> str:
    return f"{path}.{member}" if path else member


@functools.cache
def _wire_names(cls: type) -> dict[str, str]:
    return {field.name: field.metadata["wire"] for field in attrs.fields(cls)}
