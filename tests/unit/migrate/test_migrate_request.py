"""migrate_request: every mapped field and every refusal, as a table of named cases."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from automl_sdk import MigrationError, MigrationReport, migrate_request
from automl_sdk.lint import Finding, lint_request
from automl_sdk.shapes.constraints import SHAPES

TAB = "AutoMLProblemTypeConfig.TabularJobConfig"
S3 = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}
S3_VALIDATION = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/validation/"}}
ROLE = "arn:aws:iam::111122223333:role/AutopilotRole"
OUTPUT = {"S3OutputPath": "s3://bucket/output/"}

V1_BASE: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "InputDataConfig": [{"DataSource": S3, "TargetAttributeName": "y"}],
    "OutputDataConfig": OUTPUT,
    "RoleArn": ROLE,
}
V2_BASE: dict[str, Any] = {
    "AutoMLJobName": "job-1",
    "AutoMLJobInputDataConfig": [{"DataSource": S3}],
    "OutputDataConfig": OUTPUT,
    "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y"}},
    "RoleArn": ROLE,
}
BASE_MOVES = [
    ("AutoMLJobName", "AutoMLJobName"),
    ("InputDataConfig[0].DataSource", "AutoMLJobInputDataConfig[0].DataSource"),
    ("InputDataConfig[0].TargetAttributeName", f"{TAB}.TargetAttributeName"),
    ("OutputDataConfig", "OutputDataConfig"),
    ("RoleArn", "RoleArn"),
]


def v1(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(V1_BASE), **changes}


def v2(tabular: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
    result = {**copy.deepcopy(V2_BASE), **changes}
    result["AutoMLProblemTypeConfig"]["TabularJobConfig"].update(tabular or {})
    return result


def two_channels(first: dict[str, Any], second: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"DataSource": S3, "ChannelType": "training", **first},
        {"DataSource": S3_VALIDATION, "ChannelType": "validation", **second},
    ]


ENSEMBLING = {"Mode": "ENSEMBLING"}
ALGORITHMS = [{"AutoMLAlgorithms": ["xgboost", "lightgbm"]}]
SECURITY = {
    "VolumeKmsKeyId": "key-1",
    "EnableInterContainerTrafficEncryption": False,
    "VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["subnet-1"]},
}
CRITERIA = {
    "MaxCandidates": 5,
    "MaxRuntimePerTrainingJobInSeconds": 600,
    "MaxAutoMLJobRuntimeInSeconds": 3600,
}

# (id, V1 request, expected V2 request, expected moves beyond BASE_MOVES, expected notes)
MAPPED = [
    ("minimal", v1(), v2(), [], []),
    (
        "objective-unchanged",
        v1(ProblemType="Regression", AutoMLJobObjective={"MetricName": "MAE"}),
        v2({"ProblemType": "Regression"}, AutoMLJobObjective={"MetricName": "MAE"}),
        [("ProblemType", f"{TAB}.ProblemType"), ("AutoMLJobObjective", "AutoMLJobObjective")],
        [],
    ),
    (
        "output-kms-key-unchanged",
        v1(OutputDataConfig={"KmsKeyId": "key-1", "S3OutputPath": "s3://b/o"}),
        v2(OutputDataConfig={"KmsKeyId": "key-1", "S3OutputPath": "s3://b/o"}),
        [],
        [],
    ),
    (
        "tags-unchanged",
        v1(Tags=[{"Key": "team", "Value": "ml"}]),
        v2(Tags=[{"Key": "team", "Value": "ml"}]),
        [("Tags", "Tags")],
        [],
    ),
    ("empty-tags-kept", v1(Tags=[]), v2(Tags=[]), [("Tags", "Tags")], []),
    (
        "model-deploy-config-unchanged",
        v1(ModelDeployConfig={"AutoGenerateEndpointName": True}),
        v2(ModelDeployConfig={"AutoGenerateEndpointName": True}),
        [("ModelDeployConfig", "ModelDeployConfig")],
        [],
    ),
    (
        "channel-members-kept",
        v1(
            InputDataConfig=[
                {
                    "DataSource": S3,
                    "CompressionType": "Gzip",
                    "TargetAttributeName": "y",
                    "ContentType": "text/csv;header=present",
                    "ChannelType": "training",
                }
            ]
        ),
        v2(
            AutoMLJobInputDataConfig=[
                {
                    "ChannelType": "training",
                    "CompressionType": "Gzip",
                    "ContentType": "text/csv;header=present",
                    "DataSource": S3,
                }
            ]
        ),
        [
            ("InputDataConfig[0].CompressionType", "AutoMLJobInputDataConfig[0].CompressionType"),
            ("InputDataConfig[0].ContentType", "AutoMLJobInputDataConfig[0].ContentType"),
            ("InputDataConfig[0].ChannelType", "AutoMLJobInputDataConfig[0].ChannelType"),
        ],
        [],
    ),
    (
        "two-channels-one-target",
        v1(
            InputDataConfig=two_channels({"TargetAttributeName": "y"}, {"TargetAttributeName": "y"})
        ),
        v2(
            AutoMLJobInputDataConfig=[
                {"ChannelType": "training", "DataSource": S3},
                {"ChannelType": "validation", "DataSource": S3_VALIDATION},
            ]
        ),
        [
            ("InputDataConfig[0].ChannelType", "AutoMLJobInputDataConfig[0].ChannelType"),
            ("InputDataConfig[1].DataSource", "AutoMLJobInputDataConfig[1].DataSource"),
            ("InputDataConfig[1].ChannelType", "AutoMLJobInputDataConfig[1].ChannelType"),
            ("InputDataConfig[1].TargetAttributeName", f"{TAB}.TargetAttributeName"),
        ],
        [
            "InputDataConfig[1].TargetAttributeName equals InputDataConfig[0].TargetAttributeName; "
            f"both became {TAB}.TargetAttributeName"
        ],
    ),
    (
        "sample-weight",
        v1(
            InputDataConfig=[
                {"DataSource": S3, "TargetAttributeName": "y", "SampleWeightAttributeName": "w"}
            ],
            AutoMLJobConfig=ENSEMBLING,
        ),
        v2({"SampleWeightAttributeName": "w", **ENSEMBLING}),
        [
            ("InputDataConfig[0].SampleWeightAttributeName", f"{TAB}.SampleWeightAttributeName"),
            ("AutoMLJobConfig.Mode", f"{TAB}.Mode"),
        ],
        [],
    ),
    (
        "two-channels-one-sample-weight",
        v1(
            InputDataConfig=two_channels(
                {"TargetAttributeName": "y", "SampleWeightAttributeName": "w"},
                {"TargetAttributeName": "y", "SampleWeightAttributeName": "w"},
            ),
            AutoMLJobConfig=ENSEMBLING,
        ),
        v2(
            {"SampleWeightAttributeName": "w", **ENSEMBLING},
            AutoMLJobInputDataConfig=[
                {"ChannelType": "training", "DataSource": S3},
                {"ChannelType": "validation", "DataSource": S3_VALIDATION},
            ],
        ),
        [
            ("InputDataConfig[0].ChannelType", "AutoMLJobInputDataConfig[0].ChannelType"),
            ("InputDataConfig[0].SampleWeightAttributeName", f"{TAB}.SampleWeightAttributeName"),
            ("InputDataConfig[1].DataSource", "AutoMLJobInputDataConfig[1].DataSource"),
            ("InputDataConfig[1].ChannelType", "AutoMLJobInputDataConfig[1].ChannelType"),
            ("InputDataConfig[1].TargetAttributeName", f"{TAB}.TargetAttributeName"),
            ("InputDataConfig[1].SampleWeightAttributeName", f"{TAB}.SampleWeightAttributeName"),
            ("AutoMLJobConfig.Mode", f"{TAB}.Mode"),
        ],
        [
            "InputDataConfig[1].TargetAttributeName equals InputDataConfig[0].TargetAttributeName; "
            f"both became {TAB}.TargetAttributeName",
            "InputDataConfig[1].SampleWeightAttributeName equals "
            "InputDataConfig[0].SampleWeightAttributeName; "
            f"both became {TAB}.SampleWeightAttributeName",
        ],
    ),
    (
        "problem-type",
        v1(ProblemType="MulticlassClassification", AutoMLJobObjective={"MetricName": "Accuracy"}),
        v2(
            {"ProblemType": "MulticlassClassification"},
            AutoMLJobObjective={"MetricName": "Accuracy"},
        ),
        [("ProblemType", f"{TAB}.ProblemType"), ("AutoMLJobObjective", "AutoMLJobObjective")],
        [],
    ),
    (
        "generate-candidate-definitions-only-false-kept",
        v1(GenerateCandidateDefinitionsOnly=False),
        v2({"GenerateCandidateDefinitionsOnly": False}),
        [("GenerateCandidateDefinitionsOnly", f"{TAB}.GenerateCandidateDefinitionsOnly")],
        [],
    ),
    (
        "mode",
        v1(AutoMLJobConfig={"Mode": "HYPERPARAMETER_TUNING"}),
        v2({"Mode": "HYPERPARAMETER_TUNING"}),
        [("AutoMLJobConfig.Mode", f"{TAB}.Mode")],
        [],
    ),
    (
        "completion-criteria",
        v1(AutoMLJobConfig={"CompletionCriteria": CRITERIA}),
        v2({"CompletionCriteria": CRITERIA}),
        [("AutoMLJobConfig.CompletionCriteria", f"{TAB}.CompletionCriteria")],
        [],
    ),
    (
        "feature-specification",
        v1(
            AutoMLJobConfig={"CandidateGenerationConfig": {"FeatureSpecificationS3Uri": "s3://b/f"}}
        ),
        v2({"FeatureSpecificationS3Uri": "s3://b/f"}),
        [
            (
                "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri",
                f"{TAB}.FeatureSpecificationS3Uri",
            )
        ],
        [],
    ),
    (
        "algorithms-config",
        v1(
            AutoMLJobConfig={
                **ENSEMBLING,
                "CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS},
            }
        ),
        v2({**ENSEMBLING, "CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS}}),
        [
            ("AutoMLJobConfig.Mode", f"{TAB}.Mode"),
            (
                "AutoMLJobConfig.CandidateGenerationConfig.AlgorithmsConfig",
                f"{TAB}.CandidateGenerationConfig.AlgorithmsConfig",
            ),
        ],
        [],
    ),
    (
        "candidate-generation-split",
        v1(
            AutoMLJobConfig={
                "CandidateGenerationConfig": {
                    "FeatureSpecificationS3Uri": "s3://b/f",
                    "AlgorithmsConfig": ALGORITHMS,
                },
                **ENSEMBLING,
            }
        ),
        v2(
            {
                "CandidateGenerationConfig": {"AlgorithmsConfig": ALGORITHMS},
                "FeatureSpecificationS3Uri": "s3://b/f",
                **ENSEMBLING,
            }
        ),
        [
            (
                "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri",
                f"{TAB}.FeatureSpecificationS3Uri",
            ),
            (
                "AutoMLJobConfig.CandidateGenerationConfig.AlgorithmsConfig",
                f"{TAB}.CandidateGenerationConfig.AlgorithmsConfig",
            ),
            ("AutoMLJobConfig.Mode", f"{TAB}.Mode"),
        ],
        [],
    ),
    (
        "empty-candidate-generation-kept",
        v1(AutoMLJobConfig={"CandidateGenerationConfig": {}}),
        v2({"CandidateGenerationConfig": {}}),
        [("AutoMLJobConfig.CandidateGenerationConfig", f"{TAB}.CandidateGenerationConfig")],
        [],
    ),
    (
        "data-split-config-to-top",
        v1(AutoMLJobConfig={"DataSplitConfig": {"ValidationFraction": 0.3}}),
        v2(DataSplitConfig={"ValidationFraction": 0.3}),
        [("AutoMLJobConfig.DataSplitConfig", "DataSplitConfig")],
        [],
    ),
    (
        "security-config-to-top",
        v1(AutoMLJobConfig={"SecurityConfig": SECURITY}),
        v2(SecurityConfig=SECURITY),
        [("AutoMLJobConfig.SecurityConfig", "SecurityConfig")],
        [],
    ),
    (
        "empty-job-config-dropped",
        v1(AutoMLJobConfig={}),
        v2(),
        [],
        [
            "AutoMLJobConfig is empty; CreateAutoMLJobV2 has no such container, "
            "so it was dropped (no value is lost)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("request_v1", "expected", "moves", "notes"),
    [case[1:] for case in MAPPED],
    ids=[case[0] for case in MAPPED],
)
def test_mapping(
    request_v1: dict[str, Any],
    expected: dict[str, Any],
    moves: list[tuple[str, str]],
    notes: list[str],
) -> None:
    result, report = migrate_request(request_v1)

    assert result == expected
    assert [m for m in report.moves if m not in BASE_MOVES] == moves
    assert set(BASE_MOVES) <= set(report.moves)
    assert list(report.notes) == notes
    # Lint advice (security warnings and infos) rides along; no case has an error.
    assert report.findings == tuple(lint_request(request_v1, operation="CreateAutoMLJob"))
    assert [f for f in report.findings if f.severity == "error"] == []


def test_output_keys_come_in_the_documented_order() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "v1" / "001_create_auto_ml_job.json"

    result, _ = migrate_request(json.loads(path.read_text(encoding="utf-8")))

    assert list(result) == [
        "AutoMLJobName",
        "AutoMLJobInputDataConfig",
        "OutputDataConfig",
        "AutoMLProblemTypeConfig",
        "AutoMLJobObjective",
        "RoleArn",
        "DataSplitConfig",
        "SecurityConfig",
        "Tags",
        "ModelDeployConfig",
    ]
    assert list(result["AutoMLProblemTypeConfig"]["TabularJobConfig"]) == [
        "CandidateGenerationConfig",
        "CompletionCriteria",
        "FeatureSpecificationS3Uri",
        "Mode",
        "GenerateCandidateDefinitionsOnly",
        "ProblemType",
        "TargetAttributeName",
    ]
    assert list(result["AutoMLJobInputDataConfig"][0]) == [
        "ChannelType",
        "CompressionType",
        "ContentType",
        "DataSource",
    ]


def test_moves_follow_the_v1_request_order() -> None:
    _, report = migrate_request(v1(Tags=[], AutoMLJobObjective={"MetricName": "MSE"}))

    assert report.moves == (
        *BASE_MOVES,
        ("Tags", "Tags"),
        ("AutoMLJobObjective", "AutoMLJobObjective"),
    )


# (id, V1 request, V1 path named by the error, reason); translated with force=True so that the
# translator's own refusal is what is checked, whatever lint says first.
REFUSED = [
    (
        "targets-differ",
        v1(
            InputDataConfig=two_channels({"TargetAttributeName": "y"}, {"TargetAttributeName": "z"})
        ),
        "InputDataConfig[1].TargetAttributeName",
        "'z' but InputDataConfig[0].TargetAttributeName is 'y': CreateAutoMLJobV2 has one "
        f"TargetAttributeName for all channels ({TAB}.TargetAttributeName); "
        "use the same column in every channel",
    ),
    (
        "second-target-missing",
        v1(InputDataConfig=two_channels({"TargetAttributeName": "y"}, {})),
        "InputDataConfig[1].TargetAttributeName",
        "absent here but InputDataConfig[0].TargetAttributeName is 'y': CreateAutoMLJobV2 has one "
        f"TargetAttributeName for all channels ({TAB}.TargetAttributeName); "
        "use the same column in every channel",
    ),
    (
        "first-target-missing",
        v1(InputDataConfig=two_channels({}, {"TargetAttributeName": "y"})),
        "InputDataConfig[1].TargetAttributeName",
        "'y' but InputDataConfig[0].TargetAttributeName is absent: CreateAutoMLJobV2 has one "
        f"TargetAttributeName for all channels ({TAB}.TargetAttributeName); "
        "use the same column in every channel",
    ),
    (
        "sample-weights-differ",
        v1(
            InputDataConfig=two_channels(
                {"TargetAttributeName": "y", "SampleWeightAttributeName": "w"},
                {"TargetAttributeName": "y", "SampleWeightAttributeName": "v"},
            )
        ),
        "InputDataConfig[1].SampleWeightAttributeName",
        "'v' but InputDataConfig[0].SampleWeightAttributeName is 'w': CreateAutoMLJobV2 has one "
        f"SampleWeightAttributeName for all channels ({TAB}.SampleWeightAttributeName); "
        "use the same column in every channel",
    ),
    (
        "sample-weight-on-training-only",
        v1(
            InputDataConfig=two_channels(
                {"TargetAttributeName": "y", "SampleWeightAttributeName": "w"},
                {"TargetAttributeName": "y"},
            )
        ),
        "InputDataConfig[1].SampleWeightAttributeName",
        "absent here but InputDataConfig[0].SampleWeightAttributeName is 'w': CreateAutoMLJobV2 "
        f"has one SampleWeightAttributeName for all channels ({TAB}.SampleWeightAttributeName); "
        "use the same column in every channel",
    ),
    (
        "unknown-member",
        v1(Foo=1),
        "Foo",
        "'Foo' is not a member of CreateAutoMLJobRequest, so it has no CreateAutoMLJobV2 form",
    ),
    (
        "unknown-channel-member",
        v1(InputDataConfig=[{"DataSource": S3, "TargetAttributeName": "y", "Shuffle": True}]),
        "InputDataConfig[0].Shuffle",
        "'Shuffle' is not a member of AutoMLChannel, so it has no CreateAutoMLJobV2 form",
    ),
    (
        "unknown-job-config-member",
        v1(AutoMLJobConfig={"Mode": "AUTO", "ComputeConfig": {}}),
        "AutoMLJobConfig.ComputeConfig",
        "'ComputeConfig' is not a member of AutoMLJobConfig, so it has no CreateAutoMLJobV2 form",
    ),
    (
        "unknown-candidate-generation-member",
        v1(AutoMLJobConfig={"CandidateGenerationConfig": {"Algorithms": []}}),
        "AutoMLJobConfig.CandidateGenerationConfig.Algorithms",
        "'Algorithms' is not a member of AutoMLCandidateGenerationConfig, "
        "so it has no CreateAutoMLJobV2 form",
    ),
    (
        "already-v2-problem-type-config",
        {**V2_BASE},
        "AutoMLJobInputDataConfig",
        "this is already a CreateAutoMLJobV2 request (it has AutoMLJobInputDataConfig, "
        "AutoMLProblemTypeConfig); there is nothing to migrate",
    ),
    (
        "already-v2-compute-config",
        {**V2_BASE, "AutoMLComputeConfig": {}},
        "AutoMLJobInputDataConfig",
        "this is already a CreateAutoMLJobV2 request (it has AutoMLJobInputDataConfig, "
        "AutoMLProblemTypeConfig, AutoMLComputeConfig); there is nothing to migrate",
    ),
    (
        "v1-and-v2-mixed",
        v1(AutoMLComputeConfig={}, ProblemType="Regression"),
        "AutoMLComputeConfig",
        "the request mixes CreateAutoMLJobV2 members (AutoMLComputeConfig) with CreateAutoMLJob "
        "ones (InputDataConfig, ProblemType); keep the members of one API",
    ),
    (
        "channels-not-a-list",
        v1(InputDataConfig={"DataSource": S3}),
        "InputDataConfig",
        "expected a list to restructure, got dict",
    ),
    (
        "channel-not-an-object",
        v1(InputDataConfig=["s3://bucket/train/"]),
        "InputDataConfig[0]",
        "expected an object to restructure, got str",
    ),
    (
        "job-config-not-an-object",
        v1(AutoMLJobConfig="ENSEMBLING"),
        "AutoMLJobConfig",
        "expected an object to restructure, got str",
    ),
    (
        "candidate-generation-not-an-object",
        v1(AutoMLJobConfig={"CandidateGenerationConfig": ["xgboost"]}),
        "AutoMLJobConfig.CandidateGenerationConfig",
        "expected an object to restructure, got list",
    ),
    (
        "not-an-object",
        [V1_BASE],
        "",
        "expected a CreateAutoMLJob request (a dict or CreateAutoMLJobRequest), got list",
    ),
]


@pytest.mark.parametrize(
    ("request_v1", "path", "reason"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_refusal(request_v1: Any, path: str, reason: str) -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_request(request_v1, force=True)

    assert (caught.value.path, caught.value.reason) == (path, reason)
    assert str(caught.value) == f"{path or '<request>'}: {reason}"


def test_targets_differ_is_refused_without_force_too() -> None:
    request = v1(
        InputDataConfig=two_channels({"TargetAttributeName": "y"}, {"TargetAttributeName": "z"})
    )

    with pytest.raises(MigrationError) as caught:
        migrate_request(request)

    # Lint (E2004) catches it first; its finding carries the same V1 path.
    assert [f.path for f in caught.value.findings if f.severity == "error"] == [
        "InputDataConfig[1].TargetAttributeName"
    ]


def test_lint_errors_refuse_the_translation() -> None:
    request = v1()
    del request["RoleArn"]

    with pytest.raises(MigrationError) as caught:
        migrate_request(request)

    assert caught.value.path == ""
    assert caught.value.reason == (
        "the CreateAutoMLJob request has 1 lint error(s); fix them, "
        "or translate anyway with force=True (--force)"
    )
    assert [(f.rule, f.path) for f in caught.value.findings if f.severity == "error"] == [
        ("E1003", "RoleArn")
    ]


def test_force_translates_past_lint_errors_and_says_so() -> None:
    request = v1(AutoMLJobName="not a valid name")

    result, report = migrate_request(request, force=True)

    assert result == v2(AutoMLJobName="not a valid name")
    assert report.notes == (
        "translated despite 1 lint error(s) of the V1 request (forced); "
        "the V2 request is likely to be rejected too",
    )
    assert [(f.rule, f.path) for f in report.findings if f.severity == "error"] == [
        ("E1007", "AutoMLJobName")
    ]


def test_warnings_ride_along_without_a_note() -> None:
    _, report = migrate_request(v1())

    assert {(f.rule, f.path) for f in report.findings} >= {
        ("W8001", "AutoMLJobConfig.SecurityConfig.VolumeKmsKeyId"),
        ("W8002", "AutoMLJobConfig.SecurityConfig.EnableInterContainerTrafficEncryption"),
    }
    assert {f.severity for f in report.findings} <= {"warning", "info"}
    assert report.notes == ()


def test_the_input_is_neither_changed_nor_shared() -> None:
    request = v1(
        Tags=[{"Key": "k", "Value": "v"}],
        AutoMLJobConfig={"SecurityConfig": copy.deepcopy(SECURITY), "CompletionCriteria": {}},
    )
    before = copy.deepcopy(request)

    result, _ = migrate_request(request)
    result["Tags"][0]["Value"] = "changed"
    result["SecurityConfig"]["VpcConfig"]["Subnets"].append("subnet-2")
    result["AutoMLJobInputDataConfig"][0]["DataSource"]["S3DataSource"]["S3Uri"] = "s3://x/"

    assert request == before


def test_a_shape_translates_like_its_dict() -> None:
    from automl_sdk import from_wire
    from automl_sdk.shapes import CreateAutoMLJobRequest

    path = Path(__file__).resolve().parents[2] / "data" / "v1" / "001_create_auto_ml_job.json"
    wire = json.loads(path.read_text(encoding="utf-8"))
    shape = from_wire(CreateAutoMLJobRequest, wire, strict=True)

    from_shape, shape_report = migrate_request(shape)
    from_dict, dict_report = migrate_request(wire)

    assert from_shape == from_dict
    # The shape lists required members first, so only the order of the moves differs.
    assert sorted(shape_report.moves) == sorted(dict_report.moves)


def test_a_v2_shape_is_refused() -> None:
    from automl_sdk import from_wire
    from automl_sdk.shapes import CreateAutoMLJobV2Request

    shape = from_wire(CreateAutoMLJobV2Request, V2_BASE, strict=True)

    with pytest.raises(MigrationError) as caught:
        migrate_request(shape)

    assert caught.value.reason == (
        "expected a CreateAutoMLJob request (a dict or CreateAutoMLJobRequest), "
        "got a CreateAutoMLJobV2Request shape"
    )


def _members(shape: str) -> set[str]:
    return set(SHAPES[shape]["members"])


def test_every_v1_member_the_translator_restructures_is_mapped() -> None:
    """The model's V1 members (at each level the translator opens) all have a move."""
    moved: set[str] = set()
    for path in sorted((Path(__file__).resolve().parents[2] / "data" / "v1").glob("*.json")):
        _, report = migrate_request(json.loads(path.read_text(encoding="utf-8")))
        moved |= {source for source, _ in report.moves}
    _, report = migrate_request(v1(AutoMLJobConfig={"CandidateGenerationConfig": {}}))
    moved |= {source for source, _ in report.moves}

    expected = (
        (_members("CreateAutoMLJobRequest") - {"InputDataConfig", "AutoMLJobConfig"})
        | {f"InputDataConfig[0].{m}" for m in _members("AutoMLChannel")}
        | {f"AutoMLJobConfig.{m}" for m in _members("AutoMLJobConfig")}
        | {
            f"AutoMLJobConfig.CandidateGenerationConfig.{m}"
            for m in _members("AutoMLCandidateGenerationConfig")
        }
    )
    assert expected <= moved


