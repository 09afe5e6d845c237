"""Lint a large mutation corpus and write every finding, to show a lint change alters none.

Dev-only. Before and after a change to the engine or a rule that should not change what lint
reports (a speed-up, a refactor)::

    python tools/lint_corpus.py before.json
    # ...change...
    python tools/lint_corpus.py after.json && cmp before.json after.json

The corpus is deterministic: each example request of ``tests/data/requests`` and
``tests/data/v1``, and for each of them every member replaced in turn by each value of
:data:`VALUES`, every member deleted, every string copied onto every other string member (to
make columns, keys and names collide), and each member of :data:`EXTRA` added. Each request is
linted as its inferred operation and as ``CreateAutoMLJob``.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from automl_sdk.lint import lint_request as lint

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*ROOT.glob("tests/data/requests/*.json"), *ROOT.glob("tests/data/v1/*.json")])
#: Values that touch the documented rules' edges: channel and data types, modes, metrics,
#: algorithms, frequencies, quantiles, filling values, column names, bounds.
VALUES: tuple[Any, ...] = (
    *(None, "", "x", "value", "zero", "frontfill", 0, 1, -1, 0.5, 0.7, 1.0, 2, 100, 751, 10**7),
    *(True, False, [], {}, ["x"], {"x": 1}, "s3:/bad", "https://b/k", "s3://b/k/"),
    *("S3Prefix", "ManifestFile", "AugmentedManifestFile", "Gzip", "None"),
    *("text/csv;header=present", "x-application/vnd.amazon+parquet", "image/png"),
    *("training", "validation", "AUTO", "ENSEMBLING", "HYPERPARAMETER_TUNING"),
    *("F1", "Accuracy", "MSE", "RMSE", "BinaryClassification", "Regression"),
    *("MulticlassClassification", "xgboost", "mlp", "deepar", "60min", "1H", "H", "24H"),
    *("p50", "p100", "UK", "US", "sg-1", "grp", "churned", "weight", "epochCount", "10", "0.5"),
    "s3://b/" + "k" * 1100,
)
#: Members added whole, each to every example.
EXTRA: dict[str, Any] = {
    "DataSplitConfig": {"ValidationFraction": 0.3},
    "AutoMLJobObjective": {"MetricName": "Accuracy"},
    "Tags": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
    "ModelDeployConfig": {"AutoGenerateEndpointName": True, "EndpointName": "e"},
    "SecurityConfig": {"VpcConfig": {"SecurityGroupIds": ["grp"], "Subnets": ["s"]}},
}

MemberPath = tuple[str | int, ...]


def member_paths(value: Any, prefix: MemberPath = ()) -> Iterator[MemberPath]:
    """The path of every member and list item below ``value``."""
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        yield (*prefix, key)
        yield from member_paths(item, (*prefix, key))


def at(request: Any, path: MemberPath) -> Any:
    for key in path:
        request = request[key]
    return request


def changed(
    request: dict[str, Any], path: MemberPath, value: Any = None, *, delete: bool = False
) -> dict[str, Any]:
    """A deep copy of ``request`` with the member at ``path`` replaced by ``value`` or deleted."""
    result = copy.deepcopy(request)
    parent = at(result, path[:-1])
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(value)
    return result


def corpus() -> Iterator[tuple[str, dict[str, Any]]]:
    """``(name, request)`` for every request of the corpus, in a fixed order."""
    for example in EXAMPLES:
        base = json.loads(example.read_text(encoding="utf-8"))
        yield example.name, base
        paths = list(member_paths(base))
        for path in paths:
            for index, value in enumerate(VALUES):
                yield f"{example.name}:{path}:{index}", changed(base, path, value)
            if isinstance(path[-1], str):
                yield f"{example.name}:{path}:deleted", changed(base, path, delete=True)
        strings = [path for path in paths if isinstance(at(base, path), str)]
        for target in strings:
            for source in strings:
                if source != target:
                    copied = changed(base, target, at(base, source))
                    yield f"{example.name}:{target}={source}", copied
        for key, value in EXTRA.items():
            yield f"{example.name}:+{key}", {**copy.deepcopy(base), key: copy.deepcopy(value)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the findings (JSON)")
    args = parser.parse_args(argv)
    findings = {
        name: [repr(f) for f in lint(request)]
        + [repr(f) for f in lint(request, operation="CreateAutoMLJob")]
        for name, request in corpus()
    }
    args.out.write_text(json.dumps(findings, sort_keys=True), encoding="utf-8")
    total = sum(len(found) for found in findings.values())
    print(f"{len(findings)} requests, {total} findings -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
