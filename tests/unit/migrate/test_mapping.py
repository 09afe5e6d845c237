"""The one V1/V2 table: every model member is placed, every path exists, and each consumer
(translation, describe view, lint paths, hints) reads its answer from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from automl_sdk._mapping import (
    ITEM,
    REQUEST_ENTRIES,
    RESPONSE_ENTRIES,
    TABLE,
    V1_REQUEST,
    V1_RESPONSE,
    V2_REQUEST,
    V2_RESPONSE,
    Entry,
    containers,
    parse,
    render,
    shape_at,
    to_v1,
)
from automl_sdk.lint import LintContext
from automl_sdk.shapes.constraints import SHAPES

ROOTS = [
    pytest.param(REQUEST_ENTRIES, V1_REQUEST, V2_REQUEST, id="requests"),
    pytest.param(RESPONSE_ENTRIES, V1_RESPONSE, V2_RESPONSE, id="responses"),
]


@pytest.mark.parametrize(("entries", "v1_root", "v2_root"), ROOTS)
def test_both_ends_of_every_entry_are_model_paths(
    entries: tuple[Entry, ...], v1_root: str, v2_root: str
) -> None:
    missing = [
        (render(e.v1), render(e.v2))
        for e in entries
        if shape_at(v1_root, e.v1) is None or shape_at(v2_root, e.v2) is None
    ]
    assert missing == []


@pytest.mark.parametrize(("entries", "v1_root", "v2_root"), ROOTS)
def test_a_copied_value_has_the_same_shape_on_both_sides(
    entries: tuple[Entry, ...], v1_root: str, v2_root: str
) -> None:
    opened = containers(entries)
    differ = [
        render(e.v1)
        for e in entries
        if e.v1 not in opened and shape_at(v1_root, e.v1) != shape_at(v2_root, e.v2)
    ]
    assert differ == []


@pytest.mark.parametrize(("entries", "v1_root", "v2_root"), ROOTS)
def test_every_v1_member_of_each_opened_object_is_placed(
    entries: tuple[Entry, ...], v1_root: str, v2_root: str
) -> None:
    placed = {e.v1 for e in entries} | containers(entries)
    unplaced = []
    for obj in {(), *containers(entries)}:
        if (*obj, ITEM) in containers(entries):
            continue  # a list; its items are the objects
        shape = shape_at(v1_root, obj)
        assert shape is not None
        unplaced += [render((*obj, m)) for m in SHAPES[shape]["members"] if (*obj, m) not in placed]
    assert unplaced == []


def test_every_v2_request_member_but_the_compute_config_has_a_v1_source() -> None:
    sources = {e.v2[:1] for e in REQUEST_ENTRIES}
    assert {(m,) for m in SHAPES[V2_REQUEST]["members"]} - sources == {("AutoMLComputeConfig",)}


def test_each_v1_path_appears_once() -> None:
    paths = [e.v1 for e in TABLE]
    assert len(paths) == len(set(paths))


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("", ()),
        ("RoleArn", ("RoleArn",)),
        ("InputDataConfig[*].DataSource", ("InputDataConfig", ITEM, "DataSource")),
    ],
)
def test_paths_parse_and_render(text: str, pattern: tuple[str, ...]) -> None:
    assert parse(text) == pattern
    assert render(pattern) == text


@pytest.mark.parametrize(
    ("v2_path", "v1_path"),
    [
        ("RoleArn", "RoleArn"),
        (
            "DataSplitConfig.ValidationFraction",
            "AutoMLJobConfig.DataSplitConfig.ValidationFraction",
        ),
        (
            "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates",
            "AutoMLJobConfig.CompletionCriteria.MaxCandidates",
        ),
        (
            "AutoMLProblemTypeConfig.TabularJobConfig.FeatureSpecificationS3Uri",
            "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri",
        ),
        ("AutoMLProblemTypeConfig.TabularJobConfig.ProblemType", "ProblemType"),
        (
            "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
            "InputDataConfig[*].TargetAttributeName",
        ),
        ("AutoMLJobInputDataConfig", "InputDataConfig"),
        ("AutoMLComputeConfig", None),
        ("AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.ForecastHorizon", None),
    ],
)
def test_where_v1_keeps_a_v2_member(v2_path: str, v1_path: str | None) -> None:
    assert to_v1(v2_path) == v1_path


V1_REQUEST_DICT = {
    "InputDataConfig": [
        {"TargetAttributeName": "y", "SampleWeightAttributeName": "w"},
        {"TargetAttributeName": "y"},
    ],
    "AutoMLJobConfig": {"SecurityConfig": {"VolumeKmsKeyId": "k"}},
    "ProblemType": "Regression",
}


def test_lint_reads_a_v1_request_through_the_table() -> None:
    ctx = LintContext(V1_REQUEST_DICT, "CreateAutoMLJob")
    tab = "AutoMLProblemTypeConfig.TabularJobConfig"

    assert ctx.at(f"{tab}.ProblemType") == ("ProblemType", "Regression")
    assert ctx.at_each(f"{tab}.SampleWeightAttributeName") == [
        ("InputDataConfig[0].SampleWeightAttributeName", "w"),
        ("InputDataConfig[1].SampleWeightAttributeName", None),
    ]
    assert ctx.security_config == ("AutoMLJobConfig.SecurityConfig", {"VolumeKmsKeyId": "k"})
    assert ctx.channels_path == "InputDataConfig"
    assert ctx.problem_config_path == "AutoMLJobConfig"
    assert ctx.at("AutoMLComputeConfig") == ("AutoMLComputeConfig", None)
    assert ctx.at_each("AutoMLComputeConfig") == []


def test_lint_reads_a_v2_request_at_its_own_paths() -> None:
    request = {"SecurityConfig": {"VolumeKmsKeyId": "k"}, "AutoMLJobInputDataConfig": []}
    ctx = LintContext(request, "CreateAutoMLJobV2")

    assert ctx.security_config == ("SecurityConfig", {"VolumeKmsKeyId": "k"})
    assert ctx.channels_path == "AutoMLJobInputDataConfig"
    assert ctx.at("AutoMLComputeConfig") == ("AutoMLComputeConfig", None)


def test_hints_are_given_only_where_the_member_is_unknown() -> None:
    from automl_sdk.lint._moved import V1_IN_V2, V2_IN_V1

    known = [(s, m) for s, m in (*V1_IN_V2, *V2_IN_V1) if m in SHAPES[s].get("members", {})]
    assert known == []


DOCS = Path(__file__).resolve().parents[3] / "docs" / "migrating.md"


def _doc_rows(heading: str) -> list[tuple[str, str]]:
    """The ``(left, right)`` code cells of the first table under ``heading``."""
    text = DOCS.read_text(encoding="utf-8").split(heading, 1)[1]
    rows = []
    for line in text.splitlines():
        cells = re.findall(r"`([^`]+)`[^|]*\|", line)
        if line.startswith("| `") and len(cells) == 2:
            rows.append((cells[0].replace("[i]", "[*]"), cells[1].replace("[i]", "[*]")))
        elif rows and not line.startswith("|"):
            break
    return rows


def test_the_migration_guide_shows_the_table() -> None:
    documented = set(_doc_rows("## Where each V1 member goes"))
    assert documented == {(render(e.v1), render(e.v2)) for e in REQUEST_ENTRIES}
