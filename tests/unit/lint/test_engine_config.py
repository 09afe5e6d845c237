"""``[tool.automl-sdk.lint]`` settings: read with tomllib (tomli on 3.10), validated, errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from automl_sdk import AutoMLSDKError, LintConfigError
from automl_sdk.lint._config import LintConfig, find_pyproject, load_config, validate_prefixes

TABLE = """
[project]
name = "x"

[tool.automl-sdk.lint]  # settings
select = [
    "E",   # every error
    'W8',
]
ignore = ["W8001"]

[tool.other]
select = ["nope"]
"""


def test_load_config_reads_the_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(TABLE)
    assert load_config(path) == LintConfig(select=("E", "W8"), ignore=("W8001",), path=path)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('[project]\nname = "x"\n', id="no-table"),
        pytest.param("", id="empty-file"),
    ],
)
def test_missing_table_is_empty_config(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    assert load_config(path) == LintConfig()


def test_no_file_is_empty_config() -> None:
    assert load_config(None) == LintConfig()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '[tool.automl-sdk.lint]\nselect = "E"\n',
            'tool.automl-sdk.lint.select must be a list of rule id prefixes such as ["E3", "W8001"]',
            id="not-a-list",
        ),
        pytest.param(
            '[tool.automl-sdk.lint]\nselect = ["X1"]\n',
            "tool.automl-sdk.lint.select: not a rule id prefix: 'X1' (expected a letter E, W or I "
            "followed by up to four digits, e.g. E3 or W8001)",
            id="bad-prefix",
        ),
        pytest.param(
            '[tool.automl-sdk.lint]\nselects = ["E"]\n',
            "unknown key(s) in [tool.automl-sdk.lint]: selects (expected select or ignore)",
            id="unknown-key",
        ),
        pytest.param("[tool.automl-sdk.lint\n", "invalid TOML", id="bad-toml"),
        pytest.param(
            "[tool.automl-sdk.lint]\nselect = E\n", "invalid TOML", id="bare-word-not-an-array"
        ),
        pytest.param(
            '[tool."automl-sdk"]\nlint = 3\n',
            "tool.automl-sdk.lint must be a table",
            id="not-a-table",
        ),
        pytest.param(
            '[tool.automl-sdk.lint]\nselect = ["E", 1]\n',
            'tool.automl-sdk.lint.select must be a list of rule id prefixes such as ["E3", "W8001"]',
            id="mixed-array",
        ),
    ],
)
def test_bad_config_raises_with_the_file_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    with pytest.raises(LintConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_full_toml_syntax_is_read(tmp_path: Path) -> None:
    # Inline tables, dotted keys and literal strings: TOML the old hand-written subset refused.
    path = tmp_path / "pyproject.toml"
    path.write_text(
        'tool.automl-sdk.lint = { select = [\'E\'], ignore = ["""W8001"""] }\n'
        "[tool.other]\nx = { y = 1 }\n"
    )
    assert load_config(path) == LintConfig(select=("E",), ignore=("W8001",), path=path)


def test_lint_config_error_is_in_the_error_tree_keyword_only_and_picklable() -> None:
    error = LintConfigError(source="pyproject.toml", problem="select must be a list")
    assert isinstance(error, AutoMLSDKError)
    assert not isinstance(error, ValueError)
    assert str(error) == "pyproject.toml: select must be a list"
    clone = pickle.loads(pickle.dumps(error))
    assert (clone.source, clone.problem, str(clone)) == (error.source, error.problem, str(error))
    with pytest.raises(TypeError):
        LintConfigError("pyproject.toml", "x")  # type: ignore[call-arg]


def test_find_pyproject_walks_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_pyproject(nested) == tmp_path / "pyproject.toml"


def test_validate_prefixes_accepts_ids_and_letters() -> None:
    assert validate_prefixes(["E", "W8", "I8003", "E1001"], "x") == ("E", "W8", "I8003", "E1001")
