"""Fixtures for the deploy unit tests: Stubber-backed SageMaker and runtime clients, and a count
of the calls that reached botocore."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, Job
from tests.support.deploy import arn


def botocore_client(service: str) -> Any:
    """A ``service`` client with fake credentials; only a Stubber answers it."""
    return botocore.session.get_session().create_client(
        service,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


class CallCount:
    """How many API calls a client began (botocore's ``before-parameter-build`` event fires for
    each, before the Stubber answers or the parameters are validated)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, event_name: str, **_: Any) -> None:
        self.calls.append(event_name.rsplit(".", 1)[-1])


@pytest.fixture
def sagemaker() -> Any:
    return botocore_client("sagemaker")


@pytest.fixture
def runtime() -> Any:
    return botocore_client("sagemaker-runtime")


@pytest.fixture
def sent(sagemaker: Any, runtime: Any) -> Iterator[CallCount]:
    """The calls made through ``sagemaker`` and ``runtime``; both Stubbers have nothing queued,
    so any call also fails the test."""
    count = CallCount()
    with Stubber(sagemaker), Stubber(runtime):
        for client in (sagemaker, runtime):
            client.meta.events.register("before-parameter-build", count)
        yield count


@pytest.fixture
def client(sagemaker: Any) -> AutoMLClient:
    return AutoMLClient(sagemaker)


@pytest.fixture
def job(client: AutoMLClient) -> Job:
    return Job(name="churn", arn=arn("automl-job", "churn"), client=client)
