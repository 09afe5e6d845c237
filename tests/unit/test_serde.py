"""to_wire / from_wire: wire names, what is omitted, strict requests, lenient responses."""

from __future__ import annotations

import copy
import datetime
import pickle
from typing import Any

import attrs
import pytest

from automl_sdk import ShapeError, from_wire, lint_request, to_wire
from automl_sdk.shapes import (
    AutoMLDataSplitConfig,
    AutoMLJobCompletionCriteria,
    AutoMLJobObjective,
    AutoMLProblemTypeConfig,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
    ListAutoMLJobsRequest,
    ModelDeployConfig,
    ProductionVariant,
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
MAX_CANDIDATES = "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates"
STRICT_CASES = [
    (
        "string-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        "10",
        MAX_CANDIDATES,
        "MaxCandidates has the wrong type (got '10', a string; expected an integer from 1 to "
        "750); write 10 without quotes",
    ),
    (
        "float-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        1.9,
        MAX_CANDIDATES,
        "MaxCandidates has the wrong type (got 1.9, a number; expected an integer from 1 to 750)",
    ),
    (
        "bool-for-int",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        True,
        MAX_CANDIDATES,
        "MaxCandidates has the wrong type (got true, a boolean; expected an integer from 1 to 750)",
    ),
    (
        "out-of-range",
        [*TABULAR, "CompletionCriteria", "MaxCandidates"],
        751,
        MAX_CANDIDATES,
        "MaxCandidates is out of range (got 751; expected 1 to 750)",
    ),
    (
        "huge-integer-out-of-range",
        ["DataSplitConfig"],
        {"ValidationFraction": 10**400},
        "DataSplitConfig.ValidationFraction",
        "ValidationFraction is out of range (got " + "1" + "0" * 56 + "...; expected 0 to 1)",
    ),
    (
        "string-for-bool",
        [*TABULAR, "GenerateCandidateDefinitionsOnly"],
        "false",
        "AutoMLProblemTypeConfig.TabularJobConfig.GenerateCandidateDefinitionsOnly",
        "GenerateCandidateDefinitionsOnly has the wrong type (got 'false', a string; expected a "
        "boolean (true or false)); write false without quotes",
    ),
    (
        "int-for-string",
        ["AutoMLJobInputDataConfig", 0, "ChannelType"],
        3,
        "AutoMLJobInputDataConfig[0].ChannelType",
        "ChannelType has the wrong type (got 3, an integer; expected one of 'training', "
        "'validation'); write it as a string: \"3\"",
    ),
    (
        "null-member",
        ["AutoMLJobObjective"],
        None,
        "AutoMLJobObjective",
        "AutoMLJobObjective has the wrong type (got null; expected an object "
        "(AutoMLJobObjective)); omit the member instead of setting it to null",
    ),
    (
        "object-for-list",
        ["AutoMLJobInputDataConfig"],
        {"ChannelType": "training"},
        "AutoMLJobInputDataConfig",
        "AutoMLJobInputDataConfig has the wrong type (got {...}, an object; expected an array of "
        "1 to 2 items)",
    ),
    (
        "not-an-enum-value",
        ["AutoMLJobInputDataConfig", 0, "ChannelType"],
        "train",
        "AutoMLJobInputDataConfig[0].ChannelType",
        "ChannelType is not an allowed value (got 'train'; expected one of 'training', "
        "'validation'); did you mean 'training'?",
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "wire_path", "message"),
    [c[1:] for c in STRICT_CASES],
    ids=[c[0] for c in STRICT_CASES],
)
def test_strict_request_errors_are_phase_1_findings_at_the_wire_path(
    path: list[str | int], value: Any, wire_path: str, message: str
) -> None:
    data = _with(path, value)
    assert _problems(CreateAutoMLJobV2Request, data, strict=True) == [(wire_path, message)]
    assert [(f.path, f.message) for f in lint_request(data, select=["E1"])] == [
        (wire_path, message)
    ]


def test_unknown_keys_are_rejected_in_requests_with_their_path() -> None:
    data = _with(["AutoMLJobInputDataConfig", 0, "DataSource", "S3DataSource", "S3Url"], "s3://x/")
    data["Bogus"] = 1
    problems = _problems(CreateAutoMLJobV2Request, data, strict=True)
    assert [p[0] for p in problems] == [
        "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Url",
        "Bogus",
    ]
    assert problems[0][1] == (
        "unknown member 'S3Url' (got 'S3Url'; expected one of AutoMLS3DataSource's members: "
        "S3DataType, S3Uri); did you mean 'S3Uri'?"
    )


def test_every_problem_is_reported_at_once() -> None:
    data = _with([*TABULAR, "CompletionCriteria", "MaxCandidates"], "10")
    del data["RoleArn"]
    data["AutoMLJobInputDataConfig"][0]["ChannelType"] = 3
    problems = _problems(CreateAutoMLJobV2Request, data, strict=True)
    assert [path for path, _ in problems] == [
        "RoleArn",
        "AutoMLJobInputDataConfig[0].ChannelType",
        MAX_CANDIDATES,
    ]
    assert problems[0] == (
        "RoleArn",
        "required member RoleArn is missing (got nothing; expected a string of 20 to 2048 "
        "characters)",
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param(
            {},
            "AutoMLProblemTypeConfig must set exactly one member (got no member; expected exactly "
            "one of ImageClassificationJobConfig, TabularJobConfig, TextClassificationJobConfig, "
            "TextGenerationJobConfig, TimeSeriesForecastingJobConfig)",
            id="empty",
        ),
        pytest.param(
            {"TabularJobConfig": {"TargetAttributeName": "y"}, "TextGenerationJobConfig": {}},
            "AutoMLProblemTypeConfig must set exactly one member (got 2: TabularJobConfig, "
            "TextGenerationJobConfig; expected exactly one of ImageClassificationJobConfig, "
            "TabularJobConfig, TextClassificationJobConfig, TextGenerationJobConfig, "
            "TimeSeriesForecastingJobConfig)",
            id="two",
        ),
    ],
)
def test_union_needs_exactly_one_member(config: dict[str, Any], message: str) -> None:
    (problem,) = _problems(
        CreateAutoMLJobV2Request, _with(["AutoMLProblemTypeConfig"], config), strict=True
    )
    assert problem == ("AutoMLProblemTypeConfig", message)


