"""``--generate-cli-skeleton``: requests automl-sdk knows to be valid, and sample responses.

``input`` (and ``yaml-input``) print a request that lints clean and can be sent as it is once
its placeholders (the AWS documentation's example bucket and account) are replaced: the
tabular skeleton of ``automl-sdk skeleton`` for the create commands (in the V1 shape for
``create-auto-ml-job``; it translates to exactly the V2 one), the skeleton job's name for the
commands that take a job, and valid filters for the list commands. ``output`` prints a
sample response built from the output shape, as the AWS CLI does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_JOB = "my-tabular-job"


def input_skeleton(command: str) -> dict[str, Any]:
    """A valid request for ``command`` (an AWS CLI command name)."""
    from automl_sdk.lint._skeletons import skeleton

    v2, _notes = skeleton("tabular")
    if command == "create-auto-ml-job-v2":
        return v2
    if command == "create-auto-ml-job":
        return v1_request(v2)
    if command == "list-auto-ml-jobs":
        return {
            "NameContains": "tabular",
            "StatusEquals": "InProgress",
            "SortOrder": "Descending",
            "SortBy": "CreationTime",
        }
    if command == "list-candidates-for-auto-ml-job":
        return {
            "AutoMLJobName": v2["AutoMLJobName"],
            "StatusEquals": "Completed",
            "SortOrder": "Descending",
            "SortBy": "FinalObjectiveMetricValue",
        }
    return {"AutoMLJobName": v2["AutoMLJobName"]}


def v1_request(v2: Mapping[str, Any]) -> dict[str, Any]:
    """The CreateAutoMLJob form of a tabular CreateAutoMLJobV2 skeleton request."""
    tabular = dict(v2["AutoMLProblemTypeConfig"]["TabularJobConfig"])
    channels = [
        {**channel, "TargetAttributeName": tabular["TargetAttributeName"]}
        for channel in v2["AutoMLJobInputDataConfig"]
    ]
    return {
        "AutoMLJobName": v2["AutoMLJobName"],
        "InputDataConfig": channels,
        "OutputDataConfig": v2["OutputDataConfig"],
        "ProblemType": tabular["ProblemType"],
        "AutoMLJobObjective": v2["AutoMLJobObjective"],
        "AutoMLJobConfig": {
            "CompletionCriteria": tabular["CompletionCriteria"],
            "SecurityConfig": v2["SecurityConfig"],
            "Mode": tabular["Mode"],
        },
        "RoleArn": v2["RoleArn"],
    }


def output_skeleton(shape_name: str | None, shapes: Mapping[str, Mapping[str, Any]]) -> Any:
    """A sample of the response shape: each member once, typed placeholders, enums' first value."""
    if shape_name is None:
        return {}
    return _sample(shape_name, shapes, ())


_PLACEHOLDERS: dict[str, Any] = {
    "string": "string",
    "integer": 0,
    "long": 0,
    "float": 0.0,
    "double": 0.0,
    "boolean": True,
    "timestamp": "1970-01-01T00:00:00",
    "blob": "",
}


def _sample(shape_name: str, shapes: Mapping[str, Mapping[str, Any]], seen: tuple[str, ...]) -> Any:
    shape = shapes[shape_name]
    kind = shape["type"]
    if shape_name in seen and kind in ("structure", "list", "map"):
        return {}
    seen = (*seen, shape_name)
    if kind == "structure":
        members = shape["members"].items()
        if shape.get("union"):
            members = list(members)[:1]
        return {member: _sample(target, shapes, seen) for member, target in members}
    if kind == "list":
        return [_sample(shape["member"], shapes, seen)]
    if kind == "map":
        key = shapes[shape["key"]].get("enum", ("KeyName",))[0]
        return {key: _sample(shape["value"], shapes, seen)}
    if "enum" in shape:
        return shape["enum"][0]
    return _PLACEHOLDERS.get(kind, "string")
