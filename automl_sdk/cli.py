"""The ``automl-sdk`` command line.

Subcommands live in ``automl_sdk/_cli/`` (one module per concern), each exposing
``register(subparsers, aws_options)``: commands that call AWS take ``aws_options`` as a parent
parser, the others leave it out. Registering a module is one line in :data:`COMMAND_MODULES`.
Handlers take the parsed ``argparse.Namespace`` and return the exit code. What the commands share
(exit codes, the usage error, the request reader, the JSON writer) is in
:mod:`automl_sdk._cli.common`; the ``_cli`` modules never import this module.

This module owns the frame: the AWS options (accepted before or after the subcommand, as the AWS
CLI does), ``--version``, and turning user mistakes, AWS errors, Ctrl-C and a closed stdout into
one clear line on stderr (or none) instead of a traceback.

Modules imported at parse time must stay light: handlers import boto3 (and anything heavy) only
when they run, so ``automl-sdk lint`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from automl_sdk._cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CLIUsageError,
    describe_aws_error,
)
from automl_sdk._version import __version__
from automl_sdk.errors import AutoMLSDKError

__all__ = ["COMMAND_MODULES", "EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "CLIUsageError"]
__all__ += ["build_parser", "describe_aws_error", "main"]

#: The modules that add subcommands, in the order of ``automl-sdk --help``.
COMMAND_MODULES = (
    "automl_sdk._cli.lint",
    "automl_sdk._cli.check",
    "automl_sdk._cli.migrate",
    "automl_sdk._cli.jobs",
    "automl_sdk._cli.deploy",
    "automl_sdk._cli.aws",
)

NO_REGION = (
    "no AWS region is configured: pass --region REGION (e.g. --region us-east-1) "
    "or set AWS_DEFAULT_REGION"
)


def _aws_options() -> argparse.ArgumentParser:
    """``--region``/``--profile``/``--endpoint-url``: valid before and after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group(
        "AWS options", "for the commands that call AWS; before or after the command"
    )
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
    """The whole ``automl-sdk`` parser, with every module of :data:`COMMAND_MODULES`."""
    aws_options = _aws_options()
    parser = argparse.ArgumentParser(
        prog="automl-sdk",
        description="Lint, migrate and run Amazon SageMaker Autopilot (AutoML) jobs.",
        parents=[aws_options],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"automl-sdk {__version__}",
        help="print the version and exit",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="run 'automl-sdk COMMAND --help' for its options"
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, aws_options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script exits with it)."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _run(argv: Sequence[str] | None) -> int:
    from automl_sdk._cli.aws import dispatch  # the AWS-CLI-named commands, globals anywhere

    if (aws_code := dispatch(sys.argv[1:] if argv is None else argv)) is not None:
        return aws_code
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
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as exc:
        if not _is_aws_error(exc):
            raise
        if type(exc).__name__ == "NoRegionError":
            print(f"automl-sdk: error: {NO_REGION}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"automl-sdk: {describe_aws_error(exc, getattr(args, 'job_name', None))}",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return code


def _is_aws_error(exc: BaseException) -> bool:
    # Checked by module so that parsing and linting never import botocore.
    return type(exc).__module__.split(".")[0] in ("botocore", "boto3")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capturing it): nothing will flush it later
