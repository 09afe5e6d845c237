"""Helpers for the documented-rule tables: build a request from a valid example plus changes.

``make("v2_tabular", {"AutoMLJobInputDataConfig[1].ChannelType": "training"})`` loads
``tests/data/requests/v2_tabular.json`` and applies each change at its wire path (``DELETE``
removes the member). ``found("E2001", request)`` lints with only that rule selected and returns
``[(rule, path), ...]``.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any

from automl_sdk.lint import Finding, lint_request

REQUESTS = Path(__file__).resolve().parents[3] / "data" / "requests"
DELETE = object()
_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


@functools.cache
def _load(name: str) -> str:
    return (REQUESTS / f"{name}.json").read_text()


def example(name: str) -> dict[str, Any]:
    """A fresh copy of the valid example request ``name``."""
    request: dict[str, Any] = json.loads(_load(name))
    return request


def _steps(path: str) -> list[str | int]:
    return [int(index) if index else key for index, key in _STEP.findall(path)]


def make(name: str, changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The example ``name`` with each ``path: value`` change applied.

    ``DELETE`` removes the member; the index just past the end of a list appends to it.
    """
    request = example(name)
    for path, value in (changes or {}).items():
        *parents, last = _steps(path)
        node: Any = request
        for step in parents:
            if isinstance(step, str) and isinstance(node, dict) and step not in node:
                node[step] = {}
            node = node[step]
        if value is DELETE:
            del node[last]
        elif isinstance(node, list) and last == len(node):
            node.append(copy.deepcopy(value))
        else:
            node[last] = copy.deepcopy(value)
    return request


def run(rule: str, request: Any, operation: str | None = None) -> list[Finding]:
    """The findings of ``rule`` alone."""
    return lint_request(request, operation=operation, select=[rule])


def found(rule: str, request: Any, operation: str | None = None) -> list[tuple[str, str]]:
    """``[(rule, path), ...]`` of ``rule``'s findings, after checking no schema finding stands
    beside them.

    One mistake is reported once: a documented rule either leaves a value phase 1 reports alone,
    or supersedes phase 1's finding there (``Rule.supersedes``).
    """
    findings = run(rule, request, operation)
    schema_paths = {
        f.path for f in lint_request(request, operation=operation) if f.rule.startswith("E1")
    }
    repeated = [f for f in findings if f.path in schema_paths]
    assert not repeated, f"{rule} repeats a schema finding: {repeated}"
    return [(f.rule, f.path) for f in findings]
