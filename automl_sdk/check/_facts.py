"""What a check read from AWS, as plain data for the rules.

:func:`automl_sdk.check._gather.gather` fills these; the rules in :mod:`automl_sdk.check.rules`
only compare them with the request. A value that could not be read is a
:class:`~automl_sdk.check._aws.Failure`; a resource that does not exist is :data:`MISSING`.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from automl_sdk.check._aws import Failure
from automl_sdk.check._content import ParquetSchema, Table


class _Missing:
    """The marker of a resource that does not exist (a 404, NoSuchEntity, NotFound...)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


@attrs.define
class Sample:
    """One object the check read the start of (or, with ``scan``, all of).

    Attributes:
        uri: ``s3://bucket/key``.
        size: its size from the listing (``None`` when only a manifest named it).
        failure: why it could not be read; ``missing`` when it does not exist.
        raw_kind: the format its first bytes show (``gzip``, ``Parquet``, ``text``...).
        data_kind: the format after gunzip (``raw_kind`` when not gzip).
        whole: the bytes read are the whole object.
        table: its CSV header (and rows when whole); ``None`` unless it reads as CSV.
        parquet: its Parquet schema and row count, from the footer.
        parquet_unread: it is Parquet but its footer could not be read (why, in ``failure``
            or ``pyarrow_missing``).
        pyarrow_missing: it is Parquet and pyarrow is not installed.
        values: distinct values of the columns asked for (a time series' timestamps), when whole.
    """

    uri: str
    size: int | None
    failure: Failure | None = None
    missing: bool = False
    raw_kind: str | None = None
    data_kind: str | None = None
    whole: bool = False
    table: Table | None = None
    parquet: ParquetSchema | None = None
    parquet_unread: bool = False
    pyarrow_missing: bool = False
    values: dict[str, frozenset[str]] | None = None

    @property
    def header(self) -> tuple[str, ...] | None:
        """The column names: the CSV header or the Parquet schema."""
        if self.parquet is not None:
            return self.parquet.columns
        return self.table.header if self.table is not None else None

    @property
    def rows(self) -> int | None:
        """Exact data rows, when known (a whole CSV, or any Parquet footer)."""
        if self.parquet is not None:
            return self.parquet.rows
        return self.table.rows if self.table is not None else None


@attrs.define
class Channel:
    """One input channel and what was read of it.

    Attributes:
        index: position in the channel list.
        path: ``AutoMLJobInputDataConfig[0]`` (V1: ``InputDataConfig[0]``).
        channel_type: ``"training"`` or ``"validation"``.
        data_type: ``S3Prefix``, ``ManifestFile`` or ``AugmentedManifestFile``.
        uri: the channel's ``S3Uri``; ``bucket`` and ``key`` split from it.
        content_type: the declared ``ContentType``, or the problem type's default.
        gzip: ``CompressionType`` is ``Gzip``.
        raw: the channel dict as the request has it.
        bucket_missing: the bucket does not exist.
        failures: the calls that could not be made for this channel.
        objects: ``(uri, size)`` of every data object known (one listing page, or the
            manifest's entries; size ``None`` when unknown).
        listing_complete: ``objects`` is every object of the channel.
        manifest_problem: why the manifest is unusable (does not exist, does not parse...).
        missing_objects: objects the manifest names that do not exist.
        samples: the objects read.
    """

    index: int
    path: str
    channel_type: str
    data_type: str
    uri: str
    bucket: str
    key: str
    content_type: str
    gzip: bool
    raw: dict[str, Any]
    bucket_missing: bool = False
    failures: list[Failure] = attrs.field(factory=list)
    objects: list[tuple[str, int | None]] = attrs.field(factory=list)
    listing_complete: bool = True
    manifest_problem: str | None = None
    missing_objects: list[str] = attrs.field(factory=list)
    samples: list[Sample] = attrs.field(factory=list)

    @property
    def uri_path(self) -> str:
        """Wire path of the channel's ``S3Uri`` member."""
        return f"{self.path}.DataSource.S3DataSource.S3Uri"

    @property
    def read_whole(self) -> bool:
        """Every object of the channel was read and its rows are known."""
        return (
            self.listing_complete
            and bool(self.objects)
            and not self.failures
            and len(self.samples) == len(self.objects)
            and all(sample.rows is not None for sample in self.samples)
        )

    @property
    def rows(self) -> int | None:
        """Data rows of the whole channel, when :attr:`read_whole`."""
        if not self.read_whole:
            return None
        return sum(sample.rows or 0 for sample in self.samples)

    @property
    def total_size(self) -> int:
        """Bytes of the objects known (one listing page unless scanned)."""
        return sum(size or 0 for _, size in self.objects)


@attrs.define
class Resources:
    """The resources the request names and what AWS said of each.

    Each value is the AWS answer (a dict), :data:`MISSING`, or a :class:`Failure`.

    Attributes:
        region: the job's region.
        buckets: bucket name -> its region (``"us-east-1"`` for the legacy empty constraint).
        role: ``GetRole``'s ``Role``; ``None`` when the request names no role.
        caller_account: the credentials' account (read only when the role is missing).
        keys: KMS key id as written -> ``DescribeKey``'s ``KeyMetadata``.
        subnets: subnet id -> its VPC id (absent ids are :data:`MISSING`), or a Failure.
        security_groups: group id -> its VPC id, or a Failure.
        endpoint: ``DescribeEndpoint``'s answer for ``ModelDeployConfig.EndpointName``.
        feature_spec: the bytes of ``FeatureSpecificationS3Uri``.
    """

    region: str | None
    buckets: dict[str, Any] = attrs.field(factory=dict)
    role: Any = None
    caller_account: Any = None
    keys: dict[str, Any] = attrs.field(factory=dict)
    subnets: Any = None
    security_groups: Any = None
    endpoint: Any = None
    feature_spec: Any = None
