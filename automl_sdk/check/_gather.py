"""Read what a request points at, within fixed bounds, on a small thread pool.

Bounds (without ``scan``): one listing page (1,000 keys) per channel; at most
:data:`SAMPLES_PER_CHANNEL` objects read per channel, the first :data:`FIRST_BYTES` of the
first and :data:`OTHER_BYTES` of the others, plus a Parquet file's footer; the first
:data:`MANIFEST_BYTES` of a manifest and of the feature specification. One call per bucket,
role, KMS key, endpoint, and one each for the subnets and the security groups. Only ``Get``,
``List``, ``Head`` and ``Describe`` calls: nothing is ever written.

With ``scan``, every listing page is read, and every object in full, so rows and time steps
are counted exactly.
"""

from __future__ import annotations

import gzip as gziplib
import io
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from automl_sdk.check._aws import MAX_WORKERS, Clients, Failure, is_code
from automl_sdk.check._content import (
    EMPTY,
    GZIP,
    PARQUET,
    TEXT,
    PyArrowMissing,
    Table,
    count_records,
    decode,
    footer_length,
    gunzip,
    parquet_values,
    read_csv,
    read_parquet_footer,
    sniff,
)
from automl_sdk.check._context import (
    endpoint_member,
    feature_spec_member,
    kms_members,
    parse_s3_uri,
    timestamp_column,
    vpc_members,
)
from automl_sdk.check._facts import MISSING, Channel, Resources, Sample
from automl_sdk.check._manifest import ManifestError, parse_augmented_manifest, parse_manifest
from automl_sdk.lint._common import DEFAULT_CHANNEL_TYPE, TABULAR, get_str
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._docs_tables import (
    AUGMENTED_MANIFEST_FILE,
    DEFAULT_CONTENT_TYPE,
    MANIFEST_FILE,
    S3_PREFIX,
)

#: What a check can read; each rule says which it needs (``CheckRule.reads``).
DATA = "data"
ROLE = "role"
KEYS = "keys"
VPC = "vpc"
OUTPUT = "output"
ENDPOINT = "endpoint"
RESOURCES = frozenset({ROLE, KEYS, VPC, OUTPUT, ENDPOINT})
EVERYTHING = RESOURCES | {DATA}

SAMPLES_PER_CHANNEL = 3
FIRST_BYTES = 64 * 1024
OTHER_BYTES = 32 * 1024
#: A channel whose objects are together this small (and at most SAMPLES_PER_CHANNEL) is read whole.
WHOLE_CHANNEL_BYTES = FIRST_BYTES + 2 * OTHER_BYTES
IMAGE_BYTES = 1024
PARQUET_HEAD_BYTES = 1024
FOOTER_BYTES = 64 * 1024
MANIFEST_BYTES = 64 * 1024
LIST_PAGE = 1000
SCAN_CHUNK = 1024 * 1024

Progress = Callable[[str], None]


def gather(
    ctx: LintContext,
    clients: Clients,
    *,
    scan: bool = False,
    progress: Progress | None = None,
    reads: frozenset[str] = EVERYTHING,
) -> tuple[list[Channel], Resources]:
    """Read what ``ctx.request`` names, of the kinds in ``reads`` (:data:`EVERYTHING` by default).

    The kinds are :data:`DATA` (channels and feature specification), :data:`ROLE`,
    :data:`KEYS`, :data:`VPC`, :data:`OUTPUT` (the output bucket) and :data:`ENDPOINT`: a check
    of some rules only reads what they judge. Never raises for an AWS error: each becomes a
    :class:`~automl_sdk.check._aws.Failure` where the value would have been.
    """
    data = DATA in reads
    channels = plan_channels(ctx) if data else []
    found = Resources(region=clients.region)
    columns = [name for name in (timestamp_column(ctx),) if name]
    # Object reads get their own pool: a channel task waits for its reads, and waiting tasks
    # must never hold every worker the reads need.
    with (
        ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="automl-check") as pool,
        ThreadPoolExecutor(MAX_WORKERS, thread_name_prefix="automl-check-read") as reads_pool,
    ):
        pending: list[Future[None]] = []

        def later(task: Callable[..., None], *args: Any) -> None:
            pending.append(pool.submit(task, *args))

        regions = _Regions(clients, found)
        output = parse_s3_uri(ctx.get_str("OutputDataConfig", "S3OutputPath") or "")
        if OUTPUT in reads and output is not None:
            later(regions.get, output[0])
        for channel in channels:
            later(_read_channel, clients, reads_pool, regions, channel, columns, scan, progress)
        spec = feature_spec_member(ctx) if data else None
        if spec is not None:
            later(_feature_spec, clients, spec[1], found)
        for reader, args in _resource_readers(ctx, reads):
            later(reader, clients, *args, found)
        for future in pending:
            future.result()
    return channels, found


