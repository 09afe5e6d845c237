"""SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, IDE viewers).

Modelled on cfn-lint's SARIF formatter: ``tool.driver.rules`` lists each rule that produced a
finding (id, name, short and full description, help, default level, tags); each result has ``ruleId``,
``ruleIndex``, ``level``, ``message`` and a location whose ``artifactLocation.uri`` is the file
and whose ``logicalLocations[0].fullyQualifiedName`` is the wire path. A ``region`` with the
line and column of the member is added when the file's text could be located.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from automl_sdk._version import __version__
from automl_sdk.lint._locate import position
from automl_sdk.lint._registry import find_rule
from automl_sdk.lint.formatters._report import FileReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(reports: Sequence[FileReport]) -> str:
    """One SARIF log with a single run holding every file's findings."""
    rule_ids = sorted({finding.rule for report in reports for finding in report.findings})
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = [
        _result(report, finding, index[finding.rule])
        for report in reports
        for finding in report.findings
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "automl-sdk",
                        "version": __version__,
                        "rules": [_rule(rule_id) for rule_id in rule_ids],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule_id: str) -> dict[str, Any]:
    rule = find_rule(rule_id)
    level = LEVELS.get(
        {"E": "error", "W": "warning", "I": "info"}.get(rule_id[:1], "error"), "error"
    )
    if rule is None:  # an internal-error id with no rule module behind it
        return {
            "id": rule_id,
            "shortDescription": {"text": "automl-sdk internal error"},
            "defaultConfiguration": {"level": level},
        }
    return {
        "id": rule.id,
        "name": type(rule).__name__,
        "shortDescription": {"text": rule.short_description},
        "fullDescription": {"text": f"{rule.description} Source: {rule.source}"},
        "help": {"text": f"See the automl-sdk rules reference (docs/rules.md), rule {rule.id}."},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": list(rule.tags)},
    }


def _result(report: FileReport, finding: Any, rule_index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(report.file)}}
    located = position(report.locations, finding.path)
    if located is not None:
        physical["region"] = {"startLine": located[0], "startColumn": located[1]}
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
    }


def _uri(file: str) -> str:
    """A relative URI reference for the file (``-`` becomes ``stdin``)."""
    if file == "-":
        return "stdin"
    return urllib.parse.quote(PurePath(file).as_posix())
