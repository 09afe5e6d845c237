"""``automl-sdk lint`` and ``automl-sdk skeleton``.

``lint FILE...`` checks CreateAutoMLJob / CreateAutoMLJobV2 request files and prints every
finding as text, JSON or SARIF on stdout. Exit 0 when no finding is an error (warnings allowed),
1 when any is, 2 for usage errors and files the request reader refuses (named with line and
column; the other files are still linted and printed). Informational (``I``) rules run only when
selected (``--include-info``, or an ``I`` prefix in ``--select`` or the config's ``select``).

``skeleton --problem-type T`` prints a starting CreateAutoMLJobV2 request that lints clean; the
notes explaining what to change go to stderr, so ``> request.json`` captures pure JSON.

This path never imports boto3 or botocore: it must start fast in pre-commit hooks.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from automl_sdk._cli import common

OPERATIONS = {"create-auto-ml-job": "CreateAutoMLJob", "create-auto-ml-job-v2": "CreateAutoMLJobV2"}
#: The rule id prefix of the informational rules.
INFO = "I"
PROBLEM_TYPES = ("tabular", "time-series", "image", "text", "text-generation")


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add the ``lint`` and ``skeleton`` subcommands (no AWS call: no AWS options)."""
    lint = common.add_command(
        subparsers,
        "lint",
        summary="check AutoML job request files against every documented constraint",
        description=(
            "Check CreateAutoMLJob / CreateAutoMLJobV2 request JSON files before sending them. "
            "Exit 0 when no finding is an error, 1 when one is, 2 when a file cannot be read "
            "or is not a JSON object. Informational (I) rules run only when selected. Rule "
            "selection also comes from [tool.automl-sdk.lint] in the nearest pyproject.toml."
        ),
        handler=run_lint,
    )
    common.add_request_files(lint, what="request JSON file", many=True)
    _add_lint_options(lint)
    skeleton = common.add_command(
        subparsers,
        "skeleton",
        summary="print a starting CreateAutoMLJobV2 request that lints clean",
        description=(
            "Print a valid CreateAutoMLJobV2 request for a problem type on stdout, with notes on "
            "what to change on stderr (JSON has no comments), e.g. "
            "'automl-sdk skeleton --problem-type tabular > request.json'."
        ),
        handler=run_skeleton,
    )
    skeleton.add_argument(
        "--problem-type",
        required=True,
        choices=PROBLEM_TYPES,
        help="the kind of job the request is for",
    )
    skeleton.add_argument(
        "--quiet", "-q", action="store_true", help="do not print the notes on stderr"
    )


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    """``--format``, ``--operation`` and the rule selection options (``check`` has them too)."""
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--operation",
        choices=tuple(OPERATIONS),
        help="the API the files are for (default: detected from each file's keys)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="PREFIXES",
        help="comma-separated rule id prefixes to run, e.g. E,W8001 (replaces the config's select)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="PREFIXES",
        help="comma-separated rule id prefixes to skip, e.g. W8,I (added to the config's ignore)",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="read [tool.automl-sdk.lint] from this file (default: nearest pyproject.toml)",
    )
    parser.add_argument("--no-config", action="store_true", help="ignore pyproject.toml settings")
    parser.add_argument(
        "--include-info",
        action="store_true",
        help="also run the informational (I) rules, which are off unless selected",
    )


def run_skeleton(args: argparse.Namespace) -> int:
    """Print the skeleton request (stdout) and its notes (stderr)."""
    from automl_sdk.lint._skeletons import skeleton

    request, notes = skeleton(args.problem_type)
    if not args.quiet:
        for note in notes:
            print(f"# {note}", file=sys.stderr)
    print(json.dumps(request, indent=2))
    return common.EXIT_OK


def run_lint(args: argparse.Namespace) -> int:
    """Lint every file, print the report, return the exit code."""
    from automl_sdk.lint import lint_request

    operation = OPERATIONS[args.operation] if args.operation else None
    return report_files(
        args,
        lambda request, select, ignore, repeated: lint_request(
            request, operation=operation, select=select, ignore=ignore
        ),
    )


#: Finds a request's findings under a rule selection, knowing the findings of its repeated
#: members (which the parsed dict cannot show): ``(request, select, ignore, repeated)``.
FindFindings = Callable[
    [dict[str, Any], "tuple[str, ...] | None", "tuple[str, ...]", list[Any]], list[Any]
]


def report_files(args: argparse.Namespace, find: FindFindings) -> int:
    """Read each of ``args.files``, report what ``find`` says of it as lint does, return the exit.

    The one loop of the commands that judge request files (``lint``, ``check``): the request
    reader, the selection (options and pyproject.toml), the repeated-member findings, the
    formatter on stdout and the exit codes 0/1/2.
    """
    from automl_sdk.lint.formatters import FileReport, formatter

    select, ignore = _selection(args)
    reports, unreadable = [], False
    for name in args.files:
        try:
            document = common.read_request(name)
        except common.CLIUsageError as exc:
            print(f"automl-sdk: error: {exc}", file=sys.stderr)
            unreadable = True
            continue
        repeated = common.duplicate_findings(document, select, ignore)
        findings = find(document.request, select, ignore, repeated) + repeated
        reports.append(
            FileReport(file=name, findings=tuple(sorted(findings)), locations=document.locations)
        )
    if reports or args.format != "text":  # no "No problems found in 0 files" beside the errors
        sys.stdout.write(formatter(args.format)(reports))
    if unreadable:
        return common.EXIT_USAGE
    has_error = any(f.severity == "error" for report in reports for f in report.findings)
    return common.EXIT_FINDINGS if has_error else common.EXIT_OK


def _selection(args: argparse.Namespace) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """Merge the CLI's --select/--ignore with the pyproject.toml settings."""
    from automl_sdk.lint._config import (
        LintConfig,
        LintConfigError,
        find_pyproject,
        load_config,
        validate_prefixes,
    )

    try:
        if args.no_config:
            config = LintConfig()
        elif args.config:
            path = Path(common.source_path(args.config) or args.config)  # file://PATH is PATH
            if not path.is_file():
                raise common.CLIUsageError(f"--config {args.config}: no such file")
            config = load_config(path)
        else:
            config = load_config(find_pyproject(Path.cwd()))
        select = config.select
        if args.select:
            select = validate_prefixes(_split(args.select), "--select")
        ignore = config.ignore + validate_prefixes(_split(args.ignore or []), "--ignore")
    except LintConfigError as exc:
        raise common.CLIUsageError(str(exc)) from exc
    return _with_info(select, ignore, include=args.include_info)


def _with_info(
    select: tuple[str, ...] | None, ignore: tuple[str, ...], *, include: bool
) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """Informational rules run only when selected, as in cfn-lint: by ``--include-info`` or by
    an ``I`` prefix in the selection (which then runs only what it names)."""
    if include:
        return (None if select is None else (*select, INFO)), ignore
    if select is None:
        return None, (*ignore, INFO)
    return select, ignore


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
