"""to_wire / from_wire at the edges the mutation run found untested: ``Unknown…`` union variants
where they cannot go, lenient parsing's own messages, and the linter's view of a shape object
that has no wire form."""

from __future__ import annotations

import collections
import copy
import decimal
from typing import Any, Optional, Union

import attrs
import pytest

from automl_sdk import ShapeError, from_wire, lint_request, to_wire
from automl_sdk.shapes import (
    AutoMLJobObjective,
    AutoMLProblemTypeConfig,
    AutoMLResolvedAttributes,
    CreateAutoMLJobV2Request,
    DescribeAutoMLJobV2Request,
    DescribeAutoMLJobV2Response,
    ModelDeployConfig,
    TabularJobConfig,
    TextGenerationJobConfig,
    UnknownAutoMLProblemTypeConfig,
    UnknownAutoMLProblemTypeResolvedAttributes,
)
from automl_sdk.shapes.enums import AutoMLMetricEnum
from tests.unit.test_serde import REQUEST, RESPONSE

NOT_BUILT = "an Unknown… union variant cannot be built from a wire value"


def _shape_error(call: Any) -> ShapeError:
    with pytest.raises(ShapeError) as info:
        call()
    return info.value


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize(
    "cls", [UnknownAutoMLProblemTypeConfig, UnknownAutoMLProblemTypeResolvedAttributes]
)
def test_an_unknown_variant_class_is_never_built_from_the_wire(cls: type, strict: bool) -> None:
    # Strict parsing used to hand the class to the schema walk, which has no table for it
    # (KeyError); only a response's union member the model does not know makes one.
    error = _shape_error(lambda: from_wire(cls, {"tag": "FutureJobConfig"}, strict=strict))
    assert (error.shape, error.problems) == (cls.__name__, (("", NOT_BUILT),))


@pytest.mark.parametrize(
    "alias",
    [
        pytest.param(AutoMLProblemTypeConfig | None, id="or-none"),
        pytest.param(Optional[AutoMLProblemTypeConfig], id="typing-optional"),  # noqa: UP045
    ],
)
def test_a_union_alias_written_with_none_parses_like_the_alias(alias: Any) -> None:
    wire = {"TabularJobConfig": {"TargetAttributeName": "y"}}
    assert from_wire(alias, wire, strict=True) == TabularJobConfig(target_attribute_name="y")


@pytest.mark.parametrize(
    ("union", "shape", "shown"),
    [
        pytest.param(
            TabularJobConfig | ModelDeployConfig,
            "UnionType",
            "UnionType automl_sdk.shapes.structures....structures.ModelDeployConfig",
            id="or",
        ),
        pytest.param(
            Union[TabularJobConfig, ModelDeployConfig],  # noqa: UP007
            "Union",
            "_UnionGenericAlias typing.Union[automl_sdk.shap...structures.ModelDeployConfig]",
            id="typing-union",
        ),
    ],
)
def test_a_union_that_is_no_alias_is_no_shape_class(union: Any, shape: str, shown: str) -> None:
    error = _shape_error(lambda: from_wire(union, {}))
    assert (error.shape, error.problems) == (
        shape,
        (("", f"expected an automl_sdk.shapes class, got {shown}"),),
    )


def test_from_wire_refuses_a_class_name_given_as_a_string() -> None:
    error = _shape_error(lambda: from_wire("CreateAutoMLJobV2Request", {}))  # type: ignore[arg-type]
    assert (error.shape, error.problems) == (
        "str",
        (("", "expected an automl_sdk.shapes class, got string 'CreateAutoMLJobV2Request'"),),
    )


def test_a_lenient_parse_of_a_union_alias_reports_its_own_problem_at_the_root() -> None:
    wire = {"TabularJobConfig": {"TargetAttributeName": "y"}, "TextGenerationJobConfig": {}}
    error = _shape_error(lambda: from_wire(AutoMLProblemTypeConfig, wire))  # type: ignore[arg-type]
    assert (error.shape, error.problems) == (
        "AutoMLProblemTypeConfig",
        (
            (
                "",
                "exactly one member must be set (got TabularJobConfig, TextGenerationJobConfig; "
                "expected one of ImageClassificationJobConfig, TabularJobConfig, "
                "TextClassificationJobConfig, TextGenerationJobConfig, "
                "TimeSeriesForecastingJobConfig)",
            ),
        ),
    )


