"""Hypothesis: every public function and method raises only the errors its docstring documents.

Each property feeds arbitrary Python values (not only JSON: see :mod:`tests.support.values`)
to one public callable reachable from ``automl_sdk.__all__`` and lets any exception outside
the documented ones fail the test. SageMaker calls go to botocore's ``Stubber`` (nothing is
sent), and ``check_request`` gets an endpoint on 127.0.0.1 where nothing listens: with lint
errors it reads nothing, so no call is even tried.
"""

from __future__ import annotations

import copy
import math
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
import boto3
import pytest
from botocore.exceptions import ClientError, ParamValidationError
from botocore.stub import Stubber
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import automl_sdk
from automl_sdk import (
    AutoMLClient,
    AutoMLSDKError,
    CLIUsageError,
    DeployConflictError,
    DeployError,
    DeployFailedError,
    DeployTimeoutError,
    Finding,
    Job,
    JobConflictError,
    JobFailedError,
    JobStoppedError,
    Leaderboard,
    LintConfigError,
    MalformedResponseError,
    MigrationError,
    RequestCheckError,
    RequestLintError,
    ShapeError,
    WaitTimeoutError,
    WaitUpdate,
    check_request,
    detect_operation,
    from_wire,
    lint_request,
    migrate_describe_response,
    migrate_request,
    shapes,
    to_wire,
)
from tests.support.jobs import ARN_PREFIX, FakeClock, described
from tests.support.requests import tabular_v1_request, tabular_v2_request
from tests.support.responses import candidate
from tests.support.values import leaves, mutated, python_values

#: Few examples per property: the module must stay quick on a loaded machine.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Rule id prefixes of ``check_request``'s own rules (data: group 7, resources: group 9).
CHECK_RULE_PREFIXES = ("E7", "W7", "I7", "E9", "W9", "I9")
UNREACHABLE = "http://127.0.0.1:9"

_BOTO = boto3.session.Session(
    aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
)
_SAGEMAKER = _BOTO.client("sagemaker", endpoint_url=UNREACHABLE)
_CLIENT = AutoMLClient(_SAGEMAKER)

requests = st.one_of(python_values, mutated(tabular_v2_request()), mutated(tabular_v1_request()))
names = st.text(max_size=12) | python_values
prefixes = st.none() | st.lists(st.text(max_size=5), max_size=3) | python_values


def only(documented: tuple[type[BaseException], ...], call: Callable[[], Any]) -> Any:
    """Run ``call``; a documented exception is returned, any other propagates (and fails)."""
    try:
        return call()
    except documented as exc:
        return exc


@pytest.fixture
def stubber() -> Iterator[Stubber]:
    """botocore's Stubber on the shared SageMaker client: every call must be queued."""
    with Stubber(_SAGEMAKER) as stub:
        yield stub


# -- lint, detect_operation, check_request --------------------------------------------------


@FUZZ
@given(request=requests, operation=st.none() | python_values)
def test_lint_request_returns_findings_for_any_value(request: Any, operation: Any) -> None:
    findings = lint_request(request, operation=operation)
    assert all(isinstance(finding, Finding) for finding in findings)


@FUZZ
@given(request=requests)
def test_deprecated_lint_call_returns_findings_for_any_value(request: Any) -> None:
    with pytest.warns(DeprecationWarning, match="lint_request"):
        findings = automl_sdk.lint(request)  # type: ignore[operator]
    assert all(isinstance(finding, Finding) for finding in findings)


@FUZZ
@example(request={}, select=5, ignore=None)
@given(request=requests, select=prefixes, ignore=prefixes)
def test_lint_request_select_and_ignore_take_any_value(
    request: Any, select: Any, ignore: Any
) -> None:
    if all(_is_prefix_list(value) for value in (select, ignore)):
        assert isinstance(lint_request(request, select=select, ignore=ignore), list)
        return
    # Documented: a filter that is not an iterable of strings is a TypeError naming it.
    with pytest.raises(TypeError, match=r"^(select|ignore) must (be an iterable of|hold) rule id"):
        lint_request(request, select=select, ignore=ignore)


