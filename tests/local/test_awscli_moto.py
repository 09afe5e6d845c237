"""The AWS-CLI-named commands as subprocesses against moto on 127.0.0.1.

Every option of the ``aws sagemaker create-auto-ml-job`` synopsis (the AWS CLI man page,
https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sagemaker/create-auto-ml-job.html)
and every value form (JSON, ``file://``, shorthand, ``--cli-input-json/yaml``, skeletons) runs
here. moto 5.2 has no V1 operations, so a V1 ``create-auto-ml-job`` that works at all was sent
as ``CreateAutoMLJobV2``; the V2 description read back through boto3 shows it.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import boto3
import pytest
import yaml

from tests.support.aws import FAKE_CREDENTIALS
from tests.support.requests import ROLE_ARN, tabular_v2_request

pytestmark = pytest.mark.local

CHANNEL = "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://b/train/}},TargetAttributeName=churned"


def arn(name: str) -> str:
    return f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Fake credentials, plus a config file with a profile ``local`` (for ``--profile``)."""
    home = tmp_path_factory.mktemp("aws")
    (home / "config").write_text("[profile local]\nregion = us-east-1\noutput = text\n")
    (home / "credentials").write_text(
        "[local]\naws_access_key_id = testing\naws_secret_access_key = testing\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return (
        clean
        | FAKE_CREDENTIALS
        | {
            "AWS_CONFIG_FILE": str(home / "config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"),
        }
    )


@pytest.fixture(scope="module")
def cli(env: dict[str, str]) -> Any:
    def run(*args: str, drop_env: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "automl_sdk", *args],
            capture_output=True,
            text=True,
            env={k: v for k, v in env.items() if k not in drop_env},
            timeout=120,
        )

    return run


