"""Shorthand syntax and option values, held to the AWS CLI's documented examples and messages.

The examples are those of "Using shorthand syntax in the AWS CLI"
(https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html) and of the
``create-auto-ml-job`` man page's "Shorthand Syntax" blocks.
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk._cli.aws import _shorthand, _values
from automl_sdk._cli.aws._tables import COMMANDS
from automl_sdk.shapes.constraints import SHAPES

PARSED = [
    # structures
    ("key1=value1,key2=value2,key3=value3", {"key1": "value1", "key2": "value2", "key3": "value3"}),
    ("ReadCapacityUnits=15,WriteCapacityUnits=10", {"ReadCapacityUnits": "15", "WriteCapacityUnits": "10"}),
    ("KmsKeyId=string,S3OutputPath=string", {"KmsKeyId": "string", "S3OutputPath": "string"}),
    ("S3OutputPath=s3://b/o,KmsKeyId=k", {"S3OutputPath": "s3://b/o", "KmsKeyId": "k"}),
    # lists inside a structure: comma-separated or bracketed
    ("key=value1,value2,value3", {"key": ["value1", "value2", "value3"]}),
    ("key=[value1,value2],other=x", {"key": ["value1", "value2"], "other": "x"}),
    ("a=1,2,b=3", {"a": ["1", "2"], "b": "3"}),
    ("key=[]", {"key": []}),
    # nested structures
    (
        "DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://b/t/}},TargetAttributeName=y",
        {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}},
            "TargetAttributeName": "y",
        },
    ),
    ("key1={nestedkey1=value1,nestedkey2=value2}", {"key1": {"nestedkey1": "value1", "nestedkey2": "value2"}}),
    ("k=[{a=1},{a=2}]", {"k": [{"a": "1"}, {"a": "2"}]}),
    ("k={}", {"k": {}}),
    # maps (any keys) and key characters
    ("epochCount=3,batchSize=8", {"epochCount": "3", "batchSize": "8"}),
    ("a.b#c/d:e-f_g=1", {"a.b#c/d:e-f_g": "1"}),
    # quoting and escaping
    ('key="value,with,commas"', {"key": "value,with,commas"}),
    ("key='value=with=equals'", {"key": "value=with=equals"}),
    ("key='it\\'s'", {"key": "it's"}),
    ('key="say \\"hi\\""', {"key": 'say "hi"'}),
    ("key='back\\\\slash'", {"key": "back\\slash"}),
    ("key=a\\,b", {"key": "a,b"}),
    ("key=\"[not a list]\"", {"key": "[not a list]"}),
    # values: '=' in a first value, spaces, empty values, whitespace around separators
    ("Filter=a=b", {"Filter": "a=b"}),
    ("Name=hello world", {"Name": "hello world"}),
    ("a=,b=c", {"a": "", "b": "c"}),
    ("a=", {"a": ""}),
    ("a = 1 , b = 2 ", {"a": "1", "b": "2"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_documented_forms_parse(text: str, expected: dict[str, Any]) -> None:
    assert _shorthand.parse(text) == expected


ERRORS = [
    ("S3OutputPath", "Expected: '=', received: 'EOF' for input:\nS3OutputPath\n            ^"),
    ("a=b,", "Expected: a value, received: 'EOF' for input:\na=b,\n    ^"),
    (
        "a=b,a=c",
        'Second instance of key "a" encountered for input:\na=b,a=c\n    ^\n'
        'This is often because there is a preceding "," instead of a space.',
    ),
    ("a=[1,2", "Expected: ']', received: 'EOF' for input:\na=[1,2\n      ^"),
    ("a={b=c", "Expected: '}', received: 'EOF' for input:\na={b=c\n      ^"),
    ("a={b}", "Expected: '=', received: '}' for input:\na={b}\n    ^"),
    ('a="open', "Expected: closing \", received: 'EOF' for input:\na=\"open\n  ^"),
    ("a={b=1,\nc}", "Expected: '=', received: '}' for input:\na={b=1,\nc}\n ^"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_errors_point_at_the_position(text: str, message: str) -> None:
    with pytest.raises(_shorthand.ShorthandError) as caught:
        _shorthand.parse(text)
    assert str(caught.value) == message


def test_help_examples_follow_the_man_page() -> None:
    assert (
        _shorthand.example("AutoMLOutputDataConfig", SHAPES)
        == "KmsKeyId=string,S3OutputPath=string"
    )
    assert _shorthand.example("TagList", SHAPES) == "Key=string,Value=string ..."
    assert _shorthand.example("AutoMLInputDataConfig", SHAPES) == (
        "ChannelType=string,CompressionType=string,ContentType=string,"
        "DataSource={S3DataSource={S3DataType=string,S3Uri=string}},"
        "SampleWeightAttributeName=string,TargetAttributeName=string ..."
    )


def test_an_empty_key_is_kept_for_the_linter_to_report() -> None:
    assert _shorthand.parse("=v") == {"": "v"}


# -- option values: JSON, files, shorthand typed by the model ---------------------------------


def parameter(command: str, option: str) -> dict[str, Any]:
    rows = COMMANDS[command]["parameters"]
    return next(row for row in rows if row["option"] == option)


def value(command: str, option: str, raw: str | list[str]) -> Any:
    return _values.option_value(parameter(command, option), raw, SHAPES)


def test_shorthand_is_typed_by_the_model() -> None:
    config = value(
        "create-auto-ml-job",
        "--auto-ml-job-config",
        "CompletionCriteria={MaxCandidates=10,MaxAutoMLJobRuntimeInSeconds=3600},Mode=ENSEMBLING,"
        "SecurityConfig={EnableInterContainerTrafficEncryption=true,"
        "VpcConfig={SecurityGroupIds=sg-1,Subnets=[s-1,s-2]}}",
    )
    assert config == {
        "CompletionCriteria": {"MaxCandidates": 10, "MaxAutoMLJobRuntimeInSeconds": 3600},
        "Mode": "ENSEMBLING",
        "SecurityConfig": {
            "EnableInterContainerTrafficEncryption": True,
            "VpcConfig": {"SecurityGroupIds": ["sg-1"], "Subnets": ["s-1", "s-2"]},
        },
    }


def test_lists_of_structures_take_one_shorthand_per_item() -> None:
    assert value("create-auto-ml-job", "--tags", ["Key=k1,Value=v1", "Key=k2,Value=v2"]) == [
        {"Key": "k1", "Value": "v1"},
        {"Key": "k2", "Value": "v2"},
    ]
    assert value("create-auto-ml-job", "--tags", ['{"Key": "k", "Value": "v"}']) == [
        {"Key": "k", "Value": "v"}
    ]
    assert value("create-auto-ml-job", "--tags", ['[{"Key": "k", "Value": "v"}]']) == [
        {"Key": "k", "Value": "v"}
    ]


def test_booleans_other_than_true_and_false_are_left_for_the_linter() -> None:
    deploy = value("create-auto-ml-job", "--model-deploy-config", "AutoGenerateEndpointName=yes")
    assert deploy == {"AutoGenerateEndpointName": "yes"}


def test_top_level_integers_are_typed() -> None:
    assert value("list-auto-ml-jobs", "--max-results", "5") == 5


VALUE_ERRORS = [
    (
        ("list-auto-ml-jobs", "--max-results", "five"),
        "Error parsing parameter '--max-results': expected an integer, received: 'five'",
    ),
    (
        ("create-auto-ml-job", "--auto-ml-job-config", "CompletionCriteria={MaxCandidates=ten}"),
        "Error parsing parameter '--auto-ml-job-config': "
        "CompletionCriteria.MaxCandidates: expected an integer, received: 'ten'",
    ),
    (
        ("create-auto-ml-job", "--output-data-config", "S3OutputPath"),
        "Error parsing parameter '--output-data-config': Expected: '=', received: 'EOF' "
        "for input:\nS3OutputPath\n            ^",
    ),
    (
        ("create-auto-ml-job", "--output-data-config", '{"S3OutputPath": }'),
        "Error parsing parameter '--output-data-config': Invalid JSON: Expecting value: "
        'line 1 column 18 (char 17)\nJSON received: {"S3OutputPath": }',
    ),
]


@pytest.mark.parametrize(("given", "message"), VALUE_ERRORS)
def test_value_errors_name_the_option_and_the_position(
    given: tuple[str, str, str], message: str
) -> None:
    with pytest.raises(_values.ParamError) as caught:
        value(*given)
    assert str(caught.value) == message


def test_file_and_fileb_values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out.json").write_text('{"S3OutputPath": "s3://b/o"}')
    (tmp_path / "out.txt").write_bytes(b"S3OutputPath=s3://b/f")
    monkeypatch.setenv("REQUESTS", str(tmp_path))
    assert value("create-auto-ml-job", "--output-data-config", "file://$REQUESTS/out.json") == {
        "S3OutputPath": "s3://b/o"
    }
    assert value("create-auto-ml-job", "--output-data-config", f"fileb://{tmp_path}/out.txt") == {
        "S3OutputPath": "s3://b/f"
    }
    (tmp_path / "name").write_text("from-a-file")
    assert value("create-auto-ml-job", "--auto-ml-job-name", f"file://{tmp_path}/name") == (
        "from-a-file"
    )
    assert _shorthand.parse(
        f"S3OutputPath@=file://{tmp_path}/name",
        lambda path: _values.load_paramfile(path, "--x"),
    ) == {"S3OutputPath": "from-a-file"}


def test_unreadable_files_name_the_option_and_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(_values.ParamError) as caught:
        value("create-auto-ml-job", "--output-data-config", f"file://{missing}")
    assert str(caught.value) == (
        f"Error parsing parameter '--output-data-config': Unable to load paramfile "
        f"file://{missing}: [Errno 2] No such file or directory: '{missing}'"
    )
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe")
    with pytest.raises(_values.ParamError) as caught:
        value("create-auto-ml-job", "--role-arn", f"fileb://{binary}")
    assert "not UTF-8 text (byte 0)" in str(caught.value)


# -- properties --------------------------------------------------------------------------------

_KEYS = st.text(string.ascii_letters + string.digits + "-_.", min_size=1, max_size=12)
_PLAIN = st.text(string.ascii_letters + string.digits + ":/._-", min_size=1, max_size=20)
_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


@given(st.dictionaries(_KEYS, _PLAIN, min_size=1, max_size=6))
def test_flat_structures_round_trip(members: dict[str, str]) -> None:
    text = ",".join(f"{key}={item}" for key, item in members.items())
    assert _shorthand.parse(text) == members


@given(st.dictionaries(_KEYS, _ANY_TEXT, min_size=1, max_size=4))
def test_double_quoted_values_hold_any_text(members: dict[str, str]) -> None:
    def quoted(item: str) -> str:
        return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'

    text = ",".join(f"{key}={quoted(item)}" for key, item in members.items())
    assert _shorthand.parse(text) == members


@given(st.recursive(_PLAIN, lambda inner: st.dictionaries(_KEYS, inner, max_size=3), max_leaves=8))
def test_nested_structures_round_trip_like_json(tree: Any) -> None:
    def shorthand(node: Any) -> str:
        if isinstance(node, dict):
            return "{" + ",".join(f"{k}={shorthand(v)}" for k, v in node.items()) + "}"
        return str(node)

    assert _shorthand.parse(f"root={shorthand(tree)}") == json.loads(json.dumps({"root": tree}))


@given(st.text(max_size=40))
def test_any_text_parses_or_fails_with_a_positioned_error(text: str) -> None:
    error: _shorthand.ShorthandError | None = None
    try:
        parsed: Any = _shorthand.parse(text)
    except _shorthand.ShorthandError as exc:
        error, parsed = exc, None
    if error is None:
        assert isinstance(parsed, dict)
    else:
        assert 0 <= error.index <= len(text)
        assert str(error).startswith(f"{error.problem} for input:\n")