def plan_channels(ctx: LintContext) -> list[Channel]:
    """A :class:`Channel` for each channel with an ``s3://`` URI, before anything is read."""
    problem_type = ctx.problem_type or TABULAR
    planned = []
    for index, (path, raw) in enumerate(ctx.channels):
        uri = get_str(raw, "DataSource", "S3DataSource", "S3Uri") or ""
        split = parse_s3_uri(uri)
        if split is None:
            continue
        content_type = raw.get("ContentType")
        if not isinstance(content_type, str):
            content_type = DEFAULT_CONTENT_TYPE.get(problem_type, "")
        channel_type = raw.get("ChannelType")
        planned.append(
            Channel(
                index=index,
                path=path,
                channel_type=channel_type
                if isinstance(channel_type, str)
                else DEFAULT_CHANNEL_TYPE,
                data_type=get_str(raw, "DataSource", "S3DataSource", "S3DataType") or S3_PREFIX,
                uri=uri,
                bucket=split[0],
                key=split[1],
                content_type=content_type,
                gzip=raw.get("CompressionType") == "Gzip",
                raw=raw,
            )
        )
    return planned


class _Regions:
    """Each bucket's region, asked once however many channels and outputs share the bucket.

    A channel asks before it lists, so the S3 calls for one channel come in a fixed order
    (GetBucketLocation, ListObjectsV2, GetObject...), and a missing bucket is not listed.
    """

    def __init__(self, clients: Clients, resources: Resources) -> None:
        self._clients = clients
        self._resources = resources
        self._lock = threading.Lock()
        self._ready: dict[str, threading.Event] = {}

    def get(self, bucket: str) -> Any:
        """The bucket's region, :data:`MISSING` or a Failure (stored in ``resources.buckets``)."""
        with self._lock:
            ready = self._ready.get(bucket)
            first = ready is None
            if ready is None:
                ready = self._ready[bucket] = threading.Event()
        if first:
            try:
                self._resources.buckets[bucket] = _bucket_region(self._clients, bucket)
            finally:
                ready.set()
        ready.wait()
        return self._resources.buckets.get(bucket)


def _bucket_region(clients: Clients, bucket: str) -> Any:
    answer = clients.call("s3", "get_bucket_location", Bucket=bucket)
    if is_code(answer, "NoSuchBucket"):
        return MISSING
    if isinstance(answer, Failure):
        return answer
    # The legacy constraints: none means us-east-1, "EU" means eu-west-1.
    location = answer.get("LocationConstraint") or "us-east-1"
    return "eu-west-1" if location == "EU" else location


# -- channels ------------------------------------------------------------------------------


def _read_channel(
    clients: Clients,
    pool: ThreadPoolExecutor,
    regions: _Regions,
    channel: Channel,
    columns: list[str],
    scan: bool,
    progress: Progress | None,
) -> None:
    if regions.get(channel.bucket) is MISSING:
        channel.bucket_missing = True
        return
    if channel.data_type == S3_PREFIX:
        _list_prefix(clients, channel, scan)
    elif channel.data_type in (MANIFEST_FILE, AUGMENTED_MANIFEST_FILE):
        _read_manifest(clients, channel, scan)
    if channel.bucket_missing or channel.manifest_problem:
        return
    chosen = channel.objects if scan else _sample(channel.objects)
    limits = _limits(channel, chosen)
    futures = [
        pool.submit(_read_sample, clients, uri, size, limit, channel, columns, scan)
        for (uri, size), limit in zip(chosen, limits, strict=True)
    ]
    for done, future in enumerate(futures, start=1):
        sample = future.result()
        if sample.missing:
            channel.missing_objects.append(sample.uri)
        elif sample.failure is not None and sample.failure not in channel.failures:
            channel.failures.append(sample.failure)
        channel.samples.append(sample)
        if progress is not None and scan:
            progress(f"{channel.path}: read {done} of {len(futures)} objects")