def test_unknown_union_member_is_an_error_in_a_request() -> None:
    problems = _problems(
        CreateAutoMLJobV2Request,
        _with(["AutoMLProblemTypeConfig"], {"FutureJobConfig": {}}),
        strict=True,
    )
    assert [path for path, _ in problems] == [
        "AutoMLProblemTypeConfig",
        "AutoMLProblemTypeConfig.FutureJobConfig",
    ]
    assert problems[1][1].startswith(
        "unknown member 'FutureJobConfig' (got 'FutureJobConfig'; expected one of "
        "AutoMLProblemTypeConfig's members: ImageClassificationJobConfig,"
    )


def test_errors_inside_a_union_member_carry_the_member_path() -> None:
    (problem,) = _problems(
        CreateAutoMLJobV2Request, _with([*TABULAR, "TargetAttributeName"], 5), strict=True
    )
    assert problem == (
        "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
        "TargetAttributeName has the wrong type (got 5, an integer; expected a string of at least "
        '1 character); write it as a string: "5"',
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
        "price.frontfill has the wrong type (got 0, an integer; expected a string of 1 to 256 "
        'characters); write it as a string: "0"',
    )


@pytest.mark.parametrize(
    ("key", "path", "message"),
    [
        pytest.param(
            1,
            "1",
            "member name is not a string (got 1, an integer; expected a member of "
            "CreateAutoMLJobV2Request)",
            id="int-key",
        ),
        pytest.param(
            None,
            "null",
            "member name is not a string (got null; expected a member of CreateAutoMLJobV2Request)",
            id="none-key",
        ),
    ],
)
def test_non_string_member_names_are_a_problem_of_their_own(
    key: Any, path: str, message: str
) -> None:
    data: dict[Any, Any] = copy.deepcopy(REQUEST)
    data[key] = "x"
    assert _problems(CreateAutoMLJobV2Request, data, strict=True) == [(path, message)]


