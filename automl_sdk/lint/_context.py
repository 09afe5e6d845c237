"""What a rule sees: :class:`LintContext`, the request under lint with its shared facts.

The request a rule reads is the raw JSON value the user gave (after converting a shape object to
its wire dict), so any member may hold any JSON type. Phase-1 rules (``E1xxx``) report wrong types;
the other rules must simply skip values of the wrong type. The typed getters (defined in
:mod:`automl_sdk.lint._common`, public in :mod:`automl_sdk.lint.rules_api`, and as methods here)
make that easy: ``ctx.get_str("a", "b")`` returns ``request["a"]["b"]`` when every step is a dict
and the leaf is a ``str``, else ``None``. Integers never include ``bool`` (``True`` is not a number
on the wire).

Problem types are normalised to the V2 union member name (the key under
``AutoMLProblemTypeConfig``): :data:`TABULAR`, :data:`TIME_SERIES`, :data:`IMAGE_CLASSIFICATION`,
:data:`TEXT_CLASSIFICATION`, :data:`TEXT_GENERATION`. A V1 (``CreateAutoMLJob``) request is always
:data:`TABULAR`; its ``problem_config`` is its ``AutoMLJobConfig`` (which holds ``CompletionCriteria``,
``CandidateGenerationConfig`` and ``Mode`` at the same relative paths as V2's ``TabularJobConfig``;
V1's ``ProblemType`` stays at the top level).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from automl_sdk._mapping import to_v1
from automl_sdk.lint import _common
from automl_sdk.lint._common import (
    CHANNELS,
    DEFAULT_CHANNEL_TYPE,
    PROBLEM_TYPES,
    TABULAR,
    TRAINING,
    V1,
    V2,
    VALIDATION,
    Key,
    follow,
    get_list,
    join,
    object_or_none,
    path_steps,
)
from automl_sdk.lint._schema import check_schema

if TYPE_CHECKING:
    # Type-checking only: importing typing_extensions at run time would add to the lint
    # command's start-up, which never needs it (Self is in typing from Python 3.11).
    from typing_extensions import Self

    from automl_sdk.lint._finding import Finding

__all__ = ["LintContext", "fact", "member_path"]

T = TypeVar("T")


class fact(Generic[T]):  # lower case: used as a decorator, like functools.cached_property
    """A :class:`LintContext` attribute worked out on first read, then stored on the instance.

    ``functools.cached_property`` does the same, but before Python 3.12 it takes a lock on each
    first read, which costs more than most of these lookups do.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type[Any] | None = None) -> T | Self:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


_PROBLEM_TYPE_UNION = "AutoMLProblemTypeConfig"
_S3_DATA_SOURCE = ("DataSource", "S3DataSource")


def _object_at(obj: Any, keys: tuple[Key, ...]) -> dict[str, Any]:
    """The dict at ``keys``, ``{}`` when there is none (a fact's form of ``get_dict(...) or {}``)."""
    value = follow(obj, keys)
    return value if isinstance(value, dict) else {}


def _v2_problem_type(request: dict[str, Any]) -> str | None:
    """The one known problem type ``AutoMLProblemTypeConfig`` holds a non-null value for."""
    union = request.get(_PROBLEM_TYPE_UNION)
    if not isinstance(union, dict):
        return None
    present: list[str] = [key for key, value in union.items() if value is not None]
    if len(present) == 1 and present[0] in PROBLEM_TYPES:
        return present[0]
    return None


@functools.cache  # a few problem types times a few members, asked for on every request
def member_path(config_path: str, *members: str) -> str:
    """``join(config_path, *members)`` for the members of a problem-type config, remembered:
    rules name the same ones on every request, and :meth:`LintContext.at` then finds the
    remembered string's steps (and V1 place) at the cost of a lookup."""
    return join(config_path, *members)


