"""Map each wire path of a JSON document to its line and column, for editor-friendly output.

Only called on text that ``json.loads`` already accepted. A member's location is its key; a list
item's is the item's first character. The locator is best effort: on anything unexpected it
returns what it found so far.

Its cost is linear in the text's size: one pass records each path's character offset (an int,
not a position tuple), and line and column are worked out only for the paths asked for, by a
binary search over the line starts, which are found once, on the first lookup.
"""

from __future__ import annotations

import array
import bisect
import contextlib
import re
from collections.abc import Iterator, Mapping
from json.decoder import scanstring as _scanstring  # type: ignore[attr-defined]

from automl_sdk.lint._common import join

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")


class Positions(Mapping[str, tuple[int, int]]):
    """``{wire_path: (line, column)}`` (both 1-based) of a JSON text, computed on lookup.

    Holds one offset per path; looking a path up gives its position. Read it as a mapping
    (``dict(positions)`` works out every position, which a report never needs).
    """

    def __init__(self, text: str, offsets: dict[str, int]) -> None:
        self._text = text
        self._offsets = offsets
        self._line_starts: array.array[int] | None = None

    def __getitem__(self, path: str) -> tuple[int, int]:
        offset = self._offsets[path]
        if self._line_starts is None:
            starts = array.array("q", [0])
            starts.extend(match.end() for match in re.finditer("\n", self._text))
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def __contains__(self, path: object) -> bool:
        return path in self._offsets

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def locate(text: str) -> Positions:
    """``{wire_path: (line, column)}`` (both 1-based) for every member and item in ``text``.

    Repeated members are found by the CLI's request reader, not here.
    """
    locator = _Locator(text)
    with contextlib.suppress(IndexError, ValueError, RecursionError):
        locator.value(locator.skip(0), "")
    return Positions(text, locator.offsets)


def position(positions: Mapping[str, tuple[int, int]], path: str) -> tuple[int, int] | None:
    """The location of ``path``, or of its nearest located ancestor (a missing member's parent)."""
    while True:
        if path in positions:
            return positions[path]
        if not path:
            return None
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""


class _Locator:
    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets: dict[str, int] = {}

    def skip(self, index: int) -> int:
        match = _WS.match(self.text, index)
        return match.end() if match else index

    def value(self, index: int, path: str) -> int:
        self.offsets.setdefault(path, index)
        char = self.text[index]
        if char == "{":
            return self.object(index + 1, path)
        if char == "[":
            return self.array(index + 1, path)
        if char == '"':
            return self.string(index)[1]
        match = _SCALAR.match(self.text, index)
        if match is None:
            raise ValueError(index)
        return match.end()

    def string(self, index: int) -> tuple[str, int]:
        """The string whose opening quote is at ``index``, and the index after its closing quote."""
        text, end = _scanstring(self.text, index + 1)
        return str(text), int(end)

    def object(self, index: int, path: str) -> int:
        index = self.skip(index)
        if self.text[index] == "}":
            return index + 1
        while True:
            key, end = self.string(index)
            child = join(path, key)
            self.offsets[child] = index  # a repeated key: the last one wins, as in json
            index = self.skip(self.skip(end) + 1)
            index = self.skip(self.value(index, child))
            if self.text[index] == "}":
                return index + 1
            index = self.skip(index + 1)

    def array(self, index: int, path: str) -> int:
        index = self.skip(index)
        if self.text[index] == "]":
            return index + 1
        item = 0
        while True:
            index = self.skip(self.value(index, f"{path}[{item}]"))
            if self.text[index] == "]":
                return index + 1
            index = self.skip(index + 1)
            item += 1
