"""``--output json|text|table|yaml`` and ``--query``, in the AWS CLI's formats.

- ``json``: indented by 4, non-ASCII kept, timestamps ISO 8601; an empty result (``{}``, as
  ``stop-auto-ml-job`` returns) prints nothing.
- ``text``: tab-separated rows. A structure's scalar members form one row (keys sorted, led by
  the upper-cased name of the member holding it); its lists and structures follow as their own
  rows. A list of structures gives one row per item over the union of their scalar keys.
- ``table``: boxed sections titled by the operation and each nested member, scalar members as
  columns; a section too wide for the terminal turns its single rows into key/value rows.
  ``--color on`` colours the cells and borders; ``auto`` does so on a terminal.
- ``yaml``: block-style YAML (needs PyYAML, the ``automl-sdk[yaml]`` extra).

``--query`` is a JMESPath expression applied to the response before formatting. The existing
``describe``, ``list`` and ``candidates`` commands take both through :func:`add_output_options`
and :func:`print_result`. This module imports jmespath and PyYAML only when they are used, so
the commands' parsers may import it.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from typing import IO, Any

FORMATS = ("json", "text", "table", "yaml")
COLORS = ("on", "off", "auto")
YAML_HINT = "YAML needs PyYAML: pip install 'automl-sdk[yaml]'"


class OutputError(Exception):
    """A bad ``--query`` or an output format that cannot be used here (a parameter error)."""


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--output`` and ``--query`` to a command that prints a response (``describe``,
    ``list``, ``candidates``); a bad query or ``yaml`` without PyYAML is a usage error at parse
    time. Print the result with :func:`print_result`."""
    parser.add_argument(
        "--output",
        choices=FORMATS,
        action=_OutputFormat,
        default=argparse.SUPPRESS,
        help="the result as json (default), text, table or yaml, as the AWS CLI prints them",
    )
    parser.add_argument(
        "--query",
        metavar="JMESPATH",
        type=_query,
        default=argparse.SUPPRESS,
        help="a JMESPath expression selecting what to print, e.g. 'AutoMLJobStatus'",
    )


def print_result(args: argparse.Namespace, data: Any, *, title: str) -> None:
    """Print ``data`` as the ``--output``/``--query`` of :func:`add_output_options` ask (JSON
    indented by 2 by default, as the commands that use it always printed)."""
    output = getattr(args, "output", "json")
    emit(data, output=output, query=getattr(args, "query", None), title=title, indent=2)


