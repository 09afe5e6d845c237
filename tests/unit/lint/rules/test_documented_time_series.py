"""Named cases for the documented time-series forecasting rules (W4001-E4012)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.lint.rules.documented_cases import DELETE, found, make, run

TS = "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig"
FILL = f"{TS}.Transformations.Filling"
AGG = f"{TS}.Transformations.Aggregation"
COLS = f"{TS}.TimeSeriesConfig"


def _ts(**members: Any) -> dict[str, Any]:
    return {f"{TS}.{key}": value for key, value in members.items()}


W4001 = [
    pytest.param("v2_time_series", {}, [], id="1D"),
    pytest.param("v2_time_series", _ts(ForecastFrequency="15min"), [], id="15min"),
    pytest.param(
        "v2_time_series", _ts(ForecastFrequency="D"), [("W4001", f"{TS}.ForecastFrequency")], id="D"
    ),
    pytest.param(
        "v2_time_series", _ts(ForecastFrequency="Y"), [("W4001", f"{TS}.ForecastFrequency")], id="Y"
    ),
    pytest.param("v2_time_series", _ts(ForecastFrequency="60min"), [], id="overlap-left-to-schema"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W4001)
def test_w4001_frequency_count(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W4001", make(base, changes)) == expected


def test_w4001_message() -> None:
    [finding] = run("W4001", make("v2_time_series", _ts(ForecastFrequency="W")))
    assert finding.message == (
        "ForecastFrequency has no count (got 'W'; expected an integer followed by a unit); write '1W'"
    )


E4002 = [
    pytest.param("v2_time_series", _ts(ForecastHorizon=500), [], id="500"),
    pytest.param(
        "v2_time_series", _ts(ForecastHorizon=501), [("E4002", f"{TS}.ForecastHorizon")], id="501"
    ),
    pytest.param("v2_time_series", _ts(ForecastHorizon=0), [], id="zero-left-to-schema"),
    pytest.param("v2_time_series", _ts(ForecastHorizon="600"), [], id="string-skipped"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4002)
def test_e4002_horizon(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4002", make(base, changes)) == expected


E4003 = [
    pytest.param("v2_time_series", {}, [], id="distinct"),
    pytest.param(
        "v2_time_series",
        _ts(ForecastQuantiles=["p10", "p50", "p10", "p50"]),
        [("E4003", f"{TS}.ForecastQuantiles[2]"), ("E4003", f"{TS}.ForecastQuantiles[3]")],
        id="repeats",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4003)
def test_e4003_quantiles_unique(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4003", make(base, changes)) == expected


E4004 = [
    pytest.param("v2_time_series", {}, [], id="documented-values"),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.sales.frontfill": "zero"},
        [("E4004", f"{FILL}.sales.frontfill")],
        id="frontfill-zero",
    ),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.middlefill": "none"},
        [("E4004", f"{FILL}.price.middlefill")],
        id="middlefill-none",
    ),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.backfill": "average"},
        [("E4004", f"{FILL}.price.backfill")],
        id="backfill-average",
    ),
    pytest.param(
        "v2_time_series", {f"{FILL}.price.futurefill_value": "12"}, [], id="value-param-not-checked"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4004)
def test_e4004_filling_values(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4004", make(base, changes)) == expected


def test_e4004_message() -> None:
    [finding] = run("E4004", make("v2_time_series", {f"{FILL}.sales.frontfill": "zero"}))
    assert finding.message == "frontfill does not support this value (got 'zero'; expected 'none')"


E4005 = [
    pytest.param("v2_time_series", {}, [], id="target"),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.frontfill": "none"},
        [("E4005", f"{FILL}.price.frontfill")],
        id="other-column",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4005)
def test_e4005_frontfill_target(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4005", make(base, changes)) == expected


E4006 = [
    pytest.param("v2_time_series", {}, [], id="companions-present"),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.sales.backfill_value": DELETE},
        [("E4006", f"{FILL}.sales.backfill_value")],
        id="backfill-value-missing",
    ),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.middlefill": "value"},
        [("E4006", f"{FILL}.price.middlefill_value")],
        id="middlefill-value-missing",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4006)
def test_e4006_value_companion(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4006", make(base, changes)) == expected


def test_e4006_message() -> None:
    request = make("v2_time_series", {f"{FILL}.sales.backfill_value": DELETE})
    [finding] = run("E4006", request)
    assert finding.message == (
        "backfill_value is missing (got backfill 'value' and no backfill_value; expected the fill "
        'value in backfill_value); add e.g. "backfill_value": "0"'
    )


W4007 = [
    pytest.param("v2_time_series", {}, [], id="companions-used"),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.backfill_value": "3"},
        [("W4007", f"{FILL}.price.backfill_value")],
        id="backfill-median-with-value",
    ),
    pytest.param(
        "v2_time_series",
        {f"{FILL}.price.middlefill_value": "3", f"{FILL}.price.middlefill": DELETE},
        [("W4007", f"{FILL}.price.middlefill_value")],
        id="no-method",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W4007)
def test_w4007_unused_value(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W4007", make(base, changes)) == expected


E4008 = [
    pytest.param("v2_time_series", {}, [], id="target"),
    pytest.param(
        "v2_time_series", {f"{AGG}.price": "avg"}, [("E4008", f"{AGG}.price")], id="other-column"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4008)
def test_e4008_aggregation_target(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4008", make(base, changes)) == expected


GROUPS = f"{COLS}.GroupingAttributeNames"
E4009 = [
    pytest.param("v2_time_series", {}, [], id="distinct"),
    pytest.param(
        "v2_time_series",
        {GROUPS: ["store", "region", "store"]},
        [("E4009", f"{GROUPS}[2]")],
        id="repeat",
    ),
    pytest.param(
        "v2_time_series",
        {GROUPS: ["store", "item_id", "date", "sales"]},
        [("E4009", f"{GROUPS}[1]"), ("E4009", f"{GROUPS}[2]"), ("E4009", f"{GROUPS}[3]")],
        id="reuses-other-roles",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4009)
def test_e4009_grouping_columns(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4009", make(base, changes)) == expected


def test_e4009_message() -> None:
    [finding] = run("E4009", make("v2_time_series", {GROUPS: ["item_id"]}))
    assert finding.message == (
        "grouping column is also the ItemIdentifierAttributeName (got 'item_id'; expected a "
        "column other than the target, timestamp and item identifier columns)"
    )


E4010 = [
    pytest.param("v2_time_series", {}, [], id="distinct"),
    pytest.param(
        "v2_time_series",
        {f"{COLS}.ItemIdentifierAttributeName": "sales"},
        [("E4010", f"{COLS}.ItemIdentifierAttributeName")],
        id="item-is-target",
    ),
    pytest.param(
        "v2_time_series",
        {f"{COLS}.TimestampAttributeName": "sales"},
        [("E4010", f"{COLS}.TimestampAttributeName")],
        id="timestamp-is-target",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4010)
def test_e4010_role_columns(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4010", make(base, changes)) == expected


HOLIDAY = f"{TS}.HolidayConfig[0].CountryCode"
E4011 = [
    pytest.param("v2_time_series", {}, [], id="US"),
    pytest.param("v2_time_series", {HOLIDAY: "XK"}, [], id="kosovo"),
    pytest.param("v2_time_series", {HOLIDAY: "UK"}, [("E4011", HOLIDAY)], id="UK-is-GB"),
    pytest.param("v2_time_series", {HOLIDAY: "ZZ"}, [("E4011", HOLIDAY)], id="ZZ"),
    pytest.param("v2_time_series", {HOLIDAY: "us"}, [], id="lowercase-left-to-schema"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4011)
def test_e4011_holiday_country(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4011", make(base, changes)) == expected


def test_e4011_message_for_uk() -> None:
    [finding] = run("E4011", make("v2_time_series", {HOLIDAY: "UK"}))
    assert finding.message == (
        "no holiday calendar for this country code (got 'UK'; expected a code from the Autopilot "
        "Country Codes list, e.g. 'US', 'GB', 'DE'); the United Kingdom is 'GB'"
    )


E4012 = [
    pytest.param("v2_time_series", _ts(ForecastFrequency="59min"), [], id="59min"),
    pytest.param("v2_time_series", _ts(ForecastFrequency="11M"), [], id="11M"),
    pytest.param(
        "v2_time_series", _ts(ForecastFrequency="daily"), [], id="not-counted-left-to-schema"
    ),
    pytest.param("v2_time_series", _ts(ForecastFrequency=60), [], id="wrong-type-skipped"),
    *[
        pytest.param(
            "v2_time_series",
            _ts(ForecastFrequency=value),
            [("E4012", f"{TS}.ForecastFrequency")],
            id=value,
        )
        for value in ("60min", "24H", "7D", "5W", "12M", "2Y", "0D", "01D")
    ],
]


@pytest.mark.parametrize(("base", "changes", "expected"), E4012)
def test_e4012_frequency_overlap(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E4012", make(base, changes)) == expected


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        pytest.param("60min", "; use '1H'", id="60min"),
        pytest.param("1440min", "; use '1D'", id="1440min-two-units-up"),
        pytest.param("14D", "; use '2W'", id="14D"),
        pytest.param("12M", "; use '1Y'", id="12M"),
        pytest.param("90min", "", id="90min-no-whole-hour"),
        pytest.param("8W", "", id="weeks-have-no-exact-month"),
    ],
)
def test_e4012_message_names_the_equivalent(value: str, fix: str) -> None:
    [finding] = run("E4012", make("v2_time_series", _ts(ForecastFrequency=value)))
    assert finding.message == (
        f"ForecastFrequency is outside its unit's range (got {value!r}; expected 1-59min, 1-23H, "
        f"1-6D, 1-4W, 1-11M or 1Y){fix}"
    )


@pytest.mark.parametrize(
    ("value", "schema_rule"),
    [pytest.param("60min", "E1007", id="pattern"), pytest.param("120min", "E1004", id="length")],
)
def test_e4012_replaces_the_schema_finding_at_its_path(value: str, schema_rule: str) -> None:
    from automl_sdk.lint import lint_request

    request = make("v2_time_series", _ts(ForecastFrequency=value))
    at_frequency = [f.rule for f in lint_request(request) if f.path == f"{TS}.ForecastFrequency"]
    assert at_frequency == ["E4012"]
    without = [
        f.rule
        for f in lint_request(request, ignore=["E4012"])
        if f.path == f"{TS}.ForecastFrequency"
    ]
    assert without == [schema_rule]
