"""examples/quickstart.py runs end to end against its own local moto server and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

QUICKSTART = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


@pytest.mark.local
def test_quickstart_runs_without_an_aws_account(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "no-config")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "no-credentials")
    result = subprocess.run(
        [sys.executable, str(QUICKSTART), "--follow", "0.5"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert [h.split(" ", 2)[1] for h in headings[1:]] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert headings[0].startswith("== Local SageMaker endpoint (moto) on http://127.0.0.1:")
    assert "E1005  AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates" in out
    assert "create_job raised RequestLintError" in out
    assert "E7010  AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName" in out
    assert "ProblemType -> AutoMLProblemTypeConfig.TabularJobConfig.ProblemType" in out
    assert "the same create again returns the same job" in out
    assert "was stopped (status Stopped)" in out
    assert out.rstrip().endswith("Stopped")
