"""The AWS CLI's shorthand syntax for structure, list and map option values.

Grammar (as the AWS CLI documents and accepts it)::

    parameter  = keyval *("," keyval)              ; a structure or a map
    keyval     = key "=" values / key "@=" values  ; "@=" loads file:// / fileb:// values
    key        = 1*(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
    values     = csv-list / explicit-list / hash
    csv-list   = first *("," second)               ; one item is a scalar, more are a list
    explicit-list = "[" [item *("," item)] "]"
    hash       = "{" [key "=" item *("," key "=" item)] "}"
    item       = explicit-list / hash / first

A ``first`` value may hold ``=`` (``Filter=a=b``); a ``second`` value may not, which is how
``a=1,2,b=3`` splits into ``{"a": ["1", "2"], "b": "3"}``. Values are single- or double-quoted
to hold commas, ``=`` and brackets (``\\'`` / ``\\"`` and ``\\\\`` escape inside quotes), and
``\\,`` is a literal comma in an unquoted value. Whitespace around separators is ignored and
trailing whitespace of an unquoted value is dropped.

Everything parsed is a string: :func:`coerce` then types it by the service model (integers,
floats, booleans, a single value where the model wants a list), as the AWS CLI does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.#/:")
# Characters that cannot start an unquoted value, end a first value, or appear in a second one.
_NOT_START = frozenset("\"',=[{")
_NOT_IN_FIRST = frozenset("\"',]}")
_NOT_IN_SECOND = frozenset("\"',=")
_EOF = "EOF"


class ShorthandError(Exception):
    """A shorthand value that does not parse; ``str()`` points at the position, AWS-CLI style."""

    def __init__(self, problem: str, text: str, index: int, hint: str = "") -> None:
        self.problem = problem
        self.text = text
        self.index = index
        message = f"{problem} for input:\n{_point_at(text, index)}"
        super().__init__(f"{message}\n{hint}" if hint else message)


class ShorthandTypeError(Exception):
    """A parsed value the model types differently (``MaxCandidates=ten``); names the key path."""


def _point_at(text: str, index: int) -> str:
    """``text`` with a caret under ``index`` (under its own line when the text has several)."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    if line_end == -1:
        line_end = len(text)
    caret = " " * (index - line_start) + "^"
    return f"{text[:line_end]}\n{caret}{text[line_end:]}"


