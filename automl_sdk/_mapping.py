"""CreateAutoMLJob (V1) and CreateAutoMLJobV2: the one table of where each V1 member lives in V2.

:data:`TABLE` is AWS's "Migrate a CreateAutoMLJob to CreateAutoMLJobV2" guide as data: each entry
pairs a V1 wire path with the V2 wire path of the same value. ``[*]`` stands for every item of a
list. An entry reads as one of:

- the same path on both sides: the member keeps its name and place (``RoleArn``);
- ``A[*].M`` -> ``B[*].M``: item *i* of list ``A`` becomes item *i* of list ``B``;
- ``A[*].M`` -> ``P.M`` (no ``[*]`` on the V2 side): the ``M`` of every item becomes one V2
  value, so all items must agree (``InputDataConfig[*].TargetAttributeName``);
- a V1 path that other entries extend is a *container* (``AutoMLJobConfig``): its members are
  mapped one by one. An empty container maps to the V2 path of its own entry when it has one
  (``CandidateGenerationConfig``) and is dropped otherwise.

An entry applies to requests when the service model has both ends' first member in
``CreateAutoMLJobRequest`` and ``CreateAutoMLJobV2Request`` (:data:`REQUEST_ENTRIES`), and to
describe responses likewise (:data:`RESPONSE_ENTRIES`), so one table serves both. The order of
the table is the order of the CreateAutoMLJobV2 request AWS's guide shows.

Everything that needs to know where a member lives in the other API reads this module: the
request translation and the describe view (``automl_sdk.migrate``), the paths of V1 findings
(``LintContext.at``), the "moved to" hints of unknown members and the detection of which API a
request is written for (``automl_sdk.lint``). It imports only the generated constraint tables.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from automl_sdk.shapes.constraints import SHAPES

#: One path step: a member name, or :data:`ITEM` for every item of a list.
Pattern = tuple[str, ...]
ITEM: Final = "*"

V1_REQUEST: Final = "CreateAutoMLJobRequest"
V2_REQUEST: Final = "CreateAutoMLJobV2Request"
V1_RESPONSE: Final = "DescribeAutoMLJobResponse"
V2_RESPONSE: Final = "DescribeAutoMLJobV2Response"

#: Where a V1 request's settings go in V2: a V1 job is always a tabular job.
TABULAR_CONFIG: Final = "AutoMLProblemTypeConfig.TabularJobConfig"
_T = TABULAR_CONFIG

_TEXT_TABLE: Final = (
    ("AutoMLJobName", "AutoMLJobName"),
    ("AutoMLJobArn", "AutoMLJobArn"),
    ("InputDataConfig[*].ChannelType", "AutoMLJobInputDataConfig[*].ChannelType"),
    ("InputDataConfig[*].CompressionType", "AutoMLJobInputDataConfig[*].CompressionType"),
    ("InputDataConfig[*].ContentType", "AutoMLJobInputDataConfig[*].ContentType"),
    ("InputDataConfig[*].DataSource", "AutoMLJobInputDataConfig[*].DataSource"),
    ("OutputDataConfig", "OutputDataConfig"),
    ("AutoMLJobConfig.CandidateGenerationConfig", f"{_T}.CandidateGenerationConfig"),
    (
        "AutoMLJobConfig.CandidateGenerationConfig.AlgorithmsConfig",
        f"{_T}.CandidateGenerationConfig.AlgorithmsConfig",
    ),
    ("AutoMLJobConfig.CompletionCriteria", f"{_T}.CompletionCriteria"),
    (
        "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri",
        f"{_T}.FeatureSpecificationS3Uri",
    ),
    ("AutoMLJobConfig.Mode", f"{_T}.Mode"),
    ("GenerateCandidateDefinitionsOnly", f"{_T}.GenerateCandidateDefinitionsOnly"),
    ("ProblemType", f"{_T}.ProblemType"),
    ("InputDataConfig[*].TargetAttributeName", f"{_T}.TargetAttributeName"),
    ("InputDataConfig[*].SampleWeightAttributeName", f"{_T}.SampleWeightAttributeName"),
    ("AutoMLJobObjective", "AutoMLJobObjective"),
    ("RoleArn", "RoleArn"),
    ("AutoMLJobConfig.DataSplitConfig", "DataSplitConfig"),
    ("AutoMLJobConfig.SecurityConfig", "SecurityConfig"),
    ("Tags", "Tags"),
    ("ModelDeployConfig", "ModelDeployConfig"),
    # Describe responses only (the model has these members in neither request).
    ("CreationTime", "CreationTime"),
    ("EndTime", "EndTime"),
    ("LastModifiedTime", "LastModifiedTime"),
    ("FailureReason", "FailureReason"),
    ("PartialFailureReasons", "PartialFailureReasons"),
    ("BestCandidate", "BestCandidate"),
    ("AutoMLJobStatus", "AutoMLJobStatus"),
    ("AutoMLJobSecondaryStatus", "AutoMLJobSecondaryStatus"),
    ("AutoMLJobArtifacts", "AutoMLJobArtifacts"),
    ("ModelDeployResult", "ModelDeployResult"),
    ("ResolvedAttributes", "ResolvedAttributes"),
    ("ResolvedAttributes.AutoMLJobObjective", "ResolvedAttributes.AutoMLJobObjective"),
    (
        "ResolvedAttributes.ProblemType",
        "ResolvedAttributes.AutoMLProblemTypeResolvedAttributes.TabularResolvedAttributes"
        ".ProblemType",
    ),
    ("ResolvedAttributes.CompletionCriteria", "ResolvedAttributes.CompletionCriteria"),
)

#: Member order of each V1 describe-response container the describe view builds: the order of
#: boto3's ``describe_auto_ml_job`` response (the service model's; a contract test holds them
#: equal). ``ResponseMetadata``, which boto3 adds to every response, comes last.
V1_RESPONSE_ORDER: Final[dict[str, tuple[str, ...]]] = {
    "": (
        "AutoMLJobName",
        "AutoMLJobArn",
        "InputDataConfig",
        "OutputDataConfig",
        "RoleArn",
        "AutoMLJobObjective",
        "ProblemType",
        "AutoMLJobConfig",
        "CreationTime",
        "EndTime",
        "LastModifiedTime",
        "FailureReason",
        "PartialFailureReasons",
        "BestCandidate",
        "AutoMLJobStatus",
        "AutoMLJobSecondaryStatus",
        "GenerateCandidateDefinitionsOnly",
        "AutoMLJobArtifacts",
        "ResolvedAttributes",
        "ModelDeployConfig",
        "ModelDeployResult",
        "ResponseMetadata",
    ),
    "InputDataConfig[*]": (
        "DataSource",
        "CompressionType",
        "TargetAttributeName",
        "ContentType",
        "ChannelType",
        "SampleWeightAttributeName",
    ),
    "AutoMLJobConfig": (
        "CompletionCriteria",
        "SecurityConfig",
        "CandidateGenerationConfig",
        "DataSplitConfig",
        "Mode",
    ),
    "AutoMLJobConfig.CandidateGenerationConfig": ("FeatureSpecificationS3Uri", "AlgorithmsConfig"),
    "ResolvedAttributes": ("AutoMLJobObjective", "ProblemType", "CompletionCriteria"),
}


def parse(text: str) -> Pattern:
    """``"A[*].B"`` -> ``("A", "*", "B")``; ``""`` -> ``()``."""
    steps: list[str] = []
    for part in text.split(".") if text else ():
        name, _, rest = part.partition("[")
        steps.append(name)
        if rest:
            steps.append(ITEM)
    return tuple(steps)


def render(pattern: Pattern, index: int | None = None) -> str:
    """``("A", "*", "B")`` -> ``"A[*].B"``, or ``"A[2].B"`` with ``index=2``."""
    text = ""
    for step in pattern:
        if step == ITEM:
            text += "[*]" if index is None else f"[{index}]"
        else:
            text = f"{text}.{step}" if text else step
    return text


class Entry(NamedTuple):
    """One row of :data:`TABLE`: the V1 path and the V2 path of the same value."""

    v1: Pattern
    v2: Pattern

    @property
    def merged(self) -> bool:
        """True when every item of a V1 list becomes one V2 value (``A[*].M`` -> ``P.M``)."""
        return ITEM in self.v1 and ITEM not in self.v2


#: The whole table, in the order of the CreateAutoMLJobV2 request AWS's guide shows.
TABLE: Final = tuple(Entry(parse(v1), parse(v2)) for v1, v2 in _TEXT_TABLE)


def shape_at(root: str, pattern: Pattern) -> str | None:
    """The model's shape name at ``pattern`` below shape ``root``; ``None`` off the model."""
    shape: str | None = root
    for step in pattern:
        entry = SHAPES.get(shape or "", {})
        shape = entry.get("member") if step == ITEM else entry.get("members", {}).get(step)
        if shape is None:
            return None
    return shape


