"""Properties of the text reprs and HTML displays over generated descriptions and candidates."""

from __future__ import annotations

import html
import re
from typing import Any

from botocore import xform_name
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk import from_wire
from automl_sdk._display import describe_html
from automl_sdk.client import Leaderboard
from automl_sdk.lint._finding import Finding, Findings
from automl_sdk.shapes import AutoMLCandidate, DescribeAutoMLJobV2Response
from tests.support import notebook_samples as samples

#: Text with every character HTML cares about, and some that repr escapes.
TEXT = st.text(alphabet=st.sampled_from("ab <>&\"'\n\t\u00e9\u2603"), min_size=1, max_size=30)

OPTIONAL = {
    "FailureReason": TEXT,
    "PartialFailureReasons": st.lists(
        st.fixed_dictionaries({"PartialFailureMessage": TEXT}), min_size=1, max_size=3
    ),
    "AutoMLJobArtifacts": st.fixed_dictionaries(
        {"DataExplorationNotebookLocation": TEXT.map(lambda t: f"s3://bucket/{t}")}
    ),
    "BestCandidate": st.builds(
        lambda name, value: samples.candidate(name, value),
        TEXT,
        st.floats(allow_nan=False, allow_infinity=False, width=32),
    ),
}


@st.composite
def descriptions(draw: st.DrawFn) -> tuple[dict[str, Any], set[str]]:
    """A describe response with a random subset of the optional members, and that subset."""
    chosen = draw(st.sets(st.sampled_from(sorted(OPTIONAL))))
    members = {name: draw(OPTIONAL[name]) for name in chosen}
    dropped = {name: None for name in ("AutoMLJobObjective", "AutoMLProblemTypeConfigName")}
    return samples.description("Failed", "Failed", **dropped, **members), chosen


@given(descriptions())
def test_repr_shows_exactly_the_set_members(drawn: tuple[dict[str, Any], set[str]]) -> None:
    raw, chosen = drawn
    described = from_wire(DescribeAutoMLJobV2Response, raw)
    text = repr(described)
    top = set(re.findall(r"^    ([a-z_0-9]+)=", text, flags=re.MULTILINE))
    expected = {field for field, value in _fields(described) if value is not None}
    assert top == expected
    assert "=None" not in text
    for member in OPTIONAL:
        attribute = xform_name(member)
        assert (attribute in top) == (member in chosen)


@given(descriptions())
def test_every_value_in_the_card_is_escaped(drawn: tuple[dict[str, Any], set[str]]) -> None:
    raw, _ = drawn
    markup = describe_html(from_wire(DescribeAutoMLJobV2Response, raw))
    reason = raw.get("FailureReason")
    if reason:
        assert html.escape(reason) in markup
    for item in raw.get("PartialFailureReasons", ()):
        assert f"<li>{html.escape(item['PartialFailureMessage'])}</li>" in markup
    best = raw.get("BestCandidate")
    if best:
        assert html.escape(best["CandidateName"]) in markup
    assert not re.search(r"<[^a-z/!]", markup)  # every "<" opens a tag: values were escaped


@given(st.lists(st.tuples(TEXT, st.floats(allow_nan=False, width=32) | st.none()), max_size=8))
def test_leaderboard_display_escapes_names_and_ranks_every_candidate(
    entries: list[tuple[str, float | None]],
) -> None:
    candidates = [
        from_wire(AutoMLCandidate, samples.candidate(f"{index}{name}", value))
        for index, (name, value) in enumerate(entries)
    ]
    board = Leaderboard.rank("job", candidates)
    markup = board._repr_html_()
    rows = board.rows()
    assert [row["rank"] for row in rows] == list(range(1, len(entries) + 1))
    for row in rows:
        assert html.escape(row["candidate"]) in markup
    if not entries:
        assert "No candidates yet." in markup


@given(st.lists(st.tuples(st.sampled_from("EWI"), TEXT, TEXT), max_size=6))
def test_findings_equal_their_list_and_escape_messages(
    drawn: list[tuple[str, str, str]],
) -> None:
    severity = {"E": "error", "W": "warning", "I": "info"}
    plain = [
        Finding(f"{letter}1001", severity[letter], path, message)  # type: ignore[arg-type]
        for letter, path, message in drawn
    ]
    found = Findings(plain)
    assert found == plain
    assert len(repr(found).splitlines()) == 1 + len(plain)  # a summary, then one line each
    markup = found._repr_html_()
    for finding in plain:
        assert html.escape(finding.message) in markup


def _fields(shape: Any) -> list[tuple[str, Any]]:
    import attrs

    return [(field.name, getattr(shape, field.name)) for field in attrs.fields(type(shape))]
