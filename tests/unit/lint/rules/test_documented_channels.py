"""Named cases for the documented channel rules (E2001-E2008, E2009, W2022)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.lint.rules.documented_cases import DELETE, found, make, run

CH = "AutoMLJobInputDataConfig"
V1CH = "InputDataConfig"
S3 = "DataSource.S3DataSource"
IMAGE_MANIFEST = {f"{CH}[0].{S3}.S3DataType": "ManifestFile"}


def _channel(kind: str | None, **members: Any) -> dict[str, Any]:
    channel: dict[str, Any] = {
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/p/"}},
        **members,
    }
    if kind is not None:
        channel["ChannelType"] = kind
    return channel


E2001 = [
    pytest.param("v2_tabular", {}, [], id="training-and-validation"),
    pytest.param("v2_tabular_minimal", {}, [], id="single-training"),
    pytest.param(
        "v2_tabular",
        {f"{CH}[1].ChannelType": "training"},
        [("E2001", f"{CH}[1].ChannelType")],
        id="two-explicit-training",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].ChannelType": DELETE, f"{CH}[1].ChannelType": DELETE},
        [("E2001", f"{CH}[1].ChannelType")],
        id="two-default-training",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].ChannelType": "validation"},
        [("E2001", f"{CH}[1].ChannelType")],
        id="two-validation",
    ),
    pytest.param(
        "v1_tabular",
        {
            V1CH: [
                _channel(None, TargetAttributeName="y"),
                _channel("training", TargetAttributeName="y"),
            ]
        },
        [("E2001", f"{V1CH}[1].ChannelType")],
        id="v1-default-and-explicit-training",
    ),
    pytest.param("v2_tabular", {f"{CH}[1].ChannelType": 7}, [], id="wrong-type-skipped"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2001)
def test_e2001_one_channel_per_type(
    base: str, changes: dict[str, Any], expected: list[Any]
) -> None:
    assert found("E2001", make(base, changes)) == expected


def test_e2001_message_names_default_and_fix() -> None:
    request = make("v2_tabular", {f"{CH}[0].ChannelType": DELETE, f"{CH}[1].ChannelType": DELETE})
    [finding] = run("E2001", request)
    assert finding.message == (
        "second training channel (got no ChannelType, so 'training'; expected at most one "
        f"training and one validation channel, and {CH}[0] is already training); set ChannelType "
        "to 'validation' on one of them"
    )


E2002 = [
    pytest.param("v2_tabular_minimal", {}, [], id="single-training"),
    pytest.param("v2_tabular_minimal", {f"{CH}[0].ChannelType": DELETE}, [], id="single-default"),
    pytest.param(
        "v2_tabular_minimal",
        {f"{CH}[0].ChannelType": "validation"},
        [("E2002", f"{CH}[0].ChannelType")],
        id="single-validation",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].ChannelType": "validation"},
        [("E2002", CH)],
        id="two-validation",
    ),
    pytest.param(
        "v1_tabular",
        {f"{V1CH}[0].ChannelType": "validation"},
        [("E2002", f"{V1CH}[0].ChannelType")],
        id="v1-single-validation",
    ),
    pytest.param("v2_tabular", {f"{CH}[0]": "oops"}, [], id="malformed-channel-skipped"),
    pytest.param(
        "v2_tabular", {f"{CH}[0].ChannelType": "train"}, [], id="not-in-enum-left-to-schema"
    ),
    pytest.param("v2_tabular", {CH: []}, [], id="empty-list-left-to-schema"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2002)
def test_e2002_training_channel(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2002", make(base, changes)) == expected


def test_e2002_message() -> None:
    [finding] = run("E2002", make("v2_tabular_minimal", {f"{CH}[0].ChannelType": "validation"}))
    assert finding.message == (
        "a single channel must be the training channel (got 'validation'; expected 'training'); "
        "remove ChannelType or set it to 'training'"
    )


PARQUET = "x-application/vnd.amazon+parquet"
E2003 = [
    pytest.param("v2_tabular", {}, [], id="same"),
    pytest.param(
        "v2_tabular",
        {f"{CH}[1].ContentType": PARQUET},
        [("E2003", f"{CH}[1].ContentType")],
        id="csv-vs-parquet",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].ContentType": DELETE, f"{CH}[1].ContentType": PARQUET},
        [("E2003", f"{CH}[1].ContentType")],
        id="default-csv-vs-parquet",
    ),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].ContentType": DELETE},
        [],
        id="default-equals-explicit-csv",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[0].ContentType": DELETE},
        [],
        id="image-default-is-image-star",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[1].ContentType": "image/png"},
        [("E2003", f"{CH}[1].ContentType")],
        id="image-star-vs-png",
    ),
    pytest.param("v2_tabular", {f"{CH}[1].ContentType": 3}, [], id="wrong-type-skipped"),
    pytest.param("v2_tabular", {f"{CH}[1].ContentType": "text/csv"}, [], id="not-allowed-is-E2006"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2003)
def test_e2003_shared_content_type(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2003", make(base, changes)) == expected


def test_e2003_message() -> None:
    [finding] = run("E2003", make("v2_tabular", {f"{CH}[1].ContentType": PARQUET}))
    assert finding.message == (
        "validation channel ContentType differs from the training channel's (got "
        f"'{PARQUET}'; expected 'text/csv;header=present', the training channel's); use the "
        "same format for both"
    )


def _v1_pair(train_target: Any, validation_target: Any) -> dict[str, Any]:
    return {
        V1CH: [
            _channel("training", TargetAttributeName=train_target),
            _channel("validation", TargetAttributeName=validation_target),
        ],
        "AutoMLJobConfig.DataSplitConfig": DELETE,
    }


E2004 = [
    pytest.param("v1_tabular", _v1_pair("y", "y"), [], id="same"),
    pytest.param(
        "v1_tabular",
        _v1_pair("y", "label"),
        [("E2004", f"{V1CH}[1].TargetAttributeName")],
        id="differ",
    ),
    pytest.param("v1_tabular", _v1_pair("y", 5), [], id="wrong-type-skipped"),
    pytest.param("v1_tabular", {}, [], id="single-channel"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2004)
def test_e2004_v1_shared_target(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2004", make(base, changes)) == expected


E2005 = [
    pytest.param("v2_tabular_split", {}, [], id="tabular-manifest"),
    pytest.param(
        "v2_tabular",
        {f"{CH}[1].{S3}.S3DataType": "AugmentedManifestFile", f"{CH}[1].CompressionType": DELETE},
        [("E2005", f"{CH}[1].{S3}.S3DataType")],
        id="tabular-augmented",
    ),
    pytest.param("v2_image_classification", {}, [], id="image-augmented"),
    pytest.param("v2_image_classification", IMAGE_MANIFEST, [], id="image-manifest"),
    pytest.param(
        "v2_text_classification",
        {f"{CH}[0].{S3}.S3DataType": "ManifestFile"},
        [("E2005", f"{CH}[0].{S3}.S3DataType")],
        id="text-manifest",
    ),
    pytest.param(
        "v2_time_series",
        {f"{CH}[0].{S3}.S3DataType": "ManifestFile"},
        [("E2005", f"{CH}[0].{S3}.S3DataType")],
        id="time-series-manifest",
    ),
    pytest.param(
        "v2_text_generation",
        {f"{CH}[1].{S3}.S3DataType": "AugmentedManifestFile"},
        [("E2005", f"{CH}[1].{S3}.S3DataType")],
        id="text-generation-augmented",
    ),
    pytest.param(
        "v1_tabular",
        {
            f"{V1CH}[0].{S3}.S3DataType": "AugmentedManifestFile",
            f"{V1CH}[0].CompressionType": DELETE,
        },
        [("E2005", f"{V1CH}[0].{S3}.S3DataType")],
        id="v1-augmented",
    ),
    pytest.param(
        "v1_tabular", {f"{V1CH}[0].{S3}.S3DataType": "Bogus"}, [], id="enum-left-to-schema"
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2005)
def test_e2005_s3_data_type(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2005", make(base, changes)) == expected


def test_e2005_v1_message_names_v2() -> None:
    request = make("v1_tabular", {f"{V1CH}[0].{S3}.S3DataType": "AugmentedManifestFile"})
    [finding] = run("E2005", request)
    assert finding.message == (
        "S3DataType not supported for a CreateAutoMLJob (V1) request (got 'AugmentedManifestFile'; "
        "expected 'S3Prefix' or 'ManifestFile'); use CreateAutoMLJobV2 for it"
    )


E2006 = [
    pytest.param("v2_tabular_minimal", {}, [], id="tabular-parquet"),
    pytest.param("v2_tabular", {f"{CH}[0].ContentType": DELETE}, [], id="omitted"),
    pytest.param(
        "v2_tabular_minimal",
        {f"{CH}[0].ContentType": "text/csv"},
        [("E2006", f"{CH}[0].ContentType")],
        id="csv-without-header",
    ),
    pytest.param(
        "v2_tabular_minimal",
        {f"{CH}[0].ContentType": "application/json"},
        [("E2006", f"{CH}[0].ContentType")],
        id="json",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[0].ContentType": "image/png", f"{CH}[1].ContentType": "image/png"},
        [],
        id="image-png",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[0].ContentType": "image/gif", f"{CH}[1].ContentType": "image/gif"},
        [("E2006", f"{CH}[0].ContentType"), ("E2006", f"{CH}[1].ContentType")],
        id="image-gif",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[0].ContentType": "text/csv;header=present"},
        [("E2006", f"{CH}[0].ContentType")],
        id="image-csv",
    ),
    pytest.param(
        "v2_time_series",
        {f"{CH}[0].ContentType": "image/png"},
        [("E2006", f"{CH}[0].ContentType")],
        id="time-series-image",
    ),
    pytest.param(
        "v1_tabular",
        {f"{V1CH}[0].ContentType": "text/csv; header=present"},
        [("E2006", f"{V1CH}[0].ContentType")],
        id="v1-space",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2006)
def test_e2006_content_type(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2006", make(base, changes)) == expected


def test_e2006_message_suggests_header() -> None:
    [finding] = run("E2006", make("v2_tabular_minimal", {f"{CH}[0].ContentType": "text/csv"}))
    assert finding.message == (
        "ContentType not allowed for a tabular job (got 'text/csv'; expected "
        f"'text/csv;header=present' or '{PARQUET}'); use 'text/csv;header=present'"
    )


E2007 = [
    pytest.param("v2_tabular", {}, [], id="tabular-s3prefix-gzip"),
    pytest.param(
        "v2_tabular_split",
        {f"{CH}[0].CompressionType": "Gzip"},
        [("E2007", f"{CH}[0].CompressionType")],
        id="tabular-manifest-gzip",
    ),
    pytest.param(
        "v2_time_series",
        {f"{CH}[0].CompressionType": "Gzip"},
        [("E2007", f"{CH}[0].CompressionType")],
        id="time-series-gzip",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[1].CompressionType": "Gzip"},
        [("E2007", f"{CH}[1].CompressionType")],
        id="image-gzip",
    ),
    pytest.param("v2_time_series", {f"{CH}[0].CompressionType": "None"}, [], id="time-series-none"),
    pytest.param(
        "v1_tabular",
        {f"{V1CH}[0].{S3}.S3DataType": "ManifestFile", f"{V1CH}[0].CompressionType": "Gzip"},
        [("E2007", f"{V1CH}[0].CompressionType")],
        id="v1-manifest-gzip",
    ),
    pytest.param("v1_tabular", {f"{V1CH}[0].CompressionType": "Gzip"}, [], id="v1-s3prefix-gzip"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2007)
def test_e2007_compression(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2007", make(base, changes)) == expected


E2008 = [
    pytest.param("v2_tabular", {}, [], id="s3-uris"),
    pytest.param("v1_tabular", {}, [], id="v1-s3-uris"),
    pytest.param(
        "v2_tabular",
        {f"{CH}[0].{S3}.S3Uri": "https://amzn-s3-demo-bucket.s3.amazonaws.com/train/"},
        [("E2008", f"{CH}[0].{S3}.S3Uri")],
        id="channel-https",
    ),
    pytest.param(
        "v2_tabular",
        {"OutputDataConfig.S3OutputPath": "https://example.com/out"},
        [("E2008", "OutputDataConfig.S3OutputPath")],
        id="output-https",
    ),
    pytest.param(
        "v2_tabular",
        {"AutoMLProblemTypeConfig.TabularJobConfig.FeatureSpecificationS3Uri": "https://x/f.json"},
        [("E2008", "AutoMLProblemTypeConfig.TabularJobConfig.FeatureSpecificationS3Uri")],
        id="tabular-feature-spec-https",
    ),
    pytest.param(
        "v1_tabular",
        {"AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri": "https://x/f"},
        [("E2008", "AutoMLJobConfig.CandidateGenerationConfig.FeatureSpecificationS3Uri")],
        id="v1-feature-spec-https",
    ),
    pytest.param(
        "v2_tabular",
        {"OutputDataConfig.S3OutputPath": "s3://my bucket/out"},
        [("E2008", "OutputDataConfig.S3OutputPath")],
        id="space-in-bucket",
    ),
    pytest.param(
        "v2_tabular", {"OutputDataConfig.S3OutputPath": "s3://bucket"}, [], id="bucket-only"
    ),
    pytest.param(
        "v2_tabular",
        {"OutputDataConfig.S3OutputPath": "bucket/out"},
        [],
        id="no-scheme-left-to-schema",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2008)
def test_e2008_s3_uri(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2008", make(base, changes)) == expected


E2009 = [
    pytest.param(
        "v2_tabular", {"OutputDataConfig.S3OutputPath": "s3://b/" + "k" * 121}, [], id="128"
    ),
    pytest.param(
        "v2_tabular",
        {"OutputDataConfig.S3OutputPath": "s3://b/" + "k" * 122},
        [("E2009", "OutputDataConfig.S3OutputPath")],
        id="129",
    ),
    pytest.param(
        "v1_tabular",
        {"OutputDataConfig.S3OutputPath": "s3://b/" + "k" * 500},
        [("E2009", "OutputDataConfig.S3OutputPath")],
        id="v1-507",
    ),
    pytest.param(
        "v2_tabular",
        {"OutputDataConfig.S3OutputPath": "s3://b/" + "k" * 1100},
        [],
        id="over-1024-left-to-schema",
    ),
]


@pytest.mark.parametrize(("base", "changes", "expected"), E2009)
def test_e2009_output_path_length(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("E2009", make(base, changes)) == expected


def test_e2009_message() -> None:
    request = make("v2_tabular", {"OutputDataConfig.S3OutputPath": "s3://b/" + "k" * 122})
    [finding] = run("E2009", request)
    assert finding.message == (
        "S3OutputPath is too long (got 129 characters; expected at most 128); use a shorter "
        "bucket prefix"
    )


W2022 = [
    pytest.param("v2_tabular_split", {}, [], id="manifest-object"),
    pytest.param(
        "v2_tabular_split",
        {f"{CH}[0].{S3}.S3Uri": "s3://b/house/"},
        [("W2022", f"{CH}[0].{S3}.S3Uri")],
        id="manifest-prefix",
    ),
    pytest.param(
        "v2_image_classification",
        {f"{CH}[0].{S3}.S3Uri": "s3://b/pets/"},
        [("W2022", f"{CH}[0].{S3}.S3Uri")],
        id="augmented-prefix",
    ),
    pytest.param("v2_tabular", {}, [], id="s3prefix-with-slash"),
]


@pytest.mark.parametrize(("base", "changes", "expected"), W2022)
def test_w2022_manifest_uri(base: str, changes: dict[str, Any], expected: list[Any]) -> None:
    assert found("W2022", make(base, changes)) == expected
