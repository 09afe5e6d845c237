"""The ``automl-sdk`` command line.

Subcommands live in ``automl_sdk/_cli/`` (one module per concern), each exposing
``register(subparsers, common)``; handlers take the parsed ``argparse.Namespace`` and return the
exit code. This module owns what is shared: the AWS options (accepted before or after the
subcommand, as the AWS CLI does), ``--version``, and turning user mistakes and AWS errors into
one clear line on stderr instead of a traceback.

Modules imported at parse time must stay light: handlers import boto3 (and anything heavy) only
when they run, so ``automl-sdk lint`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from automl_sdk._version import __version__
from automl_sdk.errors import AutoMLSDKError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
_MAX_ERROR_CHARS = 300


class CLIUsageError(Exception):
    """A user mistake on the command line (bad file, bad option value): exit 2, no traceback."""


def _aws_options() -> argparse.ArgumentParser:
    """``--region``/``--profile``/``--endpoint-url``: valid before and after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("AWS options")
    # SUPPRESS keeps a subcommand's unset option from erasing the value given before it.
    group.add_argument(
        "--region", default=argparse.SUPPRESS, help="AWS region (default: from your AWS config)"
    )
    group.add_argument(
        "--profile", default=argparse.SUPPRESS, help="named profile from your AWS config"
    )
    group.add_argument(
        "--endpoint-url",
        default=argparse.SUPPRESS,
        help="SageMaker endpoint URL, e.g. http://127.0.0.1:5000 for a local moto server",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    from automl_sdk._cli import jobs, lint, migrate

    common = _aws_options()
    parser = argparse.ArgumentParser(
        prog="automl-sdk",
        description="Lint, migrate and run Amazon SageMaker Autopilot (AutoML) jobs.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"automl-sdk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (lint, migrate, jobs):
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    for option in ("region", "profile", "endpoint_url"):
        if not hasattr(args, option):
            setattr(args, option, None)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = handler(args)
    except CLIUsageError as exc:
        print(f"automl-sdk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AutoMLSDKError as exc:
        print(f"automl-sdk: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        print("automl-sdk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if not _is_aws_error(exc):
            raise
        print(
            f"automl-sdk: {describe_aws_error(exc, getattr(args, 'job_name', None))}",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return code


def _is_aws_error(exc: BaseException) -> bool:
    # Checked by module so that parsing and linting never import botocore.
    return type(exc).__module__.split(".")[0] in ("botocore", "boto3")


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
