"""AutoMLClient against a real HTTP endpoint: moto's ThreadedMotoServer on 127.0.0.1.

moto 5.2 gaps (see DESIGN.md): no V1 operations (so V1 requests must arrive as V2, which is
what the client sends), no candidate listing, 500s on a tabular request without ProblemType or
CompletionCriteria (every request here has both), and jobs stay InProgress until stopped (so
waits end Stopped or time out).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from botocore.exceptions import ClientError

from automl_sdk import (
    AutoMLClient,
    JobConflictError,
    JobStoppedError,
    RequestLintError,
    WaitTimeoutError,
)
from tests.support.requests import tabular_v1_request, tabular_v2_request

pytestmark = pytest.mark.local

_names = (f"local-{n}" for n in itertools.count())


def v1_request(name: str) -> dict[str, Any]:
    return tabular_v1_request(name, problem_type="Regression", metric="RMSE")


@pytest.fixture
def client(endpoint_url: str, fake_aws_credentials: None) -> AutoMLClient:
    return AutoMLClient(region_name="us-east-1", endpoint_url=endpoint_url)


def count_requests(client: AutoMLClient) -> list[str]:
    sent: list[str] = []
    client.sagemaker_client.meta.events.register(
        "before-send.sagemaker", lambda request, **_: sent.append(request.url)
    )
    return sent


def test_v2_create_describe_stop_and_wait_ends_stopped(client: AutoMLClient) -> None:
    name = next(_names)
    job = client.create_job(tabular_v2_request(name))
    assert job.arn == f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}"
    description = job.describe()
    assert description.auto_ml_job_status == "InProgress"
    assert description.auto_ml_problem_type_config_name == "Tabular"
    job.stop()
    seen: list[str] = []
    with pytest.raises(JobStoppedError) as caught:
        job.wait(delay=0.05, on_update=lambda u: seen.append(u.status or "?"))
    assert caught.value.status == "Stopped"
    assert seen == ["Stopped"]


def test_v1_request_is_created_as_v2(client: AutoMLClient) -> None:
    name = next(_names)
    assert client.create_auto_ml_job(**v1_request(name)) == {
        "AutoMLJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}"
    }
    description = client.describe_job(name)
    tabular = description.auto_ml_problem_type_config
    assert tabular is not None
    assert tabular.problem_type == "Regression"  # type: ignore[union-attr]
    assert tabular.target_attribute_name == "churned"  # type: ignore[union-attr]
    v1 = client.describe_auto_ml_job(AutoMLJobName=name)
    assert v1["ProblemType"] == "Regression"
    assert v1["InputDataConfig"][0]["TargetAttributeName"] == "churned"


def test_recreate_is_idempotent_and_conflicts_are_named(client: AutoMLClient) -> None:
    name = next(_names)
    first = client.create_job(tabular_v2_request(name))
    assert client.create_job(tabular_v2_request(name)) == first
    changed = tabular_v2_request(name) | {"AutoMLJobObjective": {"MetricName": "AUC"}}
    with pytest.raises(JobConflictError, match=r"differing fields: AutoMLJobObjective.MetricName$"):
        client.create_job(changed)


def test_invalid_request_sends_nothing(client: AutoMLClient) -> None:
    name = next(_names)
    sent = count_requests(client)
    with pytest.raises(RequestLintError) as caught:
        client.create_job(tabular_v2_request(name) | {"RoleArn": "role"})
    assert [f.path for f in caught.value.findings if f.severity == "error"] == ["RoleArn"]
    assert sent == []
    assert name not in {job.auto_ml_job_name for job in client.iter_jobs()}


def test_unknown_job_gives_a_clear_error(client: AutoMLClient) -> None:
    for call in (client.describe_job, client.wait, client.stop_job):
        with pytest.raises(ClientError) as caught:
            call("no-such-job")
        assert caught.value.response["Error"]["Code"] == "ResourceNotFound"
        assert caught.value.response["Error"]["Message"] == (
            "Could not find AutoML job with name no-such-job."
        )


def test_wait_timeout_leaves_the_job_running(client: AutoMLClient) -> None:
    name = next(_names)
    client.create_job(tabular_v2_request(name))
    with pytest.raises(WaitTimeoutError) as caught:
        client.wait(name, timeout=0.2, delay=0.1)
    assert caught.value.last_status == "InProgress"
    assert client.describe_job(name).auto_ml_job_status == "InProgress"


def test_iter_jobs_pages_and_wait_many(client: AutoMLClient) -> None:
    names = [next(_names) for _ in range(3)]
    for name in names:
        client.create_job(tabular_v2_request(name))
    listed = [j.auto_ml_job_name for j in client.iter_jobs(PaginationConfig={"PageSize": 1})]
    assert set(names) <= set(listed)
    client.stop_job(names[1])
    results = dict(client.wait_many(names, timeout=0.5, delay=0.1, max_calls_per_second=50))
    assert isinstance(results[names[1]], JobStoppedError)
    assert isinstance(results[names[0]], WaitTimeoutError)
    assert isinstance(results[names[2]], WaitTimeoutError)