def _list_prefix(clients: Clients, channel: Channel, scan: bool) -> None:
    token: str | None = None
    while True:
        extra = {"ContinuationToken": token} if token else {}
        page = clients.call(
            "s3",
            "list_objects_v2",
            Bucket=channel.bucket,
            Prefix=channel.key,
            MaxKeys=LIST_PAGE,
            **extra,
        )
        if _failed(channel, page):
            return
        for item in page.get("Contents", []):
            if not item["Key"].endswith("/"):  # a "folder" marker holds no data
                channel.objects.append((f"s3://{channel.bucket}/{item['Key']}", item["Size"]))
        token = page.get("NextContinuationToken") if page.get("IsTruncated") else None
        if token is None:
            return
        if not scan:
            channel.listing_complete = False
            return


def _failed(channel: Channel, answer: Any) -> bool:
    """Note a missing bucket or a failed call on the channel; True when there was one."""
    if is_code(answer, "NoSuchBucket"):
        channel.bucket_missing = True
    elif isinstance(answer, Failure):
        channel.failures.append(answer)
    return isinstance(answer, Failure)


def _read_manifest(clients: Clients, channel: Channel, scan: bool) -> None:
    data, whole = _get(clients, channel.uri, None if scan else MANIFEST_BYTES)
    if data is MISSING:
        channel.manifest_problem = "manifest file does not exist"
        return
    if _failed(channel, data):
        return
    parse = parse_manifest if channel.data_type == MANIFEST_FILE else parse_augmented_manifest
    try:
        uris = parse(decode(data), whole=whole)
    except ManifestError as exc:
        channel.manifest_problem = f"manifest {exc}"
        return
    channel.listing_complete = whole
    channel.objects = [(uri, None) for uri in uris]
    if channel.data_type == MANIFEST_FILE and uris:
        _size_manifest_objects(clients, channel, uris)


def _size_manifest_objects(clients: Clients, channel: Channel, uris: list[str]) -> None:
    """One listing page under the manifest's common prefix: sizes, and the keys that are absent.

    A key beyond the last key of a truncated page cannot be judged and is left as it is.
    """
    split = [parse_s3_uri(uri) for uri in uris]
    buckets = {part[0] if part else "" for part in split}
    if len(buckets) != 1 or "" in buckets:
        return  # objects in several buckets: their sizes are left unknown
    bucket = buckets.pop()
    keys = [part[1] if part else "" for part in split]
    prefix = _common_prefix(keys)
    page = clients.call("s3", "list_objects_v2", Bucket=bucket, Prefix=prefix, MaxKeys=LIST_PAGE)
    if isinstance(page, Failure):
        if not is_code(page, "NoSuchBucket"):
            channel.failures.append(page)
        else:
            channel.missing_objects.extend(uris)
            channel.objects = []
        return
    listed = {item["Key"]: item["Size"] for item in page.get("Contents", [])}
    last = max(listed) if page.get("IsTruncated") and listed else None
    known: list[tuple[str, int | None]] = []
    for uri, key in zip(uris, keys, strict=True):
        if key in listed:
            known.append((uri, listed[key]))
        elif last is None or key <= last:
            channel.missing_objects.append(uri)
        else:
            known.append((uri, None))
    channel.objects = known


