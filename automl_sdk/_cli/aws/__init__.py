"""The AWS CLI's own commands: ``automl-sdk create-auto-ml-job ...`` as ``aws sagemaker`` takes it.

Replacing ``aws sagemaker`` with ``automl-sdk`` in a script keeps the command, its options
(generated from the service model), the value forms (JSON, ``file://``, shorthand), the global
options and the exit codes (0/252/253/254/255/130), and adds linting, V1-to-V2 translation and
clear errors. :func:`dispatch` runs them before the rest of the CLI parses anything, so global
options may come before or after the command name, as with the AWS CLI.

This module stays light: the parser, the tables and boto3 load only when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

#: The AWS CLI command names served here (``aws sagemaker <name>``).
COMMAND_NAMES = (
    "create-auto-ml-job",
    "create-auto-ml-job-v2",
    "describe-auto-ml-job",
    "describe-auto-ml-job-v2",
    "list-auto-ml-jobs",
    "list-candidates-for-auto-ml-job",
    "stop-auto-ml-job",
)

# Global options that take a value, so that a value is never taken for the command name.
_VALUED_GLOBALS = frozenset(
    {
        "--endpoint-url",
        "--output",
        "--query",
        "--profile",
        "--region",
        "--color",
        "--ca-bundle",
        "--cli-read-timeout",
        "--cli-connect-timeout",
    }
)


def find_command(argv: Sequence[str]) -> int | None:
    """The index of the AWS-CLI-named command in ``argv``, or ``None`` when there is none."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in _VALUED_GLOBALS:
            index += 2
        elif token.startswith("-"):
            index += 1
        else:
            return index if token in COMMAND_NAMES else None
    return None


def dispatch(argv: Sequence[str], *, sagemaker_client: Any = None) -> int | None:
    """Run ``argv`` when it names one of :data:`COMMAND_NAMES`; its exit code, else ``None``."""
    index = find_command(argv)
    if index is None:
        return None
    from automl_sdk._cli.aws._run import run

    rest = [*argv[:index], *argv[index + 1 :]]
    return run(argv[index], rest, sagemaker_client=sagemaker_client)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """List the commands in ``automl-sdk --help`` (:func:`dispatch` runs them)."""
    del common  # they take the AWS CLI's global options, not the shared ones
    for name in COMMAND_NAMES:
        subparsers.add_parser(
            name,
            add_help=False,
            help=f"as 'aws sagemaker {name}' (AWS CLI options; 'automl-sdk {name} help')",
            description=f"Run 'aws sagemaker {name}' with the AWS CLI's options, values, global "
            f"options and exit codes; 'automl-sdk {name} help' lists its options.",
        )
