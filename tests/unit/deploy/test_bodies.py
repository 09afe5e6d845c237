"""InvokeEndpoint bodies: what predict sends for rows, strings and bytes, and how it decodes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk.deploy._predict import decode_body, encode_body

cells = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r")),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
)
rows = st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5)


@given(rows)
def test_rows_sent_as_csv_come_back_as_the_same_text_cells(data: list[list[Any]]) -> None:
    body = encode_body(data, "text/csv")
    decoded = decode_body(body, "text/csv")
    expected = [[str(cell) for cell in row] for row in data]
    assert decoded == expected


@given(st.lists(st.dictionaries(st.text(), st.integers()), max_size=4))
def test_json_content_type_sends_json(data: list[dict[str, int]]) -> None:
    assert json.loads(encode_body(data, "application/json")) == data


@pytest.mark.parametrize(
    ("body", "content_type", "decoded"),
    [
        (b"1,0.9\n0,0.2\n", "text/csv", [["1", "0.9"], ["0", "0.2"]]),
        (b"1,0.9\r\n", "text/csv; charset=utf-8", [["1", "0.9"]]),
        (b'{"predictions": [1]}', "application/json", {"predictions": [1]}),
        (b'{"a": 1}', "application/vnd.custom+json", {"a": 1}),
        (b'{"a": 1}\n\n{"a": 2}\n', "application/jsonlines", [{"a": 1}, {"a": 2}]),
        (b"label: yes", "text/plain", "label: yes"),
        (b"\x89PNG", "image/png", b"\x89PNG"),
        (b"raw", None, b"raw"),
    ],
)
def test_answers_are_decoded_by_content_type(
    body: bytes, content_type: str | None, decoded: Any
) -> None:
    assert decode_body(body, content_type) == decoded


def test_strings_and_bytes_are_sent_as_they_are() -> None:
    assert encode_body("a,b\n", "text/csv") == b"a,b\n"
    assert encode_body(b"\x00\x01", "application/x-image") == b"\x00\x01"
    assert encode_body(bytearray(b"x"), "text/csv") == b"x"


def test_a_flat_list_is_not_rows() -> None:
    with pytest.raises(TypeError, match=r"must be rows .* \(got list\)"):
        encode_body([1, 2, 3], "text/csv")
