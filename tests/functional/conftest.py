"""Fixtures for the Stubber-driven tests: a botocore SageMaker client that never sends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient


@pytest.fixture
def sagemaker() -> Any:
    """A SageMaker client with fake credentials; the Stubber answers its calls."""
    return botocore.session.get_session().create_client(
        "sagemaker",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def stubber(sagemaker: Any) -> Iterator[Stubber]:
    """The Stubber of ``sagemaker``; every queued response must have been used."""
    with Stubber(sagemaker) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def client(sagemaker: Any) -> AutoMLClient:
    """An AutoMLClient over the stubbed ``sagemaker`` client."""
    return AutoMLClient(sagemaker)
