"""to_wire / from_wire: wire names, what is omitted, strict requests, lenient responses."""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import attrs
import pytest

from automl_sdk import ShapeError, from_wire, to_wire
from automl_sdk.shapes import (
    AutoMLJobCompletionCriteria,
    AutoMLJobObjective,
    AutoMLProblemTypeConfig,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
    ModelDeployConfig,
    TabularJobConfig,
    UnknownAutoMLProblemTypeConfig,
    UnknownAutoMLProblemTypeResolvedAttributes,
)
from automl_sdk.shapes.enums import AutoMLMetricEnum

REQUEST: dict[str, Any] = {
    "AutoMLJobName": "churn-1",
    "AutoMLJobInputDataConfig": [
        {
            "ChannelType": "training",
            "ContentType": "text/csv;header=present",
            "DataSource": {
                "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}
            },
        }
    ],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
    "AutoMLProblemTypeConfig": {
        "TabularJobConfig": {
            "TargetAttributeName": "churned",
            "ProblemType": "BinaryClassification",
            "CompletionCriteria": {"MaxCandidates": 10},
        }
    },
    "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
    "AutoMLJobObjective": {"MetricName": "F1"},
}

RESPONSE: dict[str, Any] = {
    "AutoMLJobName": "churn-1",
    "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn-1",
    "AutoMLJobInputDataConfig": REQUEST["AutoMLJobInputDataConfig"],
    "OutputDataConfig": REQUEST["OutputDataConfig"],
    "RoleArn": REQUEST["RoleArn"],
    "CreationTime": datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc),
    "LastModifiedTime": datetime.datetime(2026, 11, 1, 1, tzinfo=datetime.timezone.utc),
    "AutoMLJobStatus": "InProgress",
    "AutoMLJobSecondaryStatus": "TrainingModels",
}


def test_request_round_trip_uses_wire_names() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    assert request.auto_ml_job_name == "churn-1"
    assert isinstance(request.auto_ml_problem_type_config, TabularJobConfig)
    data_source = request.auto_ml_job_input_data_config[0].data_source
    assert data_source is not None
    assert data_source.s3_data_source.s3_uri == "s3://bucket/train/"
    assert to_wire(request) == REQUEST


def test_lists_are_stored_as_tuples_and_sent_as_lists() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    assert isinstance(request.auto_ml_job_input_data_config, tuple)
    assert isinstance(to_wire(request)["AutoMLJobInputDataConfig"], list)


@pytest.mark.parametrize(
    ("shape", "wire"),
    [
        pytest.param(
            ModelDeployConfig(auto_generate_endpoint_name=False),
            {"AutoGenerateEndpointName": False},
            id="false",
        ),
        pytest.param(
            AutoMLJobCompletionCriteria(max_candidates=0), {"MaxCandidates": 0}, id="zero"
        ),
        pytest.param(ModelDeployConfig(endpoint_name=""), {"EndpointName": ""}, id="empty-string"),
        pytest.param(ModelDeployConfig(), {}, id="all-none"),
    ],
)
def test_only_none_is_omitted(shape: Any, wire: dict[str, Any]) -> None:
    assert to_wire(shape) == wire


def test_enum_constants_are_sent_as_plain_strings() -> None:
    wire = to_wire(AutoMLJobObjective(metric_name=AutoMLMetricEnum.F1MACRO))
    assert wire == {"MetricName": "F1macro"}
    assert type(wire["MetricName"]) is str


def test_evolve_then_convert() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    renamed = attrs.evolve(request, auto_ml_job_name="churn-2")
    assert to_wire(renamed)["AutoMLJobName"] == "churn-2"
    assert to_wire(request)["AutoMLJobName"] == "churn-1"


def _problems(cls: type, data: Any, *, strict: bool) -> list[tuple[str, str]]:
    with pytest.raises(ShapeError) as info:
        from_wire(cls, data, strict=strict)
    assert info.value.shape == cls.__name__
    return list(info.value.problems)


