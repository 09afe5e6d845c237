"""The rule-writing API: everything a lint rule (in this package or a plugin) may import.

A rule subclasses :class:`Rule`, reads the raw request through :class:`LintContext` and the
typed getters here, and yields ``(wire_path, message)``; see ``docs/linting.md`` ("Writing a
rule"). The names below are the stable surface; the private modules behind them
(``automl_sdk.lint._context``, ``._registry``) may change without notice. To run just your
own rules::

    from automl_sdk.lint import lint_request
    from automl_sdk.lint.rules_api import Registry

    findings = lint_request(request, registry=Registry([MyRule()]))

Names:
    Rule, LintContext, Finding, Severity: the rule base class, what ``check`` receives, what
        the engine makes of what it yields.
    Registry, load_registry, all_rules: a set of rules to run (built from instances or from a
        package of rule modules), and the rules shipped with automl-sdk.
    join, show, closest: build a wire path, show a value in a message, "did you mean" hints.
    get, get_str, get_int, get_number, get_bool, get_dict, get_list: typed reads of a raw
        JSON value that return ``None`` for a missing member or one of the wrong type.
    V1, V2, OPERATIONS: the operation names; TABULAR, TIME_SERIES, IMAGE_CLASSIFICATION,
        TEXT_CLASSIFICATION, TEXT_GENERATION, PROBLEM_TYPES: the problem types as
        :attr:`LintContext.problem_type` names them; TRAINING, VALIDATION: the channel types
        as :attr:`LintContext.channel_types` gives them.

``automl_sdk.lint`` exports every name here too, beside ``lint_request`` and
``detect_operation``: this list is the one place the shared names are written.
"""

from __future__ import annotations

from automl_sdk.lint._common import (
    IMAGE_CLASSIFICATION,
    OPERATIONS,
    PROBLEM_TYPES,
    TABULAR,
    TEXT_CLASSIFICATION,
    TEXT_GENERATION,
    TIME_SERIES,
    TRAINING,
    V1,
    V2,
    VALIDATION,
    closest,
    get,
    get_bool,
    get_dict,
    get_int,
    get_list,
    get_number,
    get_str,
    join,
    show,
)
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._finding import Finding, Severity
from automl_sdk.lint._registry import Registry, Rule, all_rules, load_registry

__all__ = [
    "IMAGE_CLASSIFICATION",
    "OPERATIONS",
    "PROBLEM_TYPES",
    "TABULAR",
    "TEXT_CLASSIFICATION",
    "TEXT_GENERATION",
    "TIME_SERIES",
    "TRAINING",
    "V1",
    "V2",
    "VALIDATION",
    "Finding",
    "LintContext",
    "Registry",
    "Rule",
    "Severity",
    "all_rules",
    "closest",
    "get",
    "get_bool",
    "get_dict",
    "get_int",
    "get_list",
    "get_number",
    "get_str",
    "join",
    "load_registry",
    "show",
]
