"""A small AWS world on a moto server for the ``automl-sdk check`` tests and benchmark.

One bucket per region, a role SageMaker can assume and one it cannot, an enabled and a
disabled KMS key, two VPCs with a subnet and a security group each, an endpoint that exists,
and helpers to put CSV, gzip CSV, Parquet and image objects. Everything is made through boto3
on the server the caller started on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import io
import json
import urllib.request
from collections.abc import Iterable, Sequence
from typing import Any

import boto3

from automl_sdk.lint._context import LintContext
from tests.support.aws import FAKE_CREDENTIALS
from tests.support.requests import tabular_v1_request, tabular_v2_request

REGION = "us-east-1"
ACCOUNT = "123456789012"
BUCKET = "automl-data"
EU_BUCKET = "automl-data-eu"
ROLE = "AutoMLRole"
EC2_ROLE = "Ec2OnlyRole"
ENDPOINT = "taken-endpoint"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def trust(service: str) -> str:
    """A trust policy letting ``service`` assume the role."""
    statement = {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


class World:
    """The resources on one moto server, and ways to add data and build requests."""

    def __init__(self, endpoint_url: str) -> None:
        self.endpoint_url = endpoint_url
        # moto's servers in one process share their state: start from none.
        reset = urllib.request.Request(f"{endpoint_url}/moto-api/reset", method="POST")
        with urllib.request.urlopen(reset, timeout=30):
            pass
        self.session = boto3.session.Session(
            aws_access_key_id=FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            region_name=REGION,
        )
        self.s3 = self.client("s3")
        self.s3.create_bucket(Bucket=BUCKET)
        self.s3.create_bucket(
            Bucket=EU_BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        iam = self.client("iam")
        iam.create_role(RoleName=ROLE, AssumeRolePolicyDocument=trust("sagemaker.amazonaws.com"))
        iam.create_role(RoleName=EC2_ROLE, AssumeRolePolicyDocument=trust("ec2.amazonaws.com"))
        self.role_arn = f"arn:aws:iam::{ACCOUNT}:role/{ROLE}"
        kms = self.client("kms")
        self.key_arn = kms.create_key()["KeyMetadata"]["Arn"]
        kms.create_alias(AliasName="alias/automl", TargetKeyId=self.key_arn)
        disabled = kms.create_key()["KeyMetadata"]
        kms.disable_key(KeyId=disabled["KeyId"])
        self.disabled_key_arn = disabled["Arn"]
        ec2 = self.client("ec2")
        self.vpc_a, self.subnets_a, self.group_a = self._vpc(ec2, "10.1", 2)
        self.vpc_b, self.subnets_b, self.group_b = self._vpc(ec2, "10.2", 1)
        self._endpoint(ENDPOINT)

    def client(self, service: str) -> Any:
        """A client of the moto server."""
        return self.session.client(service, endpoint_url=self.endpoint_url)

    @staticmethod
    def _vpc(ec2: Any, prefix: str, subnets: int) -> tuple[str, list[str], str]:
        vpc = ec2.create_vpc(CidrBlock=f"{prefix}.0.0/16")["Vpc"]["VpcId"]
        ids = [
            ec2.create_subnet(VpcId=vpc, CidrBlock=f"{prefix}.{i}.0/24")["Subnet"]["SubnetId"]
            for i in range(subnets)
        ]
        group = ec2.create_security_group(GroupName=f"g{prefix}", Description="d", VpcId=vpc)
        return vpc, ids, group["GroupId"]

    def _endpoint(self, name: str) -> None:
        sagemaker = self.client("sagemaker")
        sagemaker.create_model(
            ModelName="m",
            ExecutionRoleArn=self.role_arn,
            PrimaryContainer={"Image": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/x:1"},
        )
        variant = {"VariantName": "v", "ModelName": "m", "InitialInstanceCount": 1}
        variant |= {"InstanceType": "ml.m5.large"}
        sagemaker.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[variant])
        sagemaker.create_endpoint(EndpointName=name, EndpointConfigName="c")

    # -- data ---------------------------------------------------------------------------------

    def put(self, key: str, body: bytes, bucket: str = BUCKET) -> str:
        """Store an object; return its ``s3://`` URI."""
        self.s3.put_object(Bucket=bucket, Key=key, Body=body)
        return f"s3://{bucket}/{key}"

    def object_counts(self) -> dict[str, int]:
        """How many objects each bucket holds (every page)."""
        counts = {}
        for bucket in (BUCKET, EU_BUCKET):
            pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
            counts[bucket] = sum(len(page.get("Contents", [])) for page in pages)
        return counts

    def job_names(self) -> list[str]:
        """Every AutoML job name on the server."""
        jobs = self.client("sagemaker").list_auto_ml_jobs()["AutoMLJobSummaries"]
        return sorted(job["AutoMLJobName"] for job in jobs)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV text with a header row."""
    lines = [",".join(header)] + [",".join(str(value) for value in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def churn_csv(rows: int = 600, header: Sequence[str] = ("id", "age", "weight", "churned")) -> bytes:
    """A tabular churn dataset: ``rows`` rows of the given columns."""
    return csv_bytes(header, ([i, 20 + i % 50, 1, i % 2][: len(header)] for i in range(rows)))


def gzipped(data: bytes) -> bytes:
    """``data`` gzip-compressed."""
    return gzip.compress(data)


def parquet_bytes(columns: dict[str, list[Any]]) -> bytes:
    """A Parquet file of ``columns``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    return buffer.getvalue()


def churn_parquet(rows: int = 600) -> bytes:
    """The churn dataset as Parquet."""
    return parquet_bytes(
        {
            "id": list(range(rows)),
            "age": [20 + i % 50 for i in range(rows)],
            "weight": [1.0] * rows,
            "churned": [i % 2 for i in range(rows)],
        }
    )


