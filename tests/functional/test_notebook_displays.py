"""Every notebook display and the shapes' text reprs, compared with golden files.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 python -m pytest tests/functional/test_notebook_displays.py`` and look at
them (``nox -s screenshots`` shows them rendered).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from automl_sdk import AutoMLClient, Findings, check_request, from_wire, lint_request
from automl_sdk._display import (
    describe_html,
    leaderboard_html,
)
from automl_sdk._display.progress import LiveProgress
from automl_sdk.client import Job, Leaderboard
from automl_sdk.deploy import Endpoint, TransformJob
from automl_sdk.lint._finding import Finding
from automl_sdk.shapes import (
    AutoMLCandidate,
    AutoMLJobCompletionCriteria,
    AutoMLOutputDataConfig,
    DescribeAutoMLJobResponse,
    DescribeAutoMLJobV2Response,
    TabularJobConfig,
    UnknownAutoMLProblemTypeConfig,
)
from tests.support import notebook_samples as samples
from tests.support.requests import tabular_v2_request

GOLDEN = Path(__file__).parents[1] / "data" / "notebook"
NOW = samples.CREATED + datetime.timedelta(minutes=12, seconds=34)


def check_golden(name: str, output: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def v2(raw: dict[str, Any]) -> DescribeAutoMLJobV2Response:
    return from_wire(DescribeAutoMLJobV2Response, raw)


def board(raw: list[dict[str, Any]], name: str = "churn") -> Leaderboard:
    return Leaderboard.rank(name, [from_wire(AutoMLCandidate, c) for c in raw])


def visible_text(markup: str) -> str:
    """The text a reader sees: tags dropped (entities kept, to check escaping)."""
    return re.sub(r"<[^>]+>", "", markup)


# -- text reprs --------------------------------------------------------------------------------


#: (golden file stem, the description) of every described job the displays are checked on.
DESCRIPTIONS = {
    "describe_completed": lambda: v2(samples.completed()),
    "describe_failed": lambda: v2(samples.failed()),
    "describe_running": lambda: v2(samples.description("InProgress", "ModelTuning")),
    "describe_v1": lambda: from_wire(DescribeAutoMLJobResponse, samples.v1_completed()),
}


@pytest.mark.parametrize(("name", "build"), list(DESCRIPTIONS.items()))
def test_shape_text_repr_golden(name: str, build: Callable[[], Any]) -> None:
    text = repr(build())
    check_golden(f"{name}.repr.txt", text + "\n")
    assert "None" not in text
    assert "2026-01-02T03:00:00+00:00" in text  # ISO 8601, not datetime.datetime(...)


def test_short_shape_repr_is_one_line_with_only_set_members() -> None:
    assert repr(AutoMLOutputDataConfig(s3_output_path="s3://b/o/")) == (
        "AutoMLOutputDataConfig(s3_output_path='s3://b/o/')"
    )
    assert repr(AutoMLJobCompletionCriteria(max_candidates=0)) == (
        "AutoMLJobCompletionCriteria(max_candidates=0)"
    )


def test_long_shape_repr_has_one_member_per_line_and_keeps_false_and_empty() -> None:
    config = TabularJobConfig(
        target_attribute_name="a" * 40,
        generate_candidate_definitions_only=False,
        feature_specification_s3_uri="",
        completion_criteria=AutoMLJobCompletionCriteria(max_candidates=3),
    )
    assert repr(config) == (
        "TabularJobConfig(\n"
        f"    target_attribute_name='{'a' * 40}',\n"
        "    completion_criteria=AutoMLJobCompletionCriteria(max_candidates=3),\n"
        "    feature_specification_s3_uri='',\n"
        "    generate_candidate_definitions_only=False,\n"
        ")"
    )
    assert repr(UnknownAutoMLProblemTypeConfig(tag="NewConfig", value={"k": 1})) == (
        "UnknownAutoMLProblemTypeConfig(tag='NewConfig', value={'k': 1})"
    )


def test_a_describe_result_fits_a_screen() -> None:
    lines = repr(v2(samples.completed())).splitlines()
    assert len(lines) <= 60
    long = [line for line in lines if len(line) > 88]
    assert all(re.fullmatch(r" +[a-z_0-9]+='[^']*',", line) for line in long), long


# -- describe cards ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "build"), list(DESCRIPTIONS.items()))
def test_describe_card_golden(name: str, build: Callable[[], Any]) -> None:
    check_golden(f"{name}.html", describe_html(build(), now=NOW) + "\n")


def test_describe_card_of_a_completed_job() -> None:
    markup = describe_html(v2(samples.completed()))
    text = visible_text(markup)
    for expected in (
        "churn",
        "Completed",
        "Total time1:02:03",
        "Problem typeTabular / BinaryClassification",
        "ObjectiveF1",
        "churn-xgb-007",
        "F1 = 0.912346",
        "higher is better",
    ):
        assert expected in text
    assert (
        'href="https://s3.console.aws.amazon.com/s3/object/bucket?region=us-east-1&amp;'
        'prefix=out/churn/notebooks/eda.ipynb"' in markup
    )
    assert (
        'href="https://s3.console.aws.amazon.com/s3/buckets/bucket?region=us-east-1&amp;'
        'prefix=out/churn/explainability/"' in markup
    )
    assert "Failure reason" not in text


def test_describe_card_escapes_failure_reasons_and_skips_empty_ones() -> None:
    markup = describe_html(v2(samples.failed()))
    assert "Target column &quot;churned&quot; has &lt;1 class&gt; &amp; no rows" in markup
    assert "<li>candidate &lt;a&gt; failed</li>" in markup
    assert markup.count("<li>") == 1
    assert "<1 class>" not in markup


def test_describe_card_of_a_running_job_shows_elapsed_time() -> None:
    markup = describe_html(v2(samples.description("InProgress", "ModelTuning")), now=NOW)
    assert "Elapsed0:12:34" in visible_text(markup)


def test_generated_describe_shapes_display_their_card() -> None:
    described = v2(samples.completed())
    assert described._repr_html_() == describe_html(described)
    v1 = from_wire(DescribeAutoMLJobResponse, samples.v1_completed())
    assert "Problem typeRegression" in visible_text(v1._repr_html_())


# -- findings ----------------------------------------------------------------------------------

BAD_REQUEST = {
    "AutoMLJobName": "churn <job>",
    "AutoMLJobInputDataConfig": [],
    "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
    "RoleArn": samples.ROLE,
}


def test_lint_returns_findings_equal_to_a_list() -> None:
    found = lint_request(BAD_REQUEST)
    assert isinstance(found, Findings)
    assert found == list(found)
    assert lint_request({"AutoMLJobName": 1}, select=["E1002"]) == [
        Finding(
            "E1002", "error", "AutoMLJobName", found_message(lint_request({"AutoMLJobName": 1}))
        )
    ]


def test_check_returns_findings_too() -> None:
    # Both without an AWS call: lint errors stop the check; a selection of lint rules only
    # leaves no check rule to run.
    assert isinstance(check_request(BAD_REQUEST), Findings)
    clean = check_request(tabular_v2_request(), select=["E1"])
    assert isinstance(clean, Findings)
    assert repr(clean) == "No findings"


def found_message(findings: list[Finding]) -> str:
    return next(f.message for f in findings if f.rule == "E1002")


def test_findings_text_and_html_golden() -> None:
    found = lint_request(BAD_REQUEST)
    found.append(Finding("W8001", "warning", "", "a <warning> & a note"))
    check_golden("findings.repr.txt", repr(found) + "\n")
    check_golden("findings.html", found._repr_html_() + "\n")


def test_findings_text_is_a_summary_line_then_one_line_per_finding() -> None:
    found = Findings(
        [
            Finding("E2001", "error", "AutoMLJobInputDataConfig[1].ChannelType", "twice"),
            Finding("W8001", "warning", "", "no VPC"),
        ]
    )
    assert repr(found) == (
        "2 findings (1 error, 1 warning, 0 info)\n"
        "  E2001 [error] AutoMLJobInputDataConfig[1].ChannelType: twice\n"
        "  W8001 [warning] <request>: no VPC"
    )
    markup = found._repr_html_()
    assert "2 findings (1 error, 1 warning, 0 info)" in markup
    assert "&lt;request&gt;" in markup


def test_no_findings() -> None:
    assert repr(Findings()) == "No findings"
    assert "No findings" in Findings()._repr_html_()
    assert "<table" not in Findings()._repr_html_()


# -- leaderboard -------------------------------------------------------------------------------


def test_leaderboard_golden() -> None:
    check_golden("leaderboard.html", board(samples.leaderboard_candidates())._repr_html_() + "\n")


def test_leaderboard_rows_are_plain_records_in_rank_order() -> None:
    rows = board(samples.leaderboard_candidates()).rows()
    assert rows[0] == {
        "rank": 1,
        "candidate": "churn-xgb-<007>",
        "status": "Completed",
        "objective_status": "Succeeded",
        "F1": 0.91,
        "AUC (Validation)": 0.95,
        "Accuracy (Validation)": 0.93,
    }
    assert [row["candidate"] for row in rows] == [
        "churn-xgb-<007>",
        "churn-xgb-001",
        "churn-rf-003",
        "churn-lin-002",
        "churn-mlp-004",
    ]
    assert rows[-1]["F1"] is None


def test_leaderboard_chart_best_first_with_direction_and_escaped_names() -> None:
    markup = board(samples.leaderboard_candidates())._repr_html_()
    chart = markup[markup.index("<svg") : markup.index("</svg>")]
    assert "F1 \u2191 higher is better" in chart
    names = re.findall(r'text-anchor="end" fill="currentColor">([^<]*)<', chart)
    assert names == ["churn-xgb-&lt;007&gt;", "churn-xgb-001", "churn-rf-003", "churn-lin-002"]
    assert "churn-xgb-<007>" not in markup


def test_minimised_objective_says_lower_is_better() -> None:
    raw = [
        samples.candidate(f"c{index}", value, metric="MSE", direction=None)
        for index, value in enumerate((3.0, 1.5, 2.25))
    ]
    markup = board(raw)._repr_html_()
    assert "MSE \u2193 lower is better" in markup
    assert [r["candidate"] for r in board(raw).rows()] == ["c1", "c2", "c0"]


def test_empty_leaderboard_says_no_candidates_yet() -> None:
    markup = board([])._repr_html_()
    assert "No candidates yet." in markup
    assert "<svg" not in markup
    check_golden("leaderboard_empty.html", markup + "\n")


def test_leaderboard_html_renderer_takes_plain_values() -> None:
    records = [{"rank": 1, "candidate": "a&b", "status": "Completed", "objective_status": "x"}]
    markup = leaderboard_html("j<1>", records, metric_name=None, direction=None)
    assert "Leaderboard of j&lt;1&gt;" in markup
    assert "a&amp;b" in markup


def test_to_pandas_needs_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)
    with pytest.raises(ImportError, match=r"Leaderboard.to_pandas\(\) needs pandas"):
        board(samples.leaderboard_candidates()).to_pandas()


def test_to_pandas_builds_a_frame_of_the_rows() -> None:
    pandas = pytest.importorskip("pandas")
    frame = board(samples.leaderboard_candidates()).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.index) == [1, 2, 3, 4, 5]
    assert frame.loc[1, "candidate"] == "churn-xgb-<007>"


# -- handles -----------------------------------------------------------------------------------


def _endpoint(name: str = "churn-ep", **fields: Any) -> Endpoint:
    return Endpoint(
        name=name,
        arn="arn:aws:sagemaker:eu-west-1:123456789012:endpoint/" + name,
        model_name="churn-model",
        endpoint_config_name=name + "-config",
        client=AutoMLClient(object()),
        **fields,
    )


def _transform_job(arn: str, output: str, **fields: Any) -> TransformJob:
    return TransformJob(
        name="churn-batch",
        arn=arn,
        model_name="churn-model",
        output_s3_uri=output,
        client=AutoMLClient(object()),
        **fields,
    )


def test_handle_displays_golden() -> None:
    job = Job(name="churn", arn=samples.ARN, client=AutoMLClient(object()))
    endpoint = _endpoint("churn-<ep>", job_name="churn")._repr_html_()
    transform = _transform_job(
        "arn:aws:sagemaker:eu-west-1:123456789012:transform-job/churn-batch",
        "s3://bucket/batch/out/",
    )._repr_html_()
    check_golden("handles.html", "\n".join((job._repr_html_(), endpoint, transform)) + "\n")
    assert "churn-&lt;ep&gt;" in endpoint
    assert "s3.console.aws.amazon.com/s3/buckets/bucket?region=eu-west-1&amp;prefix=batch/out/" in (
        transform
    )


def test_endpoint_and_transform_job_handles_show_their_card() -> None:
    endpoint = _endpoint(job_name="churn")._repr_html_()
    for shown in ("Endpoint churn-ep", "churn-model", "Endpoint config", "churn-ep-config"):
        assert shown in endpoint
    assert "AutoML job" in endpoint
    assert ">churn<" in endpoint
    markup = _transform_job(
        "arn:aws:sagemaker:eu-west-1:123456789012:transform-job/churn-batch",
        "s3://bucket/batch/out/",
    )._repr_html_()
    assert "Transform job churn-batch" in markup
    assert "Output" in markup
    assert "Endpoint config" not in markup
    assert "AutoML job" not in markup  # no job_name: no row for it


def test_handle_outside_the_aws_partition_is_not_linked() -> None:
    markup = _transform_job(
        "arn:aws-cn:sagemaker:cn-north-1:123456789012:transform-job/t", "s3://bucket/out/"
    )._repr_html_()
    assert "s3://bucket/out/" in markup
    assert "href" not in markup


# -- live progress -----------------------------------------------------------------------------


@attrs.frozen
class Event:
    description: Any
    describes: int
    trouble: str | None = None


class Clock:
    def __init__(self) -> None:
        self.now = samples.CREATED + datetime.timedelta(seconds=30)

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += datetime.timedelta(seconds=seconds)


def run_progress(
    phases: list[tuple[str, str, float]],
    final: dict[str, Any] | None = None,
    boards: list[Leaderboard] | None = None,
) -> tuple[LiveProgress, list[str]]:
    """Feed one event per ``(status, secondary, seconds until the next)``; then ``final``."""
    clock = Clock()
    listed = list(boards or [])
    progress = LiveProgress(
        "churn", list_candidates=lambda: listed.pop(0), clock=clock, list_every=2
    )
    shown = []
    count = 0
    for status, secondary, seconds in phases:
        count += 1
        progress.observe(Event(v2(samples.description(status, secondary)), count))
        shown.append(progress.html())
        clock.advance(seconds)
    if final is not None:
        count += 1
        progress.observe(Event(v2(final), count))
        shown.append(progress.html())
    return progress, shown


RUNNING: list[tuple[str, str, float]] = [
    ("InProgress", "Starting", 40),
    ("InProgress", "AnalyzingData", 300),
    ("InProgress", "AnalyzingData", 300),
    ("InProgress", "FeatureEngineering", 600),
    ("InProgress", "ModelTuning", 60),
]


def test_progress_updates_on_every_describe_with_a_changing_elapsed_time() -> None:
    progress, shown = run_progress(
        RUNNING, boards=[board([]), board(samples.leaderboard_candidates())]
    )
    elapsed = [re.search(r"Elapsed <b>([0-9:]+)</b>", markup).group(1) for markup in shown]  # type: ignore[union-attr]
    assert elapsed == ["0:00:30", "0:01:10", "0:06:10", "0:11:10", "0:21:10"]
    assert [p.name for p in progress.phases] == [
        "Starting",
        "AnalyzingData",
        "FeatureEngineering",
        "ModelTuning",
    ]
    assert progress.list_calls == 2  # describes 2 and 4
    check_golden("progress_running.html", shown[-1] + "\n")
    assert progress.text() == (
        "churn  InProgress/ModelTuning  elapsed 0:21:10  5 describes  "
        "5 candidates, best F1\u2191 0.91 (churn-xgb-<007>)"
    )


def test_progress_timeline_durations() -> None:
    _, shown = run_progress(RUNNING)
    text = visible_text(shown[-1])
    for expected in (
        "Starting 0:00:40",
        "AnalyzingData 0:10:00",
        "FeatureEngineering 0:10:00",
        "ModelTuning 0:00:00 (now)",
    ):
        assert expected in text.replace("\u25a0 ", "").replace("&#9632; ", "")


def test_progress_final_completed_with_best_candidate() -> None:
    progress, shown = run_progress(
        RUNNING,
        final=samples.completed(),
        boards=[board([]), board([]), board(samples.leaderboard_candidates())],
    )
    assert progress.list_calls == 3  # at describes 2 and 4, and once at the end
    assert "Completed: best candidate churn-xgb-007, F1 0.912346." in visible_text(shown[-1])
    assert "Total time <b>1:02:03</b>" in shown[-1]
    assert "(now)" not in shown[-1]
    check_golden("progress_completed.html", shown[-1] + "\n")


def test_progress_final_failed_with_reason() -> None:
    _, shown = run_progress(RUNNING[:2], final=samples.failed())
    assert (
        "Failed: Target column &quot;churned&quot; has &lt;1 class&gt; &amp; no rows" in shown[-1]
    )
    check_golden("progress_failed.html", shown[-1] + "\n")


def test_progress_final_stopped_and_timed_out() -> None:
    progress, shown = run_progress(RUNNING[:1], final=samples.description("Stopped", "Stopped"))
    assert "Stopped." in visible_text(shown[-1])
    progress, _ = run_progress(RUNNING[:2])
    progress.timed_out(4.2)
    assert "Timed out after 0:00:04 of waiting: the job keeps running" in progress.html()
    assert "(now)" not in progress.html()
    check_golden("progress_timed_out.html", progress.html() + "\n")


def test_progress_shows_trouble_and_survives_a_failing_list_call() -> None:
    clock = Clock()

    def broken() -> Leaderboard:
        raise RuntimeError("no <list>")

    progress = LiveProgress("churn", list_candidates=broken, list_every=1, clock=clock)
    progress.observe(Event(v2(samples.description("InProgress", "AnalyzingData")), 1))
    progress.observe(Event(None, 2, trouble="describe failed: throttled, retrying in 8 s"))
    markup = progress.html()
    assert "describe failed: throttled, retrying in 8 s" in markup
    assert "candidates not listed: RuntimeError: no &lt;list&gt;" in markup
    assert progress.describes == 2


def test_progress_shortens_an_html_error_page_from_a_list_call() -> None:
    from botocore.exceptions import ClientError

    page = "<!doctype html><title>502 Bad Gateway</title><p>" + "upstream went away " * 20
    error = ClientError({"Error": {"Code": "502", "Message": page}}, "ListCandidatesForAutoMLJob")

    def failing() -> Leaderboard:
        raise error

    progress = LiveProgress("churn", list_candidates=failing, list_every=1, clock=Clock())
    progress.observe(Event(v2(samples.description("InProgress", "ModelTuning")), 1))
    assert progress.candidates_trouble is not None
    assert progress.candidates_trouble.startswith(
        "candidates not listed: 502: 502 Bad Gateway upstream went away"
    )
    assert len(progress.candidates_trouble) < 140
    assert progress.candidates_trouble.endswith("\u2026")


def test_progress_before_the_first_describe() -> None:
    progress = LiveProgress("churn <1>")
    assert "churn &lt;1&gt;" in progress.html()
    assert progress.text() == "churn <1>  waiting...  0 describes"