def parse(text: str, load_file: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Parse one shorthand value into a dict of strings, lists and dicts.

    ``load_file`` resolves ``key@=file://...`` values (the CLI passes its paramfile loader).

    Raises:
        ShorthandError: the text does not follow the grammar; the message shows where.
    """
    return _Parser(text, load_file).parameter()


class _Parser:
    def __init__(self, text: str, load_file: Callable[[str], str] | None) -> None:
        self.text = text
        self.i = 0
        self.load_file = load_file
        self.from_file = False

    # -- helpers -----------------------------------------------------------------------------

    def at_end(self) -> bool:
        return self.i >= len(self.text)

    def current(self) -> str:
        return self.text[self.i] if self.i < len(self.text) else _EOF

    def skip_space(self) -> None:
        while not self.at_end() and self.text[self.i].isspace():
            self.i += 1

    def expect(self, char: str) -> None:
        self.skip_space()
        if self.current() != char:
            raise ShorthandError(
                f"Expected: '{char}', received: '{self.current()}'", self.text, self.i
            )
        self.i += 1
        self.skip_space()

    # -- grammar -----------------------------------------------------------------------------

    def parameter(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while True:
            start = self.i
            key, value = self.keyval()
            if key in result:
                raise ShorthandError(
                    f'Second instance of key "{key}" encountered',
                    self.text,
                    start,
                    'This is often because there is a preceding "," instead of a space.',
                )
            result[key] = value
            self.skip_space()
            if self.at_end():
                return result
            self.expect(",")

    def keyval(self) -> tuple[str, Any]:
        key = self.key_and_equals()
        return key, self.values()

    def key_and_equals(self) -> str:
        """``key "="`` or ``key "@="`` (then the value is read from the file it names)."""
        key = self.key()
        self.skip_space()
        self.from_file = self.current() == "@"
        if self.from_file:
            self.i += 1
        self.expect("=")
        return key

    def key(self) -> str:
        start = self.i
        while not self.at_end() and self.text[self.i] in _KEY_CHARS:
            self.i += 1
        return self.text[start : self.i]

    def values(self) -> Any:
        if self.at_end():
            return ""
        if self.current() in ("[", "{"):
            return self.item()
        return self.csv_list()

    def csv_list(self) -> Any:
        items = [self.first()]
        while True:
            self.skip_space()
            if self.current() != ",":
                break
            comma = self.i
            self.i += 1
            self.skip_space()
            if self.at_end():
                raise ShorthandError("Expected: a value, received: 'EOF'", self.text, self.i)
            value = self.second()
            self.skip_space()
            if not self.at_end() and self.current() != ",":
                # ``a=1,b=2``: what followed the comma was the next key, not a list item.
                self.i = comma
                break
            items.append(value)
        return items[0] if len(items) == 1 else items

    def explicit_list(self) -> list[Any]:
        items: list[Any] = []
        self.bracketed("[", "]", lambda: items.append(self.item()))
        return items

    def hash(self) -> dict[str, Any]:
        result: dict[str, Any] = {}

        def member() -> None:
            key = self.key_and_equals()
            result[key] = self.item()

        self.bracketed("{", "}", member)
        return result

    def bracketed(self, opening: str, closing: str, element: Callable[[], None]) -> None:
        """``opening [element *("," element)] closing``, calling ``element`` for each one."""
        self.expect(opening)
        while self.current() != closing:
            if self.at_end():
                raise ShorthandError(f"Expected: '{closing}', received: 'EOF'", self.text, self.i)
            element()
            self.skip_space()
            if self.at_end():
                raise ShorthandError(f"Expected: '{closing}', received: 'EOF'", self.text, self.i)
            if self.current() != closing:
                self.expect(",")
        self.i += 1

    def item(self) -> Any:
        if self.current() == "[":
            return self.explicit_list()
        if self.current() == "{":
            return self.hash()
        return self.first()

    def first(self) -> str:
        if self.current() in ("'", '"'):
            return self.quoted()
        start = self.i
        if not self.at_end() and self.text[self.i] not in _NOT_START and self.text[self.i] > " ":
            self.i += 1
            self.unquoted_run(_NOT_IN_FIRST)
        return self.finish(self.text[start : self.i])

    def second(self) -> str:
        if self.current() in ("'", '"'):
            return self.quoted()
        start = self.i
        if self.at_end() or self.text[self.i] in _NOT_START or self.text[self.i] <= " ":
            raise ShorthandError(
                f"Expected: a value, received: '{self.current()}'", self.text, self.i
            )
        self.i += 1
        self.unquoted_run(_NOT_IN_SECOND)
        return self.finish(self.text[start : self.i])

    def unquoted_run(self, stop: frozenset[str]) -> None:
        while not self.at_end():
            char = self.text[self.i]
            if char == "\\" and self.text[self.i + 1 : self.i + 2] == ",":
                self.i += 2
            elif char in stop or (char < " " and not char.isspace()):
                return
            else:
                self.i += 1

    def quoted(self) -> str:
        quote = self.text[self.i]
        start = self.i
        self.i += 1
        chars: list[str] = []
        while True:
            if self.at_end():
                raise ShorthandError(
                    f"Expected: closing {quote}, received: 'EOF'", self.text, start
                )
            char = self.text[self.i]
            if char == "\\" and self.text[self.i + 1 : self.i + 2] in (quote, "\\"):
                chars.append(self.text[self.i + 1])
                self.i += 2
            elif char == quote:
                self.i += 1
                return self.resolve("".join(chars))
            else:
                chars.append(char)
                self.i += 1

    def finish(self, raw: str) -> str:
        return self.resolve(raw.replace("\\,", ",").rstrip())

    def resolve(self, value: str) -> str:
        if self.from_file and self.load_file is not None:
            return self.load_file(value)
        return value


# -- typing by the model --------------------------------------------------------------------


def coerce(value: Any, shape_name: str, shapes: Mapping[str, Mapping[str, Any]], path: str) -> Any:
    """``value`` (from :func:`parse`) typed as the model's shape ``shape_name``.

    Strings become integers, floats or booleans where the model says so, and a single value
    becomes a one-item list where the model wants a list. Keys the model does not know are
    kept as they are, for the linter (or botocore) to report with their path.

    Raises:
        ShorthandTypeError: a number or boolean member holds text that is not one.
    """
    shape = shapes.get(shape_name, {"type": "string"})
    kind = shape["type"]
    if kind == "structure" and isinstance(value, dict):
        members = shape["members"]
        return {
            key: coerce(item, members[key], shapes, f"{path}.{key}" if path else key)
            if key in members
            else item
            for key, item in value.items()
        }
    if kind == "map" and isinstance(value, dict):
        return {
            key: coerce(item, shape["value"], shapes, f"{path}.{key}" if path else key)
            for key, item in value.items()
        }
    if kind == "list":
        items = value if isinstance(value, list) else [value]
        return [
            coerce(item, shape["member"], shapes, f"{path}[{i}]") for i, item in enumerate(items)
        ]
    if isinstance(value, str):
        return _scalar(value, kind, path)
    return value


def _scalar(value: str, kind: str, path: str) -> Any:
    try:
        if kind in ("integer", "long"):
            return int(value)
        if kind in ("float", "double"):
            return float(value)
    except ValueError:
        wanted = "an integer" if kind in ("integer", "long") else "a number"
        raise ShorthandTypeError(
            f"{path}: expected {wanted}, received: {value!r}"
            if path
            else f"expected {wanted}, received: {value!r}"
        ) from None
    if kind == "boolean" and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def example(shape_name: str, shapes: Mapping[str, Mapping[str, Any]], depth: int = 0) -> str:
    """The shorthand form of a structure, list or map shape, as the AWS CLI's help shows it
    (``KmsKeyId=string,S3OutputPath=string``); structures nested deeper than four levels are
    written ``{...}``."""
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "structure":
        if depth > 3:
            return "{...}"
        inner = ",".join(
            f"{member}={example(target, shapes, depth + 1)}"
            for member, target in shape["members"].items()
        )
        return inner if depth == 0 else "{" + inner + "}"
    if kind == "list":
        if depth == 0:  # an option's items are separate words: ``Key=k,Value=v Key=...``
            return example(shape["member"], shapes, 0) + " ..."
        item = example(shape["member"], shapes, depth + 1)
        return f"[{item},{item}]"
    if kind == "map":
        value = example(shape["value"], shapes, depth + 1)
        inner = f"KeyName1={value},KeyName2={value}"
        return inner if depth == 0 else "{" + inner + "}"
    return str(kind)
