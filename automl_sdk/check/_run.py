"""``check_request``: lint, then read what the request points at, then run the check rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from automl_sdk.check._aws import Clients
from automl_sdk.check._context import CheckContext
from automl_sdk.check._gather import EVERYTHING, Progress, gather
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._engine import OPERATION_ALIASES, detect_operation, lint_request
from automl_sdk.lint._finding import Finding, Findings
from automl_sdk.lint._registry import Rule, check_registry, matches, rule_prefixes


def check_request(
    request: Any,
    *,
    session: Any = None,
    region_name: str | None = None,
    endpoint_url: str | None = None,
    scan: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    operation: str | None = None,
    profile_name: str | None = None,
    clients: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> Findings:
    """Lint a request, then check the data and resources it names; return every finding.

    With any lint error, the lint findings are returned and nothing is read. Otherwise the
    lint findings come back with those of the data rules (group 7: S3 objects, formats,
    columns, rows) and resource rules (group 9: role, KMS keys, subnets, security groups,
    buckets, endpoint), in the same :class:`~automl_sdk.lint.Finding` form. The check only
    reads (``Get``/``List``/``Head``/``Describe`` calls) and reads little: see
    :mod:`automl_sdk.check._gather` for the bounds. A check that cannot be made (AccessDenied,
    a service error, an unreadable object) is a warning naming the call and the error.

    Args:
        request: a CreateAutoMLJob (V1) or CreateAutoMLJobV2 request, as a dict or a shape.
        session: the ``boto3.Session`` every client is made from (default: a new one).
        region_name: the job's region (default: the session's).
        endpoint_url: one endpoint URL for every service (S3, IAM, KMS, EC2, STS, SageMaker),
            e.g. a local moto server. Without it boto3 honours ``AWS_ENDPOINT_URL`` and
            ``AWS_ENDPOINT_URL_<SERVICE>``.
        scan: list every page and read every object in full, to count rows and time steps.
        select: rule id prefixes to run (``["E7", "E9"]``); all rules when ``None``.
        ignore: rule id prefixes to skip; applied after ``select``.
        operation: ``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"``; detected when ``None``.
        profile_name: named profile for the session made here (not with ``session``).
        clients: ready-made boto3 clients by service name, used as they are.
        progress: called with a short line as a scan reads each object.

    Returns:
        The findings sorted by path, then rule id, as :class:`~automl_sdk.Findings` (a list
        that a notebook shows as a table).

    Raises:
        TypeError: ``select`` or ``ignore`` is a string or not an iterable of strings.
    """
    aws = Clients(
        session=session,
        region_name=region_name,
        endpoint_url=endpoint_url,
        profile_name=profile_name,
        clients=clients,
    )
    return check_with(
        request,
        aws,
        operation=operation,
        scan=scan,
        select=select,
        ignore=ignore,
        progress=progress,
    )


def check_with(
    request: Any,
    aws: Clients,
    *,
    operation: str | None,
    scan: bool,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    progress: Progress | None = None,
) -> Findings:
    """:func:`check_request` with the clients given: ``AutoMLClient.check`` passes clients that
    its ``client_for`` makes. Nothing is called before lint passes."""
    select = None if select is None else rule_prefixes("select", select)
    ignore = () if ignore is None else rule_prefixes("ignore", ignore)
    findings = lint_request(request, operation=operation, select=select, ignore=ignore)
    if any(finding.severity == "error" for finding in findings):
        return findings
    wire, resolved = _wire(request, operation)
    if wire is None:
        return findings
    rules = _selected(check_registry().rules, resolved, select, ignore)
    if not rules:
        load_errors = check_registry().load_errors
        return Findings(findings + [Finding(r, "error", "", t) for r, t in load_errors])
    plain = LintContext(wire, resolved)
    rules = [rule for rule in rules if _applies(rule, plain)]
    reads = frozenset().union(*(getattr(rule, "reads", EVERYTHING) for rule in rules))
    data, resources = gather(plain, aws, scan=scan, progress=progress, reads=reads)
    ctx = CheckContext(wire, resolved, data=data, resources=resources, scan=scan)
    findings += _run(rules, ctx)
    findings += [Finding(rule_id, "error", "", text) for rule_id, text in _load_errors()]
    return Findings(sorted(set(findings)))


def _wire(request: Any, operation: str | None) -> tuple[dict[str, Any] | None, str]:
    """The request as a wire dict and its operation; ``None`` when it is neither."""
    if not isinstance(request, dict):
        if not hasattr(type(request), "__attrs_attrs__"):
            return None, ""
        from automl_sdk._serde import to_wire

        shape_operation = type(request).__name__.removesuffix("Request")
        request, operation = to_wire(request), operation or shape_operation
    resolved = OPERATION_ALIASES.get(operation or detect_operation(request), "")
    return request, resolved


def _selected(
    rules: Iterable[Rule], operation: str, select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> list[Rule]:
    return [
        rule
        for rule in rules
        if operation in rule.operations
        and (select is None or matches(rule.id, select))
        and not matches(rule.id, ignore)
    ]


def _applies(rule: Rule, ctx: LintContext) -> bool:
    return rule.problem_types is None or ctx.problem_type in rule.problem_types


def _run(rules: Iterable[Rule], ctx: CheckContext) -> list[Finding]:
    findings = []
    for rule in rules:
        try:
            for path, message in rule.check(ctx):
                findings.append(Finding(rule.id, rule.severity, path, message))
        except Exception as exc:  # one broken rule must not hide the others
            message = (
                f"internal error in rule {rule.id}: {type(exc).__name__}: {exc}; please report it"
            )
            findings.append(Finding(rule.id, "error", "", message))
    return findings


def _load_errors() -> tuple[tuple[str, str], ...]:
    return check_registry().load_errors
