"""``check_request`` against S3 data on a moto server: every data rule (group 7), good and bad.

Each test points a complete, lint-clean request at objects the module puts on the server and
compares the data and resource findings (groups 7 and 9) exactly.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from automl_sdk import Finding, check_request, lint_request
from tests.local.check_world import (
    BUCKET,
    EU_BUCKET,
    JPEG,
    PNG,
    World,
    churn_csv,
    churn_parquet,
    csv_bytes,
    gzipped,
    tabular_v1,
    tabular_v2,
)

pytestmark = pytest.mark.local

CSV = "text/csv;header=present"
PARQUET = "x-application/vnd.amazon+parquet"
CONFIG = "AutoMLProblemTypeConfig.TabularJobConfig"
URI0 = "AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri"


def uri(key: str, bucket: str = BUCKET) -> str:
    return f"s3://{bucket}/{key}"


@pytest.fixture(scope="module")
def world(endpoint_url: str) -> World:
    world = World(endpoint_url)
    put = world.put
    put("csv/train.csv", churn_csv())
    put("gz/train.csv.gz", gzipped(churn_csv()))
    put("parquet/train.parquet", churn_parquet())
    put("small/train.csv", churn_csv(120))
    put("small-parquet/train.parquet", churn_parquet(90))
    put("mixed/a.csv", churn_csv(300))
    put("mixed/b.csv", churn_csv(300, header=("id", "age", "weight", "label")))
    put("validation/good.csv", churn_csv(100))
    put("validation-other/v.csv", churn_csv(100, header=("id", "age", "churned")))
    put("folder-only/", b"")
    put("empty-file/train.csv", b"")
    put("manifest/data/part-1.csv", churn_csv(600))
    put(
        "manifest/good.json", json.dumps([{"prefix": uri("manifest/data/")}, "part-1.csv"]).encode()
    )
    missing = [{"prefix": uri("manifest/data/")}, "part-1.csv", "part-2.csv"]
    put("manifest/missing-object.json", json.dumps(missing).encode())
    put("manifest/not-json.json", b"{not json")
    put("manifest/no-prefix.json", json.dumps(["part-1.csv"]).encode())
    put("features/good.json", json.dumps({"FeatureAttributeNames": ["age", "weight"]}).encode())
    put("features/target.json", json.dumps({"FeatureAttributeNames": ["age", "churned"]}).encode())
    put("features/unknown.json", json.dumps({"FeatureAttributeNames": ["Age"]}).encode())
    put("features/not-json.json", b"age,weight")
    big = churn_csv(8000)  # ~ 130 KiB: more than the first 64 KiB the check reads
    for i in range(4):
        put(f"big/part-{i}.csv", big)
    put("eu/train.csv", churn_csv(), bucket=EU_BUCKET)
    return world


def found(world: World, request: dict[str, Any], **options: Any) -> list[Finding]:
    """The data and resource findings of a check (lint's are asserted separately)."""
    findings = check_request(
        request, session=world.session, endpoint_url=world.endpoint_url, **options
    )
    return [finding for finding in findings if finding.rule[1] in "79"]


def v2(world: World, train: str, **config: Any) -> dict[str, Any]:
    request = tabular_v2(world, uri(train))
    request["AutoMLProblemTypeConfig"]["TabularJobConfig"].update(config)
    return request


def channel(request: dict[str, Any], index: int = 0) -> dict[str, Any]:
    channels: list[dict[str, Any]] = request["AutoMLJobInputDataConfig"]
    return channels[index]


# -- good data ---------------------------------------------------------------------------------


def test_good_csv_checks_clean_with_lint_findings_alone(world: World) -> None:
    request = v2(world, "csv/")
    assert check_request(
        request, session=world.session, endpoint_url=world.endpoint_url
    ) == lint_request(request)
    assert found(world, request) == []


def test_good_gzip_csv_checks_clean(world: World) -> None:
    request = v2(world, "gz/")
    channel(request)["CompressionType"] = "Gzip"
    assert found(world, request) == []


def test_good_parquet_checks_clean(world: World) -> None:
    request = v2(world, "parquet/")
    channel(request)["ContentType"] = PARQUET
    assert found(world, request) == []


def test_good_v1_request_checks_clean(world: World) -> None:
    assert found(world, tabular_v1(world, uri("csv/"))) == []


def test_good_manifest_checks_clean(world: World) -> None:
    request = v2(world, "manifest/good.json")
    channel(request)["DataSource"]["S3DataSource"]["S3DataType"] = "ManifestFile"
    assert found(world, request) == []


def test_good_validation_channel_checks_clean(world: World) -> None:
    request = tabular_v2(world, uri("csv/"), uri("validation/"))
    assert found(world, request) == []


# -- columns -----------------------------------------------------------------------------------

MISSING_TARGET = (
    "target column is not in the data (got 'churn'; expected a column of the {source} of "
    "{uri}: 'id', 'age', 'weight', 'churned'); did you mean 'churned'?"
)


@pytest.mark.parametrize(
    ("prefix", "content_type", "compression", "source", "key"),
    [
        ("csv/", CSV, None, "CSV header", "csv/train.csv"),
        ("gz/", CSV, "Gzip", "CSV header", "gz/train.csv.gz"),
        ("parquet/", PARQUET, None, "Parquet schema", "parquet/train.parquet"),
    ],
    ids=["csv", "gzip-csv", "parquet"],
)
def test_missing_target_is_reported_at_target_attribute_name(
    world: World, prefix: str, content_type: str, compression: str | None, source: str, key: str
) -> None:
    request = v2(world, prefix, TargetAttributeName="churn")
    channel(request)["ContentType"] = content_type
    if compression:
        channel(request)["CompressionType"] = compression
    message = MISSING_TARGET.format(source=source, uri=uri(key))
    assert found(world, request) == [
        Finding("E7010", "error", f"{CONFIG}.TargetAttributeName", message)
    ]


def test_v1_missing_target_gets_its_v1_path(world: World) -> None:
    request = tabular_v1(world, uri("csv/"))
    request["InputDataConfig"][0]["TargetAttributeName"] = "churn"
    message = MISSING_TARGET.format(source="CSV header", uri=uri("csv/train.csv"))
    assert found(world, request) == [
        Finding("E7010", "error", "InputDataConfig[0].TargetAttributeName", message)
    ]


def test_missing_sample_weight_column(world: World) -> None:
    request = v2(world, "csv/", SampleWeightAttributeName="weights")
    assert found(world, request) == [
        Finding(
            "E7010",
            "error",
            f"{CONFIG}.SampleWeightAttributeName",
            "sample weight column is not in the data (got 'weights'; expected a column of the "
            f"CSV header of {uri('csv/train.csv')}: 'id', 'age', 'weight', 'churned'); did you "
            "mean 'weight'?",
        )
    ]


def test_files_with_different_headers(world: World) -> None:
    assert found(world, v2(world, "mixed/")) == [
        Finding(
            "E7011",
            "error",
            URI0,
            "files of the channel have different headers (got 'id', 'age', 'weight', 'label' "
            f"in {uri('mixed/b.csv')}; expected 'id', 'age', 'weight', 'churned' as in "
            f"{uri('mixed/a.csv')})",
        )
    ]


def test_validation_header_differs_from_training(world: World) -> None:
    request = tabular_v2(world, uri("csv/"), uri("validation-other/"))
    assert found(world, request) == [
        Finding(
            "E7012",
            "error",
            "AutoMLJobInputDataConfig[1]",
            "validation data has another header than the training data (got 'id', 'age', "
            f"'churned' in {uri('validation-other/v.csv')}; expected the training header 'id', "
            "'age', 'weight', 'churned')",
        )
    ]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        (
            "features/target.json",
            "feature specification selects the target column (got 'churned' in "
            "FeatureAttributeNames; expected feature columns only); remove it from the "
            "specification",
        ),
        (
            "features/unknown.json",
            "feature specification names columns that are not in the data (got 'Age' in "
            "FeatureAttributeNames; expected columns of the training header: 'id', 'age', "
            "'weight', 'churned')",
        ),
        (
            "features/not-json.json",
            "feature specification is not valid (got text that is not JSON: Expecting value: "
            'line 1 column 1 (char 0); expected {"FeatureAttributeNames": ["col1", ...]})',
        ),
        (
            "features/none.json",
            "feature specification file does not exist (got 's3://automl-data/features/"
            'none.json\'; expected a JSON object {"FeatureAttributeNames": ["col1", ...]} '
            "there); upload it or fix FeatureSpecificationS3Uri",
        ),
    ],
    ids=["names-target", "unknown-column", "not-json", "missing"],
)
def test_bad_feature_specification(world: World, key: str, message: str) -> None:
    request = v2(world, "csv/", FeatureSpecificationS3Uri=uri(key))
    path = f"{CONFIG}.FeatureSpecificationS3Uri"
    assert found(world, request) == [Finding("E7014", "error", path, message)]


