"""Where a V1 member lives in a V2 request, and the reverse, for unknown-member messages.

A ``CreateAutoMLJob`` (V1) member used in a ``CreateAutoMLJobV2`` request (or the reverse) is the
most common unknown member; the message says so and names the replacement.
"""

from __future__ import annotations

from automl_sdk.lint._context import V1

_MIGRATE = "or convert the whole request with `automl-sdk migrate`"
_TABULAR = "AutoMLProblemTypeConfig.TabularJobConfig"

#: (V2 shape, V1 member name) -> where it goes in a V2 request.
V1_IN_V2 = {
    ("CreateAutoMLJobV2Request", "InputDataConfig"): "use AutoMLJobInputDataConfig",
    ("CreateAutoMLJobV2Request", "AutoMLJobConfig"): (
        f"move CompletionCriteria, CandidateGenerationConfig and Mode to {_TABULAR} "
        "and DataSplitConfig and SecurityConfig to the top level"
    ),
    ("CreateAutoMLJobV2Request", "ProblemType"): f"use {_TABULAR}.ProblemType",
    ("CreateAutoMLJobV2Request", "GenerateCandidateDefinitionsOnly"): (
        f"use {_TABULAR}.GenerateCandidateDefinitionsOnly"
    ),
    ("AutoMLJobChannel", "TargetAttributeName"): (
        f"set TargetAttributeName in the problem-type config, e.g. {_TABULAR}.TargetAttributeName"
    ),
    ("AutoMLJobChannel", "SampleWeightAttributeName"): f"use {_TABULAR}.SampleWeightAttributeName",
    (
        "TabularJobConfig",
        "DataSplitConfig",
    ): "in CreateAutoMLJobV2 DataSplitConfig is a top-level member",
    (
        "TabularJobConfig",
        "SecurityConfig",
    ): "in CreateAutoMLJobV2 SecurityConfig is a top-level member",
}

#: (V1 shape, V2 member name) -> where it goes in a V1 request.
V2_IN_V1 = {
    ("CreateAutoMLJobRequest", "AutoMLJobInputDataConfig"): "use InputDataConfig",
    ("CreateAutoMLJobRequest", "AutoMLProblemTypeConfig"): (
        "a CreateAutoMLJob request sets ProblemType and AutoMLJobConfig instead"
    ),
    ("CreateAutoMLJobRequest", "DataSplitConfig"): "use AutoMLJobConfig.DataSplitConfig",
    ("CreateAutoMLJobRequest", "SecurityConfig"): "use AutoMLJobConfig.SecurityConfig",
    ("CreateAutoMLJobRequest", "AutoMLComputeConfig"): "only CreateAutoMLJobV2 supports it",
}


def moved_member_hint(shape_name: str, key: str, operation: str) -> str | None:
    """The fix for ``key`` unknown in ``shape_name`` when it is the other API version's member."""
    if operation == V1:
        hint = V2_IN_V1.get((shape_name, key))
        if hint is not None:
            return (
                f"{key} is a CreateAutoMLJobV2 member, not a CreateAutoMLJob (V1) one: {hint}, "
                "or send the request as CreateAutoMLJobV2"
            )
        return None
    hint = V1_IN_V2.get((shape_name, key))
    if hint is not None:
        return f"{key} is a CreateAutoMLJob (V1) member, not a CreateAutoMLJobV2 one: {hint}, {_MIGRATE}"
    return None
