"""``migrate`` never writes over an input, and every file the CLI writes is written atomically.

Each refusal exits 2 before anything is written: the folder holds the same files with the same
bytes afterwards. A write that fails part-way (a full disk) leaves the old file and no temporary.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from automl_sdk._cli import files
from automl_sdk.cli import main
from automl_sdk.errors import CLIUsageError
from tests.support.requests import tabular_v1_request

V1_TEXT = json.dumps(tabular_v1_request(), indent=2) + "\n"
OLD_OUTPUT = '{"old": "output"}\n'


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (links as their target's bytes), by name; folders as empty."""
    return {
        path.name: path.read_bytes() if path.is_file() else b"" for path in sorted(folder.iterdir())
    }


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "req.json").write_text(V1_TEXT)
    return tmp_path


def refused(argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``migrate`` expecting exit 2 with one error line and an unchanged folder."""
    before = snapshot(folder)
    code = main(["migrate", *argv])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert snapshot(folder) == before
    assert err.count("\n") == 1
    return err


@pytest.mark.parametrize(
    ("output", "named"),
    [
        pytest.param("req.json", "req.json", id="same-path"),
        pytest.param("./sub/../req.json", "./sub/../req.json", id="another-spelling"),
        pytest.param("{folder}/req.json", "{folder}/req.json", id="absolute"),
        pytest.param("link.json", "link.json", id="symlink"),
        pytest.param("hard.json", "hard.json", id="hard-link"),
    ],
)
def test_output_naming_the_input_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], output: str, named: str
) -> None:
    (folder / "sub").mkdir()
    (folder / "link.json").symlink_to(folder / "req.json")
    os.link(folder / "req.json", folder / "hard.json")
    output, named = output.format(folder=folder), named.format(folder=folder)
    assert refused(["req.json", "-o", output], folder, capsys) == (
        f"automl-sdk: error: -o {output}: {named} is the input req.json; the CLI never writes "
        "over its input, so choose another output\n"
    )


def test_output_naming_the_input_through_a_file_url_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refused(["file://req.json", "-o", "req.json"], folder, capsys) == (
        "automl-sdk: error: -o req.json: req.json is the input req.json; the CLI never writes "
        "over its input, so choose another output\n"
    )


def test_suffix_outputs_that_collide_are_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "req").write_text(V1_TEXT)  # req.json and req both become req.v2.json
    assert refused(["--suffix", ".v2.json", "req.json", "req"], folder, capsys) == (
        "automl-sdk: error: --suffix .v2.json: req.json and req would both be written to "
        "req.v2.json; rename one of them or translate them separately\n"
    )


def test_the_same_input_twice_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(["--suffix", ".v2.json", "req.json", "./req.json"], folder, capsys) == (
        "automl-sdk: error: --suffix .v2.json: req.json and ./req.json would both be written "
        "to req.v2.json; rename one of them or translate them separately\n"
    )


@pytest.mark.parametrize("linked", [False, True], ids=["the-input-itself", "a-link-to-it"])
def test_a_suffix_output_that_is_another_input_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], linked: bool
) -> None:
    other = "other.json" if linked else "req.v2.json"
    (folder / other).write_text(V1_TEXT)
    if linked:
        (folder / "req.v2.json").symlink_to(folder / other)
    assert refused(["--suffix", ".v2.json", "req.json", other], folder, capsys) == (
        f"automl-sdk: error: --suffix .v2.json: req.v2.json is the input {other}; the CLI "
        "never writes over its input, so choose another output\n"
    )


def test_a_full_disk_leaves_the_old_output_and_no_partial_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "out.json").write_text(OLD_OUTPUT)
    real_write = os.write
    calls = []

    def write_half_then_fail(descriptor: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(descriptor, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write_half_then_fail)
    code = main(["migrate", "req.json", "-o", "out.json"])
    monkeypatch.undo()

    out, err = capsys.readouterr()
    assert len(calls) == 2  # the first write went half-way, the second one failed
    assert (code, out) == (2, "")
    assert err == "automl-sdk: error: cannot write out.json: No space left on device\n"
    assert snapshot(folder) == {"out.json": OLD_OUTPUT.encode(), "req.json": V1_TEXT.encode()}


def test_a_written_output_replaces_the_old_one_whole_and_keeps_its_mode(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "out.json"
    out.write_text(OLD_OUTPUT)
    out.chmod(0o640)
    assert main(["migrate", "req.json", "-o", "out.json"]) == 0
    assert json.loads(out.read_text())["AutoMLJobName"] == "churn"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(snapshot(folder)) == ["out.json", "req.json"]
    assert capsys.readouterr().err.startswith("req.json -> out.json\n")


def test_a_new_output_gets_the_umask_mode(folder: Path) -> None:
    umask = os.umask(0o027)
    try:
        assert main(["migrate", "req.json", "-o", "new.json"]) == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((folder / "new.json").stat().st_mode) == 0o640


def test_an_output_through_a_symlink_replaces_the_linked_file(folder: Path) -> None:
    (folder / "real.json").write_text(OLD_OUTPUT)
    (folder / "link.json").symlink_to(folder / "real.json")
    assert main(["migrate", "req.json", "-o", "link.json"]) == 0
    assert (folder / "link.json").is_symlink()
    assert json.loads((folder / "real.json").read_text())["AutoMLJobName"] == "churn"


def test_write_atomically_leaves_no_temporary_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text(OLD_OUTPUT)

    def no_rename(source: str, destination: str) -> None:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(CLIUsageError) as caught:
        files.write_atomically(str(target), b"{}")
    monkeypatch.undo()
    assert str(caught.value) == f"cannot write {target}: Invalid cross-device link"
    assert snapshot(tmp_path) == {"out.json": OLD_OUTPUT.encode()}
