"""The Endpoint handle: attach, predict (sagemaker-runtime), delete what deploy made (Stubber)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.exceptions import ClientError
from botocore.response import StreamingBody
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, DeployError, DeployFailedError, DeployTimeoutError, Endpoint
from tests.functional.test_deploy_sequences import endpoint_described, own_tags
from tests.support.deploy import WHEN, arn


@pytest.fixture
def runtime() -> Any:
    return botocore.session.get_session().create_client(
        "sagemaker-runtime",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def runtime_stubber(runtime: Any) -> Iterator[Stubber]:
    with Stubber(runtime) as stub:
        yield stub
        stub.assert_no_pending_responses()


def config_described(name: str, model: str) -> dict[str, Any]:
    return {
        "EndpointConfigName": name,
        "EndpointConfigArn": arn("endpoint-config", name),
        "ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": model}],
        "CreationTime": WHEN,
    }


def expect_attach(stubber: Stubber, name: str, tags: list[dict[str, str]]) -> None:
    stubber.add_response(
        "describe_endpoint", endpoint_described(name, "InService"), {"EndpointName": name}
    )
    stubber.add_response(
        "describe_endpoint_config", config_described(name, name), {"EndpointConfigName": name}
    )
    stubber.add_response("list_tags", {"Tags": tags}, {"ResourceArn": arn("endpoint", name)})


def test_attach_reads_the_endpoint_and_its_model(client: AutoMLClient, stubber: Stubber) -> None:
    expect_attach(stubber, "churn", own_tags("churn-job"))

    endpoint = client.endpoint("churn")

    assert endpoint == Endpoint(
        name="churn",
        arn=arn("endpoint", "churn"),
        model_name="churn",
        endpoint_config_name="churn",
        client=client,
        job_name="churn-job",
    )


def body(data: bytes) -> StreamingBody:
    return StreamingBody(io.BytesIO(data), len(data))


def handle(client: AutoMLClient, runtime: Any) -> Endpoint:
    return Endpoint(
        name="churn",
        arn=arn("endpoint", "churn"),
        model_name="churn",
        endpoint_config_name="churn",
        client=client,
        runtime_client=runtime,
    )


def test_predict_sends_rows_as_csv_and_parses_the_csv_answer(
    client: AutoMLClient, runtime: Any, runtime_stubber: Stubber
) -> None:
    runtime_stubber.add_response(
        "invoke_endpoint",
        {"Body": body(b"yes,0.91\nno,0.12\n"), "ContentType": "text/csv; charset=utf-8"},
        {
            "EndpointName": "churn",
            "Body": b'42,"a, b",3.5\n7,,1\n',
            "ContentType": "text/csv",
            "Accept": "text/csv",
        },
    )

    answer = handle(client, runtime).predict([[42, "a, b", 3.5], [7, None, 1]], accept="text/csv")

    assert answer == [["yes", "0.91"], ["no", "0.12"]]


def test_predict_passes_strings_and_bytes_and_decodes_json(
    client: AutoMLClient, runtime: Any, runtime_stubber: Stubber
) -> None:
    json_answer = b'{"predictions": [{"predicted_label": "yes", "probability": 0.9}]}'
    runtime_stubber.add_response(
        "invoke_endpoint",
        {"Body": body(json_answer), "ContentType": "application/json"},
        {"EndpointName": "churn", "Body": b"1,2\n", "ContentType": "text/csv"},
    )
    runtime_stubber.add_response(
        "invoke_endpoint",
        {"Body": body(b'{"a": 1}\n{"a": 2}\n'), "ContentType": "application/jsonlines"},
        {"EndpointName": "churn", "Body": b"\x00raw", "ContentType": "application/x-image"},
    )
    endpoint = handle(client, runtime)

    assert endpoint.predict("1,2\n") == {
        "predictions": [{"predicted_label": "yes", "probability": 0.9}]
    }
    assert endpoint.predict(b"\x00raw", content_type="application/x-image") == [{"a": 1}, {"a": 2}]


def test_predict_refuses_what_it_cannot_send(client: AutoMLClient, runtime: Any) -> None:
    endpoint = handle(client, runtime)
    with pytest.raises(
        TypeError, match=r"rows \(a list of lists of values\), a CSV string or bytes \(got int\)"
    ):
        endpoint.predict(42)
    with pytest.raises(
        DeployError, match=r"payload is too large \(got 6291457 bytes; expected at most 6291456"
    ):
        endpoint.predict(b"x" * (6 * 1024 * 1024 + 1))


def test_delete_removes_only_what_deploy_made_for_the_endpoint(
    client: AutoMLClient, stubber: Stubber
) -> None:
    stubber.add_response("describe_endpoint", endpoint_described("churn", "InService"))
    stubber.add_response("describe_endpoint_config", config_described("churn", "shared-model"))
    stubber.add_response(
        "list_tags",
        {"Tags": own_tags("j", "churn")},
        {"ResourceArn": arn("endpoint-config", "churn")},
    )
    stubber.add_response(
        "describe_model",
        {
            "ModelName": "shared-model",
            "ModelArn": arn("model", "shared-model"),
            "CreationTime": WHEN,
        },
        {"ModelName": "shared-model"},
    )
    # made by create_model, not by deploy for this endpoint: kept
    stubber.add_response(
        "list_tags", {"Tags": own_tags("j")}, {"ResourceArn": arn("model", "shared-model")}
    )
    stubber.add_response("delete_endpoint", {}, {"EndpointName": "churn"})
    stubber.add_response("delete_endpoint_config", {}, {"EndpointConfigName": "churn"})

    deleted = handle(client, None).delete()

    assert deleted == {"EndpointName": "churn", "EndpointConfigName": "churn", "ModelNames": []}


def test_delete_removes_the_model_deploy_made(client: AutoMLClient, stubber: Stubber) -> None:
    stubber.add_response("describe_endpoint", endpoint_described("churn", "InService"))
    stubber.add_response("describe_endpoint_config", config_described("churn", "churn"))
    stubber.add_response("list_tags", {"Tags": own_tags("j", "churn")})
    stubber.add_response(
        "describe_model",
        {"ModelName": "churn", "ModelArn": arn("model", "churn"), "CreationTime": WHEN},
    )
    stubber.add_response("list_tags", {"Tags": own_tags("j", "churn")})
    stubber.add_response("delete_endpoint", {}, {"EndpointName": "churn"})
    stubber.add_response("delete_endpoint_config", {}, {"EndpointConfigName": "churn"})
    stubber.add_response("delete_model", {}, {"ModelName": "churn"})

    deleted = handle(client, None).delete()

    assert deleted == {
        "EndpointName": "churn",
        "EndpointConfigName": "churn",
        "ModelNames": ["churn"],
    }


def test_wait_timeout_leaves_the_endpoint_and_says_so(
    client: AutoMLClient, stubber: Stubber
) -> None:
    for _ in range(3):
        stubber.add_response("describe_endpoint", endpoint_described("churn", "Creating"))

    with pytest.raises(DeployTimeoutError) as caught:
        handle(client, None).wait(timeout=0.002, delay=0.001)

    assert caught.value.last_status == "Creating"
    assert caught.value.message.startswith("gave up waiting for Endpoint 'churn' after 0s")
    assert caught.value.message.endswith(
        "(last status Creating); it was not stopped or deleted; resources that exist: "
        "Model 'churn', EndpointConfig 'churn', Endpoint 'churn'"
    )


def test_an_endpoint_deleted_while_waited_for_is_a_failure(
    client: AutoMLClient, stubber: Stubber
) -> None:
    stubber.add_response("describe_endpoint", endpoint_described("churn", "Creating"))
    stubber.add_client_error(
        "describe_endpoint",
        service_error_code="ValidationException",
        service_message=f'Could not find endpoint "{arn("endpoint", "churn")}".',
    )

    with pytest.raises(DeployFailedError) as caught:
        handle(client, None).wait(delay=0)

    assert caught.value.resources == (("Model", "churn"), ("EndpointConfig", "churn"))
    assert caught.value.failure_reason == f'Could not find endpoint "{arn("endpoint", "churn")}".'


def test_other_errors_while_waiting_pass_through_as_boto3_raises_them(
    client: AutoMLClient, stubber: Stubber
) -> None:
    stubber.add_client_error(
        "describe_endpoint",
        service_error_code="AccessDeniedException",
        service_message="not authorized to perform: sagemaker:DescribeEndpoint",
        http_status_code=400,
    )

    with pytest.raises(ClientError) as caught:
        handle(client, None).wait(delay=0)

    assert caught.value.response["Error"]["Code"] == "AccessDeniedException"
    assert caught.value.operation_name == "DescribeEndpoint"
