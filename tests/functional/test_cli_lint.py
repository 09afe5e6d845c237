"""``automl-sdk lint`` and ``automl-sdk skeleton``: exit codes, output formats, config, no boto3."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from automl_sdk.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "requests"
GOOD = DATA / "v2_tabular.json"
MINIMAL = DATA / "v2_tabular_minimal.json"
V1 = DATA / "v1_tabular.json"
BAD = '{\n  "AutoMLJobName": "bad name",\n  "RoleArn": 5\n}\n'


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(BAD)
    return path


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No pyproject.toml above tmp_path's own directory may change rule selection.
    monkeypatch.chdir(tmp_path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lint", str(GOOD)], capsys) == (0, "No problems found in 1 file.\n", "")


def test_warnings_only_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--format", "json", str(MINIMAL)], capsys)
    findings = json.loads(out)
    assert code == 0
    assert findings
    assert {f["severity"] for f in findings} <= {"warning", "info"}


def test_errors_exit_1_with_json_contract(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["lint", "--format", "json", "--select", "E1", str(bad)], capsys)
    assert code == 1
    assert err == ""
    items = json.loads(out)
    assert [(i["rule"], i["path"]) for i in items] == [
        ("E1003", "AutoMLJobInputDataConfig"),
        ("E1007", "AutoMLJobName"),
        ("E1003", "AutoMLProblemTypeConfig"),
        ("E1003", "OutputDataConfig"),
        ("E1002", "RoleArn"),
    ]
    keys = ["file", "rule", "severity", "path", "message", "line", "column"]
    assert all(list(i) == keys for i in items)
    assert [(i["line"], i["column"]) for i in items] == [(1, 1), (2, 3), (1, 1), (1, 1), (3, 3)]
    assert {i["file"] for i in items} == {str(bad)}


def test_text_output_has_locations(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--select", "E1007,E1002", str(bad)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{bad}:2:3: E1007 [error] AutoMLJobName: AutoMLJobName does not match the required pattern "
        "(got 'bad name'; expected a whole match of [a-zA-Z0-9](-*[a-zA-Z0-9]){0,31})",
        f"{bad}:3:3: E1002 [error] RoleArn: RoleArn has the wrong type (got 5, an integer; "
        'expected a string of 20 to 2048 characters); write it as a string: "5"',
        "Found 2 problems in 1 file (2 errors, 0 warnings, 0 info).",
    ]


def test_several_files(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--format", "json", str(GOOD), str(bad), str(V1)], capsys)
    assert code == 1
    assert {i["file"] for i in json.loads(out)} == {str(bad)}


def test_sarif(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--format", "sarif", str(bad)], capsys)
    log = json.loads(out)
    assert code == 1
    assert log["version"] == "2.1.0"
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"E1002", "E1003", "E1007"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            '{\n  "a": 1,\n}\n',
            "3:1: not valid JSON: Expecting property name enclosed in double quotes",
            id="trailing-comma",
        ),
        pytest.param(
            "",
            "1:1: not valid JSON: the file is empty (expected a JSON object of request parameters)",
            id="empty",
        ),
        pytest.param(
            '{"a": NaN}',
            "1:7: not valid JSON: NaN is not a JSON number (use a number or a string)",
            id="nan",
        ),
    ],
)
def test_invalid_json_exits_2_naming_file_line_column(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    code, out, err = run(["lint", str(path), str(GOOD)], capsys)
    assert code == 2
    assert err == f"automl-sdk: error: {path}:{message}\n"
    assert out == "No problems found in 1 file.\n"  # the readable file is still linted


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["lint", "nope.json"], capsys)
    assert code == 2
    assert err == "automl-sdk: error: nope.json: cannot read file: No such file or directory\n"
    assert out == ""  # no "No problems found in 0 files"


def test_missing_file_still_gives_a_json_array(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--format", "json", "nope.json"], capsys)
    assert code == 2
    assert json.loads(out) == []


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(BAD))
    code, out, _ = run(["lint", "--format", "json", "--select", "E1007", "-"], capsys)
    assert code == 1
    assert [(i["file"], i["rule"]) for i in json.loads(out)] == [("-", "E1007")]


def test_operation_option_forces_v1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [
            "lint",
            "--format",
            "json",
            "--operation",
            "create-auto-ml-job",
            "--select",
            "E1001",
            str(GOOD),
        ],
        capsys,
    )
    assert code == 1
    assert "AutoMLJobInputDataConfig" in {i["path"] for i in json.loads(out)}


@pytest.mark.parametrize(
    ("args", "expected_rules"),
    [
        pytest.param(["--select", "E1007"], {"E1007"}, id="select"),
        pytest.param(
            ["--ignore", "E1003,E1007,W", "--ignore", "E1002,I"],
            set(),
            id="ignore-repeated-and-comma",
        ),
        pytest.param(
            ["--select", "E1", "--ignore", "E1003"], {"E1002", "E1007"}, id="select-and-ignore"
        ),
    ],
)
def test_select_ignore_options(
    bad: Path, args: list[str], expected_rules: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["lint", "--format", "json", *args, str(bad)], capsys)
    assert {i["rule"] for i in json.loads(out)} == expected_rules


def test_pyproject_config_is_used_and_cli_select_wins(
    tmp_path: Path, bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.automl-sdk.lint]\nselect = ["E1007"]\nignore = ["E1002"]\n'
    )
    _, out, _ = run(["lint", "--format", "json", str(bad)], capsys)
    assert {i["rule"] for i in json.loads(out)} == {"E1007"}
    _, out, _ = run(["lint", "--format", "json", "--select", "E1002,E1007", str(bad)], capsys)
    assert {i["rule"] for i in json.loads(out)} == {"E1007"}  # config ignore still applies
    _, out, _ = run(
        ["lint", "--format", "json", "--config", "file://pyproject.toml", str(bad)], capsys
    )
    assert {i["rule"] for i in json.loads(out)} == {"E1007"}
    _, out, _ = run(
        ["lint", "--format", "json", "--no-config", "--select", "E1002", str(bad)], capsys
    )
    assert {i["rule"] for i in json.loads(out)} == {"E1002"}


def rules_of(out: str) -> set[str]:
    return {item["rule"] for item in json.loads(out)}


def test_info_rules_are_off_unless_selected(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["lint", "--format", "json", str(MINIMAL)], capsys)
    assert rules_of(out) == {"W8001", "W8002"}
    _, out, _ = run(["lint", "--format", "json", "--include-info", str(MINIMAL)], capsys)
    assert rules_of(out) == {"W8001", "W8002", "I8003", "I8005"}
    _, out, _ = run(["lint", "--format", "json", "--select", "I8003", str(MINIMAL)], capsys)
    assert rules_of(out) == {"I8003"}
    _, out, _ = run(
        ["lint", "--format", "json", "--select", "W", "--include-info", str(MINIMAL)], capsys
    )
    assert rules_of(out) == {"W8001", "W8002", "I8003", "I8005"}


def test_info_rules_selected_in_pyproject_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.automl-sdk.lint]\nselect = ["I"]\n')
    _, out, _ = run(["lint", "--format", "json", str(MINIMAL)], capsys)
    assert rules_of(out) == {"I8003", "I8005"}


def test_text_output_is_sorted_by_line_then_column(
    bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["lint", "--select", "E1", str(bad)], capsys)
    where = [line.split(" ", 2)[:2] for line in out.splitlines()[:-1]]
    assert where == [
        [f"{bad}:1:1:", "E1003"],  # missing members are placed at the object that lacks them
        [f"{bad}:1:1:", "E1003"],
        [f"{bad}:1:1:", "E1003"],
        [f"{bad}:2:3:", "E1007"],
        [f"{bad}:3:3:", "E1002"],
    ]
    assert [line.split(" ")[3] for line in out.splitlines()[:3]] == [
        "AutoMLJobInputDataConfig:",
        "AutoMLProblemTypeConfig:",
        "OutputDataConfig:",
    ]


def test_text_output_is_sorted_by_file(
    bad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.json"
    first.write_text(BAD)
    _, out, _ = run(["lint", "--select", "E1007", str(bad), str(first)], capsys)
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == [str(first), str(bad)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--select", "X9"], "--select: not a rule id prefix: 'X9'", id="bad-select"),
        pytest.param(
            ["--config", "missing.toml"], "--config missing.toml: no such file", id="missing-config"
        ),
    ],
)
def test_usage_errors_exit_2(
    bad: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["lint", *args, str(bad)], capsys)
    assert code == 2
    assert err.startswith(f"automl-sdk: error: {message}")


def test_bad_pyproject_exits_2(
    tmp_path: Path, bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.automl-sdk.lint]\nselect = "E"\n')
    code, _, err = run(["lint", str(bad)], capsys)
    assert code == 2
    assert "tool.automl-sdk.lint.select must be a list" in err


@pytest.mark.parametrize(
    "problem_type", ["tabular", "time-series", "image", "text", "text-generation"]
)
def test_skeleton_lints_clean(
    tmp_path: Path, problem_type: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["skeleton", "--problem-type", problem_type], capsys)
    assert code == 0
    assert err.startswith("# AutoMLJobName: ")
    path = tmp_path / "request.json"
    path.write_text(out)
    assert run(["lint", str(path)], capsys) == (0, "No problems found in 1 file.\n", "")


def test_skeleton_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["skeleton", "--problem-type", "image", "-q"], capsys)
    assert code == 0
    assert err == ""
    assert "ImageClassificationJobConfig" in json.loads(out)["AutoMLProblemTypeConfig"]


def test_subprocess_lint_never_imports_boto3(bad: Path) -> None:
    code = (
        "import sys\n"
        "from automl_sdk.cli import main\n"
        f"rc = main(['lint', '--format', 'json', {str(bad)!r}])\n"
        "assert not [m for m in sys.modules if m.startswith(('boto3', 'botocore'))], 'boto imported'\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)


def test_subprocess_console_entry_point(bad: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "automl_sdk",
            "lint",
            "--format",
            "json",
            "--select",
            "E1007",
            str(bad),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert [i["rule"] for i in json.loads(result.stdout)] == ["E1007"]
