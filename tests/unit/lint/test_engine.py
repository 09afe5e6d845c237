"""The lint engine: operation detection, selection, robustness, registry, context helpers."""

from __future__ import annotations

import copy
import decimal
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from automl_sdk import from_wire, shapes
from automl_sdk.lint import (
    Finding,
    LintContext,
    Registry,
    Rule,
    all_rules,
    detect_operation,
    load_registry,
)
from automl_sdk.lint import lint_request as lint
from automl_sdk.lint._common import (
    get,
    get_bool,
    get_dict,
    get_int,
    get_list,
    get_number,
    get_str,
    join,
    show,
)
from automl_sdk.lint._patterns import PROPERTY_CLASSES, full_match, translate
from automl_sdk.lint._predicates import PREDICATES
from automl_sdk.lint._registry import RULE_ID, default_registry
from automl_sdk.shapes.constraints import OPERATIONS, SHAPES

DATA = Path(__file__).resolve().parents[2] / "data" / "requests"
TABULAR = json.loads((DATA / "v2_tabular.json").read_text())
V1 = json.loads((DATA / "v1_tabular.json").read_text())


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        pytest.param({"InputDataConfig": []}, "CreateAutoMLJob", id="v1-input"),
        pytest.param({"AutoMLJobConfig": {}}, "CreateAutoMLJob", id="v1-job-config"),
        pytest.param(
            {"ProblemType": "Regression", "AutoMLJobName": "a"},
            "CreateAutoMLJob",
            id="v1-problem-type",
        ),
        pytest.param({"AutoMLJobInputDataConfig": []}, "CreateAutoMLJobV2", id="v2-input"),
        pytest.param({"AutoMLProblemTypeConfig": {}}, "CreateAutoMLJobV2", id="v2-problem"),
        pytest.param(
            {"InputDataConfig": [], "AutoMLProblemTypeConfig": {}},
            "CreateAutoMLJobV2",
            id="mixed-is-v2",
        ),
        pytest.param({"AutoMLJobName": "a"}, "CreateAutoMLJobV2", id="neither-is-v2"),
        pytest.param({}, "CreateAutoMLJobV2", id="empty-is-v2"),
        pytest.param([], "CreateAutoMLJobV2", id="not-a-dict-is-v2"),
    ],
)
def test_detect_operation(request_: Any, expected: str) -> None:
    assert detect_operation(request_) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(
            None,
            "request is not a JSON object (got null; expected an object of request members)",
            id="null",
        ),
        pytest.param(
            3,
            "request is not a JSON object (got 3; expected an object of request members)",
            id="int",
        ),
        pytest.param(
            "x",
            "request is not a JSON object (got 'x'; expected an object of request members)",
            id="str",
        ),
        pytest.param(
            [1],
            "request is not a JSON object (got [...]; expected an object of request members)",
            id="list",
        ),
        pytest.param(
            object(),
            "request is not a JSON object or a request shape (got object; expected a dict of boto3 keyword "
            "arguments, CreateAutoMLJobRequest or CreateAutoMLJobV2Request)",
            id="object",
        ),
        pytest.param(
            shapes.AutoMLJobChannel(),
            "request is not a JSON object or a request shape (got AutoMLJobChannel; expected a dict of boto3 "
            "keyword arguments, CreateAutoMLJobRequest or CreateAutoMLJobV2Request)",
            id="wrong-shape",
        ),
    ],
)
def test_non_request_input_is_one_finding(value: Any, message: str) -> None:
    assert lint(value) == [Finding("E1002", "error", "", message)]


def test_unknown_operation_is_a_finding() -> None:
    assert lint(TABULAR, operation="CreateTrainingJob") == [
        Finding(
            "E1002",
            "error",
            "",
            "unknown operation (got 'CreateTrainingJob'; expected 'CreateAutoMLJob' or 'CreateAutoMLJobV2')",
        )
    ]


@pytest.mark.parametrize(
    "operation", ["CreateAutoMLJobV2", "create-auto-ml-job-v2", "create_auto_ml_job_v2"]
)
def test_operation_spellings(operation: str) -> None:
    assert lint(TABULAR, operation=operation) == []


def test_v2_request_linted_as_v1_reports_v2_members() -> None:
    rules = {f.rule for f in lint(TABULAR, operation="CreateAutoMLJob", select=["E1001"])}
    paths = {f.path for f in lint(TABULAR, operation="CreateAutoMLJob", select=["E1001"])}
    assert rules == {"E1001"}
    assert {"AutoMLJobInputDataConfig", "AutoMLProblemTypeConfig", "SecurityConfig"} <= paths


