"""E7014: the FeatureSpecificationS3Uri file is missing, not JSON, or names wrong columns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from automl_sdk.check._context import CheckContext, feature_spec_member
from automl_sdk.check._facts import MISSING
from automl_sdk.check._rule import API_V1_PAGE, DATASETS_PAGE, GUIDE, CheckRule
from automl_sdk.check.rules._helpers import header_sample, names
from automl_sdk.lint.rules_api import TABULAR, get_str

SHAPE = '{"FeatureAttributeNames": ["col1", ...]}'


class FeatureSpecification(CheckRule):
    """The feature specification file does not select columns of the data."""

    id = "E7014"
    short_description = "Feature specification is missing or names wrong columns"
    description = (
        "FeatureSpecificationS3Uri names a JSON object with FeatureAttributeNames (a list of "
        "column names) and optionally FeatureDataTypes (column -> type). The object must "
        "exist and parse; its names must be columns of the training header (case-sensitive) "
        "and must not include the target column."
    )
    source = (
        '"You can input FeatureAttributeNames (optional) in JSON format as shown below:" '
        '"These column keys may not include the target column." "If only FeatureDataTypes is '
        "provided, the column keys ( col1, col2,..) should be a subset of the column names in "
        f'the input data." (FeatureSpecificationS3Uri, {API_V1_PAGE}); {GUIDE} '
        f"({DATASETS_PAGE}): the names are a case-sensitive subset of the header, never the target."
    )
    tags = ("data", "columns", "tabular", "feature-selection")
    problem_types = frozenset({TABULAR})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Read the specification and compare its names with the header and the target."""
        member = feature_spec_member(ctx)
        data = ctx.resources.feature_spec
        if member is None:
            return
        path, uri = member
        if data is MISSING:
            yield (
                path,
                f"feature specification file does not exist (got {uri!r}; expected a JSON "
                f"object {SHAPE} there); upload it or fix FeatureSpecificationS3Uri",
            )
            return
        if not isinstance(data, bytes):
            return  # could not be read: W7001 says so
        spec = _parse(data)
        if isinstance(spec, str):
            yield path, f"feature specification is not valid ({spec}; expected {SHAPE})"
            return
        yield from _compare(ctx, path, spec)


def _parse(data: bytes) -> dict[str, list[str]] | str:
    """The column lists of the specification, or what is wrong with it."""
    try:
        value: Any = json.loads(data.decode("utf-8-sig"))
    except ValueError as exc:
        return f"got text that is not JSON: {exc}"
    if not isinstance(value, dict):
        return "got JSON that is not an object"
    lists: dict[str, list[str]] = {}
    names_value = value.get("FeatureAttributeNames")
    if names_value is not None:
        if not isinstance(names_value, list) or not all(isinstance(n, str) for n in names_value):
            return "got FeatureAttributeNames that is not a list of column names"
        lists["FeatureAttributeNames"] = names_value
    types = value.get("FeatureDataTypes")
    if isinstance(types, dict):
        lists["FeatureDataTypes"] = [key for key in types if isinstance(key, str)]
    if not lists:
        return "got an object without FeatureAttributeNames or FeatureDataTypes"
    return lists


def _compare(ctx: CheckContext, path: str, spec: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    target = _target(ctx)
    training = next((s for s in map(header_sample, ctx.training()) if s is not None), None)
    header = training.header if training is not None else None
    for member, columns in spec.items():
        if target is not None and target in columns:
            yield (
                path,
                f"feature specification selects the target column (got {target!r} in {member}; "
                "expected feature columns only); remove it from the specification",
            )
        unknown = [name for name in columns if header is not None and name not in header]
        if unknown:
            yield (
                path,
                f"feature specification names columns that are not in the data (got "
                f"{names(unknown)} in {member}; expected columns of the training header: "
                f"{names(header or ())})",
            )


def _target(ctx: CheckContext) -> str | None:
    if ctx.is_v1:
        return next((get_str(c, "TargetAttributeName") for _, c in ctx.channels), None)
    return get_str(ctx.problem_config, "TargetAttributeName")
