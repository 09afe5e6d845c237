"""``automl-sdk`` subcommands for jobs: create, describe, wait, stop, list, candidates.

Output contract (DESIGN.md): results are JSON on stdout with wire names and ISO 8601
timestamps; progress and problems go to stderr. ``wait`` exits 0 when the job completed, 1 when
it failed or was stopped, 3 when the timeout passed (the job keeps running). boto3 is imported
only when a handler runs.
"""

from __future__ import annotations

import argparse
import math
import sys
import threading
from typing import IO, TYPE_CHECKING, Any

from automl_sdk._cli import common
from automl_sdk._cli.aws._output import add_output_options, print_result

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient
    from automl_sdk.lint import Finding
    from automl_sdk.shapes import DescribeAutoMLJobV2Response
    from automl_sdk.waiters import WaitUpdate


def register(subparsers: Any, aws_options: argparse.ArgumentParser) -> None:
    """Add ``create``, ``describe``, ``wait``, ``stop``, ``list`` and ``candidates``."""
    create = common.add_command(
        subparsers,
        "create",
        parents=[aws_options],
        summary="lint a V1 or V2 request file and create the job (V1 is sent as V2)",
        description="Lint FILE (a CreateAutoMLJob or CreateAutoMLJobV2 request as JSON), then "
        'create the job and print {"AutoMLJobArn": ...}. With lint errors nothing is sent '
        "(exit 1). Re-running with the same file returns the existing job.",
        handler=_create,
    )
    common.add_request_files(create, what="request JSON file", many=False)
    create.add_argument("--wait", action="store_true", help="then wait for the job to end")
    create.add_argument(
        "--check",
        action="store_true",
        help="first check the data and resources it names (as 'automl-sdk check'); "
        "send nothing on an error",
    )
    _wait_options(create)

    describe = job_command(
        subparsers,
        aws_options,
        "describe",
        summary="print DescribeAutoMLJobV2 as JSON",
        handler=_describe,
    )
    describe.add_argument("--v1", action="store_true", help="print the V1 DescribeAutoMLJob shape")
    add_output_options(describe)  # --output json|text|table|yaml, --query

    wait = job_command(
        subparsers,
        aws_options,
        "wait",
        summary="wait for a job to end (exit 0/1/3)",
        handler=_wait,
    )
    _wait_options(wait)

    job_command(
        subparsers, aws_options, "stop", summary="ask the service to stop a job", handler=_stop
    )

    listing = common.add_command(
        subparsers,
        "list",
        parents=[aws_options],
        summary="list AutoML jobs (all pages) as JSON",
        description='Print {"AutoMLJobSummaries": [...]} with every page of ListAutoMLJobs (the '
        "service applies the filters and the sort); --max-items stops after N jobs.",
        handler=_list,
    )
    listing.add_argument(
        "--status-equals",
        metavar="STATUS",
        help="only jobs with this status, e.g. InProgress, Completed, Failed",
    )
    listing.add_argument(
        "--name-contains", metavar="TEXT", help="only jobs whose name contains TEXT"
    )
    listing.add_argument(
        "--sort-by",
        choices=["Name", "CreationTime", "Status"],
        help="sort key (the service's default: Name)",
    )
    listing.add_argument(
        "--sort-order",
        choices=["Ascending", "Descending"],
        help="sort direction (the service's default: Descending)",
    )
    listing.add_argument("--max-items", type=_positive_int, metavar="N", help="stop after N jobs")
    add_output_options(listing)  # --output json|text|table|yaml, --query

    candidates = job_command(
        subparsers,
        aws_options,
        "candidates",
        summary="print the job's candidates, best objective first",
        handler=_candidates,
    )
    candidates.add_argument(
        "--status-equals", metavar="STATUS", help="only candidates with this status, e.g. Completed"
    )
    candidates.add_argument("--top", type=_positive_int, metavar="N", help="only the best N")
    add_output_options(candidates)  # --output json|text|table|yaml, --query


