"""Pre-flight linting of CreateAutoMLJob (V1) and CreateAutoMLJobV2 requests.

>>> from automl_sdk.lint import lint
>>> for finding in lint(request):
...     print(finding.path, finding.rule, finding.message)

``lint`` reports every problem at once and never raises on a JSON value. Rules live one per
module in :mod:`automl_sdk.lint.rules`; write new ones against :class:`Rule` and
:class:`LintContext`.
"""

from __future__ import annotations

from automl_sdk.lint._context import LintContext
from automl_sdk.lint._engine import detect_operation, lint
from automl_sdk.lint._finding import Finding, Severity
from automl_sdk.lint._registry import Rule, all_rules

__all__ = ["Finding", "LintContext", "Rule", "Severity", "all_rules", "detect_operation", "lint"]
