"""What every ``automl-sdk`` subcommand shares: exit codes, the usage error, how a subcommand
and its request-file argument are declared, the request reader and the JSON writer.

Every command that reads a request file reads it with :func:`read_request`, so a problem with
the file is worded the same by every command: one line, ``FILE:LINE:COL: what is wrong``, and
exit 2 (:data:`EXIT_USAGE`). The reader also reports members written more than once in one JSON
object (a ``dict`` cannot show them), which ``lint``, ``create`` and ``migrate`` turn into the
E1010 / W1011 findings.

The ``_cli`` modules import this module, never :mod:`automl_sdk.cli` (which imports them).
It stays light: no boto3, no lint rules at import time.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk.errors import CLIUsageError

if TYPE_CHECKING:
    from automl_sdk.lint import Finding

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "CLIUsageError",
    "Duplicate",
    "RequestDocument",
    "add_command",
    "add_request_files",
    "describe_aws_error",
    "duplicate_findings",
    "print_json",
    "read_request",
    "source_path",
]

#: Success: no error finding, the job completed, the call succeeded.
EXIT_OK = 0
#: An error finding, a job that ended Failed or Stopped, or an error from AWS.
EXIT_FINDINGS = 1
#: A usage error: a bad option, or a file that cannot be read as a request or written safely.
EXIT_USAGE = 2
#: ``wait --timeout`` passed; the job keeps running.
EXIT_TIMEOUT = 3
#: Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: The reader of stdout went away (``| head``): 128 + SIGPIPE, as a Unix tool killed by it.
EXIT_BROKEN_PIPE = 141

#: The file name that means standard input.
STDIN = "-"
STDIN_LABEL = "<stdin>"
#: The AWS CLI's prefix for a parameter read from a file; accepted wherever a file is read.
FILE_PREFIX = "file://"
#: Nesting deeper than this is refused when Python's parser gives up (its limit is about 1000).
MAX_NESTING = 500
_MAX_ERROR_CHARS = 300

_WHITESPACE = " \t\n\r"
# Only used to find where a problem is after json.loads refused the text (never on success).
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"?'
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
    r"|(?P<constant>-?Infinity|NaN)"
    r"|(?P<number>-?[0-9]+(?P<fraction>(?:\.[0-9]*)?(?:[eE][-+]?[0-9]*)?))"
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_KINDS = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}


@attrs.frozen
class Duplicate:
    """A member written more than once in one JSON object of a request file.

    Attributes:
        path: its wire path, e.g. ``AutoMLJobInputDataConfig[0].ChannelType``.
        count: how many times it is written.
        same_value: every copy holds the same JSON value (harmless, a warning), rather than
            different values of which JSON readers keep only the last (an error).
    """

    path: str
    count: int
    same_value: bool


@attrs.frozen(slots=False)
class RequestDocument:
    """A request file as the reader read it.

    Attributes:
        source: the name as given on the command line (``-``, ``file://req.json``, ``req.json``).
        label: the name used in messages (``<stdin>`` for standard input).
        text: the file's text.
        request: the JSON object (boto3 keyword arguments).
        duplicates: the members written more than once, by path.
    """

    source: str
    label: str
    text: str
    request: dict[str, Any]
    duplicates: tuple[Duplicate, ...] = ()

    @functools.cached_property
    def locations(self) -> Mapping[str, tuple[int, int]]:
        """``{wire_path: (line, column)}`` of each member, computed on first use."""
        from automl_sdk.lint._locate import locate

        return locate(self.text)


def add_command(
    subparsers: Any,
    name: str,
    *,
    summary: str,
    description: str | None = None,
    handler: Callable[[argparse.Namespace], int],
    parents: Sequence[argparse.ArgumentParser] = (),
    **parser_options: Any,
) -> argparse.ArgumentParser:
    """Add the subcommand ``name`` and return its parser.

    ``summary`` is its line in ``automl-sdk -h``; ``description`` heads ``automl-sdk NAME -h``
    (the summary, capitalised, when not given). ``handler`` runs the command and returns its exit
    code. ``parents`` bring shared options (the AWS options); ``parser_options`` go to argparse
    as they are.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        parents=list(parents),
        help=summary,
        description=description or summary[:1].upper() + summary[1:],
        **parser_options,
    )
    parser.set_defaults(handler=handler)
    return parser


def add_request_files(parser: argparse.ArgumentParser, *, what: str, many: bool) -> None:
    """Add the positional ``FILE`` argument (``FILE...`` when ``many``): what
    :func:`read_request` reads, described as ``what``, e.g. ``"V1 request JSON file"``."""
    plural = "(s)" if many else ""
    parser.add_argument(
        "files" if many else "file",
        nargs="+" if many else None,
        metavar="FILE",
        help=f"{what}{plural}; '{STDIN}' reads stdin, {FILE_PREFIX}PATH is PATH",
    )


