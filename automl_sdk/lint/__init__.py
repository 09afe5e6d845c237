"""Pre-flight linting of CreateAutoMLJob (V1) and CreateAutoMLJobV2 requests.

>>> from automl_sdk.lint import lint
>>> for finding in lint(request):
...     print(finding.path, finding.rule, finding.message)

``lint`` reports every problem at once and never raises on a JSON value. Rules live one per
module in :mod:`automl_sdk.lint.rules`; write new ones against :class:`Rule` and
:class:`LintContext`.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

from automl_sdk.lint._context import LintContext
from automl_sdk.lint._engine import detect_operation, lint
from automl_sdk.lint._finding import Finding, Severity
from automl_sdk.lint._registry import Rule, all_rules

__all__ = ["Finding", "LintContext", "Rule", "Severity", "all_rules", "detect_operation", "lint"]


class _CallableModule(types.ModuleType):
    """``automl_sdk.lint`` is this package and, as documented, the function of the same name.

    Importing the package binds ``automl_sdk.lint`` to it (Python sets a submodule as an
    attribute of its parent), so ``from automl_sdk import lint`` can give this module rather
    than the function. Making the module callable keeps ``automl_sdk.lint(request)`` and
    ``from automl_sdk import lint; lint(request)`` working in every import order.
    """

    def __call__(
        self,
        request: object,
        *,
        operation: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> list[Finding]:
        return lint(request, operation=operation, select=select, ignore=ignore)


sys.modules[__name__].__class__ = _CallableModule