def test_good_feature_specification_v1_and_v2(world: World) -> None:
    request = v2(world, "csv/", FeatureSpecificationS3Uri=uri("features/good.json"))
    assert found(world, request) == []
    v1 = tabular_v1(world, uri("csv/"))
    v1["AutoMLJobConfig"]["CandidateGenerationConfig"] = {
        "FeatureSpecificationS3Uri": uri("features/target.json")
    }
    assert [(f.rule, f.path) for f in found(world, v1)] == [
        ("E7014", "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri")
    ]


# -- S3 input ----------------------------------------------------------------------------------


def test_missing_bucket(world: World) -> None:
    request = tabular_v2(world, "s3://no-such-bucket-here/train/")
    assert found(world, request) == [
        Finding(
            "E7002",
            "error",
            URI0,
            "input bucket does not exist (got bucket 'no-such-bucket-here'; expected an "
            "existing bucket); create it or fix the S3Uri",
        )
    ]


def test_bucket_in_another_region(world: World) -> None:
    request = tabular_v2(world, uri("eu/", EU_BUCKET))
    assert found(world, request) == [
        Finding(
            "E7003",
            "error",
            URI0,
            f"input bucket is in another region (got '{EU_BUCKET}' in eu-west-1; expected the "
            "job's region us-east-1); copy the data to a bucket in us-east-1 or create the job "
            "in eu-west-1",
        )
    ]


