"""Shared helpers for the documented (phase-2) rules: message wording and a few lookups.

The engine's :class:`~automl_sdk.lint.LintContext` already normalises the problem type, the
problem-type config, the channels and the members several rules read; these helpers add message
wording and the few lookups that only a rule or two need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from automl_sdk.lint._common import get_dict, get_str, join, show
from automl_sdk.lint._context import LintContext, member_path
from automl_sdk.lint._docs_tables import FREQUENCY_UNITS, PROBLEM_TYPE_NAMES

#: Frequency unit -> (next larger unit, how many of this unit make one of it), where exact.
_NEXT_UNIT = {"min": ("H", 60), "H": ("D", 24), "D": ("W", 7), "M": ("Y", 12)}


def one_of(values: Iterable[str]) -> str:
    """``'a', 'b' or 'c'``: an allowed-values list for a message."""
    quoted = [repr(value) for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def problem_type_name(ctx: LintContext) -> str:
    """``"tabular"``, ``"time-series forecasting"``...; ``"unknown"`` when not determined."""
    return PROBLEM_TYPE_NAMES.get(ctx.problem_type or "", "unknown")


def tabular_mode(ctx: LintContext) -> str | None:
    """The tabular training ``Mode`` (V1 ``AutoMLJobConfig.Mode``), or ``None`` when not a string."""
    return get_str(ctx.problem_config, "Mode")


def problem_type_value(ctx: LintContext) -> tuple[str, Any]:
    """``(path, value)`` of the tabular ``ProblemType``: top level in V1, in the config in V2."""
    return tabular_member(ctx, "ProblemType")


def tabular_member(ctx: LintContext, member: str) -> tuple[str, Any]:
    """``(path, value)`` of the problem-type config's ``member``, wherever a V1 request keeps
    it (``GenerateCandidateDefinitionsOnly`` at its top level); ``(member, None)`` when the
    problem type is unknown."""
    if not ctx.v2_problem_config_path:
        return member, None
    return ctx.at(member_path(ctx.v2_problem_config_path, member))


def unpaired_objective(
    ctx: LintContext, problem_type: tuple[str, Any]
) -> Iterator[tuple[str, str]]:
    """The finding for a tabular ProblemType given without AutoMLJobObjective, or the reverse."""
    path, value = problem_type
    objective = ctx.get("AutoMLJobObjective")
    if (value is None) == (objective is None):
        return
    if objective is None:
        yield (
            "AutoMLJobObjective",
            f"ProblemType is set without AutoMLJobObjective (got ProblemType {show(value)} and "
            "no objective; expected both or neither); add AutoMLJobObjective.MetricName or "
            "remove ProblemType",
        )
    else:
        yield (
            path,
            "AutoMLJobObjective is set without ProblemType (got an objective and no ProblemType; "
            "expected both or neither); add ProblemType or remove AutoMLJobObjective",
        )


def sample_weights(ctx: LintContext) -> Iterator[tuple[str, str]]:
    """``(path, column)`` of every SampleWeightAttributeName (V2 config; each V1 channel)."""
    if not ctx.v2_problem_config_path:
        return
    for path, value in ctx.at_each(
        member_path(ctx.v2_problem_config_path, "SampleWeightAttributeName")
    ):
        if isinstance(value, str):
            yield path, value


def filling_entries(ctx: LintContext) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(path, column, methods)`` for each column of a time-series Transformations.Filling map."""
    filling = get_dict(ctx.problem_config, "Transformations", "Filling")
    base = join(ctx.problem_config_path, "Transformations", "Filling")
    for column, methods in (filling or {}).items():
        if isinstance(column, str) and isinstance(methods, dict):
            yield f"{base}.{column}", column, methods


def equivalent_frequency(count: int, unit: str) -> str | None:
    """The ForecastFrequency to write for ``count`` of ``unit`` (``"min"``, ``"H"``...): itself
    when its count is in the unit's documented range, else the same span in a larger unit
    within its range (``60, "min"`` -> ``"1H"``); ``None`` when there is none."""
    while True:
        if 1 <= count <= FREQUENCY_UNITS[unit][1]:
            return f"{count}{unit}"
        if not count or unit not in _NEXT_UNIT or count % _NEXT_UNIT[unit][1]:
            return None
        unit, count = _NEXT_UNIT[unit][0], count // _NEXT_UNIT[unit][1]
