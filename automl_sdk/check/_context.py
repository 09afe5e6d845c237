"""What a check rule sees: the lint context plus what was read from AWS."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from automl_sdk.check._facts import Channel, Resources
from automl_sdk.lint._common import (
    TABULAR,
    TEXT_CLASSIFICATION,
    TIME_SERIES,
    TRAINING,
    VALIDATION,
    get_list,
    get_str,
    join,
)
from automl_sdk.lint._context import LintContext


class CheckContext(LintContext):
    """A :class:`~automl_sdk.lint.LintContext` with the channels and resources read.

    Attributes:
        data: one :class:`~automl_sdk.check._facts.Channel` per S3 input channel.
        resources: the role, keys, subnets, groups, buckets and endpoint read.
        scan: every object was listed and read in full.
    """

    def __init__(
        self,
        request: dict[str, Any],
        operation: str,
        *,
        data: list[Channel],
        resources: Resources,
        scan: bool,
    ) -> None:
        super().__init__(request, operation)
        self.data = data
        self.resources = resources
        self.scan = scan

    def training(self) -> list[Channel]:
        """The training channels read."""
        return [channel for channel in self.data if channel.channel_type == TRAINING]

    def validation(self) -> list[Channel]:
        """The validation channels read."""
        return [channel for channel in self.data if channel.channel_type == VALIDATION]


def column_members(ctx: LintContext) -> Iterator[tuple[str, str, str, int | None]]:
    """``(path, column, role, channel index or None)`` of every member that names a column.

    V2 members name columns of every training channel (index ``None``); a V1 channel's
    ``TargetAttributeName`` and ``SampleWeightAttributeName`` name columns of that channel.
    """
    if ctx.is_v1:
        for index, (path, channel) in enumerate(ctx.channels):
            for member, role in _V1_CHANNEL_COLUMNS:
                value = channel.get(member)
                if isinstance(value, str):
                    yield join(path, member), value, role, index
        return
    base, config = ctx.problem_config_path, ctx.problem_config
    for member, role in _V2_COLUMNS.get(ctx.problem_type or "", ()):
        value = get_str(config, *member.split("."))
        if value is not None:
            yield join(base, *member.split(".")), value, role, None
    if ctx.problem_type == TIME_SERIES:
        groups = get_list(config, "TimeSeriesConfig", "GroupingAttributeNames") or []
        for i, value in enumerate(groups):
            if isinstance(value, str):
                path = join(base, "TimeSeriesConfig", "GroupingAttributeNames", i)
                yield path, value, "grouping column", None


_V1_CHANNEL_COLUMNS = (
    ("TargetAttributeName", "target column"),
    ("SampleWeightAttributeName", "sample weight column"),
)
_V2_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    TABULAR: (
        ("TargetAttributeName", "target column"),
        ("SampleWeightAttributeName", "sample weight column"),
    ),
    TIME_SERIES: (
        ("TimeSeriesConfig.TargetAttributeName", "target column"),
        ("TimeSeriesConfig.TimestampAttributeName", "timestamp column"),
        ("TimeSeriesConfig.ItemIdentifierAttributeName", "item identifier column"),
    ),
    TEXT_CLASSIFICATION: (
        ("ContentColumn", "content column"),
        ("TargetLabelColumn", "target label column"),
    ),
}


def timestamp_column(ctx: LintContext) -> str | None:
    """The time-series timestamp column, when the request is a time-series job."""
    if ctx.problem_type != TIME_SERIES:
        return None
    return get_str(ctx.problem_config, "TimeSeriesConfig", "TimestampAttributeName")


def kms_members(ctx: LintContext) -> Iterator[tuple[str, str]]:
    """``(path, key id)`` of the output and volume KMS keys the request names."""
    key = ctx.get_str("OutputDataConfig", "KmsKeyId")
    if key:
        yield "OutputDataConfig.KmsKeyId", key
    path, security = ctx.security_config
    volume = get_str(security, "VolumeKmsKeyId")
    if volume:
        yield join(path, "VolumeKmsKeyId"), volume


def vpc_members(ctx: LintContext, member: str) -> Iterator[tuple[str, str]]:
    """``(path, id)`` of each ``Subnets`` or ``SecurityGroupIds`` item of the VpcConfig."""
    path, security = ctx.security_config
    for i, value in enumerate(get_list(security, "VpcConfig", member) or []):
        if isinstance(value, str):
            yield join(path, "VpcConfig", member, i), value


def feature_spec_member(ctx: LintContext) -> tuple[str, str] | None:
    """``(path, uri)`` of the tabular ``FeatureSpecificationS3Uri``, when given.

    V2 has it in ``TabularJobConfig``; V1 in ``AutoMLJobConfig.CandidateGenerationConfig``.
    """
    if ctx.problem_type != TABULAR:
        return None
    keys: tuple[str, ...] = ("CandidateGenerationConfig",) if ctx.is_v1 else ()
    keys += ("FeatureSpecificationS3Uri",)
    uri = get_str(ctx.problem_config, *keys)
    return (join(ctx.problem_config_path, *keys), uri) if uri else None


def endpoint_member(ctx: LintContext) -> tuple[str, str] | None:
    """``(path, name)`` of ``ModelDeployConfig.EndpointName`` when the job will create it."""
    name = ctx.get_str("ModelDeployConfig", "EndpointName")
    if not name or ctx.get_bool("ModelDeployConfig", "AutoGenerateEndpointName"):
        return None
    return "ModelDeployConfig.EndpointName", name


def parse_s3_uri(uri: str) -> tuple[str, str] | None:
    """``("bucket", "key/prefix")`` of an ``s3://`` URI; ``None`` when it is not one."""
    if not uri.startswith("s3://"):
        return None
    bucket, _, key = uri[len("s3://") :].partition("/")
    return (bucket, key) if bucket else None