def source_path(source: str) -> str | None:
    """The file path that ``source`` names (``file://`` removed); ``None`` for stdin."""
    if source == STDIN:
        return None
    return source[len(FILE_PREFIX) :] if source.startswith(FILE_PREFIX) else source


def source_label(source: str) -> str:
    """The name messages use for ``source``."""
    path = source_path(source)
    return STDIN_LABEL if path is None else path


def read_request(source: str) -> RequestDocument:
    """Read the request JSON object in ``source`` (a path, ``file://PATH`` or ``-`` for stdin).

    Raises:
        CLIUsageError: the file cannot be read, is not UTF-8, is not JSON Python can parse
            (syntax, ``NaN``, nesting, an integer too long, a lone surrogate), or is not an
            object; the message is ``FILE:LINE:COL: what is wrong``.
    """
    label = source_label(source)
    if source.startswith(FILE_PREFIX) and not source_path(source):
        raise CLIUsageError(f"{source}: {FILE_PREFIX} needs a file name after it")
    text = _decode(label, _read_bytes(source, label))
    recorder = _PairsRecorder()
    value = _parse(label, text, recorder)
    if not isinstance(value, dict):
        kind = _KINDS.get(type(value), "a number")
        raise _error(
            label,
            text,
            _first_token(text),
            f"not a request: expected a JSON object of request parameters (got {kind})",
        )
    _refuse_lone_surrogates(label, text)
    return RequestDocument(
        source=source,
        label=label,
        text=text,
        request=value,
        duplicates=recorder.duplicates(value),
    )


def _read_bytes(source: str, label: str) -> bytes:
    """The raw bytes of ``source`` (stdin's bytes, not its decoded text, where there are any)."""
    path = source_path(source)
    if path is None:
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read())
        return sys.stdin.read().encode("utf-8", "surrogatepass")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise CLIUsageError(f"{label}: cannot read file: {exc.strerror or exc}") from None


def _decode(label: str, raw: bytes) -> str:
    """UTF-8 text (a byte order mark dropped); the first bad byte located otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CLIUsageError(
            f"{label}:1:1: not UTF-8 text: the file starts with a UTF-16 byte order mark; "
            "save it as UTF-8"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8-sig", "replace")) + 1
        raise CLIUsageError(
            f"{label}:{line}:{column}: not UTF-8 text: byte 0x{raw[exc.start]:02x} "
            f"({exc.reason}); save the file as UTF-8"
        ) from None


def _parse(label: str, text: str, recorder: _PairsRecorder) -> Any:
    """The JSON value of ``text``; every way Python's parser refuses it becomes one located line.

    Only a failed parse pays for locating its cause (a scan of the text).
    """
    try:
        return json.loads(text, object_pairs_hook=recorder, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if not text.strip(_WHITESPACE):
            raise CLIUsageError(
                f"{label}:1:1: not valid JSON: the file is empty "
                "(expected a JSON object of request parameters)"
            ) from None
        raise CLIUsageError(
            f"{label}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        raise _error(
            label,
            text,
            _too_deep(text),
            f"not valid JSON: nested more than {MAX_NESTING} levels deep, "
            "deeper than Python's JSON parser reads",
        ) from None
    except _ConstantError as exc:
        raise _error(
            label,
            text,
            _first_of(text, "constant"),
            f"not valid JSON: {exc.name} is not a JSON number (use a number or a string)",
        ) from None
    except ValueError as exc:
        located = _long_integer(text)
        if located is None:
            raise CLIUsageError(f"{label}:1:1: not valid JSON: {exc}") from None
        index, digits = located
        raise _error(
            label,
            text,
            index,
            f"not a usable number: an integer of {digits} digits "
            f"(Python reads at most {_int_digit_limit()})",
        ) from None


class _ConstantError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _reject_constant(name: str) -> Any:
    raise _ConstantError(name)


class _PairsRecorder:
    """``object_pairs_hook`` that builds each object as ``json`` does and remembers repeats."""

    def __init__(self) -> None:
        # id(object) -> (the object, {key: every value written under it}); the object is kept
        # so that its id stays unique until the paths are known.
        self._repeats: dict[int, tuple[dict[str, Any], dict[str, list[Any]]]] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            values: dict[str, list[Any]] = {}
            for key, value in pairs:
                values.setdefault(key, []).append(value)
            repeated = {key: copies for key, copies in values.items() if len(copies) > 1}
            self._repeats[id(obj)] = (obj, repeated)
        return obj

    def duplicates(self, root: Any) -> tuple[Duplicate, ...]:
        """The repeats found, with their wire paths from ``root`` (walked without recursion)."""
        if not self._repeats:
            return ()
        from automl_sdk.lint._common import join

        found = []
        stack: list[tuple[str, Any]] = [("", root)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, dict):
                entry = self._repeats.get(id(value))
                if entry is not None and entry[0] is value:
                    found += [
                        Duplicate(join(path, key), len(copies), _all_same(copies))
                        for key, copies in entry[1].items()
                    ]
                stack += [(join(path, key), item) for key, item in value.items()]
            elif isinstance(value, list):
                stack += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        return tuple(sorted(found, key=lambda duplicate: duplicate.path))


def _all_same(copies: list[Any]) -> bool:
    # By JSON text, so that 1, 1.0 and true are different values (Python's == says equal).
    first = json.dumps(copies[0], sort_keys=True)
    return all(json.dumps(copy, sort_keys=True) == first for copy in copies[1:])


def _refuse_lone_surrogates(label: str, text: str) -> None:
    """A ``\\ud800`` escape without its pair parses, but can be neither sent nor written."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return
    for match in _tokens(text):
        token = match.group()
        if match.lastgroup is not None or "\\u" not in token:
            continue
        decoded = json.loads(token)
        try:
            decoded.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(decoded[exc.start])
            raise _error(
                label,
                text,
                match.start(),
                f"not valid text: a lone surrogate \\u{code:04x} in this string (a UTF-16 half "
                "with no other half); write the character itself",
            ) from None


