"""``automl-sdk`` subcommands from a job's candidate to predictions: deploy, transform, predict,
undeploy.

Same contract as the job commands (:mod:`automl_sdk._cli.jobs`): results are JSON on stdout with
wire names, problems one line on stderr; exit 0 ok, 1 a refusal, a failed endpoint or transform
job, or an AWS error, 2 usage, 3 when ``--timeout`` passed (the resource is left as it is).
boto3 is imported only when a handler runs.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from automl_sdk._cli.common import (
    EXIT_OK,
    EXIT_TIMEOUT,
    STDIN,
    _read_bytes,
    add_command,
    print_json,
    source_label,
)
from automl_sdk._cli.jobs import (
    _client,
    _positive_int,
    _seconds,
    _wait_option_message,
    job_command,
)
from automl_sdk.errors import CLIUsageError, DeployTimeoutError

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add ``deploy``, ``transform``, ``predict`` and ``undeploy``."""
    deploy = _job_command(
        subparsers,
        aws_options,
        "deploy",
        summary="deploy a completed job's candidate to a real-time endpoint",
        description="Make the model, endpoint config and endpoint from the best (or --candidate) "
        'candidate of job NAME, wait until it is InService and print {"EndpointName", '
        '"EndpointArn", "EndpointConfigName", "ModelName"}. Re-running with the same names '
        "returns the existing endpoint.",
        handler=_timeout_exits_3(_deploy),
    )
    deploy.add_argument("--endpoint-name", required=True, metavar="E", help="endpoint to make")
    _count_option(deploy, "--serverless-memory-mb", "M", "serverless endpoint memory")
    _count_option(deploy, "--serverless-max-concurrency", "N", "serverless concurrency")
    deploy.add_argument(
        "--kms-key-id", metavar="KEY", help="instance volume key (default: the job's)"
    )
    _model_and_wait_options(deploy, "endpoint")

    transform = _job_command(
        subparsers,
        aws_options,
        "transform",
        summary="run a completed job's candidate over S3 data as a batch transform",
        description="Make the model and a batch transform job from the best (or --candidate) "
        "candidate of job NAME over the data under --input, wait until it ends and print "
        '{"TransformJobName", "TransformJobArn", "ModelName", "S3OutputPath"}.',
        handler=_timeout_exits_3(_transform),
    )
    transform.add_argument("--input", required=True, metavar="S3", help="s3:// prefix of the data")
    transform.add_argument("--output", required=True, metavar="S3", help="s3:// prefix for results")
    transform.add_argument(
        "--content-type", default="text/csv", metavar="TYPE", help="of the input; default text/csv"
    )
    transform.add_argument(
        "--split-type", metavar="TYPE", help="Line (default), None (default for time series), ..."
    )
    transform.add_argument("--accept", metavar="TYPE", help="response content type")
    transform.add_argument("--transform-job-name", metavar="NAME", help="default NAME-<UTC time>")
    transform.add_argument(
        "--max-payload-mb", type=int, metavar="MB", help="0 for time series (default)"
    )
    _count_option(transform, "--invocations-timeout-seconds", "S", "3600 for time series (default)")
    transform.add_argument("--kms-key-id", metavar="KEY", help="output key (default: the job's)")
    _model_and_wait_options(transform, "transform job")

    predict = _endpoint_command(
        subparsers,
        aws_options,
        "predict",
        summary="send CSV rows to an endpoint and print its response",
        description="Send FILE (or stdin with - or no FILE) to ENDPOINT with InvokeEndpoint and "
        "write the response body to stdout as it is.",
        handler=_predict,
    )
    predict.add_argument("file", metavar="FILE", nargs="?", default=STDIN, help="rows; - for stdin")
    predict.add_argument(
        "--content-type", default="text/csv", metavar="TYPE", help="of FILE; default text/csv"
    )
    predict.add_argument("--accept", metavar="TYPE", help="response content type")

    _endpoint_command(
        subparsers,
        aws_options,
        "undeploy",
        summary="delete an endpoint, and the config and model deploy made for it",
        description="Delete ENDPOINT, and its endpoint config and model when `deploy` made them "
        'for it (nothing else); print {"EndpointName", "EndpointConfigName", "ModelNames"}.',
        handler=_undeploy,
    )


def _job_command(
    subparsers: Any, aws_options: argparse.ArgumentParser, name: str, **declared: Any
) -> argparse.ArgumentParser:
    """The ``name`` command that makes something from job NAME's candidate on instances;
    ``declared`` as :func:`~automl_sdk._cli.common.add_command` takes it."""
    parser = job_command(
        subparsers, aws_options, name, job_help="AutoML job name (Completed)", **declared
    )
    parser.add_argument(
        "--instance-type", default="ml.m5.large", metavar="T", help="default ml.m5.large"
    )
    _count_option(parser, "--instance-count", "N", "default 1", default=1)
    return parser


def _endpoint_command(
    subparsers: Any, aws_options: argparse.ArgumentParser, name: str, **declared: Any
) -> argparse.ArgumentParser:
    """The ``name`` command on the endpoint ENDPOINT; ``declared`` as ``add_command`` takes it."""
    parser = add_command(subparsers, name, parents=[aws_options], **declared)
    parser.add_argument("endpoint_name", metavar="ENDPOINT", help="endpoint name")
    return parser


def _count_option(
    parser: argparse.ArgumentParser, flag: str, metavar: str, text: str, default: int | None = None
) -> None:
    """A whole number >= 1 (anything else is a usage error from argparse)."""
    parser.add_argument(flag, type=_positive_int, default=default, metavar=metavar, help=text)


