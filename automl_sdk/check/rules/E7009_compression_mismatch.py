"""E7009: the data is gzip-compressed and CompressionType says not, or the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._content import GZIP
from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import Channel, Sample
from automl_sdk.check._rule import API_V1_PAGE, CheckRule
from automl_sdk.check.rules._helpers import first_mismatch


class CompressionMismatch(CheckRule):
    """Objects are (not) gzip while CompressionType says otherwise."""

    id = "E7009"
    short_description = "Data compression does not match CompressionType"
    description = (
        "Gzip data starts with the bytes 1f 8b. CompressionType Gzip on plain files, or "
        "gzip files with CompressionType None (the default), make the job read garbage. A "
        "sample that starts like gzip but does not decompress is reported too."
    )
    source = (
        f'"You can use Gzip or None. The default value is None." (CompressionType, {API_V1_PAGE})'
    )
    tags = ("data", "format", "compression")

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report the first sample per channel whose compression disagrees."""
        for channel in ctx.data:
            if channel.content_type.startswith("image/"):
                continue
            message = first_mismatch(channel, _mismatch)
            if message is not None:
                yield f"{channel.path}.CompressionType", message


def _mismatch(channel: Channel, sample: Sample) -> str | None:
    declared = channel.raw.get("CompressionType")
    shown = repr(declared) if isinstance(declared, str) else "not set (None)"
    if sample.data_kind == "corrupt gzip":
        return (
            f"object is not a valid gzip stream (got {sample.uri} starting with 1f 8b but not "
            "decompressing; expected a whole gzip file); re-compress it"
        )
    if channel.gzip and sample.raw_kind != GZIP and sample.raw_kind != "empty":
        return (
            f"object is not gzip-compressed (got CompressionType 'Gzip' and {sample.uri} "
            f"starting with {sample.raw_kind} data; expected the gzip magic bytes 1f 8b); set "
            "CompressionType to 'None' or compress the files"
        )
    if not channel.gzip and sample.raw_kind == GZIP:
        return (
            f"object is gzip-compressed (got CompressionType {shown} and {sample.uri} starting "
            "with the gzip magic bytes 1f 8b; expected plain data); set CompressionType to "
            "'Gzip'"
        )
    return None