def _request() -> CreateAutoMLJobV2Request:
    return from_wire(CreateAutoMLJobV2Request, REQUEST, strict=True)


def test_an_unknown_variant_handed_to_to_wire_on_its_own_is_refused_at_the_root() -> None:
    error = _shape_error(lambda: to_wire(UnknownAutoMLProblemTypeConfig(tag="FutureJobConfig")))
    assert (error.shape, error.problems) == (
        "UnknownAutoMLProblemTypeConfig",
        (
            (
                "",
                "UnknownAutoMLProblemTypeConfig cannot be sent as a AutoMLProblemTypeConfig member",
            ),
        ),
    )


def test_to_wire_names_the_type_of_a_value_that_is_no_shape() -> None:
    error = _shape_error(lambda: to_wire({"AutoMLJobName": "x"}))
    assert (error.shape, error.problems) == (
        "dict",
        (("", "expected an automl_sdk.shapes object, got dict"),),
    )


def test_a_response_without_a_required_member_is_written_by_the_checked_writer_too() -> None:
    # The OrderedDict sends to_wire down the explaining path, which must not ask a response
    # for the members only a request must have.
    wire = {key: value for key, value in RESPONSE.items() if key != "CreationTime"}
    response = attrs.evolve(
        from_wire(DescribeAutoMLJobV2Response, wire),
        auto_ml_problem_type_config=TextGenerationJobConfig(
            text_generation_hyper_parameters=collections.OrderedDict(epochCount="3")
        ),
    )
    assert to_wire(response) == {
        **wire,
        "AutoMLProblemTypeConfig": {
            "TextGenerationJobConfig": {"TextGenerationHyperParameters": {"epochCount": "3"}}
        },
    }


def test_an_unknown_variant_deep_in_a_response_is_named_by_its_full_path() -> None:
    response = from_wire(DescribeAutoMLJobV2Response, RESPONSE)
    resolved = AutoMLResolvedAttributes(
        auto_ml_problem_type_resolved_attributes=UnknownAutoMLProblemTypeResolvedAttributes(
            tag="VideoResolvedAttributes"
        )
    )
    error = _shape_error(lambda: to_wire(attrs.evolve(response, resolved_attributes=resolved)))
    assert (error.shape, error.problems) == (
        "DescribeAutoMLJobV2Response",
        (
            (
                "ResolvedAttributes.AutoMLProblemTypeResolvedAttributes",
                "UnknownAutoMLProblemTypeResolvedAttributes cannot be sent as a "
                "AutoMLProblemTypeResolvedAttributes member",
            ),
        ),
    )


def test_every_unknown_variant_is_listed_in_lists_and_maps_too() -> None:
    unknown = UnknownAutoMLProblemTypeConfig(tag="FutureJobConfig")
    config = TextGenerationJobConfig(text_generation_hyper_parameters={"epochCount": unknown})  # type: ignore[dict-item]
    request = attrs.evolve(
        _request(),
        auto_ml_job_input_data_config=(unknown,),  # type: ignore[arg-type]
        auto_ml_problem_type_config=config,
    )
    message = "UnknownAutoMLProblemTypeConfig cannot be sent as a AutoMLProblemTypeConfig member"
    assert _shape_error(lambda: to_wire(request)).problems == (
        ("AutoMLJobInputDataConfig[0]", message),
        (
            "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters.epochCount",
            message,
        ),
    )


def test_a_request_without_its_only_member_is_refused() -> None:
    # Nothing else in it falls back to the explaining walk: the fast writer must refuse it.
    error = _shape_error(lambda: to_wire(DescribeAutoMLJobV2Request(auto_ml_job_name=None)))  # type: ignore[arg-type]
    assert error.problems == (
        (
            "AutoMLJobName",
            "required member AutoMLJobName is missing (got nothing; expected a string of 1 to 32 "
            "characters)",
        ),
    )


