"""Stop, paginated job listing, and the candidate leaderboard (Stubber)."""

from __future__ import annotations

import datetime
import itertools
import math
from typing import Any

import pytest
from botocore.stub import Stubber

from automl_sdk import AutoMLClient, Leaderboard
from automl_sdk.client import Job

NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def summary(name: str, status: str = "InProgress") -> dict[str, Any]:
    return {
        "AutoMLJobName": name,
        "AutoMLJobArn": f"arn:aws:sagemaker:us-east-1:123456789012:automl-job/{name}",
        "AutoMLJobStatus": status,
        "AutoMLJobSecondaryStatus": "Starting",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
    }


def candidate(
    name: str, value: float | None, metric: str = "F1", kind: str | None = "Maximize"
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "CandidateName": name,
        "ObjectiveStatus": "Succeeded" if value is not None else "Pending",
        "CandidateSteps": [],
        "CandidateStatus": "Completed" if value is not None else "InProgress",
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
    }
    if value is not None:
        result["FinalAutoMLJobObjectiveMetric"] = {"MetricName": metric, "Value": value}
        if kind is not None:
            result["FinalAutoMLJobObjectiveMetric"]["Type"] = kind
    return result


def test_stop_job(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response("stop_auto_ml_job", {}, {"AutoMLJobName": "churn"})
    stubber.add_response("stop_auto_ml_job", {}, {"AutoMLJobName": "churn"})
    client.stop_job("churn")
    Job(name="churn", arn="arn", client=client).stop()


def test_iter_jobs_follows_every_page_with_the_filters(
    stubber: Stubber, client: AutoMLClient
) -> None:
    filters = {"StatusEquals": "InProgress", "NameContains": "churn"}
    stubber.add_response(
        "list_auto_ml_jobs",
        {"AutoMLJobSummaries": [summary("churn-a"), summary("churn-b")], "NextToken": "t1"},
        filters,
    )
    stubber.add_response(
        "list_auto_ml_jobs",
        {"AutoMLJobSummaries": [summary("churn-c")], "NextToken": "t2"},
        filters | {"NextToken": "t1"},
    )
    stubber.add_response(
        "list_auto_ml_jobs",
        {"AutoMLJobSummaries": [summary("churn-d")]},
        filters | {"NextToken": "t2"},
    )
    names = [job.auto_ml_job_name for job in client.iter_jobs(**filters)]
    assert names == ["churn-a", "churn-b", "churn-c", "churn-d"]


def test_iter_jobs_is_lazy(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response(
        "list_auto_ml_jobs", {"AutoMLJobSummaries": [summary("a"), summary("b")], "NextToken": "t"}
    )
    first = next(client.iter_jobs())
    assert first.auto_ml_job_name == "a"


@pytest.mark.parametrize(
    ("kind", "metric", "expected"),
    [
        pytest.param("Maximize", "F1", ["c-high", "c-mid", "c-low", "c-pending"], id="maximize"),
        pytest.param("Minimize", "RMSE", ["c-low", "c-mid", "c-high", "c-pending"], id="minimize"),
        pytest.param(
            None, "MSE", ["c-low", "c-mid", "c-high", "c-pending"], id="minimize-inferred"
        ),
        pytest.param(
            None, "AUC", ["c-high", "c-mid", "c-low", "c-pending"], id="maximize-inferred"
        ),
        pytest.param(
            None, "MASE", ["c-low", "c-mid", "c-high", "c-pending"], id="mase-is-minimized"
        ),
        pytest.param(
            None,
            "AverageWeightedQuantileLoss",
            ["c-low", "c-mid", "c-high", "c-pending"],
            id="weighted-quantile-loss-is-minimized",
        ),
        pytest.param(
            None, "Accuracy", ["c-high", "c-mid", "c-low", "c-pending"], id="accuracy-maximized"
        ),
    ],
)
def test_leaderboard_follows_the_metric_direction_over_pages(
    stubber: Stubber, client: AutoMLClient, kind: str | None, metric: str, expected: list[str]
) -> None:
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {
            "Candidates": [candidate("c-mid", 0.5, metric, kind), candidate("c-pending", None)],
            "NextToken": "t1",
        },
        {"AutoMLJobName": "churn"},
    )
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {
            "Candidates": [
                candidate("c-low", 0.1, metric, kind),
                candidate("c-high", 0.9, metric, kind),
            ]
        },
        {"AutoMLJobName": "churn", "NextToken": "t1"},
    )
    board = client.candidates("churn")
    assert [c.candidate_name for c in board] == expected
    assert board.metric_name == metric
    assert board.direction == (kind or ("Maximize" if expected[0] == "c-high" else "Minimize"))
    assert board.best is not None
    assert board.best.candidate_name == expected[0]
    assert len(board) == 4
    assert board[0].candidate_name == expected[0]