def _is_prefix_list(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str) or not isinstance(value, Iterable):
        return False
    return all(isinstance(item, str) for item in value)


@FUZZ
@given(request=python_values)
def test_detect_operation_names_an_operation_for_any_value(request: Any) -> None:
    assert detect_operation(request) in {"CreateAutoMLJob", "CreateAutoMLJobV2"}


@FUZZ
@given(request=python_values)
def test_check_request_reads_nothing_after_lint_errors(request: Any) -> None:
    findings = check_request(request, session=_BOTO, endpoint_url=UNREACHABLE)
    assert any(finding.severity == "error" for finding in findings)
    assert not [f for f in findings if f.rule.startswith(CHECK_RULE_PREFIXES)]


@FUZZ
@given(request=python_values, select=prefixes, ignore=prefixes)
def test_check_request_select_and_ignore_are_prefixes_or_a_type_error(
    request: Any, select: Any, ignore: Any
) -> None:
    only(
        (TypeError,),
        lambda: check_request(
            request, session=_BOTO, endpoint_url=UNREACHABLE, select=select, ignore=ignore
        ),
    )


# -- shapes ---------------------------------------------------------------------------------

SHAPE_CLASSES = [
    shapes.CreateAutoMLJobV2Request,
    shapes.CreateAutoMLJobRequest,
    shapes.DescribeAutoMLJobV2Response,
    shapes.AutoMLCandidate,
    shapes.AutoMLJobSummary,
]
WIRE_EXAMPLES = {
    shapes.CreateAutoMLJobV2Request: tabular_v2_request(),
    shapes.CreateAutoMLJobRequest: tabular_v1_request(),
    shapes.DescribeAutoMLJobV2Response: described("InProgress"),
    shapes.AutoMLCandidate: candidate("c1", 0.5),
}


@FUZZ
@given(
    data=st.one_of(python_values, *[mutated(wire) for wire in WIRE_EXAMPLES.values()]),
    cls=st.sampled_from(SHAPE_CLASSES),
    strict=st.booleans(),
)
def test_from_wire_raises_only_shape_error(data: Any, cls: type[Any], strict: bool) -> None:
    only((ShapeError,), lambda: from_wire(cls, data, strict=strict))


def _with_bad_member(draw: st.DrawFn) -> Any:
    """A valid shape with one member set, past its converter, to an arbitrary value (as
    ``object.__setattr__`` or a shape built by hand can do)."""
    cls = draw(st.sampled_from(sorted(WIRE_EXAMPLES, key=lambda c: c.__name__)))
    shape: Any = copy.copy(from_wire(cls, WIRE_EXAMPLES[cls]))
    field = draw(st.sampled_from([f.name for f in attrs.fields(cls)]))
    object.__setattr__(shape, field, draw(st.none() | python_values))
    return shape


shapes_with_bad_members = st.composite(_with_bad_member)()


@FUZZ
@given(shape=python_values | shapes_with_bad_members)
def test_to_wire_raises_only_shape_error(shape: Any) -> None:
    only((ShapeError,), lambda: to_wire(shape))


@FUZZ
@given(rule=leaves, severity=leaves, path=leaves, message=leaves)
def test_finding_takes_and_shows_any_scalar(
    rule: Any, severity: Any, path: Any, message: Any
) -> None:
    finding = Finding(rule, severity, path, message)
    assert str(finding).startswith(f"{rule} [{severity}] ")
    assert finding.to_dict()["message"] is message


# -- migrate --------------------------------------------------------------------------------


@FUZZ
@given(request=requests, force=st.booleans())
def test_migrate_request_raises_only_migration_error(request: Any, force: bool) -> None:
    only((MigrationError,), lambda: migrate_request(request, force=force))


@FUZZ
@given(response=python_values | mutated(described("Completed")))
def test_migrate_describe_response_raises_only_migration_error(response: Any) -> None:
    only((MigrationError,), lambda: migrate_describe_response(response))


# -- AutoMLClient ---------------------------------------------------------------------------

CREATE_ERRORS = (RequestLintError, MigrationError, JobConflictError, ShapeError, TypeError)