class LintContext:
    """The request under lint, with the facts most rules need already worked out.

    The problem type and its config are worked out with the context (the engine picks the rules
    by the problem type, and most rules read the config); every other fact once, on first use,
    and shared by every rule that reads it.

    Attributes:
        request: the raw request dict (never mutate it).
        operation: ``"CreateAutoMLJob"`` (V1) or ``"CreateAutoMLJobV2"``.
        is_v1: True for a ``CreateAutoMLJob`` request.
        is_v2: True for a ``CreateAutoMLJobV2`` request.
        channels_path: ``"InputDataConfig"`` (V1) or ``"AutoMLJobInputDataConfig"`` (V2).
        problem_type: the problem type as its V2 config name (e.g. ``"TabularJobConfig"``), or
            ``None``. V1 requests are always ``"TabularJobConfig"``. For V2, ``None`` unless
            ``AutoMLProblemTypeConfig`` is a dict with exactly one known key holding a non-null
            value.
        v2_problem_config_path: the CreateAutoMLJobV2 path of the problem-type config, for
            :meth:`at`: ``"AutoMLProblemTypeConfig.TabularJobConfig"`` for V1 too; ``""`` when
            the problem type is unknown.
        problem_config_path: the wire path of :attr:`problem_config`:
            ``"AutoMLProblemTypeConfig.TabularJobConfig"`` etc.; ``"AutoMLJobConfig"`` for V1
            (the container V1 keeps ``Mode`` and ``CompletionCriteria`` in, at
            TabularJobConfig's relative paths); ``""`` when the V2 problem type is unknown.
        problem_config: the problem-type config dict (V1: ``AutoMLJobConfig``); ``{}`` when
            absent or not a dict.

    Rules name members by their CreateAutoMLJobV2 path; :meth:`at` and :meth:`at_each` find
    where a V1 request keeps the same member (by the one V1/V2 table, ``automl_sdk._mapping``),
    so a rule for both APIs needs no V1 branch and reports V1 paths in V1 findings.
    """

    def __init__(self, request: dict[str, Any], operation: str) -> None:
        self.request = request
        self.operation = operation
        self.is_v1 = operation == V1
        self.is_v2 = operation == V2
        self.channels_path = self.path_of(CHANNELS) or CHANNELS
        self.problem_type = TABULAR if self.is_v1 else _v2_problem_type(request)
        self.v2_problem_config_path = (
            "" if self.problem_type is None else member_path(_PROBLEM_TYPE_UNION, self.problem_type)
        )
        self.problem_config_path = self._problem_config_path()
        self.problem_config: dict[str, Any] = (
            _object_at(request, path_steps(self.problem_config_path))
            if self.problem_config_path
            else {}
        )

    def _problem_config_path(self) -> str:
        if not self.is_v1:
            return self.v2_problem_config_path
        mode = self.path_of(member_path(self.v2_problem_config_path, "Mode")) or ""
        return mode.rpartition(".")[0]

    def path_of(self, v2_path: str) -> str | None:
        """Where this request keeps the member at CreateAutoMLJobV2 path ``v2_path``: the path
        itself in V2, its V1 place in V1 (``"DataSplitConfig"`` ->
        ``"AutoMLJobConfig.DataSplitConfig"``); ``[*]`` marks a member every V1 channel holds.
        ``None`` when a V1 request has no such member (``AutoMLComputeConfig``)."""
        return to_v1(v2_path) if self.is_v1 else v2_path

    def at_each(self, v2_path: str) -> list[tuple[str, Any]]:
        """``(path, value)`` of the member at CreateAutoMLJobV2 path ``v2_path`` (see
        :meth:`path_of`), once per V1 channel for a member every channel holds (V1
        ``SampleWeightAttributeName``), once otherwise; ``[]`` when the request has no such
        member. The value is ``None`` when absent and may be of any type."""
        if not self.is_v1:  # a V2 path names one member
            return [(v2_path, follow(self.request, path_steps(v2_path)))]
        path = to_v1(v2_path)
        if path is None:
            return []
        head, star, rest = path.partition("[*]")
        if not star:
            return [(path, follow(self.request, path_steps(path)))]
        items = get_list(self.request, *path_steps(head)) or []
        steps = path_steps(rest[1:])  # rest is ".Member..."
        return [(f"{head}[{index}]{rest}", follow(item, steps)) for index, item in enumerate(items)]

    def at(self, v2_path: str) -> tuple[str, Any]:
        """``(path, value)`` of the member at CreateAutoMLJobV2 path ``v2_path``: the first of
        :meth:`at_each`, or ``(v2_path, None)`` when the request has no such member."""
        if not self.is_v1:  # the common case, without at_each's list
            return v2_path, follow(self.request, path_steps(v2_path))
        found = self.at_each(v2_path)
        return found[0] if found else (v2_path, None)

    def config_member(self, *members: str) -> tuple[str, Any]:
        """``(path, value)`` of a member of the problem-type config, wherever this request keeps
        it: ``ctx.config_member("ForecastFrequency")`` is
        ``("AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.ForecastFrequency", "1D")``;
        in V1, ``config_member("Mode")`` is ``("AutoMLJobConfig.Mode", ...)`` and
        ``config_member("ProblemType")`` the top-level ``ProblemType``. The value is ``None``
        when absent and may be of any type; the path is ``join("", *members)`` and the value
        ``None`` when the problem type is unknown."""
        if self.is_v1:
            return self.at(member_path(self.v2_problem_config_path, *members))
        # V2 keeps every member inside the config: no V1 table to consult, no walk from the root
        # (and for one member, the usual case, no walk at all).
        path = member_path(self.problem_config_path, *members)
        if len(members) == 1:
            return path, self.problem_config.get(members[0])
        return path, follow(self.problem_config, members)

    @fact
    def tabular_problem_type(self) -> tuple[str, Any]:
        """``(path, raw value)`` of the tabular ``ProblemType`` (:meth:`config_member`): top
        level in V1, ``TabularJobConfig.ProblemType`` in V2; several rules judge it."""
        return self.config_member("ProblemType")

    @fact
    def channels(self) -> list[tuple[str, dict[str, Any]]]:
        """``(path, channel)`` for each channel that is a dict, e.g. ``("InputDataConfig[0]", {...})``."""
        items = get_list(self.request, self.channels_path) or []
        return [
            (f"{self.channels_path}[{index}]", item)
            for index, item in enumerate(items)
            if isinstance(item, dict)
        ]

    @fact
    def channel_types(self) -> list[str | None]:
        """The ``ChannelType`` of each of :attr:`channels`, in the same order.

        The documented default ``"training"`` when the member is left out; ``None`` when it
        holds anything but ``"training"`` or ``"validation"`` (phase 1 reports that), so rules
        about channel types can skip the request.
        """
        kinds: list[str | None] = []
        for _, channel in self.channels:
            value = channel.get("ChannelType")
            if value is None:
                kinds.append(DEFAULT_CHANNEL_TYPE)
            else:
                kinds.append(value if value in (TRAINING, VALIDATION) else None)
        return kinds

    @fact
    def s3_data_sources(self) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        """``(channel path, channel, S3DataSource)`` for each of :attr:`channels`.

        The ``S3DataSource`` is ``{}`` when ``DataSource.S3DataSource`` is missing or not a dict.
        """
        return [
            (path, channel, _object_at(channel, _S3_DATA_SOURCE)) for path, channel in self.channels
        ]

    @fact
    def security_config(self) -> tuple[str, dict[str, Any] | None]:
        """``(path, SecurityConfig)``: top level in V2, in ``AutoMLJobConfig`` in V1.

        The config is ``{}`` when absent and ``None`` when present but not a dict (phase 1
        reports that), so rules about a missing security setting can stay quiet on it.
        """
        path, value = self.at("SecurityConfig")
        return path, object_or_none(value)

    @fact
    def completion_criteria(self) -> tuple[str, dict[str, Any] | None]:
        """``(path, CompletionCriteria dict or None)`` of the problem-type config (V1:
        ``AutoMLJobConfig``); ``("", None)`` when the problem type is unknown."""
        if not self.v2_problem_config_path:
            return "", None
        path, value = self.config_member("CompletionCriteria")
        return path, value if isinstance(value, dict) else None

    @fact
    def validation_fraction(self) -> tuple[str, Any]:
        """``(path, raw value)`` of ``DataSplitConfig.ValidationFraction``: top level in V2, in
        ``AutoMLJobConfig`` in V1. The value is ``None`` when absent, and may be of any type."""
        return self.at("DataSplitConfig.ValidationFraction")

    @fact
    def algorithms_config(self) -> tuple[str, Any]:
        """``(path, raw value)`` of the tabular ``CandidateGenerationConfig.AlgorithmsConfig``
        (V1: in ``AutoMLJobConfig``). The value is ``None`` when absent, and may be of any type;
        ``("", None)`` when the problem type is unknown."""
        if not self.v2_problem_config_path:
            return "", None
        return self.config_member("CandidateGenerationConfig", "AlgorithmsConfig")

    # Shortcuts rooted at the request. A bare type test is written here, saving a call on
    # lint's hot path; a getter with a rule of its own (no bool is an int, a Decimal is read as
    # a float, a tuple as a list) is _common's, the one owner of that rule.
    def get(self, *keys: Key) -> Any:
        """``get(self.request, *keys)``."""
        return follow(self.request, keys)

    def get_str(self, *keys: Key) -> str | None:
        """``get_str(self.request, *keys)``."""
        value = follow(self.request, keys)
        return value if isinstance(value, str) else None

    def get_int(self, *keys: Key) -> int | None:
        """``get_int(self.request, *keys)``."""
        return _common.get_int(self.request, *keys)

    def get_number(self, *keys: Key) -> float | None:
        """``get_number(self.request, *keys)``."""
        return _common.get_number(self.request, *keys)

    def get_bool(self, *keys: Key) -> bool | None:
        """``get_bool(self.request, *keys)``."""
        value = follow(self.request, keys)
        return value if isinstance(value, bool) else None

    def get_dict(self, *keys: Key) -> dict[str, Any] | None:
        """``get_dict(self.request, *keys)``."""
        value = follow(self.request, keys)
        return value if isinstance(value, dict) else None

    def get_list(self, *keys: Key) -> list[Any] | None:
        """``get_list(self.request, *keys)``."""
        return _common.get_list(self.request, *keys)

    @fact
    def schema_findings(self) -> tuple[Finding, ...]:
        """Every phase-1 (schema) finding, computed once and shared by the ``E1xxx`` rules."""
        return tuple(check_schema(self.request, self.operation))

    @fact
    def schema_findings_by_rule(self) -> dict[str, list[Finding]]:
        """:attr:`schema_findings` grouped by rule id, so each ``E1xxx`` rule takes its own."""
        grouped: dict[str, list[Finding]] = {}
        for finding in self.schema_findings:
            grouped.setdefault(finding.rule, []).append(finding)
        return grouped

    @fact
    def _schema_paths(self) -> frozenset[str]:
        return frozenset(finding.path for finding in self.schema_findings)

    def reported_by_schema(self, path: str) -> bool:
        """True when phase 1 (the service model's constraints) has a finding at ``path``.

        Documented rules check this before reporting a value, so that one mistake (say, a
        metric name that is no metric at all) is reported once, by the rule that says most.
        """
        return bool(self.schema_findings) and path in self._schema_paths
