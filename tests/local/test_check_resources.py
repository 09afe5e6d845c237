"""``check_request`` against IAM, KMS, EC2, S3 and SageMaker on a moto server: group 9 rules.

Also: the check only reads (object counts and the job list are the same afterwards, and every
call it makes is a Get, List, Head or Describe), and every valid request example the tests use,
pointed at matching data on the server, checks clean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from automl_sdk import AutoMLClient, Finding, RequestCheckError, RequestLintError, check_request
from tests.local.check_world import (
    ACCOUNT,
    BUCKET,
    EC2_ROLE,
    ENDPOINT,
    EU_BUCKET,
    World,
    churn_csv,
    provide_data,
    tabular_v1,
    tabular_v2,
)
from tests.support.requests import tabular_v1_request, tabular_v2_request

pytestmark = pytest.mark.local

DATA = Path(__file__).resolve().parents[1] / "data"
TRAIN = f"s3://{BUCKET}/train/"
VPC = "SecurityConfig.VpcConfig"


@pytest.fixture(scope="module")
def world(endpoint_url: str) -> World:
    world = World(endpoint_url)
    world.put("train/data.csv", churn_csv())
    return world


def found(world: World, request: dict[str, Any], **options: Any) -> list[Finding]:
    findings = check_request(
        request, session=world.session, endpoint_url=world.endpoint_url, **options
    )
    return [finding for finding in findings if finding.rule[1] in "79"]


def request(world: World) -> dict[str, Any]:
    return tabular_v2(world, TRAIN)


def test_all_resources_good(world: World) -> None:
    good = request(world)
    good["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": "free-name"}
    assert found(world, good) == []


# -- role --------------------------------------------------------------------------------------


def test_role_missing(world: World) -> None:
    bad = request(world)
    bad["RoleArn"] = f"arn:aws:iam::{ACCOUNT}:role/service-role/NoSuchRole"
    assert found(world, bad) == [
        Finding(
            "E9002",
            "error",
            "RoleArn",
            f"execution role does not exist (got '{bad['RoleArn']}'; expected an IAM role in "
            f"account {ACCOUNT}); create the role or fix RoleArn",
        )
    ]


def test_role_of_another_account_is_not_checked(world: World) -> None:
    other = request(world)
    other["RoleArn"] = "arn:aws:iam::111122223333:role/AutoMLRole-elsewhere"
    assert found(world, other) == [
        Finding(
            "W9001",
            "warning",
            "RoleArn",
            "could not check: the role is in account 111122223333 and the credentials are for "
            f"account {ACCOUNT}; check it with credentials of account 111122223333",
        )
    ]


def test_role_sagemaker_cannot_assume(world: World) -> None:
    bad = request(world)
    bad["RoleArn"] = f"arn:aws:iam::{ACCOUNT}:role/{EC2_ROLE}"
    assert found(world, bad) == [
        Finding(
            "E9003",
            "error",
            "RoleArn",
            f"execution role cannot be assumed by SageMaker (got a trust policy of role "
            f"'{EC2_ROLE}' without sagemaker.amazonaws.com; expected an Allow statement for "
            "sts:AssumeRole with principal Service 'sagemaker.amazonaws.com'); add it to the "
            "role's trust relationships",
        )
    ]


# -- KMS ---------------------------------------------------------------------------------------

MISSING_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def test_kms_keys_missing_and_disabled_v2(world: World) -> None:
    bad = request(world)
    bad["OutputDataConfig"]["KmsKeyId"] = MISSING_KEY
    bad["SecurityConfig"]["VolumeKmsKeyId"] = world.disabled_key_arn
    assert found(world, bad) == [
        Finding(
            "E9004",
            "error",
            "OutputDataConfig.KmsKeyId",
            f"KMS key does not exist (got '{MISSING_KEY}'; expected a key id, key ARN or alias "
            "of an existing key in us-east-1); create it or fix the key id",
        ),
        Finding(
            "E9005",
            "error",
            "SecurityConfig.VolumeKmsKeyId",
            f"KMS key is not enabled (got key state 'Disabled' for '{world.disabled_key_arn}'; "
            "expected 'Enabled'); enable the key or name another one",
        ),
    ]


def test_kms_alias_and_v1_volume_key_path(world: World) -> None:
    v1 = tabular_v1(world, TRAIN)
    v1["OutputDataConfig"]["KmsKeyId"] = "alias/automl"
    assert found(world, v1) == []
    v1["AutoMLJobConfig"]["SecurityConfig"]["VolumeKmsKeyId"] = "alias/none"
    assert [(f.rule, f.path) for f in found(world, v1)] == [
        ("E9004", "AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId")
    ]


# -- VPC ---------------------------------------------------------------------------------------


def test_subnet_and_security_group_missing(world: World) -> None:
    bad = request(world)
    bad["SecurityConfig"]["VpcConfig"] = {
        "Subnets": [world.subnets_a[0], "subnet-0123456789abcdef0"],
        "SecurityGroupIds": ["sg-0123456789abcdef0"],
    }
    assert found(world, bad) == [
        Finding(
            "E9006",
            "error",
            f"{VPC}.SecurityGroupIds[0]",
            "security group does not exist (got 'sg-0123456789abcdef0'; expected an existing "
            "security group in us-east-1); fix the id or create the security group",
        ),
        Finding(
            "E9006",
            "error",
            f"{VPC}.Subnets[1]",
            "subnet does not exist (got 'subnet-0123456789abcdef0'; expected an existing subnet "
            "in us-east-1); fix the id or create the subnet",
        ),
    ]


def test_subnets_and_groups_of_two_vpcs(world: World) -> None:
    bad = request(world)
    bad["SecurityConfig"]["VpcConfig"] = {
        "Subnets": [world.subnets_a[0], world.subnets_b[0]],
        "SecurityGroupIds": [world.group_b],
    }
    first = world.subnets_a[0]
    assert found(world, bad) == [
        Finding(
            "E9007",
            "error",
            f"{VPC}.SecurityGroupIds[0]",
            f"security group is in another VPC (got '{world.group_b}' in {world.vpc_b}; "
            f"expected {world.vpc_a}, the VPC of subnet '{first}'); use subnets and security "
            "groups of one VPC",
        ),
        Finding(
            "E9007",
            "error",
            f"{VPC}.Subnets[1]",
            f"subnet is in another VPC (got '{world.subnets_b[0]}' in {world.vpc_b}; expected "
            f"{world.vpc_a}, the VPC of subnet '{first}'); use subnets and security groups of "
            "one VPC",
        ),
    ]


# -- output bucket and endpoint ----------------------------------------------------------------


def test_output_bucket_missing_and_in_another_region(world: World) -> None:
    bad = request(world)
    bad["OutputDataConfig"]["S3OutputPath"] = "s3://no-such-output-bucket/out/"
    assert found(world, bad) == [
        Finding(
            "E9008",
            "error",
            "OutputDataConfig.S3OutputPath",
            "output bucket does not exist (got bucket 'no-such-output-bucket'; expected an "
            "existing bucket); create it or fix S3OutputPath",
        )
    ]
    bad["OutputDataConfig"]["S3OutputPath"] = f"s3://{EU_BUCKET}/out/"
    assert found(world, bad) == [
        Finding(
            "E9009",
            "error",
            "OutputDataConfig.S3OutputPath",
            f"output bucket is in another region (got '{EU_BUCKET}' in eu-west-1; expected the "
            "job's region us-east-1); use a bucket in us-east-1",
        )
    ]


def test_endpoint_name_taken(world: World) -> None:
    bad = request(world)
    bad["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": ENDPOINT}
    assert found(world, bad) == [
        Finding(
            "E9010",
            "error",
            "ModelDeployConfig.EndpointName",
            f"endpoint name is already taken (got '{ENDPOINT}', an endpoint with status "
            "'InService'; expected a name no endpoint in us-east-1 has); choose another "
            "EndpointName or delete the endpoint",
        )
    ]


# -- the whole check ---------------------------------------------------------------------------


def test_lint_errors_stop_the_check_before_any_call(world: World) -> None:
    calls: list[str] = []
    world.session.events.register("before-call", lambda model, **_: calls.append(model.name))
    try:
        bad = request(world)
        del bad["RoleArn"]
        findings = check_request(bad, session=world.session, endpoint_url=world.endpoint_url)
    finally:
        world.session.events.unregister("before-call")
    assert [(f.rule, f.path) for f in findings if f.severity == "error"] == [("E1003", "RoleArn")]
    assert calls == []


def test_the_check_only_reads(world: World) -> None:
    operations: list[str] = []
    counts, jobs = world.object_counts(), world.job_names()
    world.session.events.register(
        "before-call", lambda model, **_: operations.append(model.name), unique_id="ops"
    )
    try:
        for options in ({}, {"scan": True}):
            bad = request(world)
            bad["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "churn"
            bad["ModelDeployConfig"] = {"AutoGenerateEndpointName": False, "EndpointName": ENDPOINT}
            assert found(world, bad, **options)
            assert found(world, request(world), **options) == []
    finally:
        world.session.events.unregister("before-call", unique_id="ops")
    assert world.object_counts() == counts
    assert world.job_names() == jobs
    assert sorted(set(operations)) == [
        "DescribeEndpoint",
        "DescribeKey",
        "DescribeSecurityGroups",
        "DescribeSubnets",
        "GetBucketLocation",
        "GetObject",
        "GetRole",
        "ListObjectsV2",
    ]


def test_client_check_and_create_with_check(world: World) -> None:
    client = AutoMLClient(session=world.session, endpoint_url=world.endpoint_url)
    bad = request(world)
    bad["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "churn"
    assert [(f.rule, f.path) for f in client.check(bad) if f.rule[1] == "7"] == [
        ("E7010", "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName")
    ]
    jobs = world.job_names()
    with pytest.raises(RequestCheckError) as caught:
        client.create_job(bad, check=True)
    assert isinstance(caught.value, RequestLintError)
    assert caught.value.operation == "CreateAutoMLJobV2"
    assert str(caught.value).splitlines()[0] == (
        "CreateAutoMLJobV2 request failed its check with 1 error(s); nothing was sent:"
    )
    assert world.job_names() == jobs
    job = client.create_job(request(world) | {"AutoMLJobName": "checked-job"}, check=True)
    assert job.name == "checked-job"
    assert world.job_names() == sorted([*jobs, "checked-job"])


# -- every valid example the tests use ---------------------------------------------------------

EXAMPLES = sorted(DATA.glob("requests/*.json")) + sorted(DATA.glob("v1/*.json"))


def _examples() -> list[tuple[str, dict[str, Any]]]:
    found = [(path.stem, json.loads(path.read_text())) for path in EXAMPLES]
    v1 = tabular_v1_request("support-v1")
    return [*found, ("support_v2", tabular_v2_request("support-v2")), ("support_v1", v1)]


def _pointed_at(world: World, name: str, example: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The example with its bucket, role, keys, subnets and groups replaced by the world's."""
    bucket = f"example-{name.replace('_', '-').lower()}"
    text = json.dumps(example)
    text = text.replace("s3://amzn-s3-demo-bucket/", f"s3://{bucket}/").replace(
        "s3://b/", f"s3://{bucket}/"
    )
    text = re.sub(r"arn:aws:kms:[^\"]+", world.key_arn, text)
    text = re.sub(r"alias/[A-Za-z0-9-]+", "alias/automl", text)
    text = re.sub(r"arn:aws:iam::\d+:role/", f"arn:aws:iam::{ACCOUNT}:role/", text)
    text = text.replace('"AutoMLJobName": "', f'"AutoMLJobName": "{name[:8]}-')
    pointed = json.loads(text)
    security = pointed.get("SecurityConfig") or pointed.get("AutoMLJobConfig", {}).get(
        "SecurityConfig"
    )
    if security and "VpcConfig" in security:
        vpc = security["VpcConfig"]
        vpc["Subnets"] = world.subnets_a[: len(vpc["Subnets"])]
        vpc["SecurityGroupIds"] = [world.group_a] * len(vpc["SecurityGroupIds"])
    return pointed, bucket


@pytest.mark.parametrize(("name", "example"), _examples(), ids=[n for n, _ in _examples()])
def test_every_valid_example_checks_clean_against_matching_data(
    world: World, name: str, example: dict[str, Any]
) -> None:
    pointed, bucket = _pointed_at(world, name, example)
    role = pointed["RoleArn"].rsplit("/", 1)[1]
    iam = world.client("iam")
    if role not in {r["RoleName"] for r in iam.list_roles()["Roles"]}:
        from tests.local.check_world import trust

        iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust("sagemaker.amazonaws.com"))
    provide_data(world, pointed, bucket)
    assert found(world, pointed) == []
