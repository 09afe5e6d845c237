"""Fixtures of the fault suite: a scripted HTTP server on 127.0.0.1 and a client pointed at it.

botocore's own retries are off (one attempt per call) unless a test turns them on, and the read
timeout is short, so every fault reaches the client at once and the whole suite stays fast;
waits run on a fake clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.config import Config

from automl_sdk import AutoMLClient
from tests.faults.scripted import ScriptedServer, run_server
from tests.support.jobs import FakeClock

READ_TIMEOUT = 0.3


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    """A scripted server for this test."""
    yield from run_server()


_SESSION = botocore.session.get_session()  # one model loader for every client of the suite


def sagemaker_for(server: ScriptedServer, **retries: Any) -> Any:
    """A botocore SageMaker client for ``server`` (``retries``: botocore's retry settings)."""
    return _SESSION.create_client(
        "sagemaker",
        region_name="us-east-1",
        endpoint_url=server.url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(
            retries=retries or {"total_max_attempts": 1},
            read_timeout=READ_TIMEOUT,
            connect_timeout=2,
        ),
    )


@pytest.fixture
def client(server: ScriptedServer) -> AutoMLClient:
    """An AutoMLClient over a SageMaker client of ``server`` without botocore retries."""
    return AutoMLClient(sagemaker_for(server))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
