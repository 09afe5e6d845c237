"""The one policy of every create path: lint the request, refuse it on errors, then translate.

``AutoMLClient.create_job``, ``automl-sdk create``, ``automl-sdk migrate`` and
:func:`~automl_sdk.migrate.migrate_request` all go through :func:`lint_then_translate`, so a
request is linted exactly once, as the API it is written for, before anything is translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from automl_sdk._mapping import V2_REQUEST
from automl_sdk.errors import MigrationError, RequestLintError
from automl_sdk.migrate._common import as_wire_dict
from automl_sdk.migrate._report import MigrationReport
from automl_sdk.migrate._request import translate_request, v1_wire

V1 = "CreateAutoMLJob"
V2 = "CreateAutoMLJobV2"


def lint_then_translate(
    request: object, *, operation: str | None = None, force: bool = False
) -> tuple[dict[str, Any], MigrationReport]:
    """Lint a CreateAutoMLJob (V1) or CreateAutoMLJobV2 request, then give its V2 wire form.

    Args:
        request: the request as boto3 keyword arguments (a dict with wire names) or a request
            shape (``CreateAutoMLJobRequest`` / ``CreateAutoMLJobV2Request``).
        operation: the API the request is written for, ``"CreateAutoMLJob"`` or
            ``"CreateAutoMLJobV2"`` (or the AWS CLI spelling); taken from the shape's class or
            detected from the keys as :func:`automl_sdk.lint.detect_operation` does when ``None``.
        force: go on despite lint errors (they are still in the report). Values with no V2 form
            are refused all the same.

    Returns:
        The CreateAutoMLJobV2 request (a new dict sharing nothing with ``request``) and a
        :class:`MigrationReport` whose ``findings`` are every lint finding; for a V1 request it
        also says what moved where (``moves``, ``notes``), for a V2 request those are empty.

    Raises:
        RequestLintError: an error finding and ``force`` is false; nothing is translated.
        MigrationError: a V1 request is already V2, or a value has no faithful V2 form (its
            ``findings`` are the lint findings); a member name that is not a string or a value
            that cannot be copied (``path`` names it); ``request`` is neither a dict nor a
            request shape.
        ValueError: ``operation`` names neither API.
    """
    from automl_sdk.lint import lint_request

    operation = _operation(request, operation)
    if operation == V1:
        wire = v1_wire(request)
    else:
        wire = as_wire_dict(request, shape=V2_REQUEST, what="a CreateAutoMLJobV2 request")
    findings = lint_request(wire, operation=operation)
    errors = sum(finding.severity == "error" for finding in findings)
    if errors and not force:
        raise RequestLintError(findings=findings, operation=operation)
    if operation == V2:
        return wire, MigrationReport(findings=findings)
    try:
        v2, report = translate_request(wire)
    except MigrationError as exc:
        # A forced translation can still meet a value with no V2 form; keep the lint findings.
        raise MigrationError(path=exc.path, reason=exc.reason, findings=findings) from None
    notes = list(report.notes)
    if errors:
        notes.insert(
            0,
            f"translated despite {errors} lint error(s) of the V1 request (forced); "
            "the V2 request is likely to be rejected too",
        )
    return v2, MigrationReport(moves=report.moves, notes=notes, findings=findings)


def _operation(request: object, operation: str | None) -> str:
    """``"CreateAutoMLJob"`` or ``"CreateAutoMLJobV2"``: the one named, else the shape's, else
    the one the keys say (lint's own detection, so both always agree)."""
    from automl_sdk.lint._engine import OPERATION_ALIASES, REQUEST_SHAPES, detect_operation

    if operation is not None:
        if operation not in OPERATION_ALIASES:
            raise ValueError(f"operation must be {V1!r} or {V2!r} (got {operation!r})")
        return OPERATION_ALIASES[operation]
    shape_operation = REQUEST_SHAPES.get(type(request).__name__)
    if shape_operation is not None:
        return shape_operation
    return detect_operation(dict(request)) if isinstance(request, Mapping) else V2


def migrate_request(
    request: object, *, force: bool = False
) -> tuple[dict[str, Any], MigrationReport]:
    """Translate a CreateAutoMLJob (V1) request into the equivalent CreateAutoMLJobV2 request.

    The request is linted first by :func:`lint_then_translate`, the policy of every create;
    this function words its refusal for lint errors as a MigrationError.

    Args:
        request: the V1 request, as the keyword arguments of boto3's ``create_auto_ml_job``
            (a dict with wire names) or an ``automl_sdk.shapes.CreateAutoMLJobRequest``.
        force: translate even when linting the V1 request finds errors. Values with no V2 form
            are refused all the same.

    Returns:
        The V2 request (a new dict sharing nothing with ``request``, ready for
        ``create_auto_ml_job_v2(**v2)``) and a :class:`MigrationReport` of what moved where.

    Raises:
        MigrationError: the request has lint errors (``findings`` holds them all, ``path`` is
            ``""``) and ``force`` is false; or a value has no faithful V2 form (``path`` is its
            V1 wire path, ``findings`` the lint findings): channels with different target or
            sample-weight columns, a member CreateAutoMLJob does not define, a request that is
            already V2, a member name that is not a string, a value that cannot be copied.
    """
    try:
        return lint_then_translate(request, operation=V1, force=force)
    except RequestLintError as exc:
        errors = [f for f in exc.findings if f.severity == "error"]
        raise MigrationError(
            path="",
            reason=(
                f"the CreateAutoMLJob request has {len(errors)} lint error(s); fix them, "
                "or translate anyway with force=True (--force)"
            ),
            findings=exc.findings,
        ) from None
