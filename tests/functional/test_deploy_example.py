"""examples/deploy.py runs the whole path on its own local moto server and exits 0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "deploy.py"


@pytest.mark.local
def test_deploy_example_runs_without_an_aws_account(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["AWS_CONFIG_FILE"] = str(tmp_path / "no-config")
    env["AWS_SHARED_CREDENTIALS_FILE"] = str(tmp_path / "no-credentials")
    result = subprocess.run(
        [sys.executable, str(EXAMPLE)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    headings = [line for line in out.splitlines() if line.startswith("== ")]
    assert headings[0].startswith("== Local SageMaker endpoint (moto) on http://127.0.0.1:")
    assert [h.split(" ", 2)[1] for h in headings[1:]] == ["1.", "2.", "3.", "4.", "5."]
    assert "moto's AutoML jobs never finish: marking it Completed through moto's backend," in out
    assert (
        "refused before anything was made: inference response keys score are not supported" in out
    )
    assert "  status: InService\n" in out
    assert "  container 0: no response keys\n" in out
    assert (
        "  container 2: {'SAGEMAKER_INFERENCE_INPUT': 'predicted_label,probability', "
        "'SAGEMAKER_INFERENCE_OUTPUT': 'predicted_label,probability'}\n"
    ) in out
    assert "the same deploy again returns the same endpoint" in out
    assert "  [42, 'gold', 3.5] -> ['yes', '0.93']\n" in out
    assert re.search(r": Completed; results under s3://deploy-example/scored/\n", out)
    deleted = re.search(
        r'deleted: \{"EndpointName": "(?P<name>[\w-]+)", "EndpointConfigName": "(?P=name)", "ModelNames": \["(?P=name)"\]\}',
        out,
    )
    assert deleted is not None, out
