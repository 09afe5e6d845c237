"""Shared helpers for the documented (phase-2) rules: message wording and shared lookups.

The engine's :class:`~automl_sdk.lint.LintContext` already normalises the problem type, the
problem-type config (:meth:`~automl_sdk.lint.LintContext.config_member`), the channels and the
members several rules read; these helpers add message wording and the logic that a few rules
share (repeated values, the filling companions, the SecurityConfig settings, the first training
and validation channels, values outside an allowed list), so that each rule states only its own
condition and message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from automl_sdk.lint._common import TRAINING, VALIDATION, get_dict, show
from automl_sdk.lint._context import LintContext, member_path
from automl_sdk.lint._docs_tables import (
    FILLING_VALUE_SUFFIX,
    FILLING_VALUES,
    FREQUENCY_UNITS,
    PROBLEM_TYPE_NAMES,
    SPEC_V2_API,
)
from automl_sdk.lint._registry import Rule

#: The source of the repeated-member rules (E1010, W1011).
DUPLICATE_MEMBER_SOURCE = (
    '"The names within an object SHOULD be unique." (RFC 8259, section 4); every member of '
    f"the request syntax appears once ({SPEC_V2_API})"
)

#: Each filling method that takes a constant, with the name of its ``<method>_value`` companion.
_FILLING_COMPANIONS = tuple((method, method + FILLING_VALUE_SUFFIX) for method in FILLING_VALUES)

#: Frequency unit -> (next larger unit, how many of this unit make one of it), where exact.
_NEXT_UNIT = {"min": ("H", 60), "H": ("D", 24), "D": ("W", 7), "M": ("Y", 12)}


class FileTextRule(Rule):
    """A rule whose findings come from a request file's text, which the CLI's request reader
    sees and a dict does not (E1010, W1011: a member written twice in one object)."""

    def check(self, ctx: LintContext) -> Iterable[tuple[str, str]]:
        """Nothing to check in a dict: it cannot hold a key twice."""
        return ()


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
    mode = ctx.problem_config.get("Mode")
    return mode if isinstance(mode, str) else None


def unpaired_objective(ctx: LintContext) -> Iterator[tuple[str, str]]:
    """The finding for a tabular ProblemType given without AutoMLJobObjective, or the reverse."""
    path, value = ctx.tabular_problem_type
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
    base, filling = ctx.config_member("Transformations", "Filling")
    for column, methods in (get_dict(filling) or {}).items():
        if isinstance(column, str) and isinstance(methods, dict):
            yield f"{base}.{column}", column, methods


def filling_companions(ctx: LintContext) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """``(column path, method, companion, methods)`` for each filling method that takes a
    ``<method>_value`` companion (``backfill``, ``backfill_value``), in each column of the
    Filling map whose methods set the method or its companion."""
    for path, _column, methods in filling_entries(ctx):
        for method, companion in _FILLING_COMPANIONS:
            if method in methods or companion in methods:  # each rule needs one of them set
                yield path, method, companion, methods


def repeats(values: Iterable[Any]) -> Iterator[tuple[int, str, int]]:
    """``(index, value, first index)`` for each string of ``values`` that an earlier one already
    is; values that are not strings are skipped (phase 1 reports them)."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        if value in first:
            yield index, value, first[value]
        else:
            first[value] = index


def not_allowed(
    entries: Iterable[tuple[str, dict[str, Any]]], member: str, allowed: Iterable[str]
) -> Iterator[tuple[str, str]]:
    """``(path, value)`` of each entry's ``member`` that is a string outside ``allowed``
    (entries are ``(path, object)``, the path never empty: a channel, an S3DataSource)."""
    for path, entry in entries:
        value = entry.get(member)
        if isinstance(value, str) and value not in allowed:
            yield f"{path}.{member}", value


def security_setting(ctx: LintContext, member: str) -> tuple[str, Any] | None:
    """``(path, value)`` of ``SecurityConfig.<member>`` wherever the request keeps it (the value
    ``None`` when absent); ``None`` when SecurityConfig is present but not an object."""
    path, config = ctx.security_config
    if config is None:
        return None
    return member_path(path, member), config.get(member)


def missing_security_setting(ctx: LintContext, member: str) -> str | None:
    """The path of ``SecurityConfig.<member>`` when the request leaves it out (SecurityConfig
    absent, or an object without it); ``None`` when it is set or SecurityConfig is no object."""
    found = security_setting(ctx, member)
    return found[0] if found is not None and found[1] is None else None


def training_and_validation(
    ctx: LintContext,
) -> tuple[tuple[str, dict[str, Any]], tuple[str, dict[str, Any]]] | None:
    """``((path, channel), (path, channel))`` of the first training and the first validation
    channel; ``None`` unless the request has both."""
    by_kind: dict[str, tuple[str, dict[str, Any]]] = {}
    for (path, channel), kind in zip(ctx.channels, ctx.channel_types, strict=True):
        if kind is not None:
            by_kind.setdefault(kind, (path, channel))
    if TRAINING in by_kind and VALIDATION in by_kind:
        return by_kind[TRAINING], by_kind[VALIDATION]
    return None


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
