"""DescribeAutoMLJobV2 response of a tabular job -> the DescribeAutoMLJob (V1) response.

Code written against ``describe_auto_ml_job`` reads ``InputDataConfig[0].TargetAttributeName``,
``ProblemType``, ``AutoMLJobConfig`` and ``ResolvedAttributes.ProblemType``; this rebuilds each
DescribeAutoMLJobResponse member that has a V2 source, read backwards from the one table of
:mod:`automl_sdk._mapping`, in the member order of boto3's V1 response. V2-only members
(``AutoMLComputeConfig``, ``AutoMLProblemTypeConfigName``) have no V1 place and are left out.
"""

from __future__ import annotations

from typing import Any

from automl_sdk._mapping import (
    ITEM,
    RESPONSE_ENTRIES,
    V1_RESPONSE_ORDER,
    Pattern,
    containers,
    list_counterpart,
    parse,
)
from automl_sdk.errors import MigrationError
from automl_sdk.migrate._common import as_wire_dict, copy_tree, fetch, in_order, put

#: boto3 adds this to every response; it is no model member, so no table entry, and is kept.
_RESPONSE_METADATA = "ResponseMetadata"
_LISTS = tuple(
    (pattern, counterpart)
    for pattern in sorted(containers(RESPONSE_ENTRIES))
    if (counterpart := list_counterpart(pattern, RESPONSE_ENTRIES)) is not None
)
_CONTAINERS = containers(RESPONSE_ENTRIES)
_ORDER = {parse(path): order for path, order in V1_RESPONSE_ORDER.items()}


def migrate_describe_response(response: object) -> dict[str, Any]:
    """Turn a DescribeAutoMLJobV2 response of a tabular job into a DescribeAutoMLJob response.

    Args:
        response: the response as boto3's ``describe_auto_ml_job_v2`` returns it (a dict with
            wire names; ``ResponseMetadata`` is carried over) or an
            ``automl_sdk.shapes.DescribeAutoMLJobV2Response``.

    Returns:
        A new dict shaped like boto3's ``describe_auto_ml_job`` response: every
        DescribeAutoMLJobResponse member with a V2 source is filled, nothing is invented.

    Raises:
        MigrationError: the job is not tabular (image, text, time-series or text-generation
            jobs have no V1 form), or the response does not say which problem type it is;
            a member name that is not a string or a value that cannot be copied (``path``
            names it).
    """
    v2 = as_wire_dict(
        response, shape="DescribeAutoMLJobV2Response", what="a DescribeAutoMLJobV2 response"
    )
    _require_tabular(v2)
    v1: dict[str, Any] = {}
    for v1_list, v2_list in _LISTS:
        found, items = fetch(v2, v2_list)
        if found:
            # Items that are no object are kept as they are, as a lenient reader would.
            put(v1, v1_list, [_item(item) for item in items] if isinstance(items, list) else items)
    for entry in RESPONSE_ENTRIES:
        _fill(v1, v2, entry.v1, entry.v2)
    if _RESPONSE_METADATA in v2:
        v1[_RESPONSE_METADATA] = v2[_RESPONSE_METADATA]
    view: dict[str, Any] = in_order(v1, (), _ORDER)
    return view


def _item(item: Any) -> Any:
    """The V1 form of a list item before its members are filled in (a non-object stays)."""
    return {} if isinstance(item, dict) else item


def _fill(v1: dict[str, Any], v2: dict[str, Any], v1_path: Pattern, v2_path: Pattern) -> None:
    """Copy the V2 value at ``v2_path`` to ``v1_path``: item by item, into every item of a
    merged list, or once. A container entry makes the V1 container (its members follow)."""
    for index in _indexes(v1, v2, v1_path, v2_path):
        found, value = fetch(v2, v2_path, index)
        if not found or not _holder_exists(v1, v1_path, index):
            continue
        if v1_path in _CONTAINERS:
            if isinstance(value, dict):
                _ensure(v1, v1_path, index)
            continue
        # A value merged into every item is copied, so each item owns its own (as in V1).
        put(v1, v1_path, copy_tree({"": value})[""] if index else value, index)


def _indexes(
    v1: dict[str, Any], v2: dict[str, Any], v1_path: Pattern, v2_path: Pattern
) -> list[int | None]:
    """The list indexes an entry is filled at: every item of the list it crosses, or none."""
    side, path = (v1, v1_path) if ITEM in v1_path else (v2, v2_path)
    if ITEM not in path:
        return [None]
    found, items = fetch(side, path[: path.index(ITEM)])
    return list(range(len(items))) if found and isinstance(items, list) else []


def _holder_exists(v1: dict[str, Any], v1_path: Pattern, index: int | None) -> bool:
    """False when ``v1_path`` crosses a list item that is not an object (kept as it was)."""
    if ITEM not in v1_path:
        return True
    _, item = fetch(v1, v1_path[: v1_path.index(ITEM) + 1], index)
    return isinstance(item, dict)


def _ensure(v1: dict[str, Any], v1_path: Pattern, index: int | None) -> None:
    found, _ = fetch(v1, v1_path, index)
    if not found:
        put(v1, v1_path, {}, index)


def _require_tabular(v2: dict[str, Any]) -> None:
    """MigrationError unless the response is of a tabular job, the only kind with a V1 form."""
    config = v2.get("AutoMLProblemTypeConfig")
    name = v2.get("AutoMLProblemTypeConfigName")
    if isinstance(config, dict) and config:
        if "TabularJobConfig" in config:
            return
        member = next(iter(config))
        kind = _kind(member, config[member])
        raise MigrationError(path=f"AutoMLProblemTypeConfig.{member}", reason=_not_tabular(kind))
    if name == "Tabular":
        return
    if name is not None:
        raise MigrationError(path="AutoMLProblemTypeConfigName", reason=_not_tabular(str(name)))
    raise MigrationError(
        path="AutoMLProblemTypeConfig",
        reason=(
            "the response has neither AutoMLProblemTypeConfig nor AutoMLProblemTypeConfigName, "
            "so it cannot be told to be a tabular job, the only kind with a V1 form"
        ),
    )


def _kind(member: str, value: object) -> str:
    if member == "SDK_UNKNOWN_MEMBER" and isinstance(value, dict):
        return str(value.get("name", "an unknown problem type"))
    return member.removesuffix("JobConfig")


def _not_tabular(kind: str) -> str:
    return (
        f"a {kind} job has no DescribeAutoMLJob (V1) form: V1 describes tabular jobs only; "
        "read it with DescribeAutoMLJobV2"
    )
