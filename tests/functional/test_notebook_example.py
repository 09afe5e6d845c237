"""examples/notebook.ipynb, executed by nbclient in a real ipykernel, with its outputs checked.

The notebook starts its own moto server on 127.0.0.1 (and its leaderboard comes from a
Stubber-backed client), so nothing leaves this machine. Every ``update_display_data`` message
the kernel sends is recorded, to check that the live wait display changes on every describe.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.local

NOTEBOOK = Path(__file__).parents[2] / "examples" / "notebook.ipynb"


class RecordingClient(NotebookClient):
    """An nbclient that keeps every display update the kernel sends, in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.updates: list[dict[str, Any]] = []

    def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
        if msg["msg_type"] == "update_display_data":
            self.updates.append(dict(msg["content"]["data"]))
        return super().process_message(msg, cell, cell_index)


@pytest.fixture(scope="module")
def executed() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``({tag name: the cell's outputs}, display updates)`` of one run of the notebook."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    client = RecordingClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs: dict[str, Any] = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, (cell.source, errors)
        for tag in cell.metadata.get("tags", ()):
            if tag.startswith("display:"):
                outputs[tag.removeprefix("display:")] = cell.outputs
    return outputs, client.updates


def data(outputs: dict[str, Any], name: str, mime: str = "text/html") -> str:
    shown = [o for o in outputs[name] if mime in o.get("data", {})]
    assert len(shown) == 1, (name, outputs[name])
    text: str = shown[0]["data"][mime]
    return text


def test_request_text_repr(executed: Any) -> None:
    outputs, _ = executed
    text = data(outputs, "request", "text/plain")
    assert text.startswith("CreateAutoMLJobV2Request(\n    auto_ml_job_name='churn-demo',")
    assert "None" not in text


def test_findings_table(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "findings")
    assert re.search(r"\d+ findings \(3 errors, \d+ warnings?, \d+ info\)", markup)
    for rule, path in (
        ("E1007", "AutoMLJobName"),
        ("E1005", "AutoMLProblemTypeConfig.TabularJobConfig.CompletionCriteria.MaxCandidates"),
        ("E1007", "OutputDataConfig.S3OutputPath"),
    ):
        assert re.search(f"{rule}</span></td>.*?>error</span>.*?>{re.escape(path)}</span>", markup)
    assert "got &#x27;churn demo&#x27;" in markup
    assert "No findings" in data(outputs, "no-findings")


def test_job_handle(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "job")
    assert "AutoML job churn-demo" in markup
    assert "arn:aws:sagemaker:us-east-1:123456789012:automl-job/churn-demo" in markup


def polls(updates: list[dict[str, Any]], job: str) -> tuple[list[int], list[str], list[str]]:
    """(describe counts, elapsed times, HTML) of the progress updates of ``job``, in order."""
    shown = [u["text/html"] for u in updates if u.get("text/plain", "").startswith(f"{job}  ")]
    counted = [int(re.search(r"(\d+) describes?<", p).group(1)) for p in shown]  # type: ignore[union-attr]
    times = [re.search(r"(?:Elapsed|Total time) <b>([0-9:]+)</b>", p).group(1) for p in shown]  # type: ignore[union-attr]
    return counted, times, shown


def test_progress_is_updated_on_every_describe_and_ends_timed_out(executed: Any) -> None:
    outputs, updates = executed
    final = data(outputs, "progress")
    assert "Timed out after 0:00:0" in final
    assert "the job keeps running (it was not stopped)." in final
    assert "candidates not listed: 500: 500 Internal Server Error" in final  # moto's gap
    counted, elapsed, shown = polls(updates, "churn-demo")
    # 4 s with a describe every second: 5 describes, one update each, then the timed-out state.
    assert counted == [1, 2, 3, 4, 5, 5]
    assert elapsed == sorted(elapsed)
    assert len(set(elapsed)) >= 4, elapsed
    assert all(">InProgress<" in p for p in shown)


def test_scripted_progress_shows_phases_candidates_and_the_completed_state(executed: Any) -> None:
    outputs, updates = executed
    counted, elapsed, shown = polls(updates, "churn-scripted")
    assert counted == [1, 2, 3, 4, 5, 6]
    assert elapsed == sorted(elapsed)
    assert len(set(elapsed)) >= 4, elapsed
    phases = ["Starting", "AnalyzingData", "FeatureEngineering", "ModelTuning"]
    for index, phase in enumerate(phases):
        assert f"<b>{phase}</b>" in shown[index]  # the current phase, in the timeline
        assert all(f"{earlier} <span" in shown[index] for earlier in phases[:index])
    assert "candidates" not in shown[3]
    assert "4 candidates, best F1\u2191 0.913 (churn-xgboost-007)" in shown[4]
    final = data(outputs, "progress-completed")
    assert final == shown[-1]
    assert "6 candidates, best F1\u2191 0.913 (churn-xgboost-007)" in final
    assert "Completed: best candidate churn-xgboost-007, F1 0.913." in final
    assert "Total time <b>0:00:05</b>" in final


def test_description_card(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "describe")
    for expected in ("churn-demo", ">InProgress<", "Tabular", ">F1<", "best_candidate"):
        assert expected in markup
    assert (
        'href="https://s3.console.aws.amazon.com/s3/buckets/automl-demo?region=us-east-1&amp;'
        'prefix=churn/output/"' in markup
    )
    text = "".join(o.text for o in outputs["describe-text"] if o.output_type == "stream")
    assert "candidate_name='best_candidate'" in text
    assert "creation_time=2024-01-01T00:00:00" in text
    assert "None" not in text


def test_v1_view_card(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "describe-v1")
    assert "churn-demo" in markup
    assert "Problem type" in markup


def test_completed_description_links_its_artifacts(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "describe-completed")
    for expected in (">Completed<", "Tabular / BinaryClassification", "churn-xgboost-007", "0.913"):
        assert expected in markup
    assert (
        "https://s3.console.aws.amazon.com/s3/object/automl-demo?region=us-east-1&amp;prefix="
        "churn/output/churn-scripted/sagemaker-automl-candidates/notebooks/"
        "SageMakerAutopilotDataExplorationNotebook.ipynb" in markup
    )


def test_leaderboard(executed: Any) -> None:
    outputs, _ = executed
    markup = data(outputs, "leaderboard")
    assert "Leaderboard of churn-scripted" in markup
    assert "F1 \u2191 higher is better" in markup
    chart = markup[markup.index("<svg") : markup.index("</svg>")]
    names = re.findall(r'text-anchor="end" fill="currentColor">([^<]*)<', chart)
    assert names == [
        "churn-xgboost-007",
        "churn-catboost-006",
        "churn-xgboost-002",
        "churn-lightgbm-004",
        "churn-linear-003",
    ]
    assert "churn-mlp-005" in markup  # no metric yet: in the table, not in the chart
    rows = data(outputs, "rows", "text/plain")
    assert "'rank': 1" in rows
    assert "'candidate': 'churn-xgboost-007'" in rows