def test_a_required_member_left_none_inside_a_union_member_of_a_request_is_refused() -> None:
    request = _request()
    assert isinstance(request.auto_ml_problem_type_config, TabularJobConfig)
    config = attrs.evolve(request.auto_ml_problem_type_config, target_attribute_name=None)  # type: ignore[arg-type]
    error = _shape_error(lambda: to_wire(attrs.evolve(request, auto_ml_problem_type_config=config)))
    assert error.problems == (
        (
            "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
            "required member TargetAttributeName is missing (got nothing; expected a string of at "
            "least 1 character)",
        ),
    )


def test_to_wire_refuses_a_map_key_that_is_no_string() -> None:
    # Only the one key: a string key beside it would send to_wire down the checked path anyway.
    config = TextGenerationJobConfig(text_generation_hyper_parameters={3: "x"})  # type: ignore[dict-item]
    error = _shape_error(lambda: to_wire(config))
    assert (error.shape, error.problems) == (
        "TextGenerationJobConfig",
        (
            (
                "TextGenerationHyperParameters.3",
                "map key has the wrong type (got 3, an integer; expected a string)",
            ),
        ),
    )


def test_the_explaining_writer_also_sends_enum_constants_as_plain_strings() -> None:
    # An OrderedDict is no plain dict, so the fast writer leaves this request to the checked one.
    hyper_parameters = collections.OrderedDict(epochCount="3")
    request = attrs.evolve(
        _request(),
        auto_ml_problem_type_config=TextGenerationJobConfig(
            text_generation_hyper_parameters=hyper_parameters
        ),
        auto_ml_job_objective=AutoMLJobObjective(metric_name=AutoMLMetricEnum.F1MACRO),
    )
    wire = to_wire(request)
    assert wire["AutoMLJobObjective"] == {"MetricName": "F1macro"}
    assert type(wire["AutoMLJobObjective"]["MetricName"]) is str
    sent = wire["AutoMLProblemTypeConfig"]["TextGenerationJobConfig"]
    assert sent == {"TextGenerationHyperParameters": {"epochCount": "3"}}
    assert type(sent["TextGenerationHyperParameters"]) is dict


def test_lint_of_a_request_shape_holding_an_unknown_variant_says_why_it_has_no_wire_form() -> None:
    request = attrs.evolve(
        _request(), auto_ml_problem_type_config=UnknownAutoMLProblemTypeConfig(tag="Future")
    )
    (finding,) = lint_request(request)
    assert (finding.rule, finding.severity, finding.path) == ("E1002", "error", "")
    assert finding.message == (
        "cannot convert CreateAutoMLJobV2Request to its wire form (ShapeError: cannot convert "
        "CreateAutoMLJobV2Request: 1 problem(s)\n  AutoMLProblemTypeConfig: "
        "UnknownAutoMLProblemTypeConfig cannot be sent as a AutoMLProblemTypeConfig member)"
    )


def _response_with(**members: Any) -> dict[str, Any]:
    return {**copy.deepcopy(RESPONSE), **members}


