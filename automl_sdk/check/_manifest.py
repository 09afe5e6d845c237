"""Parse the manifests a channel can name: ``ManifestFile`` and ``AugmentedManifestFile``.

A ``ManifestFile`` is a JSON array whose first item is ``{"prefix": "s3://bucket/prefix/"}`` and
whose other items are keys relative to it. An ``AugmentedManifestFile`` is JSON lines, each an
object whose ``source-ref`` is the ``s3://`` URI of one object. Either may be read only in part
(its first 64 KiB): then the entries that the part holds in full are returned.
"""

from __future__ import annotations

import json
from typing import Any


class ManifestError(Exception):
    """The manifest does not parse; the message says where and what was expected."""


def parse_manifest(text: str, *, whole: bool) -> list[str]:
    """The ``s3://`` URIs a ``ManifestFile`` names (prefix + each relative key)."""
    items = _json_array(text, whole=whole)
    if not items:
        if whole:
            raise ManifestError('is empty (expected [{"prefix": "s3://..."}, "key", ...])')
        return []
    first = items[0]
    prefix = first.get("prefix") if isinstance(first, dict) else None
    if not isinstance(prefix, str) or not prefix.startswith("s3://"):
        raise ManifestError(
            'does not start with a prefix entry (expected {"prefix": "s3://bucket/prefix/"} '
            "as its first item)"
        )
    uris = []
    for position, item in enumerate(items[1:], start=1):
        if not isinstance(item, str):
            raise ManifestError(f"item {position} is not a key string (got {_kind(item)})")
        uris.append(prefix + item)
    return uris


def parse_augmented_manifest(text: str, *, whole: bool) -> list[str]:
    """The ``source-ref`` URIs of an ``AugmentedManifestFile`` (JSON lines)."""
    lines = text.split("\n")
    if not whole:
        lines = lines[:-1]  # the last line may be cut short by the ranged read
    uris = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise ManifestError(f"line {number} is not JSON ({exc})") from exc
        ref = record.get("source-ref") if isinstance(record, dict) else None
        if not isinstance(ref, str) or not ref.startswith("s3://"):
            raise ManifestError(
                f'line {number} has no "source-ref" (expected {{"source-ref": "s3://...", ...}})'
            )
        uris.append(ref)
    if whole and not uris:
        raise ManifestError('has no lines (expected JSON lines with "source-ref")')
    return uris


def _json_array(text: str, *, whole: bool) -> list[Any]:
    """The items of a JSON array; for a cut-short text, the items it holds in full."""
    if whole:
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise ManifestError(f"is not JSON ({exc})") from exc
        if not isinstance(value, list):
            raise ManifestError(f"is not a JSON array (got {_kind(value)})")
        return value
    decoder = json.JSONDecoder()
    position = _skip(text, 0)
    if position >= len(text):
        return []
    if text[position] != "[":
        raise ManifestError("is not a JSON array (expected '[' first)")
    items: list[Any] = []
    position += 1
    while True:
        position = _skip(text, position)
        if position >= len(text) or text[position] == "]":
            return items
        try:
            item, position = decoder.raw_decode(text, position)
        except ValueError:
            return items  # the rest lies beyond what was read
        items.append(item)
        position = _skip(text, position)
        if position < len(text) and text[position] == ",":
            position += 1


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "a string" if isinstance(value, str) else "a value"
