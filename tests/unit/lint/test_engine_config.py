"""``[tool.automl-sdk.lint]`` settings: tomllib path, the Python 3.10 reader, validation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from automl_sdk.lint._config import (
    LintConfig,
    LintConfigError,
    find_pyproject,
    load_config,
    parse_lint_table,
    validate_prefixes,
)

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


def test_fallback_reader_agrees_with_tomllib() -> None:
    assert parse_lint_table(TABLE, Path("p")) == {"select": ["E", "W8"], "ignore": ["W8001"]}


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
    assert parse_lint_table(text, path) is None


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
        pytest.param(
            "[tool.automl-sdk.lint\n",
            "invalid TOML",
            id="bad-toml",
            marks=pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib only"),
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


def test_fallback_reader_rejects_non_arrays() -> None:
    with pytest.raises(LintConfigError, match=r"p:2: expected key = \["):
        parse_lint_table("[tool.automl-sdk.lint]\nselect = E\n", Path("p"))


def test_find_pyproject_walks_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_pyproject(nested) == tmp_path / "pyproject.toml"


def test_validate_prefixes_accepts_ids_and_letters() -> None:
    assert validate_prefixes(["E", "W8", "I8003", "E1001"], "x") == ("E", "W8", "I8003", "E1001")
