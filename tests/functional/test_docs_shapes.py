"""The code on docs/shapes.md runs and does what the page says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from automl_sdk import from_wire, to_wire
from automl_sdk.shapes import CreateAutoMLJobV2Request

PAGE = Path(__file__).resolve().parents[2] / "docs" / "shapes.md"


def test_build_and_evolve_examples_run() -> None:
    build, evolve = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)[:2]
    namespace: dict[str, Any] = {}
    exec(build, namespace)
    exec(evolve, namespace)
    params = to_wire(namespace["request"])
    assert params["AutoMLProblemTypeConfig"] == {
        "TabularJobConfig": {
            "TargetAttributeName": "churned",
            "CompletionCriteria": {"MaxCandidates": 10},
            "ProblemType": "BinaryClassification",
        }
    }
    assert to_wire(namespace["second"])["AutoMLJobName"] == "churn-2"
    assert from_wire(CreateAutoMLJobV2Request, params, strict=True) == namespace["request"]