def _queue_create(stubber: Stubber) -> None:
    stubber.add_response("create_auto_ml_job_v2", {"AutoMLJobArn": ARN_PREFIX + "churn"})


@FUZZ
@given(request=requests)
def test_create_job_raises_only_documented_errors(stubber: Stubber, request: Any) -> None:
    _queue_create(stubber)
    only((*CREATE_ERRORS, ParamValidationError), lambda: _CLIENT.create_job(request))


@FUZZ
@given(request=python_values)
def test_create_job_with_check_reads_nothing_after_lint_errors(
    stubber: Stubber, request: Any
) -> None:
    error = only(CREATE_ERRORS, lambda: _CLIENT.create_job(request, check=True))
    assert isinstance(error, CREATE_ERRORS), "a request with lint errors was sent"


@FUZZ
@given(request=python_values, scan=st.booleans(), select=prefixes, ignore=prefixes)
def test_client_check_reads_nothing_after_lint_errors(
    request: Any, scan: bool, select: Any, ignore: Any
) -> None:
    only(
        (TypeError,),
        lambda: _CLIENT.check(request, scan=scan, select=select, ignore=ignore),
    )


@FUZZ
@given(kwargs=st.dictionaries(st.text(max_size=12), python_values, max_size=4))
def test_create_auto_ml_job_raises_only_documented_errors(
    stubber: Stubber, kwargs: dict[str, Any]
) -> None:
    _queue_create(stubber)
    only((*CREATE_ERRORS, ParamValidationError), lambda: _CLIENT.create_auto_ml_job(**kwargs))


@FUZZ
@given(kwargs=mutated(tabular_v1_request()))
def test_create_auto_ml_job_with_v1_members_raises_only_documented_errors(
    stubber: Stubber, kwargs: Any
) -> None:
    _queue_create(stubber)
    if not isinstance(kwargs, dict) or not all(isinstance(key, str) for key in kwargs):
        return  # not a keyword-argument mapping: Python itself refuses the call
    only((*CREATE_ERRORS, ParamValidationError), lambda: _CLIENT.create_auto_ml_job(**kwargs))


def _queue_describe(stubber: Stubber, status: str = "Completed") -> None:
    stubber.add_response(
        "describe_auto_ml_job_v2",
        described(
            status,
            AutoMLProblemTypeConfig={
                "TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "Regression"}
            },
        ),
    )


@FUZZ
@given(name=names)
def test_describe_job_raises_only_documented_errors(stubber: Stubber, name: Any) -> None:
    _queue_describe(stubber)
    only((ParamValidationError, ClientError), lambda: _CLIENT.describe_job(name))


@FUZZ
@given(name=names)
def test_describe_auto_ml_job_raises_only_documented_errors(stubber: Stubber, name: Any) -> None:
    _queue_describe(stubber)
    only(
        (ParamValidationError, ClientError, MigrationError),
        lambda: _CLIENT.describe_auto_ml_job(AutoMLJobName=name),
    )


@FUZZ
@given(name=names)
def test_best_candidate_raises_only_documented_errors(stubber: Stubber, name: Any) -> None:
    _queue_describe(stubber)
    stubber.add_response("list_candidates_for_auto_ml_job", {"Candidates": []})
    only((ParamValidationError, ClientError), lambda: _CLIENT.best_candidate(name))


@FUZZ
@given(name=names)
def test_job_handle_methods_raise_only_documented_errors(name: Any) -> None:
    job = Job(name=name, arn=ARN_PREFIX + "churn", client=_CLIENT)
    documented = (ParamValidationError, ClientError)
    with Stubber(_SAGEMAKER) as stubber:
        _queue_describe(stubber)
        only(documented, job.describe)
    with Stubber(_SAGEMAKER) as stubber:
        stubber.add_response("stop_auto_ml_job", {})
        only(documented, job.stop)
    with Stubber(_SAGEMAKER) as stubber:
        stubber.add_response("list_candidates_for_auto_ml_job", {"Candidates": []})
        only(documented, job.candidates)