def _model_and_wait_options(parser: argparse.ArgumentParser, what: str) -> None:
    """The options that choose the model, and the wait for ``what``."""
    parser.add_argument("--candidate", metavar="C", help="candidate name (default: the best)")
    parser.add_argument(
        "--inference-response-keys",
        nargs="+",
        metavar="K",
        help="classification: predicted_label, probability, probabilities, labels",
    )
    parser.add_argument("--model-name", metavar="NAME", help="name of the model to make")
    parser.add_argument("--no-wait", action="store_true", help=f"do not wait for the {what}")
    parser.add_argument(
        "--timeout", type=_seconds, metavar="S", help="give up waiting after S seconds (exit 3)"
    )
    parser.add_argument("--delay", type=_seconds, metavar="S", help="seconds between describes")


# -- handlers ---------------------------------------------------------------------------------


@attrs.frozen
class _JobRef:
    """The job as deploying needs it (name and client): no describe just to read its ARN."""

    name: str
    client: AutoMLClient


def _job(args: argparse.Namespace) -> _JobRef:
    return _JobRef(args.job_name, _client(args))


#: ``deploy``'s own options (argparse destinations) and the ``deploy`` keyword each sets.
_DEPLOY_KEYWORDS = {
    "endpoint_name": "endpoint_name",
    "instance_type": "instance_type",
    "instance_count": "initial_instance_count",
    "serverless_memory_mb": "serverless_memory_mb",
    "serverless_max_concurrency": "serverless_max_concurrency",
    "kms_key_id": "kms_key_id",
}
#: ``transform``'s own options and the ``transform`` keyword each sets.
_TRANSFORM_KEYWORDS = {
    "input": "input_s3_uri",
    "output": "output_s3_uri",
    "instance_type": "instance_type",
    "instance_count": "instance_count",
    "content_type": "content_type",
    "split_type": "split_type",
    "accept": "accept",
    "transform_job_name": "job_name",
    "max_payload_mb": "max_payload_mb",
    "invocations_timeout_seconds": "invocations_timeout_seconds",
    "kms_key_id": "kms_key_id",
}
#: The model options of :func:`_model_and_wait_options` and the keyword each sets.
_SHARED_KEYWORDS = {name: name for name in ("candidate", "inference_response_keys", "model_name")}
#: What ``deploy`` and ``transform`` print: wire name -> attribute of the handle.
_ENDPOINT_FIELDS = {
    "EndpointName": "name",
    "EndpointArn": "arn",
    "EndpointConfigName": "endpoint_config_name",
    "ModelName": "model_name",
}
_TRANSFORM_FIELDS = {
    "TransformJobName": "name",
    "TransformJobArn": "arn",
    "ModelName": "model_name",
    "S3OutputPath": "output_s3_uri",
}


def _keywords(args: argparse.Namespace, options: dict[str, str]) -> dict[str, Any]:
    """The ``options`` of ``args`` as keyword arguments: ``{keyword: value}``."""
    return {keyword: getattr(args, option) for option, keyword in options.items()}


def _wait_keywords(args: argparse.Namespace) -> dict[str, Any]:
    """``wait``, ``timeout`` and ``delay``; a negative ``--timeout``/``--delay`` is a usage
    error (exit 2), by the library's own rule, before anything is sent."""
    from automl_sdk.deploy._arguments import seconds

    try:
        waits = {name: seconds(name, getattr(args, name)) for name in ("timeout", "delay")}
    except ValueError as exc:
        raise CLIUsageError(_wait_option_message(exc)) from None
    return {"wait": not args.no_wait, **waits}


def _timeout_exits_3(handler: Handler) -> Handler:
    """``handler``, with a wait that ran out of time reported on stderr and exit code 3."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except DeployTimeoutError as exc:
            print(f"automl-sdk: {exc}", file=sys.stderr)
            return EXIT_TIMEOUT

    return run


def _make(
    make: Callable[..., Any], args: argparse.Namespace, own: dict[str, str], shown: dict[str, str]
) -> int:
    """Call ``make`` (``deploy`` or ``transform``) with the command's ``own`` options and the
    shared ones; print the ``shown`` attributes of the handle it returns."""
    handle = make(
        _job(args),
        **_keywords(args, own),
        **_keywords(args, _SHARED_KEYWORDS),
        **_wait_keywords(args),
    )
    print_json({wire: getattr(handle, attribute) for wire, attribute in shown.items()})
    return EXIT_OK


def _deploy(args: argparse.Namespace) -> int:
    from automl_sdk.deploy import deploy

    return _make(deploy, args, _DEPLOY_KEYWORDS, _ENDPOINT_FIELDS)


def _transform(args: argparse.Namespace) -> int:
    from automl_sdk.deploy import transform

    return _make(transform, args, _TRANSFORM_KEYWORDS, _TRANSFORM_FIELDS)


def _predict(args: argparse.Namespace) -> int:
    body = _read_body(args.file)
    client = _client(args)
    endpoint = client.endpoint(args.endpoint_name)
    answer, _ = endpoint.invoke(body, content_type=args.content_type, accept=args.accept)
    sys.stdout.flush()
    sys.stdout.buffer.write(answer)
    sys.stdout.buffer.flush()
    return EXIT_OK


def _undeploy(args: argparse.Namespace) -> int:
    print_json(_client(args).endpoint(args.endpoint_name).delete())
    return EXIT_OK


def _read_body(source: str) -> bytes:
    """The bytes to send: the file ``source``, or stdin for ``-``."""
    return _read_bytes(source, source_label(source))
