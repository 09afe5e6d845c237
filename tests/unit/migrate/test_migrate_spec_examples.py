"""The V1 examples of the spec: our valid copies cover them, and the raw blocks translate.

tests/data/v1/ holds each V1 example of ../shared/spec/ with its placeholders made valid; these
tests hold the copies to the pages (every member the page shows is present) and translate the
raw syntax blocks, placeholders and all, to check the translator on the exact documented shape.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from automl_sdk import MigrationError, migrate_request
from tests.support.spec_examples import cli_man_page_request, examples, newer_page_leaf_keys

V1_DIR = Path(__file__).resolve().parents[2] / "data" / "v1"


def load(name: str) -> dict[str, Any]:
    (path,) = V1_DIR.glob(f"{name}_*.json")
    value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return value


def paths(value: Any, path: str = "") -> set[str]:
    """Member paths of a wire value, list items folded into ``[]``."""
    found = {path} if path else set()
    if isinstance(value, dict):
        for key, member in value.items():
            found |= paths(member, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for member in value:
            found |= paths(member, f"{path}[]")
    return found


def spec_v1_request() -> dict[str, Any]:
    (example,) = [wire for _, shape, wire in examples() if shape == "CreateAutoMLJobRequest"]
    return example


RAW = [("001-boto3", spec_v1_request()), ("003-cli", cli_man_page_request())]


def test_001_copy_has_every_member_of_the_boto3_page() -> None:
    assert paths(spec_v1_request()) <= paths(load("001"))


def test_003_copy_has_every_member_of_the_cli_man_page() -> None:
    assert paths(cli_man_page_request()) <= paths(load("003"))


def test_004_copy_has_every_member_of_the_newer_boto3_page() -> None:
    names = {re.sub(r"\[\]", "", p).rsplit(".", 1)[-1] for p in paths(load("004"))}
    # The block as copied runs on into the response syntax, hence AutoMLJobArn.
    assert newer_page_leaf_keys() - {"AutoMLJobArn"} <= names


@pytest.mark.parametrize("request_v1", [case[1] for case in RAW], ids=[case[0] for case in RAW])
def test_raw_block_is_refused_for_its_placeholders(request_v1: dict[str, Any]) -> None:
    with pytest.raises(MigrationError) as caught:
        migrate_request(request_v1)

    assert caught.value.path == ""
    assert caught.value.findings
    assert all(
        not f.path.startswith(("AutoMLJobInputDataConfig", "AutoMLProblemTypeConfig"))
        for f in caught.value.findings
    )


@pytest.mark.parametrize("request_v1", [case[1] for case in RAW], ids=[case[0] for case in RAW])
def test_raw_block_translates_when_forced(request_v1: dict[str, Any]) -> None:
    v2, report = migrate_request(request_v1, force=True)

    tabular = v2["AutoMLProblemTypeConfig"]["TabularJobConfig"]
    config = request_v1["AutoMLJobConfig"]
    channel = request_v1["InputDataConfig"][0]
    assert tabular["TargetAttributeName"] == channel["TargetAttributeName"]
    assert tabular.get("SampleWeightAttributeName") == channel.get("SampleWeightAttributeName")
    assert tabular["CompletionCriteria"] == config["CompletionCriteria"]
    assert tabular["CandidateGenerationConfig"] == {
        "AlgorithmsConfig": config["CandidateGenerationConfig"]["AlgorithmsConfig"]
    }
    assert v2["SecurityConfig"] == config["SecurityConfig"]
    assert v2["DataSplitConfig"] == config["DataSplitConfig"]
    assert report.notes[0].startswith("translated despite ")