def _with(path: list[str | int], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(REQUEST)
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


TABULAR = ["AutoMLProblemTypeConfig", "TabularJobConfig"]
STRICT_CASES = [
    (
        "string-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        "10",
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
        "expected an integer, got string '10'",
    ),
    (
        "float-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        1.9,
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
        "expected an integer, got number 1.9",
    ),
    (
        "bool-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        True,
        "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
        "expected an integer, got boolean True",
    ),
    (
        "string-for-bool",
        [*TABULAR, "GenerateCandidateDefinitionsOnly"],
        "false",
        "AutoMLProblemTypeConfig.TabularJobConfig.GenerateCandidateDefinitionsOnly",
        "expected a boolean, got string 'false'",
    ),
    (
        "int-for-string",
        ["AutoMLJobInputDataConfig", 0, "ChannelType"],
        3,
        "AutoMLJobInputDataConfig[0].ChannelType",
        "expected a string, got integer 3",
    ),
    (
        "object-for-list",
        ["AutoMLJobInputDataConfig"],
        {"ChannelType": "training"},
        "AutoMLJobInputDataConfig",
        "expected an array",
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "wire_path", "message"),
    [c[1:] for c in STRICT_CASES],
    ids=[c[0] for c in STRICT_CASES],
)
def test_strict_request_type_errors_name_the_wire_path(
    path: list[str | int], value: Any, wire_path: str, message: str
) -> None:
    (problem,) = _problems(CreateAutoMLJobV2Request, _with(path, value), strict=True)
    assert problem[0] == wire_path
    assert problem[1].startswith(message)


def test_unknown_keys_are_rejected_in_requests_with_their_path() -> None:
    data = _with(["AutoMLJobInputDataConfig", 0, "DataSource", "S3DataSource", "S3Url"], "s3://x/")
    data["Bogus"] = 1
    problems = _problems(CreateAutoMLJobV2Request, data, strict=True)
    assert [p[0] for p in problems] == [
        "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Url",
        "Bogus",
    ]
    assert problems[0][1] == "unknown member (expected one of S3DataType, S3Uri)"


def test_every_problem_is_reported_at_once() -> None:
    data = _with([*TABULAR, "CompletionCriteria", "MaxCandidates"], "10")
    del data["RoleArn"]
    data["AutoMLJobInputDataConfig"][0]["ChannelType"] = 3
    problems = _problems(CreateAutoMLJobV2Request, data, strict=True)
    assert sorted(problems) == [
        ("AutoMLJobInputDataConfig[0].ChannelType", "expected a string, got integer 3"),
        (
            "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
            "expected an integer, got string '10'",
        ),
        ("RoleArn", "required member is missing"),
    ]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param({}, "exactly one member must be set (got none;", id="empty"),
        pytest.param(
            {"TabularJobConfig": {"TargetAttributeName": "y"}, "TextGenerationJobConfig": {}},
            "exactly one member must be set (got TabularJobConfig, TextGenerationJobConfig;",
            id="two",
        ),
    ],
)
def test_union_needs_exactly_one_member(config: dict[str, Any], message: str) -> None:
    (problem,) = _problems(
        CreateAutoMLJobV2Request, _with(["AutoMLProblemTypeConfig"], config), strict=True
    )
    assert problem[0] == "AutoMLProblemTypeConfig"
    assert problem[1].startswith(message)


def test_unknown_union_member_is_an_error_in_a_request() -> None:
    (problem,) = _problems(
        CreateAutoMLJobV2Request,
        _with(["AutoMLProblemTypeConfig"], {"FutureJobConfig": {}}),
        strict=True,
    )
    assert problem[0] == "AutoMLProblemTypeConfig.FutureJobConfig"
    assert problem[1].startswith("unknown member (expected one of ImageClassificationJobConfig,")


def test_errors_inside_a_union_member_carry_the_member_path() -> None:
    (problem,) = _problems(
        CreateAutoMLJobV2Request, _with([*TABULAR, "TargetAttributeName"], 5), strict=True
    )
    assert problem == (
        "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
        "expected a string, got integer 5",
    )


