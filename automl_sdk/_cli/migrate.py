"""``automl-sdk migrate``: CreateAutoMLJob (V1) request files -> CreateAutoMLJobV2 request JSON.

One file: the V2 request on stdout (or ``-o OUT``). Several files: each translation is written
next to its input, named by ``--suffix`` (``req.json`` -> ``req.v2.json``). The report of each
translation goes to stderr. Exit 0 when every file was translated, 1 when a request is invalid
or has no faithful V2 form (its findings are printed), 2 for usage errors and unreadable or
non-JSON files (nothing is written then).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from automl_sdk.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CLIUsageError

STDIN = "-"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``migrate`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "migrate",
        parents=[common],
        help="translate CreateAutoMLJob (V1) request files to CreateAutoMLJobV2",
        description=(
            "Translate CreateAutoMLJob (V1) request JSON files into CreateAutoMLJobV2 requests. "
            "The report (what moved where, lint warnings) goes to stderr. Exit 1 when a request "
            "is invalid or cannot be translated faithfully, 2 when a file cannot be read."
        ),
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="V1 request JSON file(s); '-' reads stdin"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--output", metavar="OUT", help="write the V2 request to OUT instead of stdout"
    )
    where.add_argument(
        "--suffix",
        metavar="SUFFIX",
        help="write each translation next to its input, NAME.json -> NAME<SUFFIX> "
        "(e.g. --suffix .v2.json); required with several files",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="translate even when linting the V1 request finds errors",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``automl-sdk migrate``; returns the exit code."""
    files: list[str] = args.files
    targets = _targets(files, args.output, args.suffix)
    requests, unreadable = {}, []
    for name in files:
        try:
            requests[name] = _read_json(name)
        except CLIUsageError as exc:
            unreadable.append(str(exc))
    if unreadable:
        for message in unreadable:
            print(f"automl-sdk: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    failed = False
    for name in files:
        failed |= not _migrate_one(name, requests[name], targets[name], force=args.force)
    return EXIT_FINDINGS if failed else EXIT_OK


def _targets(files: list[str], output: str | None, suffix: str | None) -> dict[str, str | None]:
    """Where each input's translation goes (``None``: stdout); usage errors for bad combinations."""
    if len(files) > 1 and suffix is None:
        raise CLIUsageError(
            f"{len(files)} files given: pass --suffix .v2.json to write each translation next "
            "to its input (NAME.json -> NAME.v2.json), or migrate one file at a time"
        )
    if suffix is None:
        return {files[0]: output}
    if not suffix:
        raise CLIUsageError("--suffix must not be empty: it would overwrite the input")
    targets: dict[str, str | None] = {}
    for name in files:
        if name == STDIN:
            raise CLIUsageError("--suffix needs file names; '-' (stdin) has none")
        target = _with_suffix(Path(name), suffix)
        if target == Path(name):
            raise CLIUsageError(f"--suffix {suffix} would overwrite the input {name}")
        targets[name] = str(target)
    return targets


def _with_suffix(path: Path, suffix: str) -> Path:
    stem = path.name[: -len(".json")] if path.name.lower().endswith(".json") else path.name
    return path.with_name(stem + suffix)


def _read_json(name: str) -> Any:
    """The parsed JSON of file ``name`` (stdin for ``-``); CLIUsageError naming file, line, column."""
    label = "<stdin>" if name == STDIN else name
    try:
        text = sys.stdin.read() if name == STDIN else Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CLIUsageError(f"{label}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise CLIUsageError(f"cannot read {label}: {exc.strerror or exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CLIUsageError(
            f"{label}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from None


def _migrate_one(name: str, request: Any, target: str | None, *, force: bool) -> bool:
    """Translate one request, write it and report on stderr; False when it was refused."""
    from automl_sdk.errors import MigrationError
    from automl_sdk.migrate import migrate_request

    label = "<stdin>" if name == STDIN else name
    try:
        v2, report = migrate_request(request, force=force)
    except MigrationError as exc:
        print(f"automl-sdk: {label}: cannot migrate: {exc}", file=sys.stderr)
        for f in exc.findings:
            print(f"  {f.severity} {f.rule} {f.path or '<request>'}: {f.message}", file=sys.stderr)
        return False
    text = json.dumps(v2, indent=2, ensure_ascii=False) + "\n"
    if target is None:
        sys.stdout.write(text)
    else:
        try:
            Path(target).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CLIUsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"{label} -> {target or '<stdout>'}", file=sys.stderr)
    print(report, file=sys.stderr)
    return True
