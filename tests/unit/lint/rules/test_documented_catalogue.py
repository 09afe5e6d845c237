"""The documented rules as a whole: complete metadata, exact quotes, clean examples, no crash."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk.lint import Rule, all_rules, lint_request
from tests.support.spec_examples import SPEC_DIR
from tests.unit.lint.rules.documented_cases import REQUESTS, example

SPEC_FILES = (
    "000_f82959e03b5b0d50.txt",
    "001_db5ce560721a9b53.txt",
    "002_bf218cb17cc15f75.txt",
    "003_28e25ed0fd6d8e09.txt",
    "004_6431118b5c903fcc.txt",
)
#: The public page of each spec file, as shared/spec/README.md lists them (readers are cited these).
SPEC_PAGES = {
    "000_f82959e03b5b0d50.txt": (
        "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html"
    ),
    "001_db5ce560721a9b53.txt": "https://boto3.amazonaws.com/v1/documentation/api/latest/"
    "reference/services/sagemaker/client/create_auto_ml_job.html",
    "002_bf218cb17cc15f75.txt": "https://boto3.amazonaws.com/v1/documentation/api/latest/"
    "reference/services/sagemaker/client/describe_auto_ml_job_v2.html",
    "003_28e25ed0fd6d8e09.txt": "https://awscli.amazonaws.com/v2/documentation/api/latest/"
    "reference/sagemaker/create-auto-ml-job.html",
    "004_6431118b5c903fcc.txt": "https://boto3.amazonaws.com/v1/documentation/api/latest/"
    "reference/services/sagemaker/client/create_auto_ml_job.html",
}
DOCUMENTED = [rule for rule in all_rules() if rule.id[1] != "1"]  # group 1 is phase 1
EXAMPLES = sorted(path.stem for path in REQUESTS.glob("*.json"))


def test_every_group_has_rules() -> None:
    groups = {rule.id[:2] for rule in DOCUMENTED}
    assert {"E2", "W2", "E3", "W3", "E4", "W4", "E5", "E6", "W6", "W8", "I8"} <= groups


@pytest.mark.parametrize("rule", DOCUMENTED, ids=lambda rule: rule.id)
def test_rule_metadata_is_complete(rule: Rule) -> None:
    assert rule.short_description
    assert not rule.short_description.endswith(".")
    assert len(rule.description) > 40
    assert any(page in rule.source for page in SPEC_PAGES.values()), rule.source
    assert '"' in rule.source, "source quotes the documentation"
    assert rule.tags
    assert type(rule).__doc__
    assert type(rule).check.__doc__


_CURLY_QUOTES = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")


def _normalise(text: str) -> str:
    text = text.translate(_CURLY_QUOTES)
    return re.sub(r"\s+", " ", text)


def test_the_cited_pages_are_the_spec_readme_s() -> None:
    if not SPEC_DIR.is_dir():
        pytest.skip(f"spec directory {SPEC_DIR} not present")
    readme = (SPEC_DIR / "README.md").read_text()
    for name, page in SPEC_PAGES.items():
        assert re.search(rf"\| {re.escape(name)} \|[^\n]*\| {re.escape(page)}[ |(]", readme), name


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.id)
def test_no_rule_cites_a_spec_file_name(rule: Rule) -> None:
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", rule.source + rule.description), rule.id


@pytest.mark.parametrize("rule", DOCUMENTED, ids=lambda rule: rule.id)
def test_rule_source_quotes_the_spec_verbatim(rule: Rule) -> None:
    if not SPEC_DIR.is_dir():
        pytest.skip(f"spec directory {SPEC_DIR} not present")
    spec = " ".join(_normalise((SPEC_DIR / name).read_text()) for name in SPEC_FILES)
    quoted = re.findall(r'"([^"]+)"', rule.source)
    pieces = [p.strip() for q in quoted for p in q.split("[...]") if len(p.strip()) >= 15]
    assert pieces, f"{rule.id} quotes no sentence"
    assert [p for p in pieces if p not in spec] == []


@pytest.mark.parametrize("name", EXAMPLES)
def test_valid_examples_have_no_error(name: str) -> None:
    errors = [f for f in lint_request(example(name)) if f.severity == "error"]
    assert errors == []


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    value[head] = _replace(value[head], tuple(rest), new)
    return value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(EXAMPLES), new=JSON)
def test_documented_rules_never_crash(data: st.DataObject, name: str, new: Any) -> None:
    request = example(name)
    path = data.draw(st.sampled_from(_paths(request)))
    mutated = _replace(request, path, new)
    findings = lint_request(mutated, select=["E2", "E3", "E4", "E5", "E6", "W", "I"])
    assert [f for f in findings if "internal error" in f.message] == []


def test_every_rule_has_a_failing_named_case() -> None:
    tables = " ".join(
        path.read_text() for path in Path(__file__).parent.glob("test_documented_*.py")
    )
    missing = [rule.id for rule in DOCUMENTED if f'("{rule.id}", ' not in tables]
    assert missing == []
