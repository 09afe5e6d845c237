"""V1 -> V2 migration: pure functions, no I/O, driven by the one table in ``automl_sdk._mapping``.

- :func:`migrate_request` turns a CreateAutoMLJob (V1) request into the CreateAutoMLJobV2
  request AWS's migration guide describes, with a :class:`MigrationReport` of what moved where.
- :func:`migrate_describe_response` turns a DescribeAutoMLJobV2 response of a tabular job into
  the DescribeAutoMLJob (V1) response, so code reading V1 responses keeps working.
- :func:`lint_then_translate` is the policy every create path follows: lint the request (V1 or
  V2), refuse it with :class:`~automl_sdk.errors.RequestLintError` on an error finding, then
  give its CreateAutoMLJobV2 form.

They raise :class:`~automl_sdk.errors.MigrationError` for what has no faithful translation.
"""

from __future__ import annotations

from automl_sdk.migrate._policy import lint_then_translate, migrate_request
from automl_sdk.migrate._report import MigrationReport
from automl_sdk.migrate._response import migrate_describe_response

__all__ = ["MigrationReport", "lint_then_translate", "migrate_describe_response", "migrate_request"]
