"""Formatters: text, JSON and SARIF output compared with golden files.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 python -m pytest tests/unit/lint/test_formatters.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from automl_sdk._version import __version__
from automl_sdk.lint import Finding, lint_request
from automl_sdk.lint._locate import locate, position
from automl_sdk.lint.formatters import FORMATS, FileReport, formatter

GOLDEN = Path(__file__).parent / "golden"

BAD_REQUEST = """{
  "AutoMLJobName": "churn job",
  "AutoMLJobInputDataConfig": [
    {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}},
     "ChannelType": "Training"}
  ],
  "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
  "AutoMLProblemTypeConfig": {"TabularJobConfig": {"CompletionCriteria": {"MaxCandidates": "10"}}},
  "RoleArn": "arn:aws:iam::111122223333:role/Example",
  "Extra": 1
}
"""


def _reports() -> list[FileReport]:
    findings = tuple(lint_request(json.loads(BAD_REQUEST), select=["E1"]))
    extra = (
        Finding("W1999", "warning", "OutputDataConfig", "an example warning (got x; expected y)"),
        Finding("I1999", "info", "", "an example note about the whole request"),
    )
    return [
        FileReport(
            file="requests/bad request.json",
            findings=findings + extra,
            locations=locate(BAD_REQUEST),
        ),
        FileReport(file="requests/good.json", findings=()),
    ]


def _normalise(text: str) -> str:
    return text.replace(f'"version": "{__version__}"', '"version": "<version>"')


@pytest.mark.parametrize("name", FORMATS)
def test_golden(name: str) -> None:
    output = _normalise(formatter(name)(_reports()))
    golden = GOLDEN / f"report.{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FORMATS)
def test_no_findings(name: str) -> None:
    output = formatter(name)([FileReport(file="a.json", findings=())])
    if name == "text":
        assert output == "No problems found in 1 file.\n"
    elif name == "json":
        assert json.loads(output) == []
    else:
        assert json.loads(output)["runs"][0]["results"] == []


def test_json_objects_have_the_contract_keys_and_a_position_when_known() -> None:
    items = json.loads(formatter("json")(_reports()))
    assert items
    keys = ["file", "rule", "severity", "path", "message", "line", "column"]
    assert all(list(item) == keys for item in items)
    unlocated = FileReport(file="-", findings=_reports()[0].findings)
    items = json.loads(formatter("json")([unlocated]))
    assert all(list(item) == keys[:5] for item in items)


def test_text_lines_are_sorted_by_file_line_and_column() -> None:
    reports = _reports()
    lines = formatter("text")([reports[1], reports[0]]).splitlines()[:-1]
    positions = [tuple(int(n) for n in line.split(": ", 1)[0].split(":")[1:]) for line in lines]
    assert positions == sorted(positions)
    assert positions[0] == (1, 1)


def test_sarif_structure() -> None:
    log = json.loads(formatter("sarif")(_reports()))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    rule_ids = [rule["id"] for rule in rules]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "requests/bad%20request.json"
        )
    assert rule_ids == sorted(set(rule_ids))
    job_name = next(r for r in run["results"] if r["ruleId"] == "E1007")
    assert job_name["locations"][0]["logicalLocations"] == [
        {"fullyQualifiedName": "AutoMLJobName", "kind": "member"}
    ]
    assert job_name["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 3,
    }


def test_formatter_rejects_unknown_name() -> None:
    with pytest.raises(KeyError):
        formatter("xml")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param("", (1, 1), id="root"),
        pytest.param("AutoMLJobName", (2, 3), id="key"),
        pytest.param("AutoMLJobInputDataConfig[0]", (4, 5), id="list-item"),
        pytest.param("AutoMLJobInputDataConfig[0].ChannelType", (5, 6), id="nested-key"),
        pytest.param(
            "AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName",
            (8, 31),
            id="missing-uses-parent",
        ),
        pytest.param("Extra", (10, 3), id="last-key"),
    ],
)
def test_locate(path: str, expected: tuple[int, int]) -> None:
    assert position(locate(BAD_REQUEST), path) == expected


def test_locate_is_best_effort_on_bad_text() -> None:
    assert locate('{"a": [1, 2') == {"": (1, 1), "a": (1, 2), "a[0]": (1, 8), "a[1]": (1, 11)}


def test_a_repeated_key_is_located_at_its_last_occurrence() -> None:
    positions = locate('{"a": {"b": 1, "b": 2, "b": 3}, "c": [{"d": 1}, {"d": 2}], "a": 0}')
    assert positions["a"] == (1, 60)  # the last occurrence, the one JSON keeps
    assert positions["a.b"] == (1, 24)