def test_shape_object_is_linted_like_its_dict() -> None:
    shape = from_wire(shapes.CreateAutoMLJobV2Request, TABULAR, strict=True)
    assert lint(shape) == lint(TABULAR) == []
    v1 = from_wire(shapes.CreateAutoMLJobRequest, V1, strict=True)
    assert lint(v1) == []


def test_findings_sorted_by_path_then_rule_and_all_reported() -> None:
    request = copy.deepcopy(TABULAR)
    request["AutoMLJobName"] = "bad name"
    request["RoleArn"] = 5
    del request["OutputDataConfig"]
    request["Zzz"] = 1
    findings = lint(request, select=["E1"])
    assert [(f.path, f.rule) for f in findings] == [
        ("AutoMLJobName", "E1007"),
        ("OutputDataConfig", "E1003"),
        ("RoleArn", "E1002"),
        ("Zzz", "E1001"),
    ]
    assert findings == sorted(findings)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        pytest.param(None, None, {"E1007", "E1002"}, id="all"),
        pytest.param(["E1007"], None, {"E1007"}, id="select-id"),
        pytest.param(["E1"], ["E1002"], {"E1007"}, id="select-prefix-ignore-id"),
        pytest.param(None, ["E"], set(), id="ignore-letter"),
        pytest.param(["W"], None, set(), id="select-other-letter"),
    ],
)
def test_select_and_ignore_by_prefix(
    select: list[str] | None, ignore: list[str] | None, expected: set[str]
) -> None:
    request = copy.deepcopy(TABULAR)
    request["AutoMLJobName"] = "bad name"
    request["RoleArn"] = 5
    assert {f.rule for f in lint(request, select=select, ignore=ignore)} == expected


class _Crashing(Rule):
    id = "E2999"
    short_description = "crashes"
    description = "a rule with a bug"
    source = "none"

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        yield "AutoMLJobName", "first finding before the crash"
        raise KeyError("boom")


class _CrashingWarning(Rule):
    id = "W2999"
    short_description = "crashes"
    description = "a warning rule with a bug"
    source = "none"

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        raise ZeroDivisionError("division by zero")


CRASHED = Finding(
    "E0002", "error", "", "internal error in rule E2999: KeyError: 'boom'; please report it"
)
FIRST = Finding("E2999", "error", "AutoMLJobName", "first finding before the crash")


def test_crashing_rule_becomes_an_e0002_error() -> None:
    fake = Registry([_Crashing()], [("E2998", "internal error loading rule module E2998_x: bad")])
    assert lint(TABULAR, registry=fake) == [
        Finding(
            "E0002", "error", "", "internal error in rule E2999: KeyError: 'boom'; please report it"
        ),
        Finding("E0002", "error", "", "internal error loading rule module E2998_x: bad"),
        FIRST,
    ]


CRASHED_WARNING = Finding(
    "E0002",
    "error",
    "",
    "internal error in rule W2999: ZeroDivisionError: division by zero; please report it",
)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        pytest.param(None, None, [CRASHED_WARNING], id="a-warning-rules-crash-is-an-error"),
        pytest.param(["W"], None, [CRASHED_WARNING], id="selecting-the-rule-keeps-its-crash"),
        pytest.param(None, ["W8", "I"], [CRASHED_WARNING], id="ignoring-other-groups-keeps-it"),
        pytest.param(None, ["E0002"], [], id="ignore-the-engine-id-without-select"),
        pytest.param(None, ["E0"], [], id="ignore-the-engine-group-without-select"),
        pytest.param(None, ["E"], [], id="ignore-the-letter-without-select"),
        pytest.param(["W"], ["E0"], [], id="ignore-beats-select"),
    ],
)
def test_ignore_applies_to_the_engines_own_findings(
    select: list[str] | None, ignore: list[str] | None, expected: list[Finding]
) -> None:
    fake = Registry([_CrashingWarning()])
    assert lint(TABULAR, select=select, ignore=ignore, registry=fake) == expected


class _TimeSeriesOnly(Rule):
    id = "W4999"
    short_description = "reports every time-series request"
    description = "a rule that names its problem types"
    source = "none"
    problem_types = frozenset({"TimeSeriesForecastingJobConfig"})

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        yield "AutoMLProblemTypeConfig", f"ran on {ctx.problem_type}"