def test_candidates_passes_filters(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate("only", 0.7)]},
        {"AutoMLJobName": "churn", "StatusEquals": "Completed"},
    )
    board = Job(name="churn", arn="arn", client=client).candidates(StatusEquals="Completed")
    assert [c.candidate_name for c in board] == ["only"]


def test_leaderboard_without_metrics_has_no_best() -> None:
    from automl_sdk import from_wire
    from automl_sdk.shapes import AutoMLCandidate

    board = Leaderboard.rank("churn", [from_wire(AutoMLCandidate, candidate("p", None))])
    assert (board.best, board.metric_name, board.direction) == (None, None, None)
    assert repr(board) == (
        "Leaderboard(job_name='churn', metric_name=None, direction=None, 1 candidate(s))\n"
        "    1. p  InProgress  -"
    )


def test_leaderboard_repr_and_html(stubber: Stubber, client: AutoMLClient) -> None:
    stubber.add_response(
        "list_candidates_for_auto_ml_job",
        {"Candidates": [candidate(f"c<{i}>", i / 20) for i in range(12)]},
    )
    board = client.candidates("churn")
    text = repr(board).splitlines()
    assert (
        text[0]
        == "Leaderboard(job_name='churn', metric_name='F1', direction='Maximize', 12 candidate(s))"
    )
    assert text[1] == "    1. c<11>  Completed  0.55"
    assert text[-1] == "  ... 2 more"
    assert len(text) == 12
    html = board._repr_html_()  # the display itself: tests/functional/test_notebook_displays.py
    assert "Leaderboard of churn" in html
    assert "F1 \u2191</th>" in html
    assert "c&lt;11&gt;" in html
    assert "c<11>" not in html
    assert html.count("<tr>") == 13
    assert board.rows()[0]["candidate"] == "c<11>"
    assert board.rows()[0]["F1"] == 0.55


def ranked(*candidates: dict[str, Any]) -> list[str]:
    from automl_sdk import from_wire
    from automl_sdk.shapes import AutoMLCandidate

    board = Leaderboard.rank("churn", [from_wire(AutoMLCandidate, c) for c in candidates])
    return [c.candidate_name for c in board]


@pytest.mark.parametrize("kind", ["Maximize", "Minimize"])
def test_nan_and_missing_metrics_rank_last_in_name_order_whatever_the_input_order(
    kind: str,
) -> None:
    pool = [
        candidate("z-nan", math.nan, kind=kind),
        candidate("b-good", 0.5, kind=kind),
        candidate("m-none", None),
        candidate("a-nan", math.nan, kind=kind),
        candidate("c-better", 0.1 if kind == "Minimize" else 0.9, kind=kind),
    ]
    expected = ["c-better", "b-good", "a-nan", "m-none", "z-nan"]
    for order in itertools.permutations(pool):
        assert ranked(*order) == expected


def test_a_leaderboard_of_nan_metrics_has_no_best() -> None:
    from automl_sdk import from_wire
    from automl_sdk.shapes import AutoMLCandidate

    board = Leaderboard.rank("churn", [from_wire(AutoMLCandidate, candidate("only", math.nan))])
    assert board.best is None
    assert (board.metric_name, board.direction) == ("F1", "Maximize")
