"""``automl-sdk check``: lint request files, then check the data and resources they name.

Same output contract as ``automl-sdk lint`` (text, JSON or SARIF on stdout, the same JSON keys)
and the same exit codes: 0 when no finding is an error, 1 when one is, 2 for usage errors and
unreadable or non-JSON files. The file reading, rule selection (``--select``/``--ignore`` and
``[tool.automl-sdk.lint]``) and rendering are lint's own; this module adds the AWS side.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from automl_sdk._cli import common


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add the ``check`` subcommand: lint's arguments and options, the AWS options, ``--scan``.

    ``lint`` must be registered first: its parser is this one's parent, so the two commands
    take the same files and selection options by construction.
    """
    lint_parser = subparsers.choices["lint"]
    parents = [lint_parser]
    # argparse has no public "has option": its table of option strings is the one place to ask.
    if "--region" not in lint_parser._option_string_actions:
        parents.append(aws_options)
    parser = common.add_command(
        subparsers,
        "check",
        parents=parents,
        conflict_handler="resolve",  # lint's parser brings its own -h
        summary="lint request files and check the S3 data, role, keys and network they name",
        description=(
            "Lint CreateAutoMLJob / CreateAutoMLJobV2 request JSON files, then check what they "
            "point at: the S3 input (objects, format, compression, columns, rows), the feature "
            "specification, the role, the KMS keys, the subnets and security groups, the output "
            "bucket and the endpoint name. Read-only: one listing page and the first 64 KiB of a "
            "few objects per channel unless --scan. Exit 0 when no finding is an error, 1 when "
            "one is, 2 when a file cannot be read or is not JSON. --endpoint-url serves every "
            "AWS service the check calls."
        ),
        handler=run_check,
    )
    parser.add_argument(
        "--scan",
        action="store_true",
        help="list every page and read every object in full to count rows and time steps",
    )


def run_check(args: argparse.Namespace) -> int:
    """Check every file, print the report as lint does, return the exit code."""
    from automl_sdk._cli.lint import OPERATIONS, report_files
    from automl_sdk.check import check_request
    from automl_sdk.lint import lint_request

    operation = OPERATIONS[args.operation] if args.operation else None
    progress = _progress_line() if args.scan and sys.stderr.isatty() else None
    session = _session(args)

    def find(request: Any, select: Any, ignore: Any, repeated: list[Any]) -> list[Any]:
        if any(finding.severity == "error" for finding in repeated):
            # A member written twice is a lint error the dict cannot show: lint, read nothing.
            return lint_request(request, operation=operation, select=select, ignore=ignore)
        return check_request(
            request,
            operation=operation,
            session=session,
            region_name=args.region,
            endpoint_url=args.endpoint_url,
            scan=args.scan,
            select=select,
            ignore=ignore,
            progress=progress,
        )

    try:
        return report_files(args, find)
    finally:
        if progress is not None:
            print(file=sys.stderr)


def _session(args: argparse.Namespace) -> Any:
    """One boto3 session for every file (``--profile``), made only when a file needs it."""
    import boto3

    return boto3.session.Session(profile_name=args.profile)


def _progress_line() -> Any:
    """A progress callback that rewrites one line on the terminal."""

    def show(line: str) -> None:
        sys.stderr.write(f"\r\033[K{line}")
        sys.stderr.flush()

    return show