@pytest.mark.parametrize(
    ("problem_config", "ran"),
    [
        pytest.param({"TimeSeriesForecastingJobConfig": {}}, True, id="its-problem-type"),
        pytest.param({"TabularJobConfig": {}}, False, id="another-problem-type"),
        pytest.param({}, False, id="unknown-problem-type"),
    ],
)
def test_engine_runs_a_rule_only_for_its_problem_types(
    problem_config: dict[str, Any], ran: bool
) -> None:
    request = {"AutoMLProblemTypeConfig": problem_config}
    expected = [
        Finding(
            "W4999", "warning", "AutoMLProblemTypeConfig", "ran on TimeSeriesForecastingJobConfig"
        )
    ]
    assert lint(request, registry=Registry([_TimeSeriesOnly()])) == (expected if ran else [])


class _NeedsDataSplit(Rule):
    id = "W2999"
    short_description = "reports every request it runs on"
    description = "a rule that declares the member it reads"
    source = "none"
    needs = ("DataSplitConfig",)

    def check(self, ctx: LintContext) -> Iterator[tuple[str, str]]:
        yield "", f"ran on {ctx.operation}"


@pytest.mark.parametrize(
    ("request_", "operation", "ran"),
    [
        pytest.param({"DataSplitConfig": {}}, "CreateAutoMLJobV2", True, id="v2-with-it"),
        pytest.param({"RoleArn": "r"}, "CreateAutoMLJobV2", False, id="v2-without-it"),
        pytest.param({"AutoMLJobConfig": {}}, "CreateAutoMLJob", True, id="v1-its-container"),
        pytest.param({"DataSplitConfig": {}}, "CreateAutoMLJob", False, id="v1-the-v2-name"),
    ],
)
def test_engine_skips_a_rule_whose_needed_members_are_absent(
    request_: dict[str, Any], operation: str, ran: bool
) -> None:
    found = lint(request_, operation=operation, registry=Registry([_NeedsDataSplit()]))
    assert found == ([Finding("W2999", "warning", "", f"ran on {operation}")] if ran else [])


def test_every_rule_is_well_formed() -> None:
    assert default_registry().load_errors == ()
    rules = all_rules()
    assert [r.id for r in rules] == sorted({r.id for r in rules})
    for rule in rules:
        assert RULE_ID.fullmatch(rule.id)
        assert rule.severity == {"E": "error", "W": "warning", "I": "info"}[rule.id[0]]
        assert rule.short_description
        assert rule.description
        assert rule.source
        assert rule.operations <= {"CreateAutoMLJob", "CreateAutoMLJobV2"}


def test_phase1_rules_are_registered() -> None:
    ids = [r.id for r in all_rules() if r.id.startswith("E1")]
    assert ids == [f"E100{i}" for i in range(1, 10)] + ["E1010"]


def test_finding_to_dict_and_order() -> None:
    a = Finding("E2001", "error", "B", "m")
    b = Finding("E1001", "error", "C", "m")
    c = Finding("E1001", "error", "B", "m")
    assert sorted([b, a, c]) == [c, a, b]
    assert a.to_dict() == {"rule": "E2001", "severity": "error", "path": "B", "message": "m"}


@pytest.mark.parametrize(
    ("path", "keys", "expected"),
    [
        pytest.param("", ("A",), "A", id="root"),
        pytest.param("A", (1, "B"), "A[1].B", id="index-then-key"),
        pytest.param("A.B", ("price", "frontfill"), "A.B.price.frontfill", id="map-keys"),
        pytest.param("", (), "", id="nothing"),
    ],
)
def test_join(path: str, keys: tuple[str | int, ...], expected: str) -> None:
    assert join(path, *keys) == expected


def test_typed_getters_refuse_wrong_types() -> None:
    doc = {"a": {"b": [1, True, 2.5, "s", {"c": None}]}, "n": True}
    assert get(doc, "a", "b", 0) == 1
    assert get(doc, "a", "x", 0) is None
    assert get(doc, "a", "b", 9) is None
    assert get(doc, "a", "b", "c") is None
    assert get_int(doc, "a", "b", 0) == 1
    assert get_int(doc, "a", "b", 1) is None  # a bool is not an int
    assert get_number(doc, "a", "b", 2) == 2.5
    assert get_number(doc, "n") is None
    assert get_bool(doc, "n") is True
    assert get_str(doc, "a", "b", 3) == "s"
    assert get_str(doc, "a", "b", 0) is None
    assert get_dict(doc, "a", "b", 4) == {"c": None}
    assert get_list(doc, "a", "b") == [1, True, 2.5, "s", {"c": None}]
    assert get_list(doc, "a") is None
    assert get_list({"t": (1, 2)}, "t") == [1, 2]  # boto3 takes tuples for lists
    assert get({"t": (1, 2)}, "t", 1) == 2