def test_every_v2_member_but_compute_config_is_reached() -> None:
    reached: set[str] = set()
    for path in sorted((Path(__file__).resolve().parents[2] / "data" / "v1").glob("*.json")):
        result, _ = migrate_request(json.loads(path.read_text(encoding="utf-8")))
        reached |= set(result) | {
            f"{TAB}.{m}" for m in result["AutoMLProblemTypeConfig"]["TabularJobConfig"]
        }

    expected = (_members("CreateAutoMLJobV2Request") - {"AutoMLComputeConfig"}) | {
        f"{TAB}.{m}" for m in _members("TabularJobConfig")
    }
    assert expected <= reached


def test_report_text() -> None:
    report = MigrationReport(
        moves=[("RoleArn", "RoleArn"), ("ProblemType", f"{TAB}.ProblemType")],
        notes=["a note"],
        findings=[Finding(rule="W1", severity="warning", path="", message="whole request")],
    )

    assert str(report) == "\n".join(
        [
            "CreateAutoMLJob -> CreateAutoMLJobV2: 2 member(s) mapped",
            "  RoleArn -> RoleArn  (unchanged)",
            f"  ProblemType -> {TAB}.ProblemType",
            "notes:",
            "  a note",
            "lint findings of the V1 request:",
            "  W1 [warning] <request>: whole request",
        ]
    )


def test_a_forced_refusal_keeps_the_lint_findings() -> None:
    request = v1(Foo=1)

    with pytest.raises(MigrationError) as caught:
        migrate_request(request, force=True)

    assert caught.value.path == "Foo"
    assert caught.value.findings == tuple(lint_request(request, operation="CreateAutoMLJob"))
    assert ("E1001", "Foo") in [(f.rule, f.path) for f in caught.value.findings]