@pytest.mark.parametrize("prefix", ["nothing-here/", "folder-only/"])
def test_empty_prefix(world: World, prefix: str) -> None:
    assert found(world, v2(world, prefix)) == [
        Finding(
            "E7004",
            "error",
            URI0,
            f"no objects under the S3 prefix (got '{uri(prefix)}'; expected at least one object "
            "whose key starts with it); upload the data or fix the S3Uri",
        )
    ]


@pytest.mark.parametrize(
    ("key", "rule", "message"),
    [
        (
            "manifest/none.json",
            "E7005",
            "manifest file does not exist (got 's3://automl-data/manifest/none.json'; expected "
            "a manifest object at the S3Uri of this ManifestFile channel); upload it or fix "
            "the S3Uri",
        ),
        (
            "manifest/not-json.json",
            "E7005",
            "manifest is not JSON (Expecting property name enclosed in double quotes: line 1 "
            "column 2 (char 1)) (got 's3://automl-data/manifest/not-json.json')",
        ),
        (
            "manifest/no-prefix.json",
            "E7005",
            'manifest does not start with a prefix entry (expected {"prefix": '
            '"s3://bucket/prefix/"} as its first item) (got '
            "'s3://automl-data/manifest/no-prefix.json')",
        ),
        (
            "manifest/missing-object.json",
            "E7006",
            "the manifest names 1 object(s) that do not exist (got "
            "'s3://automl-data/manifest/data/part-2.csv'; expected every named object to "
            "exist); upload them or remove them from the manifest",
        ),
    ],
    ids=["missing", "not-json", "no-prefix", "missing-object"],
)
def test_bad_manifest(world: World, key: str, rule: str, message: str) -> None:
    request = v2(world, key)
    channel(request)["DataSource"]["S3DataSource"]["S3DataType"] = "ManifestFile"
    assert found(world, request) == [Finding(rule, "error", URI0, message)]


# -- format ------------------------------------------------------------------------------------


def test_parquet_declared_as_csv(world: World) -> None:
    assert found(world, v2(world, "parquet/")) == [
        Finding(
            "E7008",
            "error",
            "AutoMLJobInputDataConfig[0].ContentType",
            f"object is not CSV (got Parquet data in {uri('parquet/train.parquet')}; expected "
            f"CSV text with a header row for ContentType '{CSV}'); use ContentType '{PARQUET}'",
        )
    ]


