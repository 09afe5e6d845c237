"""automl-sdk: a typed client, pre-flight linter and V1 -> V2 migration for SageMaker Autopilot.

The public API is listed in ``__all__``. Names load lazily, so ``import automl_sdk`` stays cheap
and never imports boto3: boto3 loads only when a client is made.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from automl_sdk import errors
from automl_sdk._version import __version__
from automl_sdk.errors import *  # noqa: F403 -- every error class is public here too

if TYPE_CHECKING:
    from automl_sdk._serde import from_wire, to_wire
    from automl_sdk.check import check_request
    from automl_sdk.client import AutoMLClient, Job, Leaderboard
    from automl_sdk.deploy import Endpoint, TransformJob
    from automl_sdk.lint import Finding, detect_operation, lint_request
    from automl_sdk.lint._finding import Findings
    from automl_sdk.migrate import MigrationReport, migrate_describe_response, migrate_request
    from automl_sdk.waiters import WaitUpdate

# public name -> module that defines it; imported on first access (PEP 562).
_LAZY = {
    "AutoMLClient": "automl_sdk.client",
    "Endpoint": "automl_sdk.deploy",
    "Finding": "automl_sdk.lint",
    "Findings": "automl_sdk.lint._finding",
    "Job": "automl_sdk.client",
    "Leaderboard": "automl_sdk.client",
    "MigrationReport": "automl_sdk.migrate",
    "check_request": "automl_sdk.check",
    "detect_operation": "automl_sdk.lint",
    "from_wire": "automl_sdk._serde",
    "lint_request": "automl_sdk.lint",
    "migrate_describe_response": "automl_sdk.migrate",
    "migrate_request": "automl_sdk.migrate",
    "to_wire": "automl_sdk._serde",
    "TransformJob": "automl_sdk.deploy",
    "WaitUpdate": "automl_sdk.waiters",
}

__all__ = [
    "AutoMLClient",
    "Endpoint",
    "Finding",
    "Findings",
    "Job",
    "Leaderboard",
    "MigrationReport",
    "TransformJob",
    "WaitUpdate",
    "__version__",
    "check_request",
    "detect_operation",
    "from_wire",
    "lint_request",
    "migrate_describe_response",
    "migrate_request",
    "to_wire",
]
__all__ += errors.__all__


#: Subpackages reachable as attributes before their first import (``automl_sdk.lint`` is the
#: package, never a function; calling it is deprecated, see ``automl_sdk.lint``).
_SUBPACKAGES = frozenset({"lint"})


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"automl_sdk.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'automl_sdk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
