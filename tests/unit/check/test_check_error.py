"""RequestCheckError: a RequestLintError carrying every finding of the check; it pickles."""

from __future__ import annotations

import pickle

from automl_sdk import Finding, RequestCheckError, RequestLintError


def test_request_check_error_message_attributes_and_pickling() -> None:
    findings = [
        Finding("E7010", "error", "RoleArn", "role is wrong"),
        Finding("I7018", "info", "AutoMLJobInputDataConfig[0]", "rows not counted"),
    ]
    error = RequestCheckError(findings=findings, operation="CreateAutoMLJobV2")
    assert isinstance(error, RequestLintError)
    assert not isinstance(error, ValueError)
    assert error.findings == tuple(findings)
    assert str(error) == (
        "CreateAutoMLJobV2 request failed its check with 1 error(s); nothing was sent:\n"
        "  RoleArn: role is wrong [E7010]"
    )
    clone = pickle.loads(pickle.dumps(error))
    assert (type(clone), str(clone), clone.findings) == (
        RequestCheckError,
        str(error),
        error.findings,
    )
