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
    print_json,
    source_label,
)
from automl_sdk._cli.jobs import _client, _positive_int, _seconds
from automl_sdk.errors import DeployTimeoutError

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient

Handler = Callable[[argparse.Namespace], int]


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add ``deploy``, ``transform``, ``predict`` and ``undeploy``."""
    deploy = subparsers.add_parser(
        "deploy",
        parents=[aws_options],
        help="deploy a completed job's candidate to a real-time endpoint",
        description="Make the model, endpoint config and endpoint from the best (or --candidate) "
        'candidate of job NAME, wait until it is InService and print {"EndpointName", '
        '"EndpointArn", "EndpointConfigName", "ModelName"}. Re-running with the same names '
        "returns the existing endpoint.",
    )
    deploy.add_argument("job_name", metavar="NAME", help="AutoML job name (Completed)")
    deploy.add_argument("--endpoint-name", required=True, metavar="E", help="endpoint to make")
    deploy.add_argument(
        "--instance-type", default="ml.m5.large", metavar="T", help="default ml.m5.large"
    )
    deploy.add_argument(
        "--instance-count", type=_positive_int, default=1, metavar="N", help="default 1"
    )
    deploy.add_argument(
        "--serverless-memory-mb", type=_positive_int, metavar="M", help="serverless endpoint memory"
    )
    deploy.add_argument(
        "--serverless-max-concurrency",
        type=_positive_int,
        metavar="N",
        help="serverless concurrency",
    )
    deploy.add_argument(
        "--kms-key-id", metavar="KEY", help="instance volume key (default: the job's)"
    )
    _model_options(deploy)
    _wait_options(deploy, "endpoint")
    deploy.set_defaults(handler=_timeout_exits_3(_deploy))

    transform = subparsers.add_parser(
        "transform",
        parents=[aws_options],
        help="run a completed job's candidate over S3 data as a batch transform",
        description="Make the model and a batch transform job from the best (or --candidate) "
        "candidate of job NAME over the data under --input, wait until it ends and print "
        '{"TransformJobName", "TransformJobArn", "ModelName", "S3OutputPath"}.',
    )
    transform.add_argument("job_name", metavar="NAME", help="AutoML job name (Completed)")
    transform.add_argument("--input", required=True, metavar="S3", help="s3:// prefix of the data")
    transform.add_argument("--output", required=True, metavar="S3", help="s3:// prefix for results")
    transform.add_argument(
        "--instance-type", default="ml.m5.large", metavar="T", help="default ml.m5.large"
    )
    transform.add_argument(
        "--instance-count", type=_positive_int, default=1, metavar="N", help="default 1"
    )
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
    transform.add_argument(
        "--invocations-timeout-seconds",
        type=_positive_int,
        metavar="S",
        help="3600 for time series (default)",
    )
    transform.add_argument("--kms-key-id", metavar="KEY", help="output key (default: the job's)")
    _model_options(transform)
    _wait_options(transform, "transform job")
    transform.set_defaults(handler=_timeout_exits_3(_transform))

    predict = subparsers.add_parser(
        "predict",
        parents=[aws_options],
        help="send CSV rows to an endpoint and print its response",
        description="Send FILE (or stdin with - or no FILE) to ENDPOINT with InvokeEndpoint and "
        "write the response body to stdout as it is.",
    )
    predict.add_argument("endpoint_name", metavar="ENDPOINT", help="endpoint name")
    predict.add_argument("file", metavar="FILE", nargs="?", default=STDIN, help="rows; - for stdin")
    predict.add_argument(
        "--content-type", default="text/csv", metavar="TYPE", help="of FILE; default text/csv"
    )
    predict.add_argument("--accept", metavar="TYPE", help="response content type")
    predict.set_defaults(handler=_predict)

    undeploy = subparsers.add_parser(
        "undeploy",
        parents=[aws_options],
        help="delete an endpoint, and the config and model deploy made for it",
        description="Delete ENDPOINT, and its endpoint config and model when `deploy` made them "
        'for it (nothing else); print {"EndpointName", "EndpointConfigName", "ModelNames"}.',
    )
    undeploy.add_argument("endpoint_name", metavar="ENDPOINT", help="endpoint name")
    undeploy.set_defaults(handler=_undeploy)


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--candidate", metavar="C", help="candidate name (default: the best)")
    parser.add_argument(
        "--inference-response-keys",
        nargs="+",
        metavar="K",
        help="classification: predicted_label, probability, probabilities, labels",
    )
    parser.add_argument("--model-name", metavar="NAME", help="name of the model to make")


def _wait_options(parser: argparse.ArgumentParser, what: str) -> None:
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


def _shared(args: argparse.Namespace) -> dict[str, Any]:
    """The options of :func:`_model_options` and :func:`_wait_options` as keyword arguments."""
    return {
        "candidate": args.candidate,
        "inference_response_keys": args.inference_response_keys,
        "model_name": args.model_name,
        "wait": not args.no_wait,
        "timeout": args.timeout,
        "delay": args.delay,
    }


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


def _deploy(args: argparse.Namespace) -> int:
    from automl_sdk.deploy import deploy

    endpoint = deploy(
        _job(args),
        endpoint_name=args.endpoint_name,
        instance_type=args.instance_type,
        initial_instance_count=args.instance_count,
        serverless_memory_mb=args.serverless_memory_mb,
        serverless_max_concurrency=args.serverless_max_concurrency,
        kms_key_id=args.kms_key_id,
        **_shared(args),
    )
    print_json(
        {
            "EndpointName": endpoint.name,
            "EndpointArn": endpoint.arn,
            "EndpointConfigName": endpoint.endpoint_config_name,
            "ModelName": endpoint.model_name,
        }
    )
    return EXIT_OK


def _transform(args: argparse.Namespace) -> int:
    from automl_sdk.deploy import transform

    batch = transform(
        _job(args),
        input_s3_uri=args.input,
        output_s3_uri=args.output,
        instance_type=args.instance_type,
        instance_count=args.instance_count,
        content_type=args.content_type,
        split_type=args.split_type,
        accept=args.accept,
        job_name=args.transform_job_name,
        max_payload_mb=args.max_payload_mb,
        invocations_timeout_seconds=args.invocations_timeout_seconds,
        kms_key_id=args.kms_key_id,
        **_shared(args),
    )
    print_json(
        {
            "TransformJobName": batch.name,
            "TransformJobArn": batch.arn,
            "ModelName": batch.model_name,
            "S3OutputPath": batch.output_s3_uri,
        }
    )
    return EXIT_OK


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
