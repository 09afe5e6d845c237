"""Fixtures for tests that drive a real HTTP endpoint: moto's server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.aws import FAKE_CREDENTIALS


@pytest.fixture(scope="module")
def endpoint_url() -> Iterator[str]:
    """A moto server on a free loopback port, one per test module (jobs stay in it).

    moto keeps its state per process, shared by every server in it: the state is reset when a
    module's server starts, so a module sees only what it made, also when the suite runs twice
    in one process (mutation testing does).
    """
    import urllib.request

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST")).close()
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def fake_aws_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials and region in the environment; no profile from the machine."""
    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