def job_command(
    subparsers: Any,
    aws_options: argparse.ArgumentParser,
    name: str,
    *,
    job_help: str = "AutoML job name",
    **declared: Any,
) -> argparse.ArgumentParser:
    """The ``name`` command on one job, named by the positional ``NAME`` (``job_help``);
    ``declared`` as :func:`~automl_sdk._cli.common.add_command` takes it."""
    parser = common.add_command(subparsers, name, parents=[aws_options], **declared)
    parser.add_argument("job_name", metavar="NAME", help=job_help)
    return parser


def _wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="S",
        help="give up after S seconds (exit 3; the job keeps running)",
    )
    parser.add_argument(
        "--delay", type=_seconds, metavar="S", help="seconds between describes (default 60)"
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number of seconds: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1 (got {text})")
    return value


# -- handlers ---------------------------------------------------------------------------------


def _create(args: argparse.Namespace) -> int:
    from automl_sdk.errors import RequestLintError
    from automl_sdk.lint import detect_operation, lint_request

    document = common.read_request(args.file)
    request = document.request
    name = request.get("AutoMLJobName")
    args.job_name = name if isinstance(name, str) else None
    if args.wait:
        _check_wait_parameters(args.timeout, args.delay)
    repeated = common.duplicate_findings(document)
    if any(finding.severity == "error" for finding in repeated):
        # A dict cannot show the repeats, so the client's own lint would pass them: refuse here.
        return _refuse(document, lint_request(request) + repeated, detect_operation(request))
    client = _client(args)
    try:
        job = client.create_job(request, check=args.check)
    except RequestLintError as exc:
        return _refuse(document, [*exc.findings, *repeated], exc.operation)
    common.print_json({"AutoMLJobArn": job.arn})
    if not args.wait:
        return common.EXIT_OK
    # stdout stays the ARN JSON; the outcome line joins the progress on stderr.
    return _follow(client, job.name, timeout=args.timeout, delay=args.delay, out=sys.stderr)


def _refuse(document: common.RequestDocument, findings: list[Finding], operation: str) -> int:
    """List the errors and warnings of a request that was not sent; exit 1."""
    from automl_sdk.lint.formatters.text import finding_line

    for finding in sorted(findings):
        if finding.severity != "info":
            print(finding_line(document.label, finding, document.locations), file=sys.stderr)
    print(f"{document.label}: nothing was sent ({operation})", file=sys.stderr)
    return common.EXIT_FINDINGS


def _check_wait_parameters(timeout: float | None, delay: float | None) -> None:
    """Refuse wait parameters the client would refuse, before ``create --wait`` sends anything."""
    from automl_sdk import waiters

    try:
        waiters.check_wait_parameters(
            delay=waiters.DEFAULT_DELAY if delay is None else delay, timeout=timeout
        )
    except ValueError as exc:
        raise common.CLIUsageError(_wait_option_message(exc)) from None


def _wait_option_message(exc: ValueError) -> str:
    return f"bad --timeout/--delay: {exc}"


def _describe(args: argparse.Namespace) -> int:
    client = _client(args)
    if args.v1:
        response = client.describe_auto_ml_job(AutoMLJobName=args.job_name)
        print_result(args, response, title="DescribeAutoMLJob")
    else:
        response = client.sagemaker_client.describe_auto_ml_job_v2(AutoMLJobName=args.job_name)
        response.pop("ResponseMetadata", None)
        print_result(args, response, title="DescribeAutoMLJobV2")
    return common.EXIT_OK


def _wait(args: argparse.Namespace) -> int:
    return _follow(_client(args), args.job_name, timeout=args.timeout, delay=args.delay)


def _stop(args: argparse.Namespace) -> int:
    _client(args).stop_job(args.job_name)
    print(f"stop requested for AutoML job {args.job_name}", file=sys.stderr)
    return common.EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from automl_sdk._serde import to_wire

    filters = {
        "StatusEquals": args.status_equals,
        "NameContains": args.name_contains,
        "SortBy": args.sort_by,
        "SortOrder": args.sort_order,
    }
    filters = {key: value for key, value in filters.items() if value is not None}
    if args.max_items:
        filters["PaginationConfig"] = {"MaxItems": args.max_items}
    summaries = [to_wire(summary) for summary in _client(args).iter_jobs(**filters)]
    print_result(args, {"AutoMLJobSummaries": summaries}, title="ListAutoMLJobs")
    return common.EXIT_OK


def _candidates(args: argparse.Namespace) -> int:
    from automl_sdk._serde import to_wire

    filters = {"StatusEquals": args.status_equals} if args.status_equals else {}
    board = _client(args).candidates(args.job_name, **filters)
    shown = board.candidates[: args.top] if args.top else board.candidates
    board_data = {
        "AutoMLJobName": board.job_name,
        "ObjectiveMetric": {"MetricName": board.metric_name, "Type": board.direction},
        "Candidates": [to_wire(candidate) for candidate in shown],
    }
    print_result(args, board_data, title="ListCandidatesForAutoMLJob")
    return common.EXIT_OK


# -- shared -----------------------------------------------------------------------------------


def _client(args: argparse.Namespace) -> AutoMLClient:
    from automl_sdk.client import AutoMLClient

    return AutoMLClient(
        region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
    )


def _follow(
    client: AutoMLClient,
    name: str,
    *,
    timeout: float | None,
    delay: float | None,
    out: IO[str] | None = None,
) -> int:
    """Wait for ``name`` with a status display on stderr; the exit code says how it ended and
    a completed job's summary line goes to ``out`` (default stdout)."""
    from automl_sdk.errors import WaitTimeoutError

    display = _StatusDisplay(sys.stderr)
    try:
        try:
            final = client.wait(name, timeout=timeout, delay=delay, on_update=display.update)
        finally:
            display.close()
    except WaitTimeoutError as exc:
        print(f"automl-sdk: {exc}", file=sys.stderr)
        return common.EXIT_TIMEOUT
    except ValueError as exc:  # the client's word on a bad --timeout/--delay
        raise common.CLIUsageError(_wait_option_message(exc)) from None
    except KeyboardInterrupt:
        print(
            f"automl-sdk: interrupted; AutoML job {name} is still running "
            f"(automl-sdk stop {name} stops it)",
            file=sys.stderr,
        )
        return common.EXIT_INTERRUPTED
    best = final.best_candidate
    summary = f"{name}: {final.auto_ml_job_status}"
    metric = best.final_auto_ml_job_objective_metric if best else None
    if best is not None:
        summary += f"; best candidate {best.candidate_name}"
    if metric is not None:
        summary += f" ({metric.metric_name} {metric.value:g})"
    print(summary, file=out or sys.stdout)
    return common.EXIT_OK


class _StatusDisplay:
    """One live line (rewritten with ``\\r`` every second) on a terminal; one line per change
    otherwise."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._live = bool(getattr(stream, "isatty", lambda: False)())
        self._description: DescribeAutoMLJobV2Response | None = None
        self._job_name = ""
        self._trouble: str | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._ticker: threading.Thread | None = None

    def update(self, event: WaitUpdate) -> None:
        """Show a status change, a describe that failed and is retried ("describe failed:
        throttled, retrying in 8 s") and the first describe that answers after one; stay quiet
        otherwise. An error that ends the wait is the command's own one line, not shown here."""
        trouble = event.trouble if event.retry_in is not None else None
        if not (event.changed or trouble or self._trouble):
            return
        with self._lock:
            self._job_name = event.job_name
            if event.description is not None:
                self._description = event.description
            self._trouble = trouble
            if self._live:
                self._render()
            else:
                self._stream.write(self._text() + "\n")
                self._stream.flush()
        if self._live and self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def close(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self._ticker is not None:
            self._ticker.join()
        if self._live and (self._description is not None or self._trouble is not None):
            self._stream.write("\n")
            self._stream.flush()

    def _tick(self) -> None:
        while not self._stopped.wait(1.0):
            with self._lock:
                self._render()

    def _render(self) -> None:
        self._stream.write("\r\x1b[2K" + self._text())
        self._stream.flush()

    def _text(self) -> str:
        from automl_sdk._notebook import status_text

        text = self._job_name if self._description is None else status_text(self._description)
        return f"{text}  ({self._trouble})" if self._trouble else text