def _applies(entry: Entry, v1_root: str, v2_root: str) -> bool:
    return (
        shape_at(v1_root, entry.v1[:1]) is not None and shape_at(v2_root, entry.v2[:1]) is not None
    )


#: The entries of a CreateAutoMLJob -> CreateAutoMLJobV2 request translation.
REQUEST_ENTRIES: Final = tuple(e for e in TABLE if _applies(e, V1_REQUEST, V2_REQUEST))
#: The entries of the DescribeAutoMLJobV2 -> DescribeAutoMLJob describe view.
RESPONSE_ENTRIES: Final = tuple(e for e in TABLE if _applies(e, V1_RESPONSE, V2_RESPONSE))

_V1_MEMBERS = frozenset(SHAPES[V1_REQUEST]["members"])
_V2_MEMBERS = frozenset(SHAPES[V2_REQUEST]["members"])
#: Top-level members of a CreateAutoMLJobV2 request (from the model).
V2_REQUEST_MEMBERS: Final = _V2_MEMBERS
#: Top-level members only a CreateAutoMLJob (V1) request has (from the model).
V1_ONLY_MEMBERS: Final = _V1_MEMBERS - _V2_MEMBERS
#: Top-level members only a CreateAutoMLJobV2 request has (from the model).
V2_ONLY_MEMBERS: Final = _V2_MEMBERS - _V1_MEMBERS