def _tokens(text: str) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(text)


def _too_deep(text: str) -> int:
    """Where nesting passes :data:`MAX_NESTING` (else where it is deepest)."""
    depth, deepest, deepest_at = 0, 0, 0
    for match in _tokens(text):
        if match.lastgroup == "open":
            depth += 1
            if depth > MAX_NESTING:
                return match.start()
            if depth > deepest:
                deepest, deepest_at = depth, match.start()
        elif match.lastgroup == "close":
            depth -= 1
    return deepest_at


def _first_of(text: str, group: str) -> int:
    return next((m.start() for m in _tokens(text) if m.lastgroup == group), 0)


def _long_integer(text: str) -> tuple[int, int] | None:
    """Where the first integer longer than Python's digit limit starts, and its digit count."""
    limit = _int_digit_limit()
    for match in _tokens(text):
        if match.lastgroup == "number" and not match.group("fraction"):
            digits = len(match.group().lstrip("-"))
            if limit and digits > limit:
                return match.start(), digits
    return None


def _int_digit_limit() -> int:
    # sys.get_int_max_str_digits exists from 3.11 (and 3.10.7); 0 means no limit.
    limit: int = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return limit


def _first_token(text: str) -> int:
    stripped = text.lstrip(_WHITESPACE)
    return len(text) - len(stripped)


def _error(label: str, text: str, index: int, problem: str) -> CLIUsageError:
    """``LABEL:LINE:COL: problem`` for the character at ``index`` (both 1-based)."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return CLIUsageError(f"{label}:{line}:{column}: {problem}")


def duplicate_findings(
    document: RequestDocument, select: Iterable[str] | None = None, ignore: Iterable[str] = ()
) -> list[Finding]:
    """The E1010 / W1011 findings of the members ``document`` repeats, selected as lint selects."""
    if not document.duplicates:
        return []
    from automl_sdk.lint._registry import matches
    from automl_sdk.lint.rules.E1010_duplicate_member import findings

    ignore = tuple(ignore)
    selected = None if select is None else tuple(select)
    return [
        finding
        for finding in findings((d.path, d.count, d.same_value) for d in document.duplicates)
        if (selected is None or matches(finding.rule, selected))
        and not matches(finding.rule, ignore)
    ]


# -- output -----------------------------------------------------------------------------------


def print_json(data: Mapping[str, Any] | Iterable[Any]) -> None:
    """Write ``data`` to stdout as indented JSON (timestamps as ISO 8601), then a newline."""
    sys.stdout.write(json.dumps(data, indent=2, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    import datetime

    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return value.decode("utf-8", "replace")
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def describe_aws_error(exc: BaseException, job_name: str | None = None) -> str:
    """One line for an AWS error: its code, its message and the job it concerns."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        error = response.get("Error", {})
        code = error.get("Code", type(exc).__name__)
        message = error.get("Message", str(exc))
        text = f"{code}: {message}"
    else:
        text = f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())  # an HTML error page must still print as one line
    if len(text) > _MAX_ERROR_CHARS:
        text = text[: _MAX_ERROR_CHARS - 3] + "..."
    return f"{text} (job {job_name})" if job_name else text