LENIENT_CASES = [
    pytest.param(
        {"RoleArn": 5}, [("RoleArn", "expected a string, got integer 5")], id="int-for-string"
    ),
    pytest.param(
        {"AutoMLJobInputDataConfig": "s3://bucket/"},
        [("AutoMLJobInputDataConfig", "expected an array, got string 's3://bucket/'")],
        id="string-for-list",
    ),
    pytest.param(
        {"AutoMLJobInputDataConfig": [{"ChannelType": 1}, "x", {"ContentType": 2}]},
        [
            ("AutoMLJobInputDataConfig[0].ChannelType", "expected a string, got integer 1"),
            ("AutoMLJobInputDataConfig[1]", "expected an object, got string 'x'"),
            ("AutoMLJobInputDataConfig[2].ContentType", "expected a string, got integer 2"),
        ],
        id="every-bad-item",
    ),
    pytest.param(
        {"AutoMLProblemTypeConfig": ["TabularJobConfig"]},
        [("AutoMLProblemTypeConfig", "expected an object, got array ['TabularJobConfig']")],
        id="array-for-union",
    ),
    pytest.param(
        {
            "AutoMLProblemTypeConfig": {
                "TabularJobConfig": {"TargetAttributeName": "y"},
                "TextGenerationJobConfig": {},
            }
        },
        [
            (
                "AutoMLProblemTypeConfig",
                "exactly one member must be set (got TabularJobConfig, TextGenerationJobConfig; "
                "expected one of ImageClassificationJobConfig, TabularJobConfig, "
                "TextClassificationJobConfig, TextGenerationJobConfig, "
                "TimeSeriesForecastingJobConfig)",
            )
        ],
        id="two-union-members",
    ),
    pytest.param(
        {"AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": 7}}},
        [
            (
                "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
                "expected a string, got integer 7",
            )
        ],
        id="inside-a-union-member",
    ),
    pytest.param(
        {
            "AutoMLProblemTypeConfig": {
                "TextGenerationJobConfig": {
                    "TextGenerationHyperParameters": {"epochCount": 3, 4: "x", "learningRate": 5}
                }
            }
        },
        [
            (
                "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters"
                ".epochCount",
                "expected a string, got integer 3",
            ),
            (
                "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters",
                "map keys must be strings, got integer 4",
            ),
            (
                "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters"
                ".learningRate",
                "expected a string, got integer 5",
            ),
        ],
        id="every-bad-map-entry",
    ),
    pytest.param(
        {
            "AutoMLProblemTypeConfig": {
                "TextGenerationJobConfig": {"TextGenerationHyperParameters": ["epochCount"]}
            }
        },
        [
            (
                "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters",
                "expected an object, got array ['epochCount']",
            )
        ],
        id="array-for-map",
    ),
    pytest.param(
        {
            "AutoMLProblemTypeConfig": {
                "TimeSeriesForecastingJobConfig": {
                    "Transformations": {"Filling": {"price": {"frontfill": 0}, "qty": ["x"]}}
                }
            }
        },
        [
            (
                "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.Transformations.Filling"
                ".price.frontfill",
                "expected a string, got integer 0",
            ),
            (
                "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.Transformations.Filling"
                ".qty",
                "expected an object, got array ['x']",
            ),
        ],
        id="map-of-maps",
    ),
    pytest.param(
        {"ModelDeployResult": {"EndpointName": True}},
        [("ModelDeployResult.EndpointName", "expected a string, got boolean True")],
        id="bool-for-string",
    ),
    pytest.param(
        {"BestCandidate": {"CandidateName": "c", "FinalAutoMLJobObjectiveMetric": {"Value": "x"}}},
        [
            (
                "BestCandidate.FinalAutoMLJobObjectiveMetric.Value",
                "expected a number, got string 'x'",
            )
        ],
        id="string-for-float",
    ),
    pytest.param(
        {"BestCandidate": {"FinalAutoMLJobObjectiveMetric": {"Value": 10**400}}},
        [
            (
                "BestCandidate.FinalAutoMLJobObjectiveMetric.Value",
                "expected a number, got integer 100000000000000000...0000000000000000000",
            )
        ],
        id="integer-past-float",
    ),
    pytest.param(
        {"CreationTime": "yesterday"},
        [("CreationTime", "expected an ISO 8601 timestamp, got string 'yesterday'")],
        id="not-a-timestamp",
    ),
    pytest.param(
        {"CreationTime": 10**30},  # OverflowError from the platform's time_t
        [("CreationTime", "expected an ISO 8601 timestamp, got integer " + "1" + "0" * 30)],
        id="epoch-past-time-t",
    ),
    pytest.param(
        {"CreationTime": 1e18},  # OSError (EOVERFLOW) from localtime on Linux
        [("CreationTime", "expected an ISO 8601 timestamp, got number 1e+18")],
        id="epoch-past-the-os",
    ),
    pytest.param(
        {"CreationTime": 1e16},  # ValueError: a year past 9999
        [("CreationTime", "expected an ISO 8601 timestamp, got number 1e+16")],
        id="epoch-past-year-9999",
    ),
    pytest.param(
        {"CreationTime": True},
        [("CreationTime", "expected an ISO 8601 timestamp, got boolean True")],
        id="bool-for-timestamp",
    ),
]


class _FailingStr:
    def __str__(self) -> str:
        raise RuntimeError("no str")