@pytest.mark.parametrize(
    ("request_", "operation", "problem_type", "config_path"),
    [
        pytest.param(
            TABULAR,
            "CreateAutoMLJobV2",
            "TabularJobConfig",
            "AutoMLProblemTypeConfig.TabularJobConfig",
            id="v2",
        ),
        pytest.param(V1, "CreateAutoMLJob", "TabularJobConfig", "AutoMLJobConfig", id="v1"),
        pytest.param(
            {"AutoMLProblemTypeConfig": {}}, "CreateAutoMLJobV2", None, "", id="empty-union"
        ),
        pytest.param(
            {"AutoMLProblemTypeConfig": {"A": {}, "B": {}}}, "CreateAutoMLJobV2", None, "", id="two"
        ),
        pytest.param(
            {"AutoMLProblemTypeConfig": {"Nope": {}}}, "CreateAutoMLJobV2", None, "", id="unknown"
        ),
        pytest.param(
            {"AutoMLProblemTypeConfig": []}, "CreateAutoMLJobV2", None, "", id="not-a-dict"
        ),
    ],
)
def test_context_problem_type(
    request_: dict[str, Any], operation: str, problem_type: str | None, config_path: str
) -> None:
    ctx = LintContext(request_, operation)
    assert ctx.problem_type == problem_type
    assert ctx.problem_config_path == config_path
    assert isinstance(ctx.problem_config, dict)


def test_context_channels_skip_non_dicts() -> None:
    ctx = LintContext({"AutoMLJobInputDataConfig": [{"a": 1}, "x", {"b": 2}]}, "CreateAutoMLJobV2")
    assert ctx.channels == [
        ("AutoMLJobInputDataConfig[0]", {"a": 1}),
        ("AutoMLJobInputDataConfig[2]", {"b": 2}),
    ]
    assert LintContext({"InputDataConfig": 3}, "CreateAutoMLJob").channels == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(True, "true", id="bool"),
        pytest.param(None, "null", id="null"),
        pytest.param({}, "{}", id="empty-object"),
        pytest.param({"a": 1}, "{...}", id="object"),
        pytest.param("x" * 100, "'" + "x" * 56 + "...", id="long-string"),
        pytest.param(1.5, "1.5", id="float"),
    ],
)
def test_show(value: Any, expected: str) -> None:
    assert show(value) == expected


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        pytest.param(
            r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)",
            "équipe données 42 @/",
            True,
            id="unicode-letters-spaces",
        ),
        pytest.param(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)", "a!b", False, id="punctuation"),
        pytest.param(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)", "٣", True, id="arabic-digit-is-a-number"),
        pytest.param(r"\p{L}+", "abcΩ", True, id="outside-class"),
        pytest.param(r"\p{L}+", "ab1", False, id="digit-not-letter"),
        pytest.param(r"[^\p{L}]+", "123", True, id="negated-class"),
        pytest.param(r"[^\p{L}]+", "12a", False, id="negated-class-rejects"),
        pytest.param(r"\d{12}", "١٢٣٤٥٦٧٨٩٠١٢", False, id="java-digit-is-ascii"),
        pytest.param("[a-z]+", "abc\n", False, id="full-match-no-trailing-newline"),
        pytest.param("1Y|Y|[1-4]W", "4W", True, id="alternation-full-match"),
    ],
)
def test_pattern_translation(pattern: str, value: str, matches: bool) -> None:
    assert full_match(pattern, value) is matches


ALL_CHARACTERS = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"[\p{L}\p{Z}\p{N}_.:/=+\-@]", id="tag-key-class"),
        pytest.param(r"[\p{L}\p{N}\_]", id="escaped-underscore"),
        pytest.param(r"[-\p{Z}a]", id="leading-hyphen-stays-literal"),
        pytest.param(r"[\p{L}\p{N}-]", id="no-underscore-no-merge"),
    ],
)
def test_merged_property_classes_match_the_same_characters(pattern: str) -> None:
    """Folding \\p{L}, \\p{N} and _ into \\w (and \\p{Z} into the set) changes no character."""
    items = re.findall(r"\\p\{\w\}|\\.|[^\\]", pattern[1:-1])
    alternatives = [
        PROPERTY_CLASSES[item[3]] if item.startswith("\\p") else re.escape(item[-1])
        for item in items
    ]
    expected = set(re.findall("|".join(alternatives), ALL_CHARACTERS))
    assert set(re.findall(translate(pattern), ALL_CHARACTERS)) == expected