def tabular_v2(world: World, train: str, validation: str | None = None) -> dict[str, Any]:
    """The shared small V2 tabular request, complete and lint-clean, over the world's resources."""
    request = tabular_v2_request("churn-check")
    request["AutoMLJobInputDataConfig"] = [_channel(train, "training")]
    if validation is not None:
        request["AutoMLJobInputDataConfig"].append(_channel(validation, "validation"))
    request["OutputDataConfig"] = {
        "S3OutputPath": f"s3://{BUCKET}/output/",
        "KmsKeyId": world.key_arn,
    }
    request["RoleArn"] = world.role_arn
    request["SecurityConfig"] = _security(world)
    return request


def tabular_v1(world: World, train: str) -> dict[str, Any]:
    """The shared small V1 tabular request, complete and lint-clean, over the world's resources."""
    request = tabular_v1_request("churn-check-v1", max_candidates=10)
    channel = request["InputDataConfig"][0]
    channel["DataSource"]["S3DataSource"]["S3Uri"] = train
    channel["ContentType"] = "text/csv;header=present"
    request["OutputDataConfig"] = {
        "S3OutputPath": f"s3://{BUCKET}/output/",
        "KmsKeyId": world.key_arn,
    }
    request["AutoMLJobConfig"]["SecurityConfig"] = _security(world)
    request["RoleArn"] = world.role_arn
    return request


def _security(world: World) -> dict[str, Any]:
    return {
        "VolumeKmsKeyId": world.key_arn,
        "EnableInterContainerTrafficEncryption": True,
        "VpcConfig": {"SecurityGroupIds": [world.group_a], "Subnets": world.subnets_a},
    }


def _channel(uri: str, channel_type: str) -> dict[str, Any]:
    return {
        "ChannelType": channel_type,
        "ContentType": "text/csv;header=present",
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": uri}},
    }


# -- data that matches a request --------------------------------------------------------------


def provide_data(world: World, request: dict[str, Any], bucket: str) -> None:
    """Put objects that satisfy every data rule for ``request`` (whose URIs are in ``bucket``)."""
    from automl_sdk.check._context import column_members, feature_spec_member, parse_s3_uri
    from automl_sdk.lint._engine import detect_operation

    ctx = LintContext(request, detect_operation(request))
    world.s3.create_bucket(Bucket=bucket)
    columns = list(dict.fromkeys(column for _, column, _, _ in column_members(ctx)))
    if ctx.problem_type == "TextGenerationJobConfig":
        columns = ["input", "output"]
    elif ctx.problem_type != "TimeSeriesForecastingJobConfig":
        columns.append("feature1")
    rows = _rows(ctx, columns)
    for _, channel in ctx.channels:
        source = channel["DataSource"]["S3DataSource"]
        split = parse_s3_uri(source["S3Uri"])
        assert split is not None
        key = split[1]
        content = channel.get("ContentType", "image/*" if "Image" in str(ctx.problem_type) else "")
        if content.startswith("image/"):
            _images(world, bucket, key, source["S3DataType"], content)
            continue
        parquet = content.endswith("parquet")
        body = (
            parquet_bytes({name: [row[i] for row in rows] for i, name in enumerate(columns)})
            if parquet
            else csv_bytes(columns, rows)
        )
        if channel.get("CompressionType") == "Gzip":
            body = gzipped(body)
        name = "part-0.parquet" if parquet else "part-0.csv"
        if source["S3DataType"] == "ManifestFile":
            world.put(f"data/{name}", body, bucket)
            manifest = [{"prefix": f"s3://{bucket}/data/"}, name]
            world.put(key, json.dumps(manifest).encode(), bucket)
        else:
            world.put(key if not key.endswith("/") else key + name, body, bucket)
    spec = feature_spec_member(ctx)
    if spec is not None:
        split = parse_s3_uri(spec[1])
        assert split is not None
        world.put(split[1], json.dumps({"FeatureAttributeNames": ["feature1"]}).encode(), bucket)


def _rows(ctx: LintContext, columns: list[str]) -> list[list[Any]]:
    """Rows enough for every row rule: 600 tabular rows, 200 fine-tuning rows, 80 time steps."""
    if ctx.problem_type == "TextGenerationJobConfig":
        return [[f"question {i}", f"answer {i}"] for i in range(200)]
    if ctx.problem_type == "TimeSeriesForecastingJobConfig":
        config = ctx.problem_config["TimeSeriesConfig"]
        timestamp, item = config["TimestampAttributeName"], config["ItemIdentifierAttributeName"]

        def value(column: str, i: int) -> Any:
            if column == timestamp:
                return f"2024-01-{1 + i % 28:02d}T{i // 28:02d}"
            return "item-1" if column == item else i

        return [[value(column, i) for column in columns] for i in range(80)]
    return [[i % 2 if n == 0 else i for n, _ in enumerate(columns)] for i in range(600)]


def _images(world: World, bucket: str, key: str, data_type: str, content: str) -> None:
    image = JPEG if content == "image/jpeg" else PNG
    suffix = "jpg" if content == "image/jpeg" else "png"
    if data_type == "AugmentedManifestFile":
        refs = [world.put(f"images/{i}.{suffix}", image, bucket) for i in range(3)]
        lines = [json.dumps({"source-ref": ref, "label": i % 2}) for i, ref in enumerate(refs)]
        world.put(key, ("\n".join(lines) + "\n").encode(), bucket)
        return
    for i in range(3):
        world.put(f"{key}{'cat' if i % 2 else 'dog'}/{i}.{suffix}", image, bucket)
