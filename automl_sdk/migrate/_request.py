"""CreateAutoMLJob (V1) request -> CreateAutoMLJobV2 request.

The mapping is AWS's "Migrate a CreateAutoMLJob to CreateAutoMLJobV2" guide. Nothing is invented
(a member absent in V1 stays absent in V2) and nothing is altered (values are deep copies). What
has no faithful V2 form raises :class:`~automl_sdk.errors.MigrationError` at its V1 path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from automl_sdk.errors import MigrationError
from automl_sdk.migrate._common import TABULAR, as_wire_dict, expect_dict, expect_list, ordered
from automl_sdk.migrate._report import MigrationReport

if TYPE_CHECKING:
    from automl_sdk.lint import Finding

# V1 top-level members that keep their name and place in V2.
_UNCHANGED = ("AutoMLJobName", "AutoMLJobObjective", "OutputDataConfig", "RoleArn", "Tags")
_UNCHANGED_TAIL = ("ModelDeployConfig",)
# V1 channel members kept on each V2 channel; the other two move to TabularJobConfig.
_CHANNEL_KEPT = ("DataSource", "CompressionType", "ContentType", "ChannelType")
_CHANNEL_COLUMNS = ("TargetAttributeName", "SampleWeightAttributeName")
# AutoMLJobConfig members: where each one goes.
_CONFIG_TO_TABULAR = ("CompletionCriteria", "Mode")
_CONFIG_TO_TOP = ("DataSplitConfig", "SecurityConfig")

_V2_ORDER = (
    "AutoMLJobName",
    "AutoMLJobInputDataConfig",
    "OutputDataConfig",
    "AutoMLProblemTypeConfig",
    "AutoMLJobObjective",
    "RoleArn",
    "DataSplitConfig",
    "SecurityConfig",
    "Tags",
    "ModelDeployConfig",
)
_TABULAR_ORDER = (
    "CandidateGenerationConfig",
    "CompletionCriteria",
    "FeatureSpecificationS3Uri",
    "Mode",
    "GenerateCandidateDefinitionsOnly",
    "ProblemType",
    "TargetAttributeName",
    "SampleWeightAttributeName",
)
_CHANNEL_ORDER = ("ChannelType", "CompressionType", "ContentType", "DataSource")


def migrate_request(
    request: object, *, force: bool = False
) -> tuple[dict[str, Any], MigrationReport]:
    """Translate a CreateAutoMLJob (V1) request into the equivalent CreateAutoMLJobV2 request.

    Args:
        request: the V1 request, as the keyword arguments of boto3's ``create_auto_ml_job``
            (a dict with wire names) or an ``automl_sdk.shapes.CreateAutoMLJobRequest``.
        force: translate even when linting the V1 request finds errors. Values with no V2 form
            are refused all the same.

    Returns:
        The V2 request (a new dict sharing nothing with ``request``, ready for
        ``create_auto_ml_job_v2(**v2)``) and a :class:`MigrationReport` of what moved where.

    Raises:
        MigrationError: the request has lint errors (``findings`` holds them all, ``path`` is
            ``""``) and ``force`` is false; or a value has no faithful V2 form (``path`` is its
            V1 wire path, ``findings`` the lint findings): channels with different target or
            sample-weight columns, a member CreateAutoMLJob does not define, a request that is
            already V2.
    """
    wire = as_wire_dict(request, shape="CreateAutoMLJobRequest", what="a CreateAutoMLJob request")
    _refuse_v2_request(wire)
    findings = _lint_v1(wire)
    errors = [f for f in findings if f.severity == "error"]
    translation = _Translation()
    if errors:
        if not force:
            raise MigrationError(
                path="",
                reason=(
                    f"the CreateAutoMLJob request has {len(errors)} lint error(s); fix them, "
                    "or translate anyway with force=True (--force)"
                ),
                findings=findings,
            )
        translation.notes.append(
            f"translated despite {len(errors)} lint error(s) of the V1 request (forced); "
            "the V2 request is likely to be rejected too"
        )
    try:
        v2 = translation.request(wire)
    except MigrationError as exc:
        # A forced translation can still meet a value with no V2 form; keep the lint findings.
        raise MigrationError(path=exc.path, reason=exc.reason, findings=findings) from None
    report = MigrationReport(moves=translation.moves, notes=translation.notes, findings=findings)
    return v2, report


def _lint_v1(request: dict[str, Any]) -> list[Finding]:
    # Imported here: the lint package is larger than this one and imports nothing from it.
    from automl_sdk.lint import lint

    return list(lint(request, operation="CreateAutoMLJob"))


def _refuse_v2_request(request: dict[str, Any]) -> None:
    # The linter owns which members tell the two APIs apart (lazy: see _lint_v1).
    from automl_sdk.lint._engine import V1_ONLY_MEMBERS, V2_ONLY_MEMBERS

    present = [key for key in V2_ONLY_MEMBERS if key in request]
    if not present:
        return
    v1_members = [key for key in V1_ONLY_MEMBERS if key in request]
    if v1_members:
        reason = (
            f"the request mixes CreateAutoMLJobV2 members ({', '.join(present)}) with "
            f"CreateAutoMLJob ones ({', '.join(v1_members)}); keep the members of one API"
        )
    else:
        reason = (
            f"this is already a CreateAutoMLJobV2 request (it has {', '.join(present)}); "
            "there is nothing to migrate"
        )
    raise MigrationError(path=present[0], reason=reason)


def _no_v2_form(path: str, container: str) -> MigrationError:
    member = path.rsplit(".", 1)[-1]
    return MigrationError(
        path=path,
        reason=f"{member!r} is not a member of {container}, so it has no CreateAutoMLJobV2 form",
    )


class _Translation:
    """One translation's state: the V2 pieces being assembled and the report lines."""

    def __init__(self) -> None:
        self.top: dict[str, Any] = {}
        self.tabular: dict[str, Any] = {}
        self.moves: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def move(self, v1_path: str, v2_path: str) -> None:
        self.moves.append((v1_path, v2_path))

    def request(self, v1: dict[str, Any]) -> dict[str, Any]:
        """Build the V2 request from the V1 request ``v1`` (already a private deep copy)."""
        for key, value in v1.items():
            if key in _UNCHANGED or key in _UNCHANGED_TAIL:
                self.top[key] = value
                self.move(key, key)
            elif key == "InputDataConfig":
                self.channels(value)
            elif key in ("ProblemType", "GenerateCandidateDefinitionsOnly"):
                self.tabular[key] = value
                self.move(key, f"{TABULAR}.{key}")
            elif key == "AutoMLJobConfig":
                self.job_config(value)
            else:
                raise _no_v2_form(key, "CreateAutoMLJobRequest")
        self.top["AutoMLProblemTypeConfig"] = {
            "TabularJobConfig": ordered(self.tabular, _TABULAR_ORDER)
        }
        return ordered(self.top, _V2_ORDER)

    def channels(self, value: object) -> None:
        """``InputDataConfig`` -> ``AutoMLJobInputDataConfig`` plus the shared column names."""
        channels = expect_list(value, "InputDataConfig")
        v2_channels: list[Any] = []
        for index, item in enumerate(channels):
            path = f"InputDataConfig[{index}]"
            channel = expect_dict(item, path)
            v2_channel: dict[str, Any] = {}
            for key, member in channel.items():
                if key in _CHANNEL_KEPT:
                    v2_channel[key] = member
                    self.move(f"{path}.{key}", f"AutoMLJobInputDataConfig[{index}].{key}")
                elif key not in _CHANNEL_COLUMNS:
                    raise _no_v2_form(f"{path}.{key}", "AutoMLChannel")
            for column in _CHANNEL_COLUMNS:
                self.column(channels, index, column)
            v2_channels.append(ordered(v2_channel, _CHANNEL_ORDER))
        self.top["AutoMLJobInputDataConfig"] = v2_channels

    def column(self, channels: list[Any], index: int, column: str) -> None:
        """Move channel ``index``'s ``column``; refuse when it differs from channel 0's."""
        channel = channels[index]
        path = f"InputDataConfig[{index}].{column}"
        if index > 0:
            first = channels[0]
            if channel.get(column, _ABSENT) != first.get(column, _ABSENT):
                raise MigrationError(path=path, reason=_differs(first, channel, column))
            if column in channel:
                self.notes.append(
                    f"{path} equals InputDataConfig[0].{column}; both became {TABULAR}.{column}"
                )
        if column in channel:
            self.tabular[column] = channel[column]
            self.move(path, f"{TABULAR}.{column}")

    def job_config(self, value: object) -> None:
        """``AutoMLJobConfig``: members move under TabularJobConfig or to the top level."""
        config = expect_dict(value, "AutoMLJobConfig")
        if not config:
            self.notes.append(
                "AutoMLJobConfig is empty; CreateAutoMLJobV2 has no such container, "
                "so it was dropped (no value is lost)"
            )
        for key, member in config.items():
            path = f"AutoMLJobConfig.{key}"
            if key in _CONFIG_TO_TABULAR:
                self.tabular[key] = member
                self.move(path, f"{TABULAR}.{key}")
            elif key in _CONFIG_TO_TOP:
                self.top[key] = member
                self.move(path, key)
            elif key == "CandidateGenerationConfig":
                self.candidate_generation(member)
            else:
                raise _no_v2_form(path, "AutoMLJobConfig")

    def candidate_generation(self, value: object) -> None:
        """``CandidateGenerationConfig`` splits: the feature file up, the algorithms kept."""
        path = "AutoMLJobConfig.CandidateGenerationConfig"
        config = expect_dict(value, path)
        if not config:
            self.tabular["CandidateGenerationConfig"] = {}
            self.move(path, f"{TABULAR}.CandidateGenerationConfig")
        for key, member in config.items():
            if key == "FeatureSpecificationS3Uri":
                self.tabular[key] = member
                self.move(f"{path}.{key}", f"{TABULAR}.{key}")
            elif key == "AlgorithmsConfig":
                self.tabular["CandidateGenerationConfig"] = {key: member}
                self.move(f"{path}.{key}", f"{TABULAR}.CandidateGenerationConfig.{key}")
            else:
                raise _no_v2_form(f"{path}.{key}", "AutoMLCandidateGenerationConfig")


class _Absent:
    def __repr__(self) -> str:
        return "absent"


_ABSENT: Any = _Absent()


def _differs(first: dict[str, Any], other: dict[str, Any], column: str) -> str:
    here = repr(other[column]) if column in other else "absent here"
    there = repr(first[column]) if column in first else "absent"
    return (
        f"{here} but InputDataConfig[0].{column} is {there}: CreateAutoMLJobV2 has one "
        f"{column} for all channels ({TABULAR}.{column}); use the same column in every channel"
    )