def test_tag_pattern_class_is_one_set() -> None:
    assert translate(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)").startswith("([\\w")


REQUEST_SHAPES = sorted({request for request, _ in OPERATIONS.values()})


def test_predicates_cover_every_container_shape_of_every_request() -> None:
    reachable, todo = set(), list(REQUEST_SHAPES)
    while todo:
        shape = SHAPES[todo.pop()]
        children = [*shape.get("members", {}).values(), shape.get("member"), shape.get("value")]
        for child in filter(None, children):
            if SHAPES[child]["type"] in ("structure", "list", "map") and child not in reachable:
                reachable.add(child)
                todo.append(child)
    assert set(PREDICATES) == reachable | set(REQUEST_SHAPES)


def test_generated_predicates_import_the_standard_library_only() -> None:
    import ast

    import automl_sdk.lint._predicates as generated

    assert generated.__file__ is not None
    tree = ast.parse(Path(generated.__file__).read_text())
    imported = {
        str(node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {"collections", "datetime", "decimal", "math", "re", "typing"}


@pytest.mark.parametrize("shape_name", sorted(PREDICATES))
def test_every_predicate_rejects_null(shape_name: str) -> None:
    assert PREDICATES[shape_name](None) is False  # null is never a value on the wire


def test_translate_leaves_plain_patterns_alone() -> None:
    assert translate("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}") == "[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.json")))
def test_example_requests_lint_clean(name: str) -> None:
    findings = lint(json.loads((DATA / name).read_text()))
    assert [f for f in findings if f.severity == "error"] == []
    if "minimal" not in name:  # the minimal request omits the security settings on purpose
        assert findings == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(decimal.Decimal("0.2"), [], id="decimal-accepted-like-boto3"),
        pytest.param(
            decimal.Decimal("1.5"),
            [("E1005", "ValidationFraction is out of range (got 1.5; expected 0 to 1)")],
            id="decimal-range",
        ),
        pytest.param(
            decimal.Decimal("NaN"),
            [
                (
                    "E1002",
                    "ValidationFraction is not a finite number (got NaN; expected a number from 0 to 1)",
                )
            ],
            id="decimal-nan",
        ),
        pytest.param(
            float("inf"),
            [
                (
                    "E1002",
                    "ValidationFraction is not a finite number (got inf; expected a number from 0 to 1)",
                )
            ],
            id="float-infinity",
        ),
    ],
)
def test_float_members_accept_decimal_and_reject_non_finite(
    value: Any, expected: list[tuple[str, str]]
) -> None:
    request = copy.deepcopy(TABULAR)
    request["DataSplitConfig"] = {"ValidationFraction": value}
    findings = lint(request, select=["E1"])
    assert [(f.rule, f.message) for f in findings] == expected


RULE_TEMPLATE = """
from automl_sdk.lint import Rule


class {name}(Rule):
    id = "{rule_id}"
    short_description = "s"
    description = "d"
    source = "q"

    def check(self, ctx):
        return iter(())
"""


def test_registry_reports_broken_rule_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "fake_rules"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "_helpers.py").write_text("raise RuntimeError('never imported')\n")
    (package / "E2990_ok.py").write_text(RULE_TEMPLATE.format(name="Ok", rule_id="E2990"))
    (package / "E2991_broken.py").write_text("raise RuntimeError('boom')\n")
    (package / "E2992_two.py").write_text(
        RULE_TEMPLATE.format(name="A", rule_id="E2992")
        + RULE_TEMPLATE.format(name="B", rule_id="E2992")
    )
    (package / "E2993_mismatch.py").write_text(RULE_TEMPLATE.format(name="M", rule_id="E2994"))
    (package / "E2995_bad_id.py").write_text(RULE_TEMPLATE.format(name="Bad", rule_id="X1"))
    (package / "E2996_needs.py").write_text(
        RULE_TEMPLATE.format(name="N", rule_id="E2996").replace(
            'source = "q"', 'source = "q"\n    needs = ("DataSplit",)'
        )
    )
    (package / "oops.py").write_text("x = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = load_registry("fake_rules")
    assert [rule.id for rule in found.rules] == ["E2990"]
    assert found.load_errors == (
        ("E2991", "internal error loading rule module E2991_broken: boom"),
        (
            "E2992",
            "internal error loading rule module E2992_two: expected exactly one Rule subclass, found 2",
        ),
        (
            "E2993",
            "internal error loading rule module E2993_mismatch: module name 'E2993_mismatch' must start with the rule id E2994",
        ),
        (
            "E2995",
            "internal error loading rule module E2995_bad_id: Bad.id 'X1' is not a letter E/W/I and four digits",
        ),
        (
            "E2996",
            "internal error loading rule module E2996_needs: N.needs names no CreateAutoMLJobV2 member: ['DataSplit']",
        ),
        (
            "E1000",
            "internal error loading rule module oops: expected exactly one Rule subclass, found 0",
        ),
    )