@pytest.fixture(scope="module")
def sagemaker(endpoint_url: str) -> Any:
    return boto3.client(
        "sagemaker",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def test_every_synopsis_option_of_create_auto_ml_job(
    cli: Any, endpoint_url: str, sagemaker: Any, tmp_path: Path
) -> None:
    ca_bundle = tmp_path / "ca.pem"
    ca_bundle.write_text("")  # unused over http, but the option must be accepted
    created = cli(
        "--debug",
        "create-auto-ml-job",
        "--auto-ml-job-name", "synopsis",
        "--input-data-config", CHANNEL,
        "--output-data-config", "S3OutputPath=s3://b/output/,KmsKeyId=alias/out",
        "--problem-type", "BinaryClassification",
        "--auto-ml-job-objective", "MetricName=F1",
        "--auto-ml-job-config", '{"CompletionCriteria": {"MaxCandidates": 4}, "Mode": "ENSEMBLING"}',
        "--role-arn", ROLE_ARN,
        "--no-generate-candidate-definitions-only",
        "--tags", "Key=team,Value=ml", "Key=env,Value=test",
        "--model-deploy-config", "AutoGenerateEndpointName=false,EndpointName=synopsis-ep",
        "--endpoint-url", endpoint_url,
        "--no-verify-ssl",
        "--no-paginate",
        "--output", "json",
        "--query", "AutoMLJobArn",
        "--profile", "local",
        "--region", "us-east-1",
        "--color", "off",
        "--ca-bundle", str(ca_bundle),
        "--cli-read-timeout", "30",
        "--cli-connect-timeout", "0",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout) == arn("synopsis")
    assert "botocore" in created.stderr
    assert "DEBUG" in created.stderr
    assert "CreateAutoMLJobV2" in created.stderr  # the V1 command was sent as V2

    v2 = sagemaker.describe_auto_ml_job_v2(AutoMLJobName="synopsis")
    assert v2["AutoMLProblemTypeConfig"]["TabularJobConfig"] == {
        "CompletionCriteria": {"MaxCandidates": 4},
        "Mode": "ENSEMBLING",
        "ProblemType": "BinaryClassification",
        "TargetAttributeName": "churned",
        "GenerateCandidateDefinitionsOnly": False,
    }
    assert v2["OutputDataConfig"] == {"S3OutputPath": "s3://b/output/", "KmsKeyId": "alias/out"}
    assert v2["ModelDeployConfig"] == {
        "AutoGenerateEndpointName": False,
        "EndpointName": "synopsis-ep",
    }

    version = cli("create-auto-ml-job", "--version")
    assert version.returncode == 0
    assert version.stdout.startswith("automl-sdk/")
    assert " botocore/" in version.stdout


def test_json_and_file_values_and_a_v2_create(
    cli: Any, endpoint_url: str, sagemaker: Any, tmp_path: Path
) -> None:
    request = tabular_v2_request("from-files")
    channels = tmp_path / "channels.json"
    channels.write_text(json.dumps(request["AutoMLJobInputDataConfig"]))
    problem = tmp_path / "problem.json"
    problem.write_bytes(json.dumps(request["AutoMLProblemTypeConfig"]).encode())
    created = cli(
        "create-auto-ml-job-v2",
        "--auto-ml-job-name", "from-files",
        "--auto-ml-job-input-data-config", f"file://{channels}",
        "--output-data-config", json.dumps(request["OutputDataConfig"]),
        "--auto-ml-problem-type-config", f"fileb://{problem}",
        "--auto-ml-job-objective", "MetricName=F1",
        "--role-arn", ROLE_ARN,
        "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert (created.returncode, created.stderr) == (0, "")
    assert json.loads(created.stdout) == {"AutoMLJobArn": arn("from-files")}
    described = sagemaker.describe_auto_ml_job_v2(AutoMLJobName="from-files")
    assert described["AutoMLJobInputDataConfig"] == request["AutoMLJobInputDataConfig"]


def test_cli_input_json_and_yaml_with_overriding_options(
    cli: Any, endpoint_url: str, sagemaker: Any, tmp_path: Path
) -> None:
    request = tabular_v2_request("input-json")
    from_json = cli(
        "create-auto-ml-job-v2",
        "--cli-input-json", json.dumps(request),
        "--auto-ml-job-name", "input-json-override",
        "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert (from_json.returncode, from_json.stderr) == (0, "")
    assert json.loads(from_json.stdout) == {"AutoMLJobArn": arn("input-json-override")}

    yaml_file = tmp_path / "request.yaml"
    yaml_file.write_text(yaml.safe_dump(tabular_v2_request("input-yaml")))
    from_yaml = cli(
        "create-auto-ml-job-v2",
        "--cli-input-yaml", f"file://{yaml_file}",
        "--output-data-config", "S3OutputPath=s3://b/other/",
        "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert (from_yaml.returncode, from_yaml.stderr) == (0, "")
    assert json.loads(from_yaml.stdout) == {"AutoMLJobArn": arn("input-yaml")}
    described = sagemaker.describe_auto_ml_job_v2(AutoMLJobName="input-yaml")
    assert described["OutputDataConfig"] == {"S3OutputPath": "s3://b/other/"}


def test_skeletons_are_valid_requests_that_create_jobs(
    cli: Any, endpoint_url: str, tmp_path: Path
) -> None:
    for command, kind, option in (
        ("create-auto-ml-job", "input", "--cli-input-json"),
        ("create-auto-ml-job-v2", "yaml-input", "--cli-input-yaml"),
    ):
        skeleton = cli(command, "--generate-cli-skeleton", kind)
        assert (skeleton.returncode, skeleton.stderr) == (0, "")
        path = tmp_path / f"{command}.txt"
        path.write_text(skeleton.stdout)
        name = f"skeleton-{kind}"
        created = cli(
            command, option, f"file://{path}", "--auto-ml-job-name", name,
            "--endpoint-url", endpoint_url,
        )  # fmt: skip
        assert (created.returncode, created.stderr) == (0, ""), command
        assert json.loads(created.stdout) == {"AutoMLJobArn": arn(name)}

    # "output" checks the inputs as a send would, then prints a sample response.
    output = cli(
        "create-auto-ml-job", "--generate-cli-skeleton", "output",
        "--cli-input-json", f"file://{tmp_path / 'create-auto-ml-job.txt'}",
    )  # fmt: skip
    assert (output.returncode, json.loads(output.stdout)) == (0, {"AutoMLJobArn": "string"})
    unchecked = cli("create-auto-ml-job", "--generate-cli-skeleton", "output")
    assert unchecked.returncode == 252
    assert "the following arguments are required: --auto-ml-job-name" in unchecked.stderr


def test_describe_list_and_stop_with_query_and_output_formats(cli: Any, endpoint_url: str) -> None:
    name = "formats"
    assert cli(
        "create-auto-ml-job-v2", "--cli-input-json", json.dumps(tabular_v2_request(name)),
        "--endpoint-url", endpoint_url,
    ).returncode == 0  # fmt: skip

    v1 = cli("describe-auto-ml-job", "--auto-ml-job-name", name, "--endpoint-url", endpoint_url)
    assert v1.returncode == 0, v1.stderr
    described = json.loads(v1.stdout)
    assert described["InputDataConfig"][0]["TargetAttributeName"] == "churned"  # the V1 shape
    assert described["ProblemType"] == "BinaryClassification"
    assert "AutoMLProblemTypeConfig" not in described

    text = cli(
        "describe-auto-ml-job-v2", "--auto-ml-job-name", name, "--endpoint-url", endpoint_url,
        "--query", "[AutoMLJobName, AutoMLJobStatus]", "--output", "text",
    )  # fmt: skip
    assert (text.returncode, text.stdout) == (0, "formats\tInProgress\n")

    table = cli(
        "--output", "table", "describe-auto-ml-job-v2", "--auto-ml-job-name", name,
        "--query", "OutputDataConfig", "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert table.returncode == 0
    assert table.stdout == (
        "------------------------------------\n"
        "|        DescribeAutoMLJobV2       |\n"
        "+---------------+------------------+\n"
        "|  S3OutputPath |  s3://b/output/  |\n"
        "+---------------+------------------+\n"
    )

    listed = cli(
        "list-auto-ml-jobs", "--name-contains", name, "--endpoint-url", endpoint_url,
        "--output", "yaml", "--query", "AutoMLJobSummaries[].AutoMLJobName",
    )  # fmt: skip
    assert (listed.returncode, yaml.safe_load(listed.stdout)) == (0, [name])

    stopped = cli("stop-auto-ml-job", "--auto-ml-job-name", name, "--endpoint-url", endpoint_url)
    assert (stopped.returncode, stopped.stdout, stopped.stderr) == (0, "", "")

    profile_text = cli(
        "describe-auto-ml-job-v2", "--auto-ml-job-name", name, "--profile", "local",
        "--endpoint-url", endpoint_url, "--query", "AutoMLJobStatus",
    )  # fmt: skip
    assert (profile_text.returncode, profile_text.stdout) == (0, "Stopped\n")  # profile's output


def test_list_paginates_with_max_items_and_starting_token(cli: Any, endpoint_url: str) -> None:
    for index in range(3):
        request = json.dumps(tabular_v2_request(f"page-{index}"))
        assert (
            cli(
                "create-auto-ml-job-v2", "--cli-input-json", request, "--endpoint-url", endpoint_url
            ).returncode
            == 0
        )

    def names(*options: str) -> tuple[list[str], str | None]:
        listed = cli(
            "list-auto-ml-jobs", "--name-contains", "page-", "--sort-by", "Name",
            "--sort-order", "Ascending", "--endpoint-url", endpoint_url, *options,
        )  # fmt: skip
        assert listed.returncode == 0, listed.stderr
        page = json.loads(listed.stdout)
        return [job["AutoMLJobName"] for job in page["AutoMLJobSummaries"]], page.get("NextToken")

    assert names() == (["page-0", "page-1", "page-2"], None)
    first, token = names("--max-items", "2", "--page-size", "1")
    assert first == ["page-0", "page-1"]
    assert token
    assert names("--starting-token", token) == (["page-2"], None)
    single, next_token = names("--no-paginate", "--max-results", "1")
    assert single == ["page-0"]
    assert next_token


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "missing"], 254, "ResourceNotFound"),
        (["describe-auto-ml-job-v2"], 252, "the following arguments are required"),
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--bogus"], 252, "Unknown options: --bogus"),
        (["describe-auto-ml-job-v2", "--auto-ml-job-name", "x", "--profile", "nope"], 253, "nope"),
    ],
)  # fmt: skip
def test_exit_codes_against_the_server(
    cli: Any, endpoint_url: str, args: list[str], code: int, message: str
) -> None:
    result = cli(*args, "--endpoint-url", endpoint_url)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_no_region_is_a_configuration_error(cli: Any) -> None:
    result = cli(
        "describe-auto-ml-job-v2", "--auto-ml-job-name", "x", drop_env=("AWS_DEFAULT_REGION",)
    )
    assert (result.returncode, result.stderr) == (
        253,
        "automl-sdk: You must specify a region: pass --region or set AWS_DEFAULT_REGION.\n",
    )


def test_lint_errors_exit_252_and_send_nothing(cli: Any, endpoint_url: str, sagemaker: Any) -> None:
    request = tabular_v2_request("bad-lint")
    request["AutoMLProblemTypeConfig"]["TabularJobConfig"]["CompletionCriteria"][
        "MaxCandidates"
    ] = 0
    result = cli(
        "create-auto-ml-job-v2", "--cli-input-json", json.dumps(request),
        "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert result.returncode == 252
    assert (
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates" in result.stderr
    )
    names = [job["AutoMLJobName"] for job in sagemaker.list_auto_ml_jobs()["AutoMLJobSummaries"]]
    assert "bad-lint" not in names


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    """Answers every call with an empty DescribeAutoMLJobV2-like body; records the headers."""

    seen: ClassVar[list[dict[str, str]]] = []
    delay = 0.0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).seen.append(dict(self.headers))
        time.sleep(type(self).delay)
        body = json.dumps({"AutoMLJobName": "unsigned", "AutoMLJobStatus": "InProgress"}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (read timeout)
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def recording_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    _RecordingHandler.seen = []
    _RecordingHandler.delay = 0.0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_no_sign_request_sends_no_signature(cli: Any, recording_server: str) -> None:
    """moto finds the service of a request by its signature (an unsigned SageMaker call reaches
    its S3 backend), so a scripted server on 127.0.0.1 shows what was sent."""
    signed = cli(
        "describe-auto-ml-job-v2",
        "--auto-ml-job-name",
        "unsigned",
        "--endpoint-url",
        recording_server,
        "--query",
        "AutoMLJobStatus",
        "--output",
        "text",
    )
    unsigned = cli(
        "describe-auto-ml-job-v2",
        "--auto-ml-job-name",
        "unsigned",
        "--endpoint-url",
        recording_server,
        "--no-sign-request",
        "--query",
        "AutoMLJobStatus",
        "--output",
        "text",
    )
    assert (signed.returncode, signed.stdout) == (0, "InProgress\n")
    assert (unsigned.returncode, unsigned.stdout) == (0, "InProgress\n")
    assert ["Authorization" in headers for headers in _RecordingHandler.seen] == [True, False]


def test_cli_read_timeout_ends_a_slow_call_with_255(cli: Any, recording_server: str) -> None:
    _RecordingHandler.delay = 3.0
    result = cli(
        "describe-auto-ml-job-v2", "--auto-ml-job-name", "slow", "--endpoint-url", recording_server,
        "--cli-read-timeout", "1",
    )  # fmt: skip
    assert result.returncode == 255
    assert result.stderr.startswith("automl-sdk: ReadTimeoutError: Read timeout on endpoint URL")


def test_region_chooses_where_the_job_lives(cli: Any, endpoint_url: str) -> None:
    request = json.dumps(tabular_v2_request("in-ireland"))
    created = cli(
        "--region", "eu-west-1", "create-auto-ml-job-v2", "--cli-input-json", request,
        "--endpoint-url", endpoint_url,
    )  # fmt: skip
    assert json.loads(created.stdout) == {
        "AutoMLJobArn": "arn:aws:sagemaker:eu-west-1:123456789012:automl-job/in-ireland"
    }
    elsewhere = cli(
        "describe-auto-ml-job-v2",
        "--auto-ml-job-name",
        "in-ireland",
        "--endpoint-url",
        endpoint_url,
    )
    assert elsewhere.returncode == 254  # moto keeps jobs per region; the default is us-east-1


def test_ctrl_c_during_a_call_exits_130(env: dict[str, str], recording_server: str) -> None:
    _RecordingHandler.delay = 10.0
    process = subprocess.Popen(
        [
            sys.executable, "-m", "automl_sdk", "describe-auto-ml-job-v2",
            "--auto-ml-job-name", "slow", "--endpoint-url", recording_server,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not _RecordingHandler.seen and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (130, "", "automl-sdk: interrupted\n")
