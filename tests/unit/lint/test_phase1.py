"""Phase 1 (E1xxx): each schema check, one named case per situation, exact rule, path and message."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from automl_sdk.lint import lint_request

DATA = Path(__file__).resolve().parents[2] / "data" / "requests"
TABULAR = json.loads((DATA / "v2_tabular.json").read_text())
TIME_SERIES = json.loads((DATA / "v2_time_series.json").read_text())
V1 = json.loads((DATA / "v1_tabular.json").read_text())
DEL = object()
TAB = ("AutoMLProblemTypeConfig", "TabularJobConfig")


def mutate(base: dict[str, Any], edits: list[tuple[tuple[Any, ...], Any]]) -> dict[str, Any]:
    """A deep copy of ``base`` with each (key path, value) set, or deleted when value is DEL."""
    request = copy.deepcopy(base)
    for keys, value in edits:
        target = request
        for key in keys[:-1]:
            target = target[key]
        if value is DEL:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    return request


CASES = [
    pytest.param(
        TABULAR,
        [(("AutoMLJobNme",), "x")],
        None,
        [
            (
                "E1001",
                "AutoMLJobNme",
                "unknown member 'AutoMLJobNme' (got 'AutoMLJobNme'; expected one of CreateAutoMLJobV2Request's members: AutoMLComputeConfig, AutoMLJobInputDataConfig, AutoMLJobName, AutoMLJobObjective, AutoMLProblemTypeConfig, DataSplitConfig, ModelDeployConfig, OutputDataConfig, RoleArn, SecurityConfig, Tags); did you mean 'AutoMLJobName'?",
            )
        ],
        id="unknown-top-level-typo",
    ),
    pytest.param(
        TABULAR,
        [(("InputDataConfig",), [])],
        None,
        [
            (
                "E1001",
                "InputDataConfig",
                "unknown member 'InputDataConfig' (got 'InputDataConfig'; expected one of CreateAutoMLJobV2Request's members: AutoMLComputeConfig, AutoMLJobInputDataConfig, AutoMLJobName, AutoMLJobObjective, AutoMLProblemTypeConfig, DataSplitConfig, ModelDeployConfig, OutputDataConfig, RoleArn, SecurityConfig, Tags); InputDataConfig is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: use AutoMLJobInputDataConfig, or convert the whole request with `automl-sdk migrate`",
            )
        ],
        id="unknown-v1-key-in-v2",
    ),
    pytest.param(
        TABULAR,
        [(("ProblemType",), "Regression")],
        None,
        [
            (
                "E1001",
                "ProblemType",
                "unknown member 'ProblemType' (got 'ProblemType'; expected one of CreateAutoMLJobV2Request's members: AutoMLComputeConfig, AutoMLJobInputDataConfig, AutoMLJobName, AutoMLJobObjective, AutoMLProblemTypeConfig, DataSplitConfig, ModelDeployConfig, OutputDataConfig, RoleArn, SecurityConfig, Tags); ProblemType is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: use AutoMLProblemTypeConfig.TabularJobConfig.ProblemType, or convert the whole request with `automl-sdk migrate`",
            )
        ],
        id="unknown-v1-problem-type-in-v2",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobInputDataConfig", 0, "TargetAttributeName"), "y")],
        None,
        [
            (
                "E1001",
                "AutoMLJobInputDataConfig[0].TargetAttributeName",
                "unknown member 'TargetAttributeName' (got 'TargetAttributeName'; expected one of AutoMLJobChannel's members: ChannelType, CompressionType, ContentType, DataSource); TargetAttributeName is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: use AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName, or convert the whole request with `automl-sdk migrate`",
            )
        ],
        id="unknown-v1-channel-target-in-v2",
    ),
    pytest.param(
        V1,
        [(("AutoMLJobInputDataConfig",), [])],
        "CreateAutoMLJob",
        [
            (
                "E1001",
                "AutoMLJobInputDataConfig",
                "unknown member 'AutoMLJobInputDataConfig' (got 'AutoMLJobInputDataConfig'; expected one of CreateAutoMLJobRequest's members: AutoMLJobConfig, AutoMLJobName, AutoMLJobObjective, GenerateCandidateDefinitionsOnly, InputDataConfig, ModelDeployConfig, OutputDataConfig, ProblemType, RoleArn, Tags); AutoMLJobInputDataConfig is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) one: use InputDataConfig, or send the request as CreateAutoMLJobV2",
            )
        ],
        id="unknown-v2-key-in-v1",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "targetAttributeName"), "y")],
        None,
        [
            (
                "E1001",
                "AutoMLProblemTypeConfig.TabularJobConfig.targetAttributeName",
                "unknown member 'targetAttributeName' (got 'targetAttributeName'; expected one of TabularJobConfig's members: CandidateGenerationConfig, CompletionCriteria, FeatureSpecificationS3Uri, GenerateCandidateDefinitionsOnly, Mode, ProblemType, SampleWeightAttributeName, TargetAttributeName); did you mean 'TargetAttributeName'?",
            )
        ],
        id="unknown-nested-case",
    ),
    pytest.param(
        TABULAR,
        [(("Zzz",), 1)],
        None,
        [
            (
                "E1001",
                "Zzz",
                "unknown member 'Zzz' (got 'Zzz'; expected one of CreateAutoMLJobV2Request's members: AutoMLComputeConfig, AutoMLJobInputDataConfig, AutoMLJobName, AutoMLJobObjective, AutoMLProblemTypeConfig, DataSplitConfig, ModelDeployConfig, OutputDataConfig, RoleArn, SecurityConfig, Tags)",
            )
        ],
        id="unknown-no-close-match",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), "10")],
        None,
        [
            (
                "E1002",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates has the wrong type (got '10', a string; expected an integer from 1 to 750); write 10 without quotes",
            )
        ],
        id="type-string-for-int",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), 1.9)],
        None,
        [
            (
                "E1002",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates has the wrong type (got 1.9, a number; expected an integer from 1 to 750)",
            )
        ],
        id="type-float-for-int",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), 10.0)],
        None,
        [
            (
                "E1002",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates has the wrong type (got 10.0, a number; expected an integer from 1 to 750); write 10 without the decimal point",
            )
        ],
        id="type-integral-float-for-int",
    ),
    pytest.param(
        TABULAR,
        [(("DataSplitConfig",), {"ValidationFraction": "0.2"})],
        None,
        [
            (
                "E1002",
                "DataSplitConfig.ValidationFraction",
                "ValidationFraction has the wrong type (got '0.2', a string; expected a number from 0 to 1); write 0.2 without quotes",
            )
        ],
        id="type-string-for-float",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), True)],
        None,
        [
            (
                "E1002",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates has the wrong type (got true, a boolean; expected an integer from 1 to 750)",
            )
        ],
        id="type-bool-for-int",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "GenerateCandidateDefinitionsOnly"), "false")],
        None,
        [
            (
                "E1002",
                "AutoMLProblemTypeConfig.TabularJobConfig.GenerateCandidateDefinitionsOnly",
                "GenerateCandidateDefinitionsOnly has the wrong type (got 'false', a string; expected a boolean (true or false)); write false without quotes",
            )
        ],
        id="type-string-for-bool",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobName",), 5)],
        None,
        [
            (
                "E1002",
                "AutoMLJobName",
                'AutoMLJobName has the wrong type (got 5, an integer; expected a string of 1 to 32 characters); write it as a string: "5"',
            )
        ],
        id="type-int-for-string",
    ),
    pytest.param(
        TABULAR,
        [(("ModelDeployConfig",), None)],
        None,
        [
            (
                "E1002",
                "ModelDeployConfig",
                "ModelDeployConfig has the wrong type (got null; expected an object (ModelDeployConfig)); omit the member instead of setting it to null",
            )
        ],
        id="type-null",
    ),
    pytest.param(
        TABULAR,
        [(("OutputDataConfig",), [])],
        None,
        [
            (
                "E1002",
                "OutputDataConfig",
                "OutputDataConfig has the wrong type (got [], an array; expected an object (AutoMLOutputDataConfig))",
            )
        ],
        id="type-list-for-object",
    ),
    pytest.param(
        TABULAR,
        [(("Tags",), {})],
        None,
        [
            (
                "E1002",
                "Tags",
                "Tags has the wrong type (got {}, an object; expected an array of 0 to 50 items)",
            )
        ],
        id="type-object-for-list",
    ),
    pytest.param(
        TABULAR,
        [(("DataSplitConfig",), {"ValidationFraction": False})],
        None,
        [
            (
                "E1002",
                "DataSplitConfig.ValidationFraction",
                "ValidationFraction has the wrong type (got false, a boolean; expected a number from 0 to 1)",
            )
        ],
        id="type-bool-for-float",
    ),
    pytest.param(
        TABULAR,
        [(("SecurityConfig", "VpcConfig", "Subnets", 0), 7)],
        None,
        [
            (
                "E1002",
                "SecurityConfig.VpcConfig.Subnets[0]",
                'Subnets[0] has the wrong type (got 7, an integer; expected a string of 0 to 32 characters); write it as a string: "7"',
            )
        ],
        id="type-string-list-item",
    ),
    pytest.param(
        TABULAR,
        [(("RoleArn",), DEL)],
        None,
        [
            (
                "E1003",
                "RoleArn",
                "required member RoleArn is missing (got nothing; expected a string of 20 to 2048 characters)",
            )
        ],
        id="required-top-level",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "TargetAttributeName"), DEL)],
        None,
        [
            (
                "E1003",
                "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
                "required member TargetAttributeName is missing (got nothing; expected a string of at least 1 character)",
            )
        ],
        id="required-nested",
    ),
    pytest.param(
        TABULAR,
        [(("Tags", 0, "Key"), DEL)],
        None,
        [
            (
                "E1003",
                "Tags[0].Key",
                "required member Key is missing (got nothing; expected a string of 1 to 128 characters)",
            )
        ],
        id="required-in-list-item",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobName",), "a" * 33)],
        None,
        [
            (
                "E1004",
                "AutoMLJobName",
                "AutoMLJobName is too long (got 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' with 33 characters; expected 1 to 32 characters)",
            )
        ],
        id="length-too-long",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "TargetAttributeName"), "")],
        None,
        [
            (
                "E1004",
                "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
                "TargetAttributeName is empty (got '' with 0 characters; expected at least 1 character)",
            )
        ],
        id="length-empty",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), 0)],
        None,
        [
            (
                "E1005",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates is out of range (got 0; expected 1 to 750)",
            )
        ],
        id="range-below-min",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "CompletionCriteria", "MaxCandidates"), 751)],
        None,
        [
            (
                "E1005",
                "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
                "MaxCandidates is out of range (got 751; expected 1 to 750)",
            )
        ],
        id="range-above-max",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobInputDataConfig",), [])],
        None,
        [
            (
                "E1006",
                "AutoMLJobInputDataConfig",
                "AutoMLJobInputDataConfig is empty (got 0; expected 1 to 2 items)",
            )
        ],
        id="size-empty-list",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobInputDataConfig",), [TABULAR["AutoMLJobInputDataConfig"][0]] * 3)],
        None,
        [
            (
                "E1006",
                "AutoMLJobInputDataConfig",
                "AutoMLJobInputDataConfig has too many items (got 3; expected 1 to 2 items)",
            )
        ],
        id="size-too-many",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobName",), "my_job")],
        None,
        [
            (
                "E1007",
                "AutoMLJobName",
                "AutoMLJobName does not match the required pattern (got 'my_job'; expected a whole match of [a-zA-Z0-9](-*[a-zA-Z0-9]){0,31})",
            )
        ],
        id="pattern-job-name",
    ),
    pytest.param(
        TABULAR,
        [(("RoleArn",), "arn:aws:iam::1234:role/too-short-account")],
        None,
        [
            (
                "E1007",
                "RoleArn",
                "RoleArn does not match the required pattern (got 'arn:aws:iam::1234:role/too-short-account'; expected a whole match of arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+)",
            )
        ],
        id="pattern-role-arn",
    ),
    pytest.param(
        TABULAR,
        [(("Tags", 0, "Value"), "équipe données 42")],
        None,
        [],
        id="pattern-unicode-tag-ok",
    ),
    pytest.param(
        TABULAR,
        [(("Tags", 0, "Value"), "a!b")],
        None,
        [
            (
                "E1007",
                "Tags[0].Value",
                "Value does not match the required pattern (got 'a!b'; expected a whole match of ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))",
            )
        ],
        id="pattern-tag-bad-char",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobName",), "job\n")],
        None,
        [
            (
                "E1007",
                "AutoMLJobName",
                "AutoMLJobName does not match the required pattern (got 'job\\n'; expected a whole match of [a-zA-Z0-9](-*[a-zA-Z0-9]){0,31})",
            )
        ],
        id="pattern-trailing-newline",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLJobInputDataConfig", 0, "ChannelType"), "Training")],
        None,
        [
            (
                "E1008",
                "AutoMLJobInputDataConfig[0].ChannelType",
                "ChannelType is not an allowed value (got 'Training'; expected one of 'training', 'validation'); did you mean 'training'?",
            )
        ],
        id="enum-case",
    ),
    pytest.param(
        TABULAR,
        [((*TAB, "Mode"), "FAST")],
        None,
        [
            (
                "E1008",
                "AutoMLProblemTypeConfig.TabularJobConfig.Mode",
                "Mode is not an allowed value (got 'FAST'; expected one of 'AUTO', 'ENSEMBLING', 'HYPERPARAMETER_TUNING')",
            )
        ],
        id="enum-unknown",
    ),
    pytest.param(
        TIME_SERIES,
        [
            (
                (
                    "AutoMLProblemTypeConfig",
                    "TimeSeriesForecastingJobConfig",
                    "Transformations",
                    "Aggregation",
                    "sales",
                ),
                "mean",
            )
        ],
        None,
        [
            (
                "E1008",
                "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.Transformations.Aggregation.sales",
                "Aggregation.sales is not an allowed value (got 'mean'; expected one of 'sum', 'avg', 'first', 'min', 'max')",
            )
        ],
        id="map-key-enum",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLProblemTypeConfig",), {})],
        None,
        [
            (
                "E1009",
                "AutoMLProblemTypeConfig",
                "AutoMLProblemTypeConfig must set exactly one member (got no member; expected exactly one of ImageClassificationJobConfig, TabularJobConfig, TextClassificationJobConfig, TextGenerationJobConfig, TimeSeriesForecastingJobConfig)",
            )
        ],
        id="union-none",
    ),
    pytest.param(
        TABULAR,
        [(("AutoMLProblemTypeConfig", "ImageClassificationJobConfig"), {})],
        None,
        [
            (
                "E1009",
                "AutoMLProblemTypeConfig",
                "AutoMLProblemTypeConfig must set exactly one member (got 2: TabularJobConfig, ImageClassificationJobConfig; expected exactly one of ImageClassificationJobConfig, TabularJobConfig, TextClassificationJobConfig, TextGenerationJobConfig, TimeSeriesForecastingJobConfig)",
            )
        ],
        id="union-two",
    ),
]


@pytest.mark.parametrize(("base", "edits", "operation", "expected"), CASES)
def test_phase1_case(
    base: dict[str, Any],
    edits: list[tuple[tuple[Any, ...], Any]],
    operation: str | None,
    expected: list[tuple[str, str, str]],
) -> None:
    findings = lint_request(mutate(base, edits), operation=operation, select=["E1"])
    assert [(f.rule, f.path, f.message) for f in findings] == expected
    assert all(f.severity == "error" for f in findings)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(10**400, "1" + "0" * 56 + "...", id="huge-integer"),
        pytest.param(-(10**5000), "<an integer of about 5001 digits>", id="past-the-digit-limit"),
    ],
)
def test_a_huge_integer_is_a_range_finding_not_an_internal_error(value: int, shown: str) -> None:
    request = mutate(TABULAR, [(("DataSplitConfig",), {"ValidationFraction": value})])
    path = "DataSplitConfig.ValidationFraction"
    errors = [(f.rule, f.path, f.message) for f in lint_request(request) if f.severity == "error"]
    assert errors == [  # E2013 says it in the documentation's words, superseding E1005
        (
            "E2013",
            path,
            f"ValidationFraction must be strictly between 0 and 1 (got {shown}; expected "
            "greater than 0 and less than 1); the default is 0.2",
        )
    ]
    assert [(f.rule, f.path, f.message) for f in lint_request(request, select=["E1"])] == [
        ("E1005", path, f"ValidationFraction is out of range (got {shown}; expected 0 to 1)")
    ]


def test_a_huge_integer_for_an_integer_member_is_a_range_finding() -> None:
    request = mutate(TABULAR, [((*TAB, "CompletionCriteria", "MaxCandidates"), 10**400)])
    findings = lint_request(request, select=["E"])
    assert [f for f in findings if f.rule.startswith("E0")] == []
    assert [(f.rule, f.path) for f in findings] == [
        ("E1005", "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates")
    ]


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [((7,), "x")],
            [
                (
                    "E1002",
                    "7",
                    "member name is not a string (got 7, an integer; expected a member of "
                    "CreateAutoMLJobV2Request)",
                )
            ],
            id="int-member-name",
        ),
        pytest.param(
            [((*TAB, ("a", 1)), "x")],
            [
                (
                    "E1002",
                    "AutoMLProblemTypeConfig.TabularJobConfig.('a', 1)",
                    "member name is not a string (got ('a', 1), an array; expected a member of "
                    "TabularJobConfig)",
                )
            ],
            id="tuple-member-name-deep",
        ),
        pytest.param(
            [
                (
                    ("AutoMLProblemTypeConfig",),
                    {"TextGenerationJobConfig": {"TextGenerationHyperParameters": {None: "3"}}},
                )
            ],
            [
                (
                    "E1002",
                    "AutoMLProblemTypeConfig.TextGenerationJobConfig.TextGenerationHyperParameters.null",
                    "map key has the wrong type (got null; expected a string)",
                )
            ],
            id="null-map-key",
        ),
    ],
)
def test_non_string_keys_in_requests_and_maps(
    edits: list[tuple[tuple[Any, ...], Any]], expected: list[tuple[str, str, str]]
) -> None:
    findings = lint_request(mutate(TABULAR, edits), select=["E1"])
    assert [(f.rule, f.path, f.message) for f in findings] == expected
