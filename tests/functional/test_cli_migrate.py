"""``automl-sdk migrate``: output places, report, exit codes 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from automl_sdk.cli import main
from automl_sdk.migrate import migrate_request

V1_DIR = Path(__file__).resolve().parents[1] / "data" / "v1"
EXAMPLE = V1_DIR / "001_create_auto_ml_job.json"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def expected_v2(path: Path) -> dict[str, Any]:
    return migrate_request(load(path))[0]


@pytest.fixture
def copies(tmp_path: Path) -> list[Path]:
    """The V1 examples copied to a scratch directory."""
    return [Path(shutil.copy(path, tmp_path)) for path in sorted(V1_DIR.glob("*.json"))]


def write(tmp_path: Path, name: str, value: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_one_file_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["migrate", str(EXAMPLE)])

    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == expected_v2(EXAMPLE)
    assert out.endswith("}\n")
    assert out.startswith('{\n  "AutoMLJobName": "churn-001",\n  "AutoMLJobInputDataConfig": [')
    _, report = migrate_request(load(EXAMPLE))
    assert err == f"{EXAMPLE} -> <stdout>\n{report}\n"


def test_one_file_to_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"

    code = main(["migrate", str(EXAMPLE), "-o", str(target)])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == ""
    assert load(target) == expected_v2(EXAMPLE)
    assert err.startswith(f"{EXAMPLE} -> {target}\nCreateAutoMLJob -> CreateAutoMLJobV2: ")


def test_several_files_with_suffix(copies: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["migrate", "--suffix", ".v2.json", *map(str, copies)])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == ""
    for path in copies:
        target = path.with_name(path.name.removesuffix(".json") + ".v2.json")
        assert load(target) == expected_v2(path)
        assert f"{path} -> {target}\n" in err


def test_suffix_on_a_name_without_json_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "request"
    shutil.copy(EXAMPLE, source)

    assert main(["migrate", "--suffix", ".v2.json", str(source)]) == 0
    assert load(tmp_path / "request.v2.json") == expected_v2(EXAMPLE)


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(EXAMPLE.read_text(encoding="utf-8")))

    code = main(["migrate", "-"])

    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == expected_v2(EXAMPLE)
    assert err.startswith("<stdin> -> <stdout>\n")


def test_non_ascii_values_are_written_as_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = load(EXAMPLE)
    request["Tags"] = [{"Key": "équipe", "Value": "données"}]
    source = write(tmp_path, "req.json", request)

    assert main(["migrate", str(source)]) == 0
    out = capsys.readouterr().out
    assert '"Key": "équipe"' in out


# (id, argv after "migrate" with {dir} for the scratch directory, expected stderr line)
USAGE_ERRORS = [
    (
        "several-files-without-suffix",
        ["{dir}/001_create_auto_ml_job.json", "{dir}/003_create_auto_ml_job_cli.json"],
        "automl-sdk: error: 2 files given: pass --suffix .v2.json to write each translation next "
        "to its input (NAME.json -> NAME.v2.json), or migrate one file at a time",
    ),
    (
        "suffix-overwrites-input",
        ["--suffix", ".json", "{dir}/001_create_auto_ml_job.json"],
        "automl-sdk: error: --suffix .json: {dir}/001_create_auto_ml_job.json is the input "
        "{dir}/001_create_auto_ml_job.json; the CLI never writes over its input, so choose "
        "another output",
    ),
    (
        "empty-suffix",
        ["--suffix", "", "{dir}/001_create_auto_ml_job.json"],
        "automl-sdk: error: --suffix must not be empty: it would overwrite the input",
    ),
    (
        "suffix-with-stdin",
        ["--suffix", ".v2.json", "-"],
        "automl-sdk: error: --suffix needs file names; '-' (stdin) has none",
    ),
    (
        "missing-file",
        ["{dir}/missing.json"],
        "automl-sdk: error: {dir}/missing.json: cannot read file: No such file or directory",
    ),
    (
        "a-directory",
        ["{dir}"],
        "automl-sdk: error: {dir}: cannot read file: Is a directory",
    ),
]


@pytest.mark.parametrize(
    ("argv", "message"), [case[1:] for case in USAGE_ERRORS], ids=[case[0] for case in USAGE_ERRORS]
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    directory = str(copies[0].parent)
    before = sorted(p.name for p in copies[0].parent.iterdir())

    code = main(["migrate", *(arg.format(dir=directory) for arg in argv)])

    out, err = capsys.readouterr()
    assert (code, out, err) == (2, "", message.format(dir=directory) + "\n")
    assert sorted(p.name for p in copies[0].parent.iterdir()) == before


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"AutoMLJobName":\n', "2:1: not valid JSON: Expecting value"),
        (
            '{"AutoMLJobName": "a",}',
            "1:23: not valid JSON: Expecting property name enclosed in double quotes",
        ),
        (
            "",
            "1:1: not valid JSON: the file is empty (expected a JSON object of request parameters)",
        ),
    ],
    ids=["truncated", "trailing-comma", "empty"],
)
def test_non_json_exits_2_naming_line_and_column(
    text: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(text, encoding="utf-8")

    code = main(["migrate", str(source)])

    assert code == 2
    assert capsys.readouterr().err == f"automl-sdk: error: {source}:{where}\n"


def test_not_utf8_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin1.json"
    source.write_bytes('{"AutoMLJobName": "é"}'.encode("latin-1"))

    assert main(["migrate", str(source)]) == 2
    assert capsys.readouterr().err == (
        f"automl-sdk: error: {source}:1:20: not UTF-8 text: byte 0xe9 (invalid continuation "
        "byte); save the file as UTF-8\n"
    )


def test_an_unreadable_file_among_several_writes_nothing(
    copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = copies[0].parent / "bad.json"
    bad.write_text("{", encoding="utf-8")

    code = main(["migrate", "--suffix", ".v2.json", *map(str, copies), str(bad)])

    assert code == 2
    assert not list(copies[0].parent.glob("*.v2.json"))
    assert "not valid JSON" in capsys.readouterr().err


def test_invalid_request_exits_1_with_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = load(EXAMPLE)
    del request["RoleArn"]
    source = write(tmp_path, "req.json", request)

    code = main(["migrate", str(source)])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"automl-sdk: {source}: cannot migrate: <request>: the CreateAutoMLJob request has "
        "1 lint error(s); fix them, or translate anyway with force=True (--force)"
    )
    assert lines[1].startswith("  E1003 [error] RoleArn: required member RoleArn is missing")


def test_force_translates_an_invalid_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = load(EXAMPLE)
    del request["RoleArn"]
    source = write(tmp_path, "req.json", request)

    code = main(["migrate", "--force", str(source)])

    out, err = capsys.readouterr()
    assert code == 0
    assert "RoleArn" not in json.loads(out)
    assert "translated despite 1 lint error(s) of the V1 request (forced)" in err
    assert "  E1003 [error] RoleArn: required member RoleArn is missing" in err


def test_untranslatable_request_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    request = load(V1_DIR / "003_create_auto_ml_job_cli.json")
    request["InputDataConfig"][1]["TargetAttributeName"] = "genus"
    source = write(tmp_path, "req.json", request)

    code = main(["migrate", "--force", str(source)])

    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    first, *findings = err.splitlines()
    assert first == (
        f"automl-sdk: {source}: cannot migrate: InputDataConfig[1].TargetAttributeName: 'genus' "
        "but InputDataConfig[0].TargetAttributeName is 'species': CreateAutoMLJobV2 has one "
        "TargetAttributeName for all channels "
        "(AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName); "
        "use the same column in every channel"
    )
    # The lint findings of the (forced) request follow, the same error among them.
    assert any(
        line.startswith("  E2004 [error] InputDataConfig[1].TargetAttributeName: ")
        for line in findings
    )


def test_a_v2_request_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, "v2.json", expected_v2(EXAMPLE))

    assert main(["migrate", str(source)]) == 1
    assert capsys.readouterr().err == (
        f"automl-sdk: {source}: cannot migrate: AutoMLJobInputDataConfig: this is already a "
        "CreateAutoMLJobV2 request (it has AutoMLJobInputDataConfig, AutoMLProblemTypeConfig, "
        "DataSplitConfig, SecurityConfig); there is nothing to migrate\n"
    )


def test_a_refused_file_among_several_the_others_are_written(
    copies: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    refused = write(copies[0].parent, "v2.json", expected_v2(EXAMPLE))

    code = main(["migrate", "--suffix", ".v2.json", *map(str, copies), str(refused)])

    assert code == 1
    written = sorted(p.name for p in copies[0].parent.glob("*.v2.json"))
    assert written == sorted(p.name.removesuffix(".json") + ".v2.json" for p in copies)
    assert f"automl-sdk: {refused}: cannot migrate" in capsys.readouterr().err


def test_output_and_suffix_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["migrate", "-o", "out.json", "--suffix", ".v2.json", str(EXAMPLE)])

    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_the_console_script_never_imports_boto3(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from automl_sdk.cli import main\n"
        f"code = main(['migrate', '-o', {str(tmp_path / 'out.json')!r}, {str(EXAMPLE)!r}])\n"
        "print(code, 'boto3' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )

    assert result.stdout == "0 False\n"


DOCS = Path(__file__).resolve().parents[2] / "docs" / "migrating.md"


def _fenced(text: str, language: str) -> list[str]:
    import re

    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def test_the_docs_worked_example_is_what_the_command_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = DOCS.read_text(encoding="utf-8")
    v1_block, v2_block = _fenced(text, "json")[:2]
    (console,) = _fenced(text, "console")
    source = tmp_path / "churn-v1.json"
    source.write_text(v1_block, encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    command, *shown = console.splitlines()
    assert command == "$ automl-sdk migrate churn-v1.json -o churn-v2.json"

    code = main(command.split()[2:])

    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert load(tmp_path / "churn-v2.json") == json.loads(v2_block)
    for line in shown:
        if line.strip() != "...":
            assert line in err, line


def test_the_example_script_runs() -> None:
    script = Path(__file__).resolve().parents[2] / "examples" / "migrate_v1_request.py"

    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    v2 = json.loads(result.stdout)
    assert v2["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] == "churned"
    assert "V1 view: target 'churned', problem type 'BinaryClassification'" in result.stderr