class _OutputFormat(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        try:
            check_output(str(values), None)
        except OutputError as exc:
            parser.error(str(exc))
        setattr(namespace, self.dest, values)


def _query(text: str) -> str:
    try:
        compile_query(text)
    except OutputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def check_output(output: str, query: str | None) -> None:
    """Fail early (before anything is sent) on a bad query or an unusable format.

    Raises:
        OutputError: the format is unknown (from ``AWS_DEFAULT_OUTPUT`` or a profile), the query
            does not parse, or ``yaml`` is asked for without PyYAML.
    """
    if output not in FORMATS:
        raise OutputError(f"Unknown output type: {output} (choose from {', '.join(FORMATS)})")
    if query is not None:
        compile_query(query)
    if output == "yaml":
        _yaml()


def compile_query(query: str) -> Any:
    """The compiled JMESPath expression; :class:`OutputError` naming it when it is not valid."""
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        return jmespath.compile(query)
    except JMESPathError as exc:
        detail = " ".join(str(exc).split())
        raise OutputError(f"Bad value for --query {query}: {detail}") from None


def emit(
    data: Any,
    *,
    output: str = "json",
    query: str | None = None,
    title: str = "",
    color: str = "auto",
    stream: IO[str] | None = None,
    indent: int = 4,
) -> None:
    """Print ``data`` (a response dict) filtered by ``query`` in the ``output`` format.

    ``title`` heads the table (the AWS CLI uses the operation name, e.g. ``DescribeAutoMLJob``);
    ``indent`` is JSON's (the AWS CLI's is 4).
    """
    stream = sys.stdout if stream is None else stream
    result = plain(data)
    if query is not None:
        result = compile_query(query).search(result)
    use_color = _use_color(color, stream)
    stream.write(render(result, output=output, title=title, color=use_color, indent=indent))
    stream.flush()


def render(data: Any, *, output: str, title: str = "", color: bool = False, indent: int = 4) -> str:
    """The text of ``data`` (plain JSON values) in the ``output`` format."""
    if output == "json":
        return "" if data == {} else json.dumps(data, indent=indent, ensure_ascii=False) + "\n"
    if output == "text":
        lines: list[str] = []
        _text(data, lines)
        return "".join(line + "\n" for line in lines)
    if output == "table":
        return Table(color=color).build(title, data)
    if output == "yaml":
        dumped: str = _yaml().safe_dump(
            data, sort_keys=False, default_flow_style=False, allow_unicode=True
        )
        return dumped
    raise OutputError(f"unknown output format {output!r}; choose from {', '.join(FORMATS)}")


def plain(value: Any) -> Any:
    """``value`` with timestamps as ISO 8601 strings and bytes as base64, for every format."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items() if key != "ResponseMetadata"}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return value


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:
        raise OutputError(YAML_HINT) from None
    return yaml


def _use_color(color: str, stream: IO[str]) -> bool:
    if color == "auto":
        return bool(getattr(stream, "isatty", lambda: False)())
    return color == "on"


# -- text --------------------------------------------------------------------------------------


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _cell(value: Any) -> str:
    return str(value)


def _text(
    item: Any, lines: list[str], label: str | None = None, keys: list[str] | None = None
) -> None:
    if isinstance(item, dict):
        _text_structure(item, lines, label, keys)
    elif isinstance(item, list):
        _text_list(item, lines, label)
    else:
        lines.append(_cell(item))


def _text_structure(
    item: dict[str, Any], lines: list[str], label: str | None, keys: list[str] | None
) -> None:
    if keys is None:
        scalars = [_cell(v) for _, v in sorted(item.items()) if _is_scalar(v)]
        nested = [(k, v) for k, v in sorted(item.items()) if not _is_scalar(v)]
    else:
        scalars = [_cell(item.get(key, "")) for key in keys]
        nested = [(k, item[k]) for k in sorted(set(item) - set(keys))]
    if scalars:
        lines.append("\t".join(([label.upper()] if label is not None else []) + scalars))
    for key, value in nested:
        _text(value, lines, key)


def _text_list(items: list[Any], lines: list[str], label: str | None) -> None:
    if not items:
        return
    if any(isinstance(item, dict) for item in items):
        keys = sorted(
            {
                k
                for item in items
                if isinstance(item, dict)
                for k, v in item.items()
                if _is_scalar(v)
            }
        )
        for item in items:
            _text(item, lines, label, keys)
        return
    scalars = [item for item in items if _is_scalar(item)]
    if scalars:
        if label is None:
            lines.append("\t".join(_cell(item) for item in scalars))
        else:
            lines.extend(f"{label.upper()}\t{_cell(item)}" for item in scalars)
    for item in items:
        if not _is_scalar(item):
            _text(item, lines, label)


# -- table -------------------------------------------------------------------------------------


def text_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


class _Section:
    def __init__(self, title: str, indent: int) -> None:
        self.title = title
        self.indent = indent
        self.headers: list[str] = []
        self.rows: list[list[str]] = []

    def widths(self) -> list[int]:
        columns = [self.headers] if self.headers else []
        columns += self.rows
        if not columns:
            return []
        count = max(len(row) for row in columns)
        return [max(text_width(row[i]) for row in columns if i < len(row)) for i in range(count)]

    def total_width(self) -> int:
        cells = sum(width + 4 for width in self.widths()) + 2 if self.widths() else 0
        return max(text_width(self.title) + 2, cells) + 2 * self.indent


class Table:
    """The AWS CLI's boxed table of a response (one section per nested structure or list)."""

    ROW_STYLE = ("\x1b[1m\x1b[34m", "\x1b[0m")
    BORDER_STYLE = ("\x1b[2m\x1b[33m", "\x1b[0m")

    def __init__(self, *, color: bool = False, terminal_width: int | None = None) -> None:
        self.color = color
        self.terminal_width = terminal_width or _terminal_width()
        self.sections: list[_Section] = []

    def build(self, title: str, data: Any) -> str:
        """The rendered table of ``data`` under ``title``; empty when there is nothing to show."""
        if not self._add(title, data, 0):
            return ""
        return self._render()

    # -- building ----------------------------------------------------------------------------

    def _section(self, title: str, indent: int) -> None:
        self.sections.append(_Section(title, indent))

    def _row(self, cells: Iterable[Any]) -> None:
        if not self.sections:
            self._section("", 0)
        self.sections[-1].rows.append([_cell(cell) for cell in cells])

    def _header(self, headers: list[str]) -> None:
        self.sections[-1].headers = list(headers)

    def _add(self, title: str | None, data: Any, indent: int) -> bool:
        if data is None or data == [] or data == {} or data == "":
            return False
        if title is not None:
            self._section(title, indent)
        if isinstance(data, list):
            if isinstance(data[0], dict):
                self._add_structures(data, indent, title)
            else:
                for item in data:
                    if _is_scalar(item):
                        self._row([item])
                    elif isinstance(item, list) and all(_is_scalar(x) for x in item):
                        self._row(item)
                    else:
                        self._add(None, item, indent)
        elif isinstance(data, dict):
            self._add_structure(data, indent)
        else:
            self._row([data])
        return True

    def _add_structure(self, data: dict[str, Any], indent: int) -> None:
        headers = sorted(k for k, v in data.items() if _is_scalar(v))
        nested = sorted(k for k, v in data.items() if not _is_scalar(v))
        if len(headers) == 1:
            self._row([headers[0], data[headers[0]]])
        elif headers:
            self._header(headers)
            self._row([data[k] for k in headers])
        for key in nested:
            self._add(key, data[key], indent + 1)

    def _add_structures(self, items: list[Any], indent: int, title: str | None) -> None:
        structures = [item for item in items if isinstance(item, dict)]
        headers = sorted({k for item in structures for k, v in item.items() if _is_scalar(v)})
        nested = sorted({k for item in structures for k, v in item.items() if not _is_scalar(v)})
        self._header(headers)
        for index, item in enumerate(structures):
            if index and nested:
                self._section(title or "", indent)
                self._header(headers)
            self._row([item.get(header, "") for header in headers])
            for key in nested:
                if key in item:
                    self._add(key, item[key], indent + 1)

    # -- rendering ---------------------------------------------------------------------------

    def _render(self) -> str:
        width = max(section.total_width() for section in self.sections)
        if width > self.terminal_width:
            self._turn_single_rows()
            width = max(section.total_width() for section in self.sections)
        lines = ["-" * width]
        for section in self.sections:
            lines += self._render_section(section, width)
        return "".join(line + "\n" for line in lines)

    def _turn_single_rows(self) -> None:
        for section in self.sections:
            if len(section.rows) == 1 and section.headers:
                section.rows = [
                    [h, v] for h, v in zip(section.headers, section.rows[0], strict=True)
                ]
                section.headers = []

    def _render_section(self, section: _Section, total: int) -> list[str]:
        width = total - 2 * section.indent
        body: list[str] = []
        if section.title:
            body.append(_centered(section.title, width, "|", "|"))
            if not section.headers and not section.rows:
                body.append("+" + "-" * (width - 2) + "+")
        columns = _fit(section.widths(), width)
        if section.headers and columns:
            body.append(_rule(columns))
            body.append(
                "".join(
                    _centered(h, w, "|" if i == 0 else "", "|")
                    for i, (h, w) in enumerate(
                        zip(_padded(section.headers, columns), columns, strict=True)
                    )
                )
            )
        if section.rows and columns:
            body.append(_rule(columns))
            body += [self._render_row(row, columns) for row in section.rows]
            body.append(_rule(columns))
        edge = self._style("|" * section.indent, self.BORDER_STYLE)
        return [f"{edge}{line}{edge}" for line in body]

    def _render_row(self, row: list[str], columns: list[int]) -> str:
        cells = []
        for i, (cell, width) in enumerate(zip(_padded(row, columns), columns, strict=True)):
            left = "|" if i == 0 else ""
            padding = 2 if width - (text_width(cell) + 2 + len(left) + 1) >= 0 else 0
            fill = width - len(left) - padding - text_width(cell) - 1
            cells.append(f"{left}{' ' * padding}{self._style(cell, self.ROW_STYLE)}{' ' * fill}|")
        return "".join(cells)

    def _style(self, text: str, style: tuple[str, str]) -> str:
        return f"{style[0]}{text}{style[1]}" if self.color and text else text


def _padded(cells: list[str], columns: list[int]) -> list[str]:
    """``cells`` with empty cells added up to the section's column count (ragged lists)."""
    return cells + [""] * (len(columns) - len(cells))


def _terminal_width() -> int:
    import shutil

    if not sys.stdout.isatty():
        return 80
    return shutil.get_terminal_size((80, 24)).columns


def _fit(widths: list[int], total: int) -> list[int]:
    """Column widths (each text width + 4) scaled to add up to exactly ``total``."""
    padded = [width + 4 for width in widths]
    if not padded:
        return []
    scaled = [round(total / sum(padded) * width) for width in padded]
    excess = sum(scaled) - total
    order = list(range(len(scaled)))
    while excess:
        for i in order if excess > 0 else reversed(order):
            step = 1 if excess > 0 else -1
            scaled[i] -= step
            excess -= step
            if not excess:
                break
    return scaled


def _centered(text: str, width: int, left: str, right: str) -> str:
    start = width // 2 - text_width(text) // 2 - 1
    line = left + " " * start + text
    return line + " " * (width - len(right) - text_width(line)) + right


def _rule(columns: list[int]) -> str:
    parts = ["+" + "-" * (columns[0] - 2) + "+"]
    parts += ["-" * (width - 1) + "+" for width in columns[1:]]
    return "".join(parts)
