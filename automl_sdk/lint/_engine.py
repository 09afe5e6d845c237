"""The lint engine: detect the operation, run every selected rule, collect all findings.

``lint_request`` never raises on a Python value: a request that is not an object, an operation
name that is unknown and a shape that will not convert become ``E1002`` findings; a rule that
crashes, or a rule module that does not load, becomes an ``E0002`` finding (an error, whatever
the crashing rule's own severity).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from automl_sdk._mapping import V1_ONLY_MEMBERS, V2_ONLY_MEMBERS, v1_members_of
from automl_sdk.lint._common import V1, V2, show
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._finding import Finding, Findings
from automl_sdk.lint._registry import Registry, Rule, default_registry, matches, rule_prefixes

#: Accepted spellings of each operation (API name and AWS CLI name).
OPERATION_ALIASES = {
    "CreateAutoMLJob": V1,
    "create-auto-ml-job": V1,
    "create_auto_ml_job": V1,
    "CreateAutoMLJobV2": V2,
    "create-auto-ml-job-v2": V2,
    "create_auto_ml_job_v2": V2,
}

#: Rule id used for problems with the input as a whole (not a dict, unknown operation).
INPUT_RULE = "E1002"
#: Rule id of the engine's own finding that a rule crashed or its module did not load.
RULE_CRASHED = "E0002"
#: Prefix of the engine's own findings: reported whatever ``select`` says, unless ignored.
ENGINE_GROUP = "E0"


def detect_operation(request: Any) -> str:
    """``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"``, from the request's top-level keys.

    A request with V1-only keys (``InputDataConfig``, ``AutoMLJobConfig``, ``ProblemType``,
    ``GenerateCandidateDefinitionsOnly``) and none of the V2-only keys (``AutoMLJobInputDataConfig``,
    ``AutoMLProblemTypeConfig``, ``DataSplitConfig``, ``SecurityConfig``, ``AutoMLComputeConfig``)
    is V1. Everything else, including an ambiguous mix or a non-dict, is V2: V2 is the current API,
    and a V1 key in it is then reported as an unknown key that names its V2 replacement.
    """
    if not isinstance(request, dict) or not request.keys().isdisjoint(V2_ONLY_MEMBERS):
        return V2
    return V2 if request.keys().isdisjoint(V1_ONLY_MEMBERS) else V1


def lint_request(
    request: Any,
    *,
    operation: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    registry: Registry | None = None,
) -> Findings:
    """Check a CreateAutoMLJob / CreateAutoMLJobV2 request and return every finding.

    Args:
        request: the request as a dict of boto3 keyword arguments (wire names), or a request shape
            object (``CreateAutoMLJobV2Request``...). Any Python value is accepted.
        operation: ``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"`` (or the AWS CLI spelling
            ``"create-auto-ml-job-v2"``); inferred by :func:`detect_operation` when ``None``.
        select: rule id prefixes to run (``["E", "W8001"]``); all rules when ``None``. The
            engine's own ``E0`` findings (``E0002``: a rule crashed) are reported whatever
            ``select`` says: they tell that the run itself is incomplete.
        ignore: rule id prefixes to skip; applied after ``select``, to every finding, the
            engine's own included (``ignore=["E0002"]`` hides crashes, ``ignore=["W"]`` does not).
        registry: the rules to run (see :func:`~automl_sdk.lint.rules_api.load_registry`);
            the rules of :mod:`automl_sdk.lint.rules` when ``None``.

    Returns:
        The findings sorted by path, then rule id, as :class:`Findings` (a list that a notebook
        shows as a table). Empty when the request is clean.

    Raises:
        TypeError: ``select`` or ``ignore`` is a string or not an iterable of strings (the
            request itself is never a reason to raise).
    """
    select = None if select is None else rule_prefixes("select", select)
    ignore = () if ignore is None else rule_prefixes("ignore", ignore)
    findings = _lint(request, operation, select, ignore, registry or default_registry())
    if not findings:  # the usual answer: a clean request
        return Findings()
    kept = [
        finding
        for finding in findings
        if (
            select is None or matches(finding.rule, select) or finding.rule.startswith(ENGINE_GROUP)
        )
        and not matches(finding.rule, ignore)
    ]
    return Findings(sorted(set(kept)))


def _lint(
    request: Any,
    operation: str | None,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    reg: Registry,
) -> list[Finding]:
    request, shape_operation, problem = _to_dict(request)
    if problem is not None:
        return [problem]
    if operation is None:
        operation = shape_operation or detect_operation(request)
    resolved = OPERATION_ALIASES.get(operation) if isinstance(operation, str) else None
    if resolved is None:
        message = (
            f"unknown operation (got {show(operation)}; "
            "expected 'CreateAutoMLJob' or 'CreateAutoMLJobV2')"
        )
        return [Finding(INPUT_RULE, "error", "", message)]
    if not isinstance(request, dict):
        message = (
            f"request is not a JSON object (got {show(request)}; "
            "expected an object of request members)"
        )
        return [Finding(INPUT_RULE, "error", "", message)]
    ctx = LintContext(request, resolved)
    findings = (
        [Finding(RULE_CRASHED, "error", "", message) for _, message in reg.load_errors]
        if reg.load_errors
        else []
    )
    members = request.keys()
    schema_rules, request_rules = _selected(reg, resolved, ctx.problem_type, select, ignore)
    if schema_rules and not _meets_the_model(ctx):
        request_rules = schema_rules + request_rules
    for rule, check, needed in request_rules:
        if needed is not None and members.isdisjoint(needed):
            continue  # none of the members the rule reads: it has nothing to report
        try:  # inline rather than a call per rule: this loop is most of lint's own overhead
            for path, message in check(ctx):
                findings.append(Finding(rule.id, rule.severity, path, message))
        except Exception as exc:  # a bug in one rule must not hide the others' findings
            findings.append(_crashed(rule, exc))
    return _without_superseded(findings, reg)


def _without_superseded(findings: list[Finding], reg: Registry) -> list[Finding]:
    """Drop each phase-1 finding that a documented rule's finding at the same path replaces."""
    if not findings:
        return findings
    replaced = {
        (superseded, finding.path)
        for finding in findings
        if finding.rule in reg.by_id
        for superseded in reg.by_id[finding.rule].supersedes
    }
    if not replaced:
        return findings
    return [finding for finding in findings if (finding.rule, finding.path) not in replaced]


