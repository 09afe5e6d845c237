"""Properties of the AWS CLI output formats over any response-like data."""

from __future__ import annotations

import json
import string
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from automl_sdk._cli.aws._output import Table, render, text_width

_KEYS = st.text(string.ascii_letters, min_size=1, max_size=10)
_SCALARS = st.one_of(
    st.text(string.ascii_letters + string.digits + " :/.-", max_size=15),
    st.integers(-1000, 1000),
    st.booleans(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=12,
)
_RESPONSES = st.dictionaries(_KEYS, _DATA, min_size=1, max_size=5)


@settings(max_examples=200)
@given(_RESPONSES, st.integers(20, 200))
def test_every_table_line_has_the_same_width(data: dict[str, Any], terminal: int) -> None:
    rendered = Table(terminal_width=terminal).build("DescribeAutoMLJobV2", data)
    widths = {text_width(line) for line in rendered.splitlines()}
    assert len(widths) <= 1, rendered


@given(_RESPONSES)
def test_colour_only_adds_escape_codes(data: dict[str, Any]) -> None:
    plain = Table(terminal_width=80).build("T", data)
    coloured = Table(terminal_width=80, color=True).build("T", data)
    for code in ("\x1b[1m\x1b[34m", "\x1b[2m\x1b[33m", "\x1b[0m"):
        coloured = coloured.replace(code, "")
    assert coloured == plain


@given(_RESPONSES)
def test_text_prints_every_scalar_once(data: dict[str, Any]) -> None:
    def scalars(value: Any) -> list[str]:
        if isinstance(value, dict):
            return [s for item in value.values() for s in scalars(item)]
        if isinstance(value, list):
            return [s for item in value for s in scalars(item)]
        return [str(value)]

    printed = render(data, output="text")
    cells = [cell for line in printed.splitlines() for cell in line.split("\t")]
    for scalar in scalars(data):
        assert scalar in cells


@given(_RESPONSES)
def test_json_and_yaml_round_trip(data: dict[str, Any]) -> None:
    import yaml

    assert json.loads(render(data, output="json")) == data
    assert yaml.safe_load(render(data, output="yaml")) == data
