"""predict's sagemaker-runtime client is made like the SageMaker client: same credentials,
region, retry configuration and custom endpoint. Nothing is sent."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest

from automl_sdk import AutoMLClient


@pytest.fixture
def aws_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An AWS config with a default and an ``ml`` profile; nothing from the machine."""
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = s\n"
        "[ml]\naws_access_key_id = MLKEY\naws_secret_access_key = s\n"
    )
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)


def access_key(client: object) -> str:
    return str(client._get_credentials().access_key)  # type: ignore[attr-defined]


@pytest.mark.usefixtures("aws_files")
def test_the_profile_region_and_local_endpoint_carry_over() -> None:
    client = AutoMLClient(
        profile_name="ml", region_name="eu-west-1", endpoint_url="http://127.0.0.1:9"
    )

    runtime = client.client_for("sagemaker-runtime")

    assert runtime.meta.service_model.service_name == "sagemaker-runtime"
    assert (runtime.meta.region_name, runtime.meta.endpoint_url) == (
        "eu-west-1",
        "http://127.0.0.1:9",
    )
    assert access_key(runtime) == "MLKEY"
    assert runtime.meta.config.retries == {"mode": "standard"}


@pytest.mark.usefixtures("aws_files")
def test_a_session_carries_over_and_aws_endpoints_are_resolved_per_service() -> None:
    client = AutoMLClient(session=boto3.session.Session(profile_name="ml"), region_name="us-west-2")

    runtime = client.client_for("sagemaker-runtime")

    assert runtime.meta.endpoint_url == "https://runtime.sagemaker.us-west-2.amazonaws.com"
    assert access_key(runtime) == "MLKEY"


@pytest.mark.usefixtures("aws_files")
def test_an_injected_client_gives_the_default_chain() -> None:
    sagemaker = boto3.session.Session(profile_name="ml").client(
        "sagemaker", region_name="us-east-1"
    )

    runtime = AutoMLClient(sagemaker).client_for("sagemaker-runtime")

    assert (runtime.meta.region_name, access_key(runtime)) == ("us-east-1", "DEFAULTKEY")