#: A selected rule: the rule, its bound ``check``, and the top-level members of the
#: operation it needs (``None``: it runs on every request).
Selected = tuple[Rule, Callable[[LintContext], Iterable[tuple[str, str]]], frozenset[str] | None]


@functools.lru_cache(maxsize=256)
def _selected(
    reg: Registry,
    operation: str,
    problem_type: str | None,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
) -> tuple[tuple[Selected, ...], tuple[Selected, ...]]:
    """The rules that apply to ``operation`` and ``problem_type`` under this selection, as
    ``(phase-1 rules, the other rules)`` (see :attr:`Rule.from_schema`); worked out once per
    combination."""
    applicable = [
        rule
        for rule in reg.rules
        if operation in rule.operations
        and (rule.problem_types is None or problem_type in rule.problem_types)
        and (select is None or matches(rule.id, select))
        and not matches(rule.id, ignore)
    ]
    selected = [(rule, rule.check, _needed_members(rule, operation)) for rule in applicable]
    return (
        tuple(entry for entry in selected if entry[0].from_schema),
        tuple(entry for entry in selected if not entry[0].from_schema),
    )


def _meets_the_model(ctx: LintContext) -> bool:
    """True when phase 1 finds nothing, so its rules have nothing to pass on. False when
    phase 1 itself fails: its rules then run, and each reports the crash."""
    try:
        return not ctx.schema_findings
    except Exception:
        return False


def _needed_members(rule: Rule, operation: str) -> frozenset[str] | None:
    """Where a request of ``operation`` keeps the members of :attr:`Rule.needs`."""
    if not rule.needs:
        return None
    if operation == V2:
        return frozenset(rule.needs)
    return frozenset().union(*(v1_members_of(member) for member in rule.needs))


def _crashed(rule: Rule, exc: Exception) -> Finding:
    """The ``E0002`` finding that stands for a rule that raised instead of reporting: an error
    under the engine's id, so that neither the rule's own severity nor ``ignore`` of its group
    hides that its checks did not run."""
    try:
        reason = str(exc)
    except Exception:  # an exception whose __str__ fails too
        reason = "(no message)"
    message = f"internal error in rule {rule.id}: {type(exc).__name__}: {reason}; please report it"
    return Finding(RULE_CRASHED, "error", "", message)


#: Request shape class name -> the operation it is the input of.
REQUEST_SHAPES = {"CreateAutoMLJobRequest": V1, "CreateAutoMLJobV2Request": V2}


def _to_dict(request: Any) -> tuple[Any, str | None, Finding | None]:
    """``(wire value, operation of the shape or None, problem)``; a request shape becomes a dict."""
    if request is None or isinstance(request, dict | list | str | int | float | bool):
        return request, None, None
    name = type(request).__name__
    operation = REQUEST_SHAPES.get(name)
    if operation is None or not hasattr(type(request), "__attrs_attrs__"):
        message = (
            f"request is not a JSON object or a request shape (got {name}; expected a dict of "
            "boto3 keyword arguments, CreateAutoMLJobRequest or CreateAutoMLJobV2Request)"
        )
        return None, None, Finding(INPUT_RULE, "error", "", message)
    try:
        from automl_sdk._serde._converter import shape_to_raw_wire

        return shape_to_raw_wire(request), operation, None
    except Exception as exc:
        message = f"cannot convert {name} to its wire form ({type(exc).__name__}: {exc})"
        return None, None, Finding(INPUT_RULE, "error", "", message)