def test_map_values_are_reported_by_key() -> None:
    data = copy.deepcopy(REQUEST)
    data["AutoMLProblemTypeConfig"] = {
        "TimeSeriesForecastingJobConfig": {
            "ForecastFrequency": "D",
            "ForecastHorizon": 7,
            "TimeSeriesConfig": {
                "TargetAttributeName": "y",
                "TimestampAttributeName": "t",
                "ItemIdentifierAttributeName": "id",
            },
            "Transformations": {"Filling": {"price": {"frontfill": 0}}},
        }
    }
    (problem,) = _problems(CreateAutoMLJobV2Request, data, strict=True)
    assert problem == (
        "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.Transformations.Filling.price.frontfill",
        "expected a string, got integer 0",
    )


def test_non_object_input_is_a_shape_error() -> None:
    assert _problems(CreateAutoMLJobV2Request, ["not", "a", "dict"], strict=True) == [
        ("", "expected an object, got array ['not', 'a', 'dict']")
    ]


def test_response_tolerates_unknown_keys_new_enum_values_and_unknown_union_members() -> None:
    wire = dict(
        RESPONSE,
        AutoMLJobStatus="Paused",
        BrandNewMember={"x": 1},
        AutoMLProblemTypeConfig={"SDK_UNKNOWN_MEMBER": {"name": "VideoJobConfig"}},
        ResolvedAttributes={
            "AutoMLProblemTypeResolvedAttributes": {"VideoResolvedAttributes": {"Fps": 30}}
        },
    )
    parsed = from_wire(DescribeAutoMLJobV2Response, wire)
    assert parsed.auto_ml_job_status == "Paused"
    assert parsed.auto_ml_problem_type_config == UnknownAutoMLProblemTypeConfig(
        tag="VideoJobConfig"
    )
    assert parsed.resolved_attributes is not None
    assert (
        parsed.resolved_attributes.auto_ml_problem_type_resolved_attributes
        == UnknownAutoMLProblemTypeResolvedAttributes(
            tag="VideoResolvedAttributes", value={"Fps": 30}
        )
    )
    assert parsed.best_candidate is None


@pytest.mark.parametrize(
    "stamp",
    [
        pytest.param(datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc), id="datetime"),
        pytest.param("2026-11-01T00:00:00Z", id="iso-z"),
        pytest.param("2026-11-01T00:00:00+00:00", id="iso-offset"),
        pytest.param(1793491200, id="epoch"),
    ],
)
def test_timestamps_parse(stamp: Any) -> None:
    parsed = from_wire(DescribeAutoMLJobV2Response, dict(RESPONSE, CreationTime=stamp))
    assert parsed.creation_time == datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)


def test_unknown_variant_cannot_be_sent() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    unknown: AutoMLProblemTypeConfig = UnknownAutoMLProblemTypeConfig(tag="FutureJobConfig")
    with pytest.raises(ShapeError) as info:
        to_wire(attrs.evolve(request, auto_ml_problem_type_config=unknown))
    assert info.value.problems == (
        (
            "AutoMLProblemTypeConfig",
            "UnknownAutoMLProblemTypeConfig cannot be sent as a AutoMLProblemTypeConfig member",
        ),
    )


def test_to_wire_rejects_non_shapes() -> None:
    with pytest.raises(ShapeError) as info:
        to_wire({"AutoMLJobName": "x"})
    assert info.value.problems == (("", "expected an automl_sdk.shapes object, got dict"),)


def test_shape_error_pickles_and_is_not_a_value_error() -> None:
    error = ShapeError(shape="X", problems=[("A.B", "bad")])
    clone = pickle.loads(pickle.dumps(error))
    assert (clone.shape, clone.problems, str(clone)) == ("X", (("A.B", "bad"),), str(error))
    assert not isinstance(error, ValueError)
