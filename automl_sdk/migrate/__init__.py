"""V1 -> V2 migration: pure functions, no I/O.

- :func:`migrate_request` turns a CreateAutoMLJob (V1) request into the CreateAutoMLJobV2
  request AWS's migration guide describes, with a :class:`MigrationReport` of what moved where.
- :func:`migrate_describe_response` turns a DescribeAutoMLJobV2 response of a tabular job into
  the DescribeAutoMLJob (V1) response, so code reading V1 responses keeps working.

Both raise :class:`~automl_sdk.errors.MigrationError` for what has no faithful translation.
"""

from __future__ import annotations

from automl_sdk.migrate._report import MigrationReport
from automl_sdk.migrate._request import migrate_request
from automl_sdk.migrate._response import migrate_describe_response

__all__ = ["MigrationReport", "migrate_describe_response", "migrate_request"]
