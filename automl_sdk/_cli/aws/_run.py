"""Parse and run one AWS-CLI-named command; turn every outcome into the AWS CLI's exit code.

Exit codes (as the AWS CLI documents them): 0 success, 252 invalid syntax or parameter value
(also: lint errors on the create commands, with the findings on stderr), 253 configuration or
credentials problem, 254 the service returned an error, 255 anything else, 130 Ctrl-C.
Nothing ends in a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any, NoReturn

from automl_sdk._cli.aws import _output, _values
from automl_sdk._cli.aws._tables import COMMANDS

EXIT_OK = 0
EXIT_PARAMETER = 252
EXIT_CONFIGURATION = 253
EXIT_SERVICE = 254
EXIT_OTHER = 255
EXIT_INTERRUPTED = 130

PAGING_OPTIONS = ("--starting-token", "--page-size", "--max-items")
_SKELETON_KINDS = ("input", "yaml-input", "output")
_CONFIGURATION_ERRORS = (
    "NoRegionError",
    "NoCredentialsError",
    "PartialCredentialsError",
    "ProfileNotFound",
    "ConfigNotFound",
    "ConfigParseError",
    "InvalidConfigError",
    "CredentialRetrievalError",
    "UnknownCredentialError",
    "InvalidRegionError",
)
_CREATE_COMMANDS = ("create-auto-ml-job", "create-auto-ml-job-v2")


class _Parser(argparse.ArgumentParser):
    """argparse whose mistakes raise (exit 252 in the AWS CLI's words) instead of exiting 2."""

    def error(self, message: str) -> NoReturn:
        raise _values.ParamError(message)


# -- the parser --------------------------------------------------------------------------------


def build_parser(command: str) -> _Parser:
    """The parser of ``command``: its generated options, the input options and the globals."""
    table = COMMANDS[command]
    parser = _Parser(
        prog=f"automl-sdk {command}",
        description=_escape(table["description"]),
        add_help=False,
        allow_abbrev=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    options = parser.add_argument_group("options (from the service model)")
    for parameter in table["parameters"]:
        _add_parameter(options, parameter)
    inputs = parser.add_argument_group("input")
    inputs.add_argument(
        "--cli-input-json",
        metavar="JSON",
        help="the whole request as JSON text or file://PATH; options given beside it win",
    )
    inputs.add_argument(
        "--cli-input-yaml",
        metavar="YAML",
        help="the whole request as YAML text or file://PATH (needs automl-sdk[yaml])",
    )
    inputs.add_argument(
        "--generate-cli-skeleton",
        nargs="?",
        const="input",
        choices=_SKELETON_KINDS,
        help="print a valid request (input, yaml-input) or a sample response (output); "
        "sends nothing",
    )
    if table["paginator"]:
        paging = parser.add_argument_group("pagination")
        paging.add_argument(
            "--starting-token", metavar="TOKEN", help="NextToken of an earlier call"
        )
        paging.add_argument("--page-size", type=_whole, metavar="N", help="items per service call")
        paging.add_argument("--max-items", type=_whole, metavar="N", help="stop after N items")
    _add_global_options(parser.add_argument_group("global options"))
    return parser


def _add_parameter(group: Any, parameter: Mapping[str, Any]) -> None:
    option, dest = parameter["option"], f"param:{parameter['member']}"
    text = _escape(_help(parameter))
    if parameter["type"] == "boolean":
        group.add_argument(
            option, dest=dest, action="store_true", default=argparse.SUPPRESS, help=text
        )
        negative = "--no-" + option[2:]
        group.add_argument(
            negative,
            dest=dest,
            action="store_false",
            default=argparse.SUPPRESS,
            help=argparse.SUPPRESS,
        )
        return
    nargs = "+" if parameter["type"] == "list" else None
    group.add_argument(
        option, dest=dest, nargs=nargs, default=argparse.SUPPRESS, metavar="VALUE", help=text
    )


def _help(parameter: Mapping[str, Any]) -> str:
    from automl_sdk.shapes.constraints import SHAPES

    words = [f"({parameter['type']}{', required' if parameter['required'] else ''})"]
    words.append(parameter["help"].replace("``", ""))  # the model's code marks, not for a terminal
    enum = SHAPES.get(parameter["shape"], {}).get("enum")
    if enum:
        words.append("Possible values: " + ", ".join(enum) + ".")
    if parameter["type"] in ("structure", "list", "map"):
        from automl_sdk._cli.aws._shorthand import example

        words.append(f"Shorthand: {example(parameter['shape'], SHAPES)}")
    if parameter["type"] == "boolean":
        words.append(f"Negate with --no-{parameter['option'][2:]}.")
    return " ".join(words)


def _add_global_options(group: Any) -> None:
    group.add_argument("--debug", action="store_true", help="botocore's debug log on stderr")
    group.add_argument("--endpoint-url", metavar="URL", help="send to this URL instead")
    group.add_argument(
        "--no-verify-ssl", action="store_true", help="do not verify SSL certificates"
    )
    group.add_argument("--no-paginate", action="store_true", help="make one call, not all pages")
    group.add_argument(
        "--output", choices=_output.FORMATS, help="json (default), text, table, yaml"
    )
    group.add_argument("--query", metavar="JMESPATH", help="JMESPath filter of the response")
    group.add_argument("--profile", help="named profile from your AWS config")
    group.add_argument("--region", help="AWS region (overrides config and environment)")
    group.add_argument("--version", action="store_true", help="print the version and exit")
    group.add_argument(
        "--color", choices=_output.COLORS, default="auto", help="colour table output"
    )
    group.add_argument("--no-sign-request", action="store_true", help="do not sign requests")
    group.add_argument("--ca-bundle", metavar="PATH", help="CA bundle to verify SSL with")
    group.add_argument(
        "--cli-read-timeout",
        type=_whole_or_zero,
        metavar="S",
        help="socket read timeout (0: none; default 60)",
    )
    group.add_argument(
        "--cli-connect-timeout",
        type=_whole_or_zero,
        metavar="S",
        help="socket connect timeout (0: none; default 60)",
    )


def _escape(text: str) -> str:
    return text.replace("%", "%%")


def _integer(minimum: int) -> Callable[[str], int]:
    """An argparse type for whole numbers of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, received: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, received: {text!r}")
        return value

    return parse


_whole = _integer(1)
_whole_or_zero = _integer(0)


# -- running -----------------------------------------------------------------------------------


def run(command: str, argv: Sequence[str], *, sagemaker_client: Any = None) -> int:
    """Run ``command`` with its arguments ``argv`` (globals anywhere) and return the exit code.

    ``sagemaker_client`` (a boto3 SageMaker client) replaces the one made from the global options.
    """
    try:
        return _run(command, list(argv), sagemaker_client)
    except KeyboardInterrupt:
        print("automl-sdk: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise  # the CLI's frame ends every command quietly on a closed stdout (exit 141)
    except Exception as exc:
        code, message = classify(exc)
        print(f"automl-sdk: {message}", file=sys.stderr)
        return code


def classify(exc: BaseException) -> tuple[int, str]:
    """The exit code and the message of an exception that ended a command."""
    from automl_sdk.errors import JobConflictError, MigrationError, RequestLintError

    if isinstance(exc, _values.ParamError | _output.OutputError):
        return EXIT_PARAMETER, str(exc)
    if isinstance(exc, RequestLintError):
        errors = sum(finding.severity == "error" for finding in exc.findings)
        noun = "lint error" if errors == 1 else "lint errors"
        return EXIT_PARAMETER, f"{errors} {noun} in the {exc.operation} request: nothing was sent"
    if isinstance(exc, MigrationError):
        return EXIT_PARAMETER, str(exc)
    if isinstance(exc, JobConflictError | _ServiceLikeError):
        return EXIT_SERVICE, str(exc)
    name = type(exc).__name__
    if type(exc).__module__.startswith("botocore"):
        from botocore.exceptions import ClientError

        if name == "ParamValidationError":
            return EXIT_PARAMETER, str(exc)
        if isinstance(exc, ClientError):
            return EXIT_SERVICE, " ".join(str(exc).split())
        if name == "NoRegionError":
            return EXIT_CONFIGURATION, (
                "You must specify a region: pass --region or set AWS_DEFAULT_REGION."
            )
        if any(type_.__name__ in _CONFIGURATION_ERRORS for type_ in type(exc).__mro__):
            return EXIT_CONFIGURATION, str(exc)
    return EXIT_OTHER, " ".join(f"{name}: {exc}".split()) if str(exc) else name


def _run(command: str, argv: list[str], sagemaker_client: Any) -> int:
    parser = build_parser(command)
    if argv in (["help"], ["-h"], ["--help"]):
        sys.stdout.write(parser.format_help())
        return EXIT_OK
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        raise _values.ParamError(f"Unknown options: {', '.join(unknown)}")
    if args.version:
        print(version_text())
        return EXIT_OK
    if args.debug:
        _debug_log(sys.stderr)
    output = args.output or os.environ.get("AWS_DEFAULT_OUTPUT") or "json"
    _output.check_output(output, args.query)
    table = COMMANDS[command]
    request = collect_request(table, args)
    skeleton_kind = args.generate_cli_skeleton
    if skeleton_kind in ("input", "yaml-input"):
        return _print_input_skeleton(command, "yaml" if skeleton_kind == "yaml-input" else "json")
    check_required(table, request, from_input=_input_given(args))
    paging = _paging(table, args, request)
    if skeleton_kind == "output":
        return _print_output_skeleton(command, table, request, output, args)
    if sagemaker_client is None:
        sagemaker_client, output = _client_and_output(args, output)
    response = execute(command, sagemaker_client, request, paging)
    _output.emit(
        response, output=output, query=args.query, title=table["operation"], color=args.color
    )
    return EXIT_OK


def _client_and_output(args: argparse.Namespace, output: str) -> tuple[Any, str]:
    """The client of the global options, and the output format once the profile's ``output``
    setting is known (it applies when neither ``--output`` nor ``AWS_DEFAULT_OUTPUT`` is set)."""
    session = make_session(args)
    if args.output is None and "AWS_DEFAULT_OUTPUT" not in os.environ:
        output = session.get_scoped_config().get("output") or output
        _output.check_output(output, None)
    return make_client(args, session), output


def version_text() -> str:
    """``automl-sdk/X Python/Y System/Release botocore/Z``, like ``aws --version``."""
    from importlib.metadata import PackageNotFoundError, version

    from automl_sdk._version import __version__

    try:
        botocore_version = version("botocore")
    except PackageNotFoundError:  # pragma: no cover - botocore is a dependency
        botocore_version = "unknown"
    return (
        f"automl-sdk/{__version__} Python/{platform.python_version()} "
        f"{platform.system()}/{platform.release()} botocore/{botocore_version}"
    )


def _debug_log(stream: IO[str]) -> None:
    """``--debug``: botocore's (and urllib3's) debug log on ``stream``, as the AWS CLI shows it."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s"))
    for name in ("botocore", "boto3", "urllib3", "automl_sdk"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG)
        logger.addHandler(handler)