def test_csv_declared_as_parquet(world: World) -> None:
    request = v2(world, "csv/")
    channel(request)["ContentType"] = PARQUET
    assert found(world, request) == [
        Finding(
            "E7008",
            "error",
            "AutoMLJobInputDataConfig[0].ContentType",
            f"object is not Parquet (got text data in {uri('csv/train.csv')}; expected a "
            f"Parquet file starting with PAR1 for ContentType '{PARQUET}'); use ContentType "
            f"'{CSV}'",
        )
    ]


def test_gzip_data_without_compression_type(world: World) -> None:
    assert found(world, v2(world, "gz/")) == [
        Finding(
            "E7009",
            "error",
            "AutoMLJobInputDataConfig[0].CompressionType",
            f"object is gzip-compressed (got CompressionType not set (None) and "
            f"{uri('gz/train.csv.gz')} starting with the gzip magic bytes 1f 8b; expected plain "
            "data); set CompressionType to 'Gzip'",
        )
    ]


def test_gzip_compression_type_on_plain_data(world: World) -> None:
    request = tabular_v1(world, uri("csv/"))
    request["InputDataConfig"][0]["CompressionType"] = "Gzip"
    assert found(world, request) == [
        Finding(
            "E7009",
            "error",
            "InputDataConfig[0].CompressionType",
            f"object is not gzip-compressed (got CompressionType 'Gzip' and "
            f"{uri('csv/train.csv')} starting with text data; expected the gzip magic bytes "
            "1f 8b); set CompressionType to 'None' or compress the files",
        )
    ]


# -- rows --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "content_type", "rows"),
    [("small/", CSV, 120), ("small-parquet/", PARQUET, 90), ("empty-file/", CSV, 0)],
    ids=["csv", "parquet-footer", "empty-file"],
)
def test_too_few_rows(world: World, prefix: str, content_type: str, rows: int) -> None:
    request = v2(world, prefix)
    channel(request)["ContentType"] = content_type
    assert found(world, request) == [
        Finding(
            "E7015",
            "error",
            "AutoMLJobInputDataConfig[0]",
            f"training data has too few rows (got {rows} rows in 1 file(s); expected at least "
            "500); add data",
        )
    ]


def test_rows_of_large_data_are_not_counted_without_scan(world: World) -> None:
    assert found(world, v2(world, "big/")) == [
        Finding(
            "I7018",
            "info",
            "AutoMLJobInputDataConfig[0]",
            "rows not counted (read 3 of 4 objects, the first 64 KiB of each; expected the "
            "whole data to count them); run with --scan (scan=True) to count every row",
        )
    ]


def test_scan_counts_every_row(world: World) -> None:
    assert found(world, v2(world, "big/"), scan=True) == []
    assert found(world, v2(world, "small/"), scan=True) == [
        Finding(
            "E7015",
            "error",
            "AutoMLJobInputDataConfig[0]",
            "training data has too few rows (got 120 rows in 1 file(s); expected at least "
            "500); add data",
        )
    ]