def containers(entries: tuple[Entry, ...]) -> frozenset[Pattern]:
    """The V1 paths that ``entries`` open rather than copy: proper prefixes of their V1 paths."""
    return frozenset(e.v1[:n] for e in entries for n in range(1, len(e.v1)))


def list_counterpart(v1_list: Pattern, entries: tuple[Entry, ...]) -> Pattern | None:
    """The V2 list whose items the items of V1 list ``v1_list`` become (``AutoMLJobInputDataConfig``
    for ``InputDataConfig``); ``None`` when its items are not mapped item by item."""
    items = (*v1_list, ITEM)
    for entry in entries:
        if entry.v1[: len(items)] == items and ITEM in entry.v2:
            return entry.v2[: entry.v2.index(ITEM)]
    return None


@functools.cache  # few distinct paths, asked for on every lint of a V1 request
def to_v1(v2_path: str) -> str | None:
    """Where the member at V2 request path ``v2_path`` lives in a CreateAutoMLJob request.

    ``"DataSplitConfig.ValidationFraction"`` -> ``"AutoMLJobConfig.DataSplitConfig.ValidationFraction"``;
    ``"AutoMLJobInputDataConfig"`` -> ``"InputDataConfig"``; a member merged from every channel
    keeps its ``[*]`` (``"InputDataConfig[*].TargetAttributeName"``). ``None`` when V1 has no
    such member (``AutoMLComputeConfig``, or a problem type other than tabular).
    """
    pattern = parse(v2_path)
    for size in range(len(pattern), 0, -1):
        head = render(pattern[:size])
        if head in _TO_V1:
            return render((*parse(_TO_V1[head]), *pattern[size:]))
    return None


def _v2_to_v1_table() -> dict[str, str]:
    """V2 request path -> V1 path: each request entry read backwards, and each V2 list whose
    items the table maps item by item (``AutoMLJobInputDataConfig`` -> ``InputDataConfig``)."""
    table = {render(e.v2): render(e.v1) for e in REQUEST_ENTRIES}
    for container in containers(REQUEST_ENTRIES):
        if container[-1:] == (ITEM,):
            continue
        counterpart = list_counterpart(container, REQUEST_ENTRIES)
        if counterpart is not None:
            table[render(counterpart)] = render(container)
    return table


_TO_V1: Final = _v2_to_v1_table()


@functools.cache  # asked once per rule and operation
def v1_members_of(v2_member: str) -> frozenset[str]:
    """The top-level CreateAutoMLJob members that hold what CreateAutoMLJobV2 request member
    ``v2_member`` holds: ``{"AutoMLJobConfig"}`` for ``"DataSplitConfig"``; for
    ``"AutoMLProblemTypeConfig"`` every V1 member a tabular setting moved from
    (``AutoMLJobConfig``, ``ProblemType``, ``InputDataConfig``...); empty when V1 has none."""
    found = {e.v1[0] for e in REQUEST_ENTRIES if e.v2[0] == v2_member}
    v1_list = _TO_V1.get(v2_member)
    if v1_list is not None:
        found.add(parse(v1_list)[0])
    return frozenset(found)