def _input_given(args: argparse.Namespace) -> bool:
    """Whether the request came (partly) from ``--cli-input-json`` or ``--cli-input-yaml``."""
    return args.cli_input_json is not None or args.cli_input_yaml is not None


def collect_request(table: Mapping[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """The request: ``--cli-input-json/yaml`` first, then every option given beside it."""
    from automl_sdk.shapes.constraints import SHAPES

    if args.cli_input_json is not None and args.cli_input_yaml is not None:
        raise _values.ParamError("Cannot use --cli-input-json and --cli-input-yaml together")
    request: dict[str, Any] = {}
    if args.cli_input_json is not None:
        request = _values.cli_input(args.cli_input_json, "--cli-input-json", yaml=False)
    elif args.cli_input_yaml is not None:
        request = _values.cli_input(args.cli_input_yaml, "--cli-input-yaml", yaml=True)
    for parameter in table["parameters"]:
        dest = f"param:{parameter['member']}"
        if hasattr(args, dest):
            raw = getattr(args, dest)
            value = raw if isinstance(raw, bool) else _values.option_value(parameter, raw, SHAPES)
            request[parameter["member"]] = value
    return request


def check_required(
    table: Mapping[str, Any], request: Mapping[str, Any], *, from_input: bool
) -> None:
    """Missing required members, in the AWS CLI's words (botocore's when a cli-input was given)."""
    missing = [p for p in table["parameters"] if p["required"] and p["member"] not in request]
    if not missing:
        return
    if from_input:
        lines = [f'Missing required parameter in input: "{p["member"]}"' for p in missing]
        raise _values.ParamError("Parameter validation failed:\n" + "\n".join(lines))
    options = ", ".join(p["option"] for p in missing)
    raise _values.ParamError(f"the following arguments are required: {options}")


def _paging(
    table: Mapping[str, Any], args: argparse.Namespace, request: Mapping[str, Any]
) -> dict[str, Any] | None:
    """botocore's PaginationConfig, or ``None`` for one plain call (``--no-paginate``, or the
    model's own ``--next-token``/``--max-results`` given, as in the AWS CLI)."""
    paginator = table["paginator"]
    if not paginator:
        return None
    given = {
        option: value
        for option, value in zip(
            PAGING_OPTIONS, (args.starting_token, args.page_size, args.max_items), strict=True
        )
        if value is not None
    }
    if args.no_paginate:
        if given:
            raise _values.ParamError(
                "Cannot specify --no-paginate along with pagination arguments: " + ", ".join(given)
            )
        return None
    if paginator["input_token"] in request or paginator["limit_key"] in request:
        return None
    config = {
        "StartingToken": args.starting_token,
        "PageSize": args.page_size,
        "MaxItems": args.max_items,
    }
    return {key: value for key, value in config.items() if value is not None}


def make_session(args: argparse.Namespace) -> Any:
    """The botocore session of ``--profile`` (no network; a missing profile raises here)."""
    import botocore.session

    session = botocore.session.Session(profile=args.profile)
    session.get_scoped_config()  # ProfileNotFound now, not at the first call
    return session


def make_client(args: argparse.Namespace, session: Any) -> Any:
    """The SageMaker client the global options describe, from ``session``."""
    import botocore
    from botocore.config import Config

    settings: dict[str, Any] = {"retries": {"mode": "standard"}, "user_agent_extra": "automl-sdk"}
    if args.cli_read_timeout is not None:
        settings["read_timeout"] = args.cli_read_timeout or None
    if args.cli_connect_timeout is not None:
        settings["connect_timeout"] = args.cli_connect_timeout or None
    if args.no_sign_request:
        settings["signature_version"] = botocore.UNSIGNED
    verify: bool | str | None = args.ca_bundle
    if args.no_verify_ssl:
        verify = False
    return session.create_client(
        "sagemaker",
        region_name=args.region,
        endpoint_url=args.endpoint_url,
        verify=verify,
        config=Config(**settings),
    )


# -- the commands ----------------------------------------------------------------------------


def execute(
    command: str, client: Any, request: dict[str, Any], paging: dict[str, Any] | None
) -> Any:
    """Send ``request`` as ``command`` does and return the response to print."""
    from automl_sdk.client import AutoMLClient

    if command in _CREATE_COMMANDS:
        facade = AutoMLClient(client)
        try:
            if command == "create-auto-ml-job":
                return facade.create_auto_ml_job(**request)
            return {"AutoMLJobArn": facade.create_job(request).arn}
        except Exception as exc:
            _report_findings(exc, sys.stderr)
            raise
    if command == "describe-auto-ml-job":
        return _describe_v1(AutoMLClient(client), request)
    table = COMMANDS[command]
    method = _method_name(table["operation"])
    if paging is not None:
        pages = client.get_paginator(method).paginate(**request, PaginationConfig=paging)
        return pages.build_full_result()
    response = getattr(client, method)(**request)
    return response


def _describe_v1(facade: Any, request: dict[str, Any]) -> Any:
    from automl_sdk.errors import MigrationError

    if set(request) != {"AutoMLJobName"}:
        unknown = sorted(set(request) - {"AutoMLJobName"})
        raise _values.ParamError(
            f'Parameter validation failed:\nUnknown parameter in input: "{unknown[0]}", '
            "must be one of: AutoMLJobName"
        )
    try:
        return facade.describe_auto_ml_job(**request)
    except MigrationError as exc:
        # The V1 call itself answers a V2-only job with an error: so does this.
        raise _ServiceLikeError(
            f"{exc} (job {request['AutoMLJobName']} has no DescribeAutoMLJob form; "
            "use describe-auto-ml-job-v2)"
        ) from None


class _ServiceLikeError(Exception):
    """What the service itself would have refused (exit 254)."""


def _method_name(operation: str) -> str:
    import botocore

    name: str = botocore.xform_name(operation)
    return name


def _report_findings(exc: Exception, stream: IO[str]) -> None:
    """Lint findings of a refused create, one line each, on ``stream``."""
    from automl_sdk.errors import MigrationError, RequestLintError

    if not isinstance(exc, RequestLintError | MigrationError):
        return
    for finding in exc.findings:
        if finding.severity == "info":
            continue
        path = finding.path or "<request>"
        print(f"{finding.severity} {finding.rule} {path}: {finding.message}", file=stream)


def _print_input_skeleton(command: str, kind: str) -> int:
    from automl_sdk._cli.aws._skeletons import input_skeleton

    sys.stdout.write(_output.render(input_skeleton(command), output=kind))
    return EXIT_OK


def _print_output_skeleton(
    command: str,
    table: Mapping[str, Any],
    request: dict[str, Any],
    output: str,
    args: argparse.Namespace,
) -> int:
    """Check the inputs as a send would (lint for the creates), then print a sample response."""
    from automl_sdk._cli.aws._skeletons import output_skeleton
    from automl_sdk.shapes.constraints import SHAPES

    if command in _CREATE_COMMANDS:
        _lint_or_refuse(table["operation"], request)
    sample = output_skeleton(table["output"], SHAPES)
    _output.emit(
        sample, output=output, query=args.query, title=table["operation"], color=args.color
    )
    return EXIT_OK


def _lint_or_refuse(operation: str, request: dict[str, Any]) -> None:
    from automl_sdk.errors import RequestLintError
    from automl_sdk.lint import lint_request

    findings = lint_request(request, operation=operation)
    if any(finding.severity == "error" for finding in findings):
        exc = RequestLintError(findings=findings, operation=operation)
        _report_findings(exc, sys.stderr)
        raise exc