def _common_prefix(keys: list[str]) -> str:
    first, last = min(keys), max(keys)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def _sample(objects: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """The first, middle and last objects (fewer when there are fewer)."""
    if len(objects) <= SAMPLES_PER_CHANNEL:
        return list(objects)
    picks = sorted({0, len(objects) // 2, len(objects) - 1})
    return [objects[i] for i in picks]


def _limits(channel: Channel, chosen: list[tuple[str, int | None]]) -> list[int | None]:
    """Bytes to read of each chosen object (``None``: all of it)."""
    if channel.content_type.startswith("image/"):
        return [IMAGE_BYTES] * len(chosen)
    sizes = [size for _, size in chosen]
    if (
        len(chosen) == len(channel.objects)
        and channel.listing_complete
        and all(size is not None for size in sizes)
        and sum(size or 0 for size in sizes) <= WHOLE_CHANNEL_BYTES
    ):
        return [max(size or 0, 1) for size in sizes]  # the whole channel fits the budget
    parquet = channel.content_type.endswith("parquet")
    limits: list[int | None] = []
    for i, size in enumerate(sizes):
        limit = FIRST_BYTES if i == 0 else OTHER_BYTES
        if parquet and (size is None or size > limit):
            limit = PARQUET_HEAD_BYTES  # the footer holds the columns, not the head
        limits.append(limit)
    return limits


def _read_sample(
    clients: Clients,
    uri: str,
    size: int | None,
    limit: int | None,
    channel: Channel,
    columns: list[str],
    scan: bool,
) -> Sample:
    sample = Sample(uri=uri, size=size)
    if size == 0:  # nothing to read (and S3 refuses a range of an empty object)
        sample.whole = True
        sample.raw_kind = sample.data_kind = EMPTY
        sample.table = Table(header=None, rows=0)
        return sample
    if scan:
        return _scan_sample(clients, sample, channel, columns)
    data, whole = _get(clients, uri, limit)
    if data is MISSING:
        sample.missing = True
        return sample
    if isinstance(data, Failure):
        sample.failure = data
        return sample
    sample.whole = whole
    _describe(sample, data, clients, columns)
    return sample


def _describe(sample: Sample, data: bytes, clients: Clients | None, columns: list[str]) -> None:
    """Fill the sample's kinds, CSV table and Parquet schema from its first bytes."""
    sample.raw_kind = sniff(data)
    inner: bytes | None = data
    if sample.raw_kind == GZIP:
        inner = gunzip(data, whole=sample.whole)
    sample.data_kind = sniff(inner) if inner is not None else "corrupt gzip"
    if inner is None:
        return
    if sample.data_kind == PARQUET:
        _parquet(sample, inner, clients, columns)
    elif sample.data_kind == TEXT:
        sample.table = read_csv(decode(inner), whole=sample.whole, columns=columns)
        if sample.whole:
            sample.values = sample.table.values


def _parquet(sample: Sample, head: bytes, clients: Clients | None, columns: list[str]) -> None:
    tail: Any = head
    if not sample.whole and clients is not None and sample.raw_kind == PARQUET:
        tail = _tail(clients, sample)
        if isinstance(tail, Failure) or tail is MISSING:
            sample.failure = tail if isinstance(tail, Failure) else None
            sample.parquet_unread = True
            return
    try:
        sample.parquet = read_parquet_footer(tail)
    except PyArrowMissing:
        sample.pyarrow_missing = sample.parquet_unread = True
        return
    sample.parquet_unread = sample.parquet is None
    if sample.whole and sample.parquet is not None and columns:
        try:
            sample.values = parquet_values(head, columns)
        except Exception:  # an unreadable row group: the rows are still known from the footer
            sample.values = None


def _tail(clients: Clients, sample: Sample) -> Any:
    """The end of a Parquet object holding its whole footer (one or two ranged reads)."""
    tail, _ = _get(clients, sample.uri, -FOOTER_BYTES)
    if not isinstance(tail, bytes):
        return tail
    length = footer_length(tail)
    if length is None or length + 8 <= len(tail):
        return tail
    longer, _ = _get(clients, sample.uri, -(length + 8))
    return longer


def _get(clients: Clients, uri: str, limit: int | None) -> tuple[Any, bool]:
    """``(bytes, whole)`` of the first ``limit`` bytes (last ``-limit`` when negative; all when
    ``None``) of an object; ``(MISSING | Failure, False)`` when it cannot be read."""
    split = parse_s3_uri(uri)
    if split is None:
        return Failure("s3:GetObject", "InvalidUri", uri), False
    bucket, key = split
    extra = {}
    if limit is not None:
        extra["Range"] = f"bytes=0-{limit - 1}" if limit > 0 else f"bytes={limit}"
    answer = clients.call("s3", "get_object", Bucket=bucket, Key=key, **extra)
    if is_code(answer, "NoSuchKey", "NotFound"):
        return MISSING, False
    if isinstance(answer, Failure):
        return answer, False
    try:
        data = answer["Body"].read()
    except Exception as exc:  # a reset mid-body
        return Failure("s3:GetObject", type(exc).__name__, str(exc)), False
    total = _total_size(answer.get("ContentRange"))
    return data, total is None or total <= len(data)


def _total_size(content_range: str | None) -> int | None:
    """The object size of ``bytes 0-9/5968``; ``None`` without a range (the whole object)."""
    if not content_range or "/" not in content_range:
        return None
    total = content_range.rsplit("/", 1)[1]
    return int(total) if total.isdigit() else None


def _scan_sample(clients: Clients, sample: Sample, channel: Channel, columns: list[str]) -> Sample:
    """Read a whole object, streaming CSV so that size does not matter."""
    split = parse_s3_uri(sample.uri)
    assert split is not None
    answer = clients.call("s3", "get_object", Bucket=split[0], Key=split[1])
    if is_code(answer, "NoSuchKey", "NotFound"):
        sample.missing = True
        return sample
    if isinstance(answer, Failure):
        sample.failure = answer
        return sample
    body = answer["Body"]
    try:
        first = body.read(SCAN_CHUNK)
        kind = sniff(first)
        inner_first = gunzip(first, whole=False) if kind == GZIP else first
        if sniff(inner_first or b"") != TEXT:
            sample.whole = True
            _describe(sample, first + body.read(), None, columns)
            return sample
        stream: Any = _Joined(first, body)
        if kind == GZIP:
            stream = gziplib.GzipFile(fileobj=stream)
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
        import csv

        records = csv.reader(text)
        header = next(records, None)
        sample.whole = True
        sample.raw_kind, sample.data_kind = kind, TEXT
        if header is not None:
            sample.table = count_records(tuple(header), records, columns)
            sample.values = sample.table.values
        else:
            sample.table = Table(header=None, rows=0)
    except Exception as exc:  # a reset or a corrupt stream part way through
        sample.failure = Failure("s3:GetObject", type(exc).__name__, str(exc))
    return sample


class _Joined(io.RawIOBase):
    """Bytes already read followed by the rest of a streaming body, as one binary file."""

    def __init__(self, first: bytes, rest: Any) -> None:
        self._first = first
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._first:
            size = min(len(buffer), len(self._first))
            buffer[:size] = self._first[:size]
            self._first = self._first[size:]
            return size
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


# -- resources -----------------------------------------------------------------------------


def _resource_readers(ctx: LintContext, reads: frozenset[str]) -> list[tuple[Any, tuple[Any, ...]]]:
    """``(reader, arguments)`` of each resource lookup to make: one call each (two for a VPC)."""
    readers: list[tuple[Any, tuple[Any, ...]]] = []
    if ROLE in reads:
        readers.append((_role, (ctx,)))
    if KEYS in reads:
        readers += [(_key, (key,)) for key in dict.fromkeys(key for _, key in kms_members(ctx))]
    if VPC in reads:
        readers.append((_vpc, (ctx,)))
    endpoint = endpoint_member(ctx)
    if ENDPOINT in reads and endpoint is not None:
        readers.append((_endpoint, (endpoint[1],)))
    return readers


def _role(clients: Clients, ctx: LintContext, resources: Resources) -> None:
    arn = ctx.get_str("RoleArn")
    if not arn or ":role/" not in arn:
        return
    answer = clients.call("iam", "get_role", RoleName=arn.rsplit("/", 1)[-1])
    if is_code(answer, "NoSuchEntity"):
        resources.role = MISSING
        identity = clients.call("sts", "get_caller_identity")
        resources.caller_account = (
            identity if isinstance(identity, Failure) else identity.get("Account")
        )
    else:
        resources.role = answer if isinstance(answer, Failure) else answer["Role"]


def _key(clients: Clients, key: str, resources: Resources) -> None:
    answer = clients.call("kms", "describe_key", KeyId=key)
    if is_code(answer, "NotFoundException"):
        resources.keys[key] = MISSING
    else:
        resources.keys[key] = answer if isinstance(answer, Failure) else answer["KeyMetadata"]


def _vpc(clients: Clients, ctx: LintContext, resources: Resources) -> None:
    subnets = [value for _, value in vpc_members(ctx, "Subnets")]
    groups = [value for _, value in vpc_members(ctx, "SecurityGroupIds")]
    if subnets:
        answer = clients.call(
            "ec2", "describe_subnets", Filters=[{"Name": "subnet-id", "Values": subnets}]
        )
        resources.subnets = _vpcs(answer, "Subnets", "SubnetId", subnets)
    if groups:
        answer = clients.call(
            "ec2", "describe_security_groups", Filters=[{"Name": "group-id", "Values": groups}]
        )
        resources.security_groups = _vpcs(answer, "SecurityGroups", "GroupId", groups)


def _vpcs(answer: Any, items: str, id_key: str, wanted: list[str]) -> Any:
    if isinstance(answer, Failure):
        return answer
    found = {item[id_key]: item.get("VpcId") for item in answer.get(items, [])}
    return {name: found.get(name, MISSING) for name in wanted}


def _endpoint(clients: Clients, name: str, resources: Resources) -> None:
    answer = clients.call("sagemaker", "describe_endpoint", EndpointName=name)
    if isinstance(answer, Failure) and "Could not find" in answer.message:
        resources.endpoint = MISSING
    else:
        resources.endpoint = answer


def _feature_spec(clients: Clients, uri: str, resources: Resources) -> None:
    data, whole = _get(clients, uri, MANIFEST_BYTES)
    if isinstance(data, bytes) and not whole:
        data = Failure("s3:GetObject", "TooLarge", f"over {MANIFEST_BYTES} bytes")
    resources.feature_spec = data
