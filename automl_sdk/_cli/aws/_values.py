"""Option values as the AWS CLI takes them: ``file://``/``fileb://``, JSON, shorthand, scalars.

Each top-level option value (each item of a list option) may be ``file://PATH`` (UTF-8 text) or
``fileb://PATH`` (bytes; these operations have no binary member, so the bytes must be UTF-8
too); ``~`` and ``$VARS`` in the path are expanded. A structure or map value starting with ``{``
and a list value starting with ``[`` is JSON; anything else is shorthand (:mod:`._shorthand`),
typed by the service model. ``--cli-input-json`` / ``--cli-input-yaml`` give a whole request,
and options beside them replace its members.

Every error is a :class:`ParamError` naming the option (``Error parsing parameter '--x': ...``);
JSON errors give the line and column, shorthand errors point at the position.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from automl_sdk._cli.aws import _shorthand

LOCAL_PREFIXES = ("file://", "fileb://")


class ParamError(Exception):
    """A parameter value the AWS CLI would refuse (exit 252); the message says which and why."""


def option_error(option: str, problem: str) -> ParamError:
    """The AWS CLI's wording for a bad value of ``option``."""
    return ParamError(f"Error parsing parameter '{option}': {problem}")


def load_paramfile(value: str, option: str) -> str:
    """``value`` itself, or the content of the file a ``file://``/``fileb://`` value names."""
    prefix = next((p for p in LOCAL_PREFIXES if value.startswith(p)), None)
    if prefix is None:
        return value
    path = Path(os.path.expandvars(os.path.expanduser(value[len(prefix) :])))
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = f"[Errno {exc.errno}] {exc.strerror}: '{path}'" if exc.strerror else str(exc)
        raise option_error(option, f"Unable to load paramfile {value}: {reason}") from None
    try:
        return data.decode("utf-8-sig" if prefix == "file://" else "utf-8")
    except UnicodeDecodeError as exc:
        raise option_error(
            option, f"Unable to load paramfile {value}: not UTF-8 text (byte {exc.start})"
        ) from None


def parse_json(text: str, option: str) -> Any:
    """JSON ``text`` of ``option``; the error gives line and column as the AWS CLI does."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise option_error(option, f"Invalid JSON: {exc}\nJSON received: {text}") from None
    except RecursionError:
        raise option_error(option, "Invalid JSON: nested too deeply") from None


def option_value(
    parameter: Mapping[str, Any], raw: str | Sequence[str], shapes: Mapping[str, Mapping[str, Any]]
) -> Any:
    """The request value of one top-level option from its command-line text.

    ``parameter`` is the option's row of the generated table; ``raw`` is one string, or the
    list of strings of a list option (``--tags a b``).
    """
    option, shape_name, kind = parameter["option"], parameter["shape"], parameter["type"]
    if kind == "list":
        items = [load_paramfile(item, option) for item in raw]
        if len(items) == 1 and items[0].lstrip().startswith("["):
            return parse_json(items[0], option)
        member = shapes[shape_name]["member"]
        return [_complex_or_scalar(item, member, option, shapes) for item in items]
    assert isinstance(raw, str)
    return _complex_or_scalar(load_paramfile(raw, option), shape_name, option, shapes)


def _complex_or_scalar(
    text: str, shape_name: str, option: str, shapes: Mapping[str, Mapping[str, Any]]
) -> Any:
    kind = shapes.get(shape_name, {"type": "string"})["type"]
    if kind in ("structure", "map", "list"):
        if text.lstrip().startswith(("{", "[")):
            return parse_json(text, option)
        try:
            parsed: Any = _shorthand.parse(text, lambda path: load_paramfile(path, option))
            if kind == "list":
                parsed = [parsed]
            return _shorthand.coerce(parsed, shape_name, shapes, "")
        except (_shorthand.ShorthandError, _shorthand.ShorthandTypeError) as exc:
            raise option_error(option, str(exc)) from None
    try:
        return _shorthand.coerce(text, shape_name, shapes, "")
    except _shorthand.ShorthandTypeError as exc:
        raise option_error(option, str(exc)) from None


def cli_input(text: str, option: str, *, yaml: bool) -> dict[str, Any]:
    """The request object given by ``--cli-input-json`` / ``--cli-input-yaml`` (or its file)."""
    text = load_paramfile(text, option)
    if yaml:
        from automl_sdk._cli.aws._output import _yaml

        loader = _yaml()
        try:
            data = loader.safe_load(text)
        except loader.YAMLError as exc:
            raise option_error(option, f"Invalid YAML: {' '.join(str(exc).split())}") from None
    else:
        data = parse_json(text, option)
    if not isinstance(data, dict):
        kind = "YAML mapping" if yaml else "JSON object"
        raise option_error(
            option, f"expected a {kind} of request members, got {type(data).__name__}"
        )
    return data