def test_non_string_map_keys_are_reported_in_requests_and_responses() -> None:
    data = copy.deepcopy(REQUEST)
    data["AutoMLProblemTypeConfig"] = {
        "TextGenerationJobConfig": {"TextGenerationHyperParameters": {3: "x"}}
    }
    path = "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters.3"
    assert _problems(CreateAutoMLJobV2Request, data, strict=True) == [
        (path, "map key has the wrong type (got 3, an integer; expected a string)")
    ]
    response = dict(RESPONSE, AutoMLProblemTypeConfig=data["AutoMLProblemTypeConfig"])
    assert _problems(DescribeAutoMLJobV2Response, response, strict=False) == [
        (
            "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters",
            "map keys must be strings, got integer 3",
        )
    ]


def test_non_object_input_is_a_shape_error() -> None:
    assert _problems(CreateAutoMLJobV2Request, ["not", "a", "dict"], strict=True) == [
        ("", "request is not a JSON object (got [...]; expected an object of request members)")
    ]
    assert _problems(TabularJobConfig, 3, strict=True) == [
        ("", "value has the wrong type (got 3, an integer; expected an object (TabularJobConfig))")
    ]
    assert _problems(DescribeAutoMLJobV2Response, ["x"], strict=False) == [
        ("", "expected an object, got array ['x']")
    ]


def test_from_wire_refuses_a_class_that_is_no_shape() -> None:
    with pytest.raises(ShapeError) as info:
        from_wire(dict, {})
    assert info.value.problems == (
        ("", "expected an automl_sdk.shapes class, got type <class 'dict'>"),
    )


def test_a_union_alias_parses_like_its_member() -> None:
    wire = {"TabularJobConfig": {"TargetAttributeName": "y"}}
    parsed: Any = from_wire(AutoMLProblemTypeConfig, wire, strict=True)  # type: ignore[arg-type]
    assert parsed == TabularJobConfig(target_attribute_name="y")


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


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        pytest.param(
            {"output_data_config": None},
            (
                "OutputDataConfig",
                "required member OutputDataConfig is missing (got nothing; expected an object "
                "(AutoMLOutputDataConfig))",
            ),
            id="required-member-none",
        ),
        pytest.param(
            {"role_arn": 5},
            (
                "RoleArn",
                "RoleArn has the wrong type (got 5, an integer; expected a string of 20 to 2048 "
                'characters); write it as a string: "5"',
            ),
            id="int-for-string",
        ),
        pytest.param(
            {"auto_ml_job_objective": "F1"},
            (
                "AutoMLJobObjective",
                "AutoMLJobObjective has the wrong type (got 'F1', a string; expected an object "
                "(AutoMLJobObjective))",
            ),
            id="string-for-structure",
        ),
        pytest.param(
            {"auto_ml_problem_type_config": AutoMLJobObjective(metric_name="F1")},
            (
                "AutoMLProblemTypeConfig",
                "AutoMLProblemTypeConfig has the wrong type (got AutoMLJobObjective(metric_name='F1'), "
                "a AutoMLJobObjective; expected an object (AutoMLProblemTypeConfig))",
            ),
            id="wrong-shape-in-a-union",
        ),
    ],
)
def test_to_wire_of_a_broken_request_names_the_wire_path(
    change: dict[str, Any], problem: tuple[str, str]
) -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    with pytest.raises(ShapeError) as info:
        to_wire(attrs.evolve(request, **change))
    assert info.value.problems == (problem,)


