"""The check rules as lint rules: registered, documented, selectable, never run by lint."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from automl_sdk import check_request
from automl_sdk.check import CheckRule
from automl_sdk.lint import all_rules, lint_request
from automl_sdk.lint._registry import check_registry, check_rules, find_rule
from tests.support.requests import tabular_v2_request
from tests.support.spec_examples import SPEC_DIR

RULES_PAGE = Path(__file__).resolve().parents[3] / "docs" / "rules.md"
CHECKING_PAGE = RULES_PAGE.parent / "checking.md"


def test_check_rules_load_and_are_groups_7_and_9() -> None:
    assert check_registry().load_errors == ()
    ids = [rule.id for rule in check_rules()]
    assert ids == sorted(ids)
    assert {rule_id[1] for rule_id in ids} == {"7", "9"}
    assert not {rule.id for rule in all_rules()} & set(ids)
    assert all(isinstance(rule, CheckRule) for rule in check_rules())


@pytest.mark.parametrize("rule", check_rules(), ids=lambda rule: rule.id)
def test_check_rule_metadata_is_complete_and_documented(rule: CheckRule) -> None:
    assert rule.short_description
    assert not rule.short_description.endswith(".")
    assert len(rule.description) > 40
    assert "https://" in rule.source, "cites the public page it enforces"
    assert rule.tags
    assert type(rule).__doc__
    assert type(rule).inspect.__doc__
    assert find_rule(rule.id) is rule
    assert f"\n### {rule.id}\n" in RULES_PAGE.read_text(encoding="utf-8")
    assert rule.id in CHECKING_PAGE.read_text(encoding="utf-8")


def test_lint_never_runs_a_check_rule() -> None:
    request = tabular_v2_request()
    request["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "nope"
    assert [f for f in lint_request(request) if f.rule[1] in "79"] == []


def test_selection_without_check_rules_makes_no_client() -> None:
    # No session, no region, no endpoint: any client made here would fail or reach AWS.
    findings = check_request(tabular_v2_request(), select=["E1", "E2"], clients={})
    assert findings == lint_request(tabular_v2_request(), select=["E1", "E2"])


def test_lint_errors_are_returned_without_reading() -> None:
    bad = tabular_v2_request()
    bad["AutoMLJobName"] = "not valid!"
    assert check_request(bad) == lint_request(bad)


@pytest.mark.parametrize("rule", check_rules(), ids=lambda rule: rule.id)
def test_quoted_sources_are_word_for_word_in_the_api_reference(rule: CheckRule) -> None:
    # Developer guide facts are stated unquoted; what is in quotes must be the API pages' text.
    if not SPEC_DIR.is_dir():
        pytest.skip(f"spec directory {SPEC_DIR} not present")
    spec = " ".join(
        re.sub(r"\s+", " ", path.read_text().translate(_CURLY))
        for path in sorted(SPEC_DIR.glob("0*.txt"))
    )
    quoted = [piece for piece in re.findall(r'"([^"]+)"', rule.source) if len(piece) >= 15]
    assert [piece for piece in quoted if piece not in spec] == []


_CURLY = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")
