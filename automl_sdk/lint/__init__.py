"""Pre-flight linting of CreateAutoMLJob (V1) and CreateAutoMLJobV2 requests.

>>> from automl_sdk.lint import lint_request
>>> for finding in lint_request(request):
...     print(finding.path, finding.rule, finding.message)

``lint_request`` (also ``automl_sdk.lint_request``) reports every problem at once and never
raises on a Python value. Rules live one per module in :mod:`automl_sdk.lint.rules`; write new
ones against the public :mod:`automl_sdk.lint.rules_api`, whose names (``Finding``, ``Rule``,
``LintContext``, the typed getters...) this package exports too.

``automl_sdk.lint`` is always this package. Calling it as a function, ``automl_sdk.lint(request)``
(the spelling of automl-sdk 0.x), still works for one release and warns with a
``DeprecationWarning``; ``lint`` inside the package is kept as an alias of ``lint_request``.
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Iterable

from automl_sdk.lint import rules_api
from automl_sdk.lint._engine import detect_operation, lint_request
from automl_sdk.lint.rules_api import *  # noqa: F403  (re-exported: its __all__ is the list)

#: The older name of :func:`lint_request` inside this package (``from automl_sdk.lint import lint``).
lint = lint_request

# The package's own functions, then every name of the rule-writing API (written once, there).
__all__ = ["detect_operation", "lint_request"]
__all__ += rules_api.__all__


class _DeprecatedCallableModule(types.ModuleType):
    """Keeps ``automl_sdk.lint(request)`` working, with a warning, for one release.

    The module stays a module (``import automl_sdk.lint as L; L.Finding`` works in every import
    order); only calling it is deprecated in favour of :func:`automl_sdk.lint_request`.
    """

    def __call__(
        self,
        request: object,
        *,
        operation: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
    ) -> list[rules_api.Finding]:
        warnings.warn(
            "calling the automl_sdk.lint module is deprecated and will stop working in the next "
            "release; call automl_sdk.lint_request(request, ...) instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return lint_request(request, operation=operation, select=select, ignore=ignore)


sys.modules[__name__].__class__ = _DeprecatedCallableModule