@FUZZ
@given(name=names)
def test_stop_job_raises_only_documented_errors(stubber: Stubber, name: Any) -> None:
    stubber.add_response("stop_auto_ml_job", {})
    only((ParamValidationError, ClientError), lambda: _CLIENT.stop_job(name))


numbers = st.none() | st.integers() | st.floats() | python_values


@FUZZ
@given(name=names, timeout=numbers, delay=numbers)
def test_wait_raises_only_documented_errors(
    stubber: Stubber, name: Any, timeout: Any, delay: Any
) -> None:
    _queue_describe(stubber)
    clock = FakeClock()
    only(
        (ValueError, TypeError, ParamValidationError, ClientError),
        lambda: _CLIENT.wait(name, timeout=timeout, delay=delay, clock=clock, sleep=clock.sleep),
    )


@FUZZ
@given(
    names_=st.lists(st.text(min_size=1, max_size=8), max_size=3) | python_values,
    timeout=numbers,
    delay=numbers,
    rate=numbers,
)
def test_wait_many_raises_only_documented_errors(
    stubber: Stubber, names_: Any, timeout: Any, delay: Any, rate: Any
) -> None:
    for _ in range(3):
        _queue_describe(stubber)
    clock = FakeClock()

    def wait_all() -> None:
        waits = _CLIENT.wait_many(
            names_,
            timeout=timeout,
            delay=delay,
            max_calls_per_second=rate,
            clock=clock,
            sleep=clock.sleep,
        )
        for _, outcome in waits:
            assert not isinstance(outcome, AssertionError), outcome

    only((ValueError, TypeError), wait_all)


pagination = st.fixed_dictionaries(
    {},
    optional={
        key: st.integers() | st.text(max_size=4) | python_values
        for key in ["MaxItems", "PageSize", "StartingToken"]
    },
)
filters: st.SearchStrategy[dict[str, Any]] = st.dictionaries(
    st.text(max_size=12)
    | st.sampled_from(["StatusEquals", "NameContains", "SortBy", "MaxResults", "SortOrder"]),
    python_values,
    max_size=3,
) | st.builds(dict, PaginationConfig=pagination | python_values)


@FUZZ
@given(name=names, filters=filters)
def test_candidates_raise_only_documented_errors(
    stubber: Stubber, name: Any, filters: dict[str, Any]
) -> None:
    stubber.add_response("list_candidates_for_auto_ml_job", {"Candidates": []})
    only(
        (ParamValidationError, ClientError, TypeError),
        lambda: _CLIENT.candidates(name, **filters),
    )


@FUZZ
@given(filters=filters)
def test_iter_jobs_raises_only_documented_errors(stubber: Stubber, filters: dict[str, Any]) -> None:
    stubber.add_response("list_auto_ml_jobs", {"AutoMLJobSummaries": []})
    only((ParamValidationError, ClientError), lambda: list(_CLIENT.iter_jobs(**filters)))


# -- Leaderboard, WaitUpdate ----------------------------------------------------------------

metric_values = st.one_of(
    st.floats(),
    st.integers(),
    st.sampled_from([10**400, "NaN", "Infinity", "-Infinity", "1.5", "nan"]),
    python_values,
)


@FUZZ
@given(values=st.lists(st.none() | metric_values, max_size=4), job_name=st.text(max_size=8))
def test_leaderboard_ranks_any_candidates_from_the_wire(values: list[Any], job_name: str) -> None:
    wires = [candidate(f"c{index}", value) for index, value in enumerate(values)]
    parsed = only((ShapeError,), lambda: [from_wire(shapes.AutoMLCandidate, w) for w in wires])
    if isinstance(parsed, ShapeError):
        return
    board = Leaderboard.rank(job_name, parsed)
    assert sorted(c.candidate_name for c in board) == sorted(w["CandidateName"] for w in wires)
    assert [row["candidate"] for row in board.rows()] == [c.candidate_name for c in board]
    assert repr(board).startswith(f"Leaderboard(job_name={job_name!r}")


seconds = st.integers() | st.floats() | st.sampled_from([10**400, -(10**400)])


