"""The rule base class and the registry that discovers rules.

Each module of the package :mod:`automl_sdk.lint.rules` defines exactly one :class:`Rule`
subclass; its file name starts with the rule id (``E2001_job_name.py``). Adding a rule is adding a
file: there is no shared list to edit. Ids are a letter (``E`` error, ``W`` warning, ``I`` info)
and four digits whose first digit is the group:

====  ===========================================================================
0     the engine's own findings (``E0002``: a rule crashed or its module did not load)
1     schema checks from the service model (phase 1)
2     request-wide rules: names, channels, S3, role, output, deploy, tags, VPC, data split
3     tabular
4     time-series forecasting
5     image and text classification
6     text generation
7     data the request points at: S3 objects, formats, columns, rows (``automl-sdk check``)
8     security and cost (warnings and info)
9     resources the request names: IAM, KMS, EC2, buckets, endpoints (``automl-sdk check``)
====  ===========================================================================

Groups 7 and 9 are the rules of :mod:`automl_sdk.check`, in :mod:`automl_sdk.check.rules`:
lint never runs them (they read AWS), but they are found, documented, selected and ignored
here like every other rule (:func:`check_rules`, :func:`find_rule`).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from automl_sdk._mapping import V2_REQUEST_MEMBERS
from automl_sdk.lint._common import OPERATIONS
from automl_sdk.lint._finding import SEVERITY_BY_LETTER, Severity

if TYPE_CHECKING:
    from automl_sdk.lint._context import LintContext

RULE_ID = re.compile(r"[EWI][0-9]{4}")
RULES_PACKAGE = "automl_sdk.lint.rules"
#: The rules of ``automl-sdk check`` (groups 7 and 9); loaded only when asked for.
CHECK_RULES_PACKAGE = "automl_sdk.check.rules"
#: Stands for the rule id of a rule module that fails to load and whose file name gives none.
INTERNAL_RULE = "E1000"


class Rule:
    """Base class of every lint rule.

    Subclasses set the class attributes and implement :meth:`check`.

    Attributes:
        id: ``"E2001"``: severity letter plus four digits (see the module docstring for groups).
        short_description: one line, e.g. ``"AutoML job name is not valid"``.
        description: what the rule checks and why; where the docs contradict each other, the choice.
        source: the exact documentation sentence(s) enforced, quoted, followed by the public AWS page it is from,
            e.g. ``'"The maximum value is 750." (' + SPEC_V2_API + ')'`` with ``SPEC_V2_API``
            from ``automl_sdk.lint._docs_tables`` (the CreateAutoMLJobV2 API reference page).
        tags: free-form keywords, e.g. ``("tabular", "completion-criteria")``.
        operations: the operations the rule applies to (default: both V1 and V2).
        problem_types: the problem types the rule applies to, as
            :attr:`~automl_sdk.lint.LintContext.problem_type` names them (a V1 request is
            ``"TabularJobConfig"``); ``None`` (the default) runs the rule on every request, also
            one whose problem type is unknown. The engine skips the rule on other requests, so
            its :meth:`check` need not test the problem type again.
        supersedes: phase-1 rule ids whose finding at the same path this rule's finding
            replaces, because it says the same thing in the documentation's terms (E4012's
            "use 1H" instead of E1007's regex). Without this rule selected, they stand.
        needs: the top-level CreateAutoMLJobV2 members the rule reads, when it can report
            nothing without at least one of them (``("DataSplitConfig",)``). The engine then
            skips it on a request that has none of them (in a V1 request: none of the V1
            members that hold them, ``AutoMLJobConfig`` for ``DataSplitConfig``). ``()`` (the
            default) runs the rule on every request.
        from_schema: True for a rule that only passes on phase 1's findings
            (:attr:`~automl_sdk.lint.LintContext.schema_findings`): the engine skips it on a
            request that meets every constraint of the model, the common case.
    """

    id: ClassVar[str]
    short_description: ClassVar[str]
    description: ClassVar[str]
    source: ClassVar[str]
    tags: ClassVar[tuple[str, ...]] = ()
    operations: ClassVar[frozenset[str]] = frozenset(OPERATIONS)
    problem_types: ClassVar[frozenset[str] | None] = None
    supersedes: ClassVar[tuple[str, ...]] = ()
    needs: ClassVar[tuple[str, ...]] = ()
    from_schema: ClassVar[bool] = False

    @property
    def severity(self) -> Severity:
        """``"error"``, ``"warning"`` or ``"info"``, from the first letter of :attr:`id`."""
        return SEVERITY_BY_LETTER[self.id[0]]

    def check(self, ctx: LintContext) -> Iterable[tuple[str, str]]:
        """Yield ``(wire_path, message)`` for each problem in ``ctx.request``.

        Must tolerate any JSON value anywhere (use the typed getters of
        :mod:`automl_sdk.lint._context`) and skip values of the wrong type: phase 1 reports those.
        """
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<Rule {self.id}: {self.short_description}>"


class Registry:
    """The rules a lint run uses, in id order, plus the problems met while loading them.

    Build one from rule instances (``Registry([MyRule()])``) or from a package of rule modules
    (:func:`load_registry`), and pass it to ``lint_request(..., registry=...)``.

    Attributes:
        rules: one instance of each rule, sorted by id.
        load_errors: ``(rule_id, message)`` for each rule module that failed to import or is
            malformed; the engine reports each as an ``E0002`` error finding instead of raising.
        by_id: the rules by id.
    """

    def __init__(self, rules: Iterable[Rule], load_errors: Iterable[tuple[str, str]] = ()) -> None:
        self.rules = tuple(sorted(rules, key=lambda rule: rule.id))
        self.load_errors = tuple(load_errors)
        self.by_id = {rule.id: rule for rule in self.rules}

    def __repr__(self) -> str:
        return f"<Registry of {len(self.rules)} rules, {len(self.load_errors)} load errors>"


@functools.cache
def default_registry() -> Registry:
    """The rules of :mod:`automl_sdk.lint.rules`, loaded once."""
    return load_registry(RULES_PACKAGE)


@functools.cache
def check_registry() -> Registry:
    """The rules of :mod:`automl_sdk.check.rules`, loaded once."""
    return load_registry(CHECK_RULES_PACKAGE)


def load_registry(package_name: str) -> Registry:
    """Import every public module of the package ``package_name`` and collect its one rule.

    A module that fails to import, or is malformed (no rule, two rules, an id that does not
    match its file name), becomes a load error rather than an exception.
    """
    package = importlib.import_module(package_name)
    rules: list[Rule] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module_id = info.name[:5] if RULE_ID.fullmatch(info.name[:5]) else INTERNAL_RULE
        try:
            rule = _load(f"{package_name}.{info.name}")
        except Exception as exc:
            errors.append((module_id, f"internal error loading rule module {info.name}: {exc}"))
            continue
        if rule.id in seen:
            errors.append((rule.id, f"internal error: rule id {rule.id} is defined twice"))
            continue
        seen.add(rule.id)
        rules.append(rule)
    return Registry(rules, errors)


def _load(module_name: str) -> Rule:
    module = importlib.import_module(module_name)
    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value is not Rule
        and value.__module__ == module_name
    ]
    if len(classes) != 1:
        raise TypeError(f"expected exactly one Rule subclass, found {len(classes)}")
    cls = classes[0]
    for attribute in ("id", "short_description", "description", "source"):
        if not isinstance(getattr(cls, attribute, None), str):
            raise TypeError(f"{cls.__name__}.{attribute} must be a str")
    if not RULE_ID.fullmatch(cls.id):
        raise TypeError(f"{cls.__name__}.id {cls.id!r} is not a letter E/W/I and four digits")
    unknown = sorted(set(cls.needs) - V2_REQUEST_MEMBERS)
    if unknown:
        raise TypeError(f"{cls.__name__}.needs names no CreateAutoMLJobV2 member: {unknown}")
    short_name = module_name.rsplit(".", 1)[1]
    if not short_name.startswith(cls.id):
        raise TypeError(f"module name {short_name!r} must start with the rule id {cls.id}")
    return cls()


def all_rules() -> tuple[Rule, ...]:
    """Every rule of :mod:`automl_sdk.lint.rules`, sorted by id."""
    return default_registry().rules


def check_rules() -> tuple[Rule, ...]:
    """Every rule of ``automl-sdk check`` (groups 7 and 9), sorted by id."""
    return check_registry().rules


def documented_rules() -> tuple[Rule, ...]:
    """Every rule of lint and check, sorted by id: the rules reference lists these."""
    return tuple(sorted(all_rules() + check_rules(), key=lambda rule: rule.id))


def find_rule(rule_id: str) -> Rule | None:
    """The lint or check rule with this id (check rules load only when lint has no such id)."""
    rule = default_registry().by_id.get(rule_id)
    if rule is None and rule_id[1:2] in CHECK_GROUPS:
        rule = check_registry().by_id.get(rule_id)
    return rule


#: The id groups (second character of an id) that belong to ``automl-sdk check``.
CHECK_GROUPS = frozenset({"7", "9"})


def rule_prefixes(parameter: str, prefixes: Iterable[str]) -> tuple[str, ...]:
    """``prefixes`` as a tuple, refused with a ``TypeError`` naming ``parameter`` unless it is an
    iterable of strings (a string alone is refused: it would select by each of its letters)."""
    if isinstance(prefixes, str) or not isinstance(prefixes, Iterable):
        raise TypeError(
            f"{parameter} must be an iterable of rule id prefixes (got {type(prefixes).__name__})"
        )
    found = tuple(prefixes)
    for prefix in found:
        if not isinstance(prefix, str):
            raise TypeError(
                f"{parameter} must hold rule id prefixes, strings (got {type(prefix).__name__})"
            )
    return found


def matches(rule_id: str, prefixes: Iterable[str]) -> bool:
    """True when ``rule_id`` starts with one of ``prefixes`` (``"E3"`` matches ``"E3002"``)."""
    return rule_id.startswith(tuple(prefixes))