def test_to_wire_finds_a_missing_required_member_at_any_depth_of_a_request() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    assert request.auto_ml_job_objective is not None
    objective = attrs.evolve(request.auto_ml_job_objective, metric_name=None)  # type: ignore[arg-type]
    with pytest.raises(ShapeError) as info:
        to_wire(attrs.evolve(request, auto_ml_job_objective=objective))
    assert [path for path, _ in info.value.problems] == ["AutoMLJobObjective.MetricName"]


def test_to_wire_leaves_value_constraints_to_the_linter() -> None:
    request = from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)
    assert to_wire(attrs.evolve(request, auto_ml_job_name="not a valid name"))["AutoMLJobName"] == (
        "not a valid name"
    )


def test_a_response_without_a_required_member_parses_with_none() -> None:
    wire = {key: value for key, value in RESPONSE.items() if key != "CreationTime"}
    del wire["AutoMLJobInputDataConfig"]  # a required list
    parsed = from_wire(DescribeAutoMLJobV2Response, wire)
    assert parsed.creation_time is None
    assert parsed.auto_ml_job_input_data_config is None
    assert parsed.auto_ml_job_status == "InProgress"
    assert to_wire(parsed) == wire  # a response shape may lack them; only requests may not


def test_a_response_with_null_members_parses_them_as_none() -> None:
    parsed = from_wire(
        DescribeAutoMLJobV2Response, dict(RESPONSE, RoleArn=None, BestCandidate=None)
    )
    assert parsed.role_arn is None
    assert parsed.best_candidate is None


@pytest.mark.parametrize("strict", [True, False])
def test_numbers_keep_their_member_type(strict: bool) -> None:
    # A float member given a JSON integer becomes a float; an integer member stays an int.
    parsed = from_wire(AutoMLJobCompletionCriteria, {"MaxCandidates": 5}, strict=strict)
    assert type(parsed.max_candidates) is int
    split = from_wire(AutoMLDataSplitConfig, {"ValidationFraction": 0}, strict=strict)
    assert type(split.validation_fraction) is float
    assert split.validation_fraction == 0.0


TIME_NOT_READ = (
    "is not a time (got {}; expected a datetime, epoch seconds or an ISO 8601 string such as "
    "'2026-01-31T12:00:00Z')"
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [("yesterday", "'yesterday'"), (float("nan"), "nan"), (10**20, "100000000000000000000")],
)
def test_a_timestamp_phase_1_cannot_read_is_its_finding_not_a_conversion_error(
    value: Any, shown: str
) -> None:
    problems = _problems(ListAutoMLJobsRequest, {"CreationTimeAfter": value}, strict=True)
    assert problems == [("CreationTimeAfter", "CreationTimeAfter " + TIME_NOT_READ.format(shown))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-31T12:00:00Z", datetime.datetime(2026, 1, 31, 12, tzinfo=datetime.timezone.utc)),
        (0, datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)),
    ],
)
def test_a_timestamp_phase_1_reads_converts_in_both_modes(
    value: Any, expected: datetime.datetime
) -> None:
    for strict in (True, False):
        request = from_wire(ListAutoMLJobsRequest, {"CreationTimeAfter": value}, strict=strict)
        assert request.creation_time_after == expected


def test_an_integer_too_large_for_a_float_member_is_a_range_finding() -> None:
    wire = {"VariantName": "a", "ModelName": "m", "InitialVariantWeight": 10**400}
    problems = _problems(ProductionVariant, wire, strict=True)
    assert problems == [
        (
            "InitialVariantWeight",
            "InitialVariantWeight is too large for a number (got "
            + "1"
            + "0" * 56
            + "...; expected at most 1.798e+308 in size)",
        )
    ]
    wire["InitialVariantWeight"] = 2**1000  # still a float: passes, converted
    weight = from_wire(ProductionVariant, wire, strict=True).initial_variant_weight
    assert weight == float(2**1000)