@FUZZ
@given(
    job_name=st.text(max_size=8),
    elapsed=seconds,
    describes=st.integers(),
    reason=st.none() | st.text(max_size=8),
    retry_in=st.none() | seconds,
)
def test_wait_update_shows_any_numbers(
    job_name: str, elapsed: float, describes: int, reason: str | None, retry_in: float | None
) -> None:
    update = WaitUpdate(
        job_name=job_name,
        elapsed=elapsed,
        describes=describes,
        description=None,
        reason=reason,
        retry_in=retry_in,
    )
    assert str(update).startswith(job_name)
    assert (update.trouble is None) == (reason is None)


# -- errors ---------------------------------------------------------------------------------

texts = st.text(max_size=10)
findings = st.lists(
    st.builds(Finding, texts, st.sampled_from(["error", "warning", "info"]), texts, texts),
    max_size=3,
)
resources = st.lists(st.tuples(texts, texts), max_size=2)
ERRORS = st.one_of(
    st.builds(AutoMLSDKError, texts),
    st.builds(CLIUsageError, texts),
    st.builds(RequestLintError, findings=findings, operation=texts),
    st.builds(RequestCheckError, findings=findings, operation=texts),
    st.builds(ShapeError, shape=texts, problems=st.lists(st.tuples(texts, texts), max_size=3)),
    st.builds(MigrationError, path=texts, reason=texts, findings=findings),
    st.builds(
        MalformedResponseError,
        operation=texts,
        status_code=st.integers(),
        content_type=texts,
        excerpt=texts,
    ),
    st.builds(
        JobFailedError,
        job_name=texts,
        failure_reason=st.none() | texts,
        partial_failure_reasons=st.lists(texts, max_size=2),
    ),
    st.builds(JobStoppedError, job_name=texts, status=texts),
    st.builds(
        WaitTimeoutError,
        job_name=texts,
        last_status=st.none() | texts,
        last_secondary_status=st.none() | texts,
        waited_seconds=seconds,
        last_error=st.none() | texts,
    ),
    st.builds(JobConflictError, job_name=texts, differences=st.lists(texts, max_size=3)),
    st.builds(LintConfigError, source=texts, problem=texts),
    st.builds(DeployError, texts, job_name=st.none() | texts, resources=resources),
    st.builds(
        DeployConflictError, kind=texts, name=texts, reason=texts, job_name=st.none() | texts
    ),
    st.builds(
        DeployFailedError,
        kind=texts,
        name=texts,
        status=st.none() | texts,
        failure_reason=st.none() | texts,
        resources=resources,
        job_name=st.none() | texts,
    ),
    st.builds(
        DeployTimeoutError,
        kind=texts,
        name=texts,
        last_status=st.none() | texts,
        waited_seconds=seconds,
        resources=resources,
        job_name=st.none() | texts,
    ),
)


@FUZZ
@example(
    error=DeployTimeoutError(
        kind="Endpoint", name="e", last_status=None, waited_seconds=math.nan, resources=()
    )
)
@given(error=ERRORS)
def test_errors_pickle_with_their_attributes(error: AutoMLSDKError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) == error.message
    assert copy.__dict__.keys() == error.__dict__.keys()
    for name, value in error.__dict__.items():
        assert _same(copy.__dict__[name], value), name


def _same(copied: object, original: object) -> bool:
    """Equal, or both NaN (``waited_seconds`` may be NaN, which equals nothing)."""
    if isinstance(original, float) and math.isnan(original):
        return isinstance(copied, float) and math.isnan(copied)
    return copied == original


@FUZZ
@given(
    options=st.fixed_dictionaries(
        {},
        optional={
            key: python_values
            for key in ["session", "region_name", "profile_name", "endpoint_url", "lint"]
        },
    )
)
def test_client_constructor_raises_only_type_error_and_shows_itself(
    options: dict[str, Any],
) -> None:
    client = only((TypeError,), lambda: AutoMLClient(**options))
    if isinstance(client, AutoMLClient):
        assert repr(client).startswith("AutoMLClient(region_name=")
