"""docs/rules.md is generated from the registry and must be regenerated when rules change."""

from __future__ import annotations

from pathlib import Path

from automl_sdk.lint._docs import render
from automl_sdk.lint._registry import documented_rules

RULES_PAGE = Path(__file__).resolve().parents[3] / "docs" / "rules.md"


def test_rules_page_is_fresh() -> None:
    expected = render(documented_rules())
    assert RULES_PAGE.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run `python -m automl_sdk.lint._docs > docs/rules.md`"
    )


def test_every_rule_has_a_section() -> None:
    page = render(documented_rules())
    for rule in documented_rules():
        assert f"\n### {rule.id}\n" in page
        assert f"[{rule.id}](#{rule.id.lower()})" in page