def test_parquet_without_pyarrow_is_an_info_finding(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    request = v2(world, "parquet/", TargetAttributeName="churn")
    channel(request)["ContentType"] = PARQUET
    assert found(world, request) == [
        Finding(
            "I7019",
            "info",
            "AutoMLJobInputDataConfig[0]",
            "Parquet columns not checked (got Parquet data and no pyarrow; expected pyarrow to "
            "read the schema); pip install 'automl-sdk[parquet]' to check them",
        )
    ]


# -- other problem types -----------------------------------------------------------------------


def problem(
    world: World, train: str, config: dict[str, Any], **channel_options: Any
) -> dict[str, Any]:
    request = tabular_v2(world, uri(train))
    request["AutoMLProblemTypeConfig"] = config
    del request["AutoMLJobObjective"]
    channel(request).update(channel_options)
    return request


def text_generation(world: World, train: str, **config: Any) -> dict[str, Any]:
    settings = {"BaseModelName": "Falcon7BInstruct", "ModelAccessConfig": {"AcceptEula": True}}
    return problem(world, train, {"TextGenerationJobConfig": settings | config})


def test_text_generation_data(world: World) -> None:
    world.put(
        "tg/good/a.csv", csv_bytes(("input", "output"), ([f"q{i}", f"a{i}"] for i in range(800)))
    )
    world.put(
        "tg/good/b.csv", csv_bytes(("input", "output"), ([f"q{i}", f"a{i}"] for i in range(100)))
    )
    world.put("tg/bad/a.csv", csv_bytes(("prompt", "output"), [["q", "a"]]))
    world.put(
        "tg/many/a.csv", csv_bytes(("input", "output"), ([f"q{i}", f"a{i}"] for i in range(1200)))
    )
    assert found(world, text_generation(world, "tg/good/")) == []
    assert found(world, text_generation(world, "tg/bad/")) == [
        Finding(
            "E7013",
            "error",
            "AutoMLJobInputDataConfig[0]",
            "text generation data must have exactly the columns 'input' and 'output' (got "
            f"'prompt', 'output' in {uri('tg/bad/a.csv')}; expected 'input', 'output')",
        )
    ]
    assert found(world, text_generation(world, "tg/many/")) == [
        Finding(
            "E7016",
            "error",
            "AutoMLProblemTypeConfig.TextGenerationJobConfig.BaseModelName",
            "text generation data has more rows than base model 'Falcon7BInstruct' allows (got "
            "1,200 rows across all channels; expected at most 1,000); remove rows or choose a "
            "base model with a higher cap (Dolly models, Falcon40B: 10,000)",
        )
    ]
    assert found(world, text_generation(world, "tg/many/", BaseModelName="Dolly3B")) == []


def time_series(world: World, train: str, horizon: int, **columns: Any) -> dict[str, Any]:
    names = {
        "TargetAttributeName": "sales",
        "TimestampAttributeName": "date",
        "ItemIdentifierAttributeName": "item_id",
    } | columns
    config = {"ForecastFrequency": "1D", "ForecastHorizon": horizon, "TimeSeriesConfig": names}
    config["CompletionCriteria"] = {"MaxCandidates": 1}
    return problem(world, train, {"TimeSeriesForecastingJobConfig": config})


def test_time_series_data(world: World) -> None:
    rows = ([f"item-{i % 2}", f"2024-02-{1 + i // 2:02d}", i, "s1"] for i in range(40))
    world.put("ts/sales.csv", csv_bytes(("item_id", "date", "sales", "store"), rows))
    base = "AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig"
    assert found(world, time_series(world, "ts/", 5, GroupingAttributeNames=["store"])) == []
    assert found(world, time_series(world, "ts/", 6)) == [
        Finding(
            "E7017",
            "error",
            f"{base}.ForecastHorizon",
            "ForecastHorizon is more than a quarter of the time steps in the data (got 6 with "
            "20 time steps of 'date'; expected at most 5); shorten the horizon or provide more "
            "history",
        )
    ]
    bad = time_series(
        world, "ts/", 5, TimestampAttributeName="day", GroupingAttributeNames=["shop"]
    )
    header = f"expected a column of the CSV header of {uri('ts/sales.csv')}: 'item_id', 'date', 'sales', 'store')"
    assert found(world, bad) == [
        Finding(
            "E7010",
            "error",
            f"{base}.TimeSeriesConfig.GroupingAttributeNames[0]",
            f"grouping column is not in the data (got 'shop'; {header}",
        ),
        Finding(
            "E7010",
            "error",
            f"{base}.TimeSeriesConfig.TimestampAttributeName",
            f"timestamp column is not in the data (got 'day'; {header}",
        ),
    ]


def test_text_classification_columns(world: World) -> None:
    world.put("text/t.csv", csv_bytes(("ticket_text", "queue"), [["hello", "a"]]))
    config = {"ContentColumn": "text", "TargetLabelColumn": "queue"}
    request = problem(world, "text/", {"TextClassificationJobConfig": config})
    assert found(world, request) == [
        Finding(
            "E7010",
            "error",
            "AutoMLProblemTypeConfig.TextClassificationJobConfig.ContentColumn",
            "content column is not in the data (got 'text'; expected a column of the CSV header "
            f"of {uri('text/t.csv')}: 'ticket_text', 'queue')",
        )
    ]


def test_image_formats(world: World) -> None:
    world.put("img/png/dog/1.png", PNG)
    world.put("img/jpeg/cat/1.jpg", JPEG)
    config = {"ImageClassificationJobConfig": {"CompletionCriteria": {"MaxCandidates": 1}}}
    good = problem(world, "img/png/", config, ContentType="image/png")
    assert found(world, good) == []
    assert found(world, problem(world, "img/", config, ContentType="image/*")) == []
    bad = problem(world, "img/jpeg/", config, ContentType="image/png")
    assert found(world, bad) == [
        Finding(
            "E7008",
            "error",
            "AutoMLJobInputDataConfig[0].ContentType",
            f"object is not PNG (got JPEG data in {uri('img/jpeg/cat/1.jpg')}; expected "
            "ContentType 'image/png' to match the images)",
        )
    ]


def test_augmented_manifest(world: World) -> None:
    refs = [world.put("aug/1.png", PNG), uri("aug/2.png")]
    lines = "\n".join(json.dumps({"source-ref": ref, "label": 1}) for ref in refs) + "\n"
    world.put("aug/train.manifest", lines.encode())
    world.put("aug/bad.manifest", b'{"label": 1}\n')
    config = {"ImageClassificationJobConfig": {"CompletionCriteria": {"MaxCandidates": 1}}}
    source = {"S3DataType": "AugmentedManifestFile", "S3Uri": uri("aug/train.manifest")}
    request = problem(world, "aug/", config, ContentType="image/png")
    channel(request)["DataSource"]["S3DataSource"] = source
    assert found(world, request) == [
        Finding(
            "E7006",
            "error",
            URI0,
            f"the manifest names 1 object(s) that do not exist (got '{uri('aug/2.png')}'; "
            "expected every named object to exist); upload them or remove them from the manifest",
        )
    ]
    source["S3Uri"] = uri("aug/bad.manifest")
    assert found(world, request) == [
        Finding(
            "E7005",
            "error",
            URI0,
            'manifest line 1 has no "source-ref" (expected {"source-ref": "s3://...", ...}) '
            f"(got '{uri('aug/bad.manifest')}')",
        )
    ]


def test_scan_reports_progress_per_object(world: World) -> None:
    lines: list[str] = []
    assert found(world, v2(world, "big/"), scan=True, progress=lines.append) == []
    assert sorted(lines) == [
        f"AutoMLJobInputDataConfig[0]: read {n} of 4 objects" for n in (1, 2, 3, 4)
    ]


def test_wide_parquet_footer_is_read_in_a_second_ranged_get(world: World) -> None:
    # 1,500 columns: the footer (~290 KiB) is longer than the 64 KiB tail read first.
    from tests.local.check_world import parquet_bytes

    columns: dict[str, list[int]] = {f"c{i}": list(range(600)) for i in range(1500)}
    columns["churned"] = [i % 2 for i in range(600)]
    world.put("wide/train.parquet", parquet_bytes(columns))
    ranges: list[str] = []
    world.session.events.register(
        "before-call.s3.GetObject",
        lambda params, **_: ranges.append(params["headers"].get("Range", "")),
        unique_id="ranges",
    )
    try:
        request = v2(world, "wide/")
        channel(request)["ContentType"] = PARQUET
        assert found(world, request) == []
        request["AutoMLProblemTypeConfig"]["TabularJobConfig"]["TargetAttributeName"] = "label"
        first_ten = ", ".join(f"'c{i}'" for i in range(10))
        assert found(world, request) == [
            Finding(
                "E7010",
                "error",
                f"{CONFIG}.TargetAttributeName",
                "target column is not in the data (got 'label'; expected a column of the Parquet "
                f"schema of {uri('wide/train.parquet')}: {first_ten}, ...)",
            )
        ]
    finally:
        world.session.events.unregister("before-call.s3.GetObject", unique_id="ranges")
    head, tail, footer = ranges[:3]
    assert (head, tail) == ("bytes=0-1023", "bytes=-65536")
    assert footer.startswith("bytes=-")
    assert int(footer[len("bytes=-") :]) > 65536
