"""The model's patterns compiled for yes/no matching (without capturing groups) accept exactly
the strings their plain translation accepts."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_sdk.lint._patterns import compiled, translate, without_captures
from automl_sdk.shapes.constraints import SHAPES

MODEL_PATTERNS = sorted(
    {shape["pattern"] for shape in SHAPES.values() if shape.get("pattern") is not None}
)


@pytest.mark.parametrize(
    ("python", "expected"),
    [
        ("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}", "[a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,31}"),
        ("(https|s3)://([^/]+)/?(.*)", "(?:https|s3)://(?:[^/]+)/?(?:.*)"),
        ("(?!\\s*$).+", "(?!\\s*$).+"),  # a lookahead is no capturing group
        ("[(]x\\((y)", "[(]x\\((?:y)"),  # an escaped or bracketed ( opens no group
        ("[]()](a)", "[]()](?:a)"),  # a ] first in a class is a member, not its end
        ("[^]()](b)", "[^]()](?:b)"),
        ("(a)\\1", "(a)\\1"),  # a backreference needs its group
    ],
)
def test_without_captures(python: str, expected: str) -> None:
    assert without_captures(python) == expected


def test_job_name_pattern_compiles_without_its_group() -> None:
    regex = compiled("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}")
    assert regex is not None
    assert regex.groups == 0


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_yes_no_form_accepts_the_same_strings(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(MODEL_PATTERNS))
    plain = re.compile(translate(pattern))
    fast = compiled(pattern)
    assert fast is not None
    value = data.draw(st.one_of(st.from_regex(plain, fullmatch=True), st.text(max_size=40)))
    assert (fast.fullmatch(value) is None) == (plain.fullmatch(value) is None)


def test_every_model_pattern_has_a_yes_no_form() -> None:
    assert [pattern for pattern in MODEL_PATTERNS if compiled(pattern) is None] == []