LENIENT_CASES += [
    pytest.param(
        {"RoleArn": 1.5}, [("RoleArn", "expected a string, got number 1.5")], id="float-for-string"
    ),
    pytest.param(
        {
            "AutoMLProblemTypeConfig": {
                "TabularJobConfig": {
                    "TargetAttributeName": "y",
                    "CompletionCriteria": {
                        "MaxCandidates": "10",
                        "MaxRuntimePerTrainingJobInSeconds": True,
                        "MaxAutoMLJobRuntimeInSeconds": 3600,
                    },
                }
            }
        },
        [
            (
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "expected an integer, got string '10'",
            ),
            (
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria"
                ".MaxRuntimePerTrainingJobInSeconds",
                "expected an integer, got boolean True",
            ),
        ],
        id="integers",
    ),
    pytest.param(
        {"BestCandidate": {"FinalAutoMLJobObjectiveMetric": {"Value": decimal.Decimal("sNaN")}}},
        [
            (
                "BestCandidate.FinalAutoMLJobObjectiveMetric.Value",
                "expected a number, got Decimal Decimal('sNaN')",
            )
        ],
        id="signaling-nan",
    ),
    pytest.param(
        # No wire value does this; a Python caller's object may: its error is the message.
        {"AutoMLProblemTypeConfig": {"SDK_UNKNOWN_MEMBER": _FailingStr()}},
        [("AutoMLProblemTypeConfig", "RuntimeError: no str")],
        id="failing-str",
    ),
]


# How a wrong value is shown: its JSON kind and a repr of at most 60 characters.
LENIENT_CASES += [
    pytest.param(
        {"AutoMLJobInputDataConfig": {"ChannelType": "training"}},
        [("AutoMLJobInputDataConfig", "expected an array, got object {'ChannelType': 'training'}")],
        id="shown-object",
    ),
    pytest.param(
        {"AutoMLProblemTypeConfig": ("TabularJobConfig",)},
        [("AutoMLProblemTypeConfig", "expected an object, got array ('TabularJobConfig',)")],
        id="shown-tuple",
    ),
    pytest.param(
        {"RoleArn": ["x" * 56]},
        [("RoleArn", "expected a string, got array ['" + "x" * 56 + "']")],
        id="shown-whole-at-60",
    ),
    pytest.param(
        {"RoleArn": ["x" * 57]},
        [("RoleArn", "expected a string, got array ['" + "x" * 55 + "...")],
        id="cut-at-61",
    ),
    pytest.param(
        {"RoleArn": 10**5000},  # past the interpreter's digit limit: repr() itself fails
        [("RoleArn", "expected a string, got integer ...")],
        id="unshowable-integer",
    ),
]


@pytest.mark.parametrize(
    ("marker", "tag"),
    [
        pytest.param({"name": "VideoJobConfig"}, "VideoJobConfig", id="botocore"),
        pytest.param({}, "", id="no-name"),
        pytest.param("VideoJobConfig", "VideoJobConfig", id="plain-string"),
    ],
)
def test_botocore_unknown_member_marker_becomes_the_unknown_variant(marker: Any, tag: str) -> None:
    wire = _response_with(AutoMLProblemTypeConfig={"SDK_UNKNOWN_MEMBER": marker})
    parsed = from_wire(DescribeAutoMLJobV2Response, wire)
    assert parsed.auto_ml_problem_type_config == UnknownAutoMLProblemTypeConfig(tag=tag)


def test_a_lenient_parse_of_null_says_so() -> None:
    error = _shape_error(lambda: from_wire(DescribeAutoMLJobV2Response, None))
    assert error.problems == (("", "expected an object, got null"),)


@pytest.mark.parametrize(("members", "problems"), LENIENT_CASES)
def test_lenient_parsing_names_each_wrong_type_at_its_wire_path(
    members: dict[str, Any], problems: list[tuple[str, str]]
) -> None:
    data = _response_with(**members)
    error = _shape_error(lambda: from_wire(DescribeAutoMLJobV2Response, data))
    assert (error.shape, list(error.problems)) == ("DescribeAutoMLJobV2Response", problems)
