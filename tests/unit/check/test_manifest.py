"""Manifest parsing: whole and cut-short ManifestFile and AugmentedManifestFile text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk.check._manifest import ManifestError, parse_augmented_manifest, parse_manifest

PREFIX = "s3://bucket/data/"
KEYS = st.lists(
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12), max_size=8
)


def test_manifest_names_prefix_plus_keys() -> None:
    text = json.dumps([{"prefix": PREFIX}, "a.csv", "sub/b.csv"])
    assert parse_manifest(text, whole=True) == [f"{PREFIX}a.csv", f"{PREFIX}sub/b.csv"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{",
            "is not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        ),
        ('{"prefix": "s3://b/"}', "is not a JSON array (got an object)"),
        ("[]", 'is empty (expected [{"prefix": "s3://..."}, "key", ...])'),
        (
            '["a.csv"]',
            'does not start with a prefix entry (expected {"prefix": "s3://bucket/prefix/"} as '
            "its first item)",
        ),
        ('[{"prefix": "s3://b/"}, 3]', "item 1 is not a key string (got a value)"),
    ],
    ids=["not-json", "object", "empty", "no-prefix", "not-a-key"],
)
def test_bad_manifests(text: str, message: str) -> None:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(text, whole=True)
    assert str(caught.value) == message


@given(KEYS, st.integers(min_value=0, max_value=400))
def test_a_cut_short_manifest_gives_a_prefix_of_its_entries(keys: list[str], cut: int) -> None:
    text = json.dumps([{"prefix": PREFIX}, *keys], indent=1)
    whole = parse_manifest(text, whole=True)
    partial = parse_manifest(text[:cut], whole=False)
    assert partial == whole[: len(partial)]


def test_augmented_manifest_source_refs_and_problems() -> None:
    lines = [json.dumps({"source-ref": f"{PREFIX}{i}.png", "label": i}) for i in range(3)]
    text = "\n".join(lines) + "\n"
    assert parse_augmented_manifest(text, whole=True) == [f"{PREFIX}{i}.png" for i in range(3)]
    assert parse_augmented_manifest(text[:-10], whole=False) == [f"{PREFIX}0.png", f"{PREFIX}1.png"]
    with pytest.raises(ManifestError) as caught:
        parse_augmented_manifest(lines[0] + "\n{oops\n", whole=True)
    assert str(caught.value).startswith("line 2 is not JSON (")
    with pytest.raises(ManifestError) as missing:
        parse_augmented_manifest('{"label": 1}\n', whole=True)
    assert (
        str(missing.value)
        == 'line 1 has no "source-ref" (expected {"source-ref": "s3://...", ...})'
    )
