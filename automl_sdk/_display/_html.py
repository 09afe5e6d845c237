"""The building blocks every display shares: escaping, inline styles, badges, links, durations.

Styles are inline ``style`` attributes (no ``<style>`` block), so they survive renderers that
strip style sheets and never leak into the rest of a notebook. Text takes the notebook's own
colour (``inherit``) and lines and shading are translucent grey, so one markup reads on light
and dark themes alike; only badges carry their own colours, white on a saturated background.
"""

from __future__ import annotations

import datetime
import html
import urllib.parse
from collections.abc import Iterable

FONT = "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;line-height:1.45"
BOX = (
    f"{FONT};color:inherit;border:1px solid rgba(127,127,127,.35);border-radius:6px;"
    "padding:10px 14px;margin:4px 0;max-width:72em;box-sizing:border-box"
)
TABLE = "border-collapse:collapse;margin:6px 0;color:inherit"
CELL = (
    "padding:3px 10px;border-bottom:1px solid rgba(127,127,127,.25);text-align:left;"
    "vertical-align:top"
)
HEAD = f"{CELL};background:rgba(127,127,127,.14);font-weight:600"
KEY = (
    "padding:2px 14px 2px 0;vertical-align:top;opacity:.75;font-weight:500;white-space:nowrap;"
    "text-align:left"
)
VALUE = "padding:2px 0;vertical-align:top"
CODE = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px"
MUTED = "opacity:.7"

#: Badge background per status word; anything else is shown amber.
STATUS_COLOURS = {
    "Completed": "#1a7f37",
    "Succeeded": "#1a7f37",
    "InService": "#1a7f37",
    "InProgress": "#0969da",
    "Creating": "#0969da",
    "Updating": "#0969da",
    "Failed": "#cf222e",
    "error": "#cf222e",
    "Stopped": "#6e7781",
    "Stopping": "#6e7781",
    "Deleting": "#6e7781",
    "TimedOut": "#6e7781",
    "warning": "#9a6700",
    "info": "#0969da",
}
#: What an unlisted status word gets: amber, readable with white text on both themes.
OTHER_COLOUR = "#9a6700"

#: The S3 console, for ``s3://`` links of the standard AWS partition.
S3_CONSOLE = "https://s3.console.aws.amazon.com/s3"


def esc(value: object) -> str:
    """``value`` as text safe inside HTML elements and quoted attributes."""
    return html.escape(str(value), quote=True)


def badge(word: str, *, like: str | None = None) -> str:
    """A small coloured label holding ``word`` (a status or a severity), coloured as the status
    ``like`` when given."""
    colour = STATUS_COLOURS.get(like or word, OTHER_COLOUR)
    style = (
        f"display:inline-block;padding:0 7px;border-radius:9px;background:{colour};"
        "color:#fff;font-size:12px;font-weight:600;line-height:18px;white-space:nowrap"
    )
    return f'<span style="{style}">{esc(word)}</span>'


def box(*parts: str) -> str:
    """The outer frame of a display."""
    inner = "\n".join(part for part in parts if part)
    return f'<div style="{BOX}">\n{inner}\n</div>'


def title(text: str, *extras: str) -> str:
    """A display's heading: ``text`` in bold, then ``extras`` (badges, notes) on the same line."""
    tail = "".join(f" {extra}" for extra in extras)
    return f'<div style="margin-bottom:6px"><b style="font-size:14px">{esc(text)}</b>{tail}</div>'


def key_values(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table of ``(label, HTML value)`` rows; the labels are escaped here."""
    body = "".join(
        f'<tr><th style="{KEY}">{esc(label)}</th><td style="{VALUE}">{value}</td></tr>\n'
        for label, value in rows
    )
    return f'<table style="{TABLE}">\n{body}</table>' if body else ""


def table(headers: Iterable[str], rows: Iterable[Iterable[str]], *, numeric: set[int]) -> str:
    """A table with escaped ``headers`` and HTML ``rows``; columns in ``numeric`` align right."""
    heads = "".join(
        f'<th style="{HEAD}{";text-align:right" if index in numeric else ""}">{esc(text)}</th>'
        for index, text in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="{CELL}{";text-align:right" if index in numeric else ""}">{cell}</td>'
            for index, cell in enumerate(row)
        )
        + "</tr>\n"
        for row in rows
    )
    return (
        f'<table style="{TABLE}">\n<thead><tr>{heads}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>"
    )


def code(text: str, *, wrap: bool = False) -> str:
    """``text`` escaped in a monospaced span, kept on one line unless ``wrap``."""
    breaking = "overflow-wrap:anywhere" if wrap else "white-space:nowrap"
    return f'<span style="{CODE};{breaking}">{esc(text)}</span>'


def muted(text: str) -> str:
    """``text`` escaped and dimmed."""
    return f'<span style="{MUTED}">{esc(text)}</span>'


def duration(seconds: float) -> str:
    """``H:MM:SS`` for a number of seconds (negative clock skew shows as ``0:00:00``)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def iso(moment: datetime.datetime) -> str:
    """``moment`` in ISO 8601 to the second."""
    return moment.isoformat(timespec="seconds")


def metric(value: float | None) -> str:
    """A metric value with up to six significant digits (``-`` when there is none)."""
    return "-" if value is None else f"{value:.6g}"


def region_of(arn: str | None) -> str | None:
    """The region field of an ARN (``arn:aws:sagemaker:us-east-1:...``), if it has one."""
    parts = (arn or "").split(":")
    return parts[3] if len(parts) > 4 and parts[0] == "arn" and parts[3] else None


def partition_of(arn: str | None) -> str | None:
    """The partition field of an ARN (``aws``, ``aws-cn``, ...), if it has one."""
    parts = (arn or "").split(":")
    return parts[1] if len(parts) > 4 and parts[0] == "arn" else None


def s3_console_url(uri: str, region: str | None) -> str | None:
    """The S3 console page of ``s3://bucket/key`` (a folder view when the key ends with ``/``).

    ``None`` when ``uri`` is not an ``s3://`` URI with a bucket.
    """
    parsed = urllib.parse.urlsplit(uri)
    if parsed.scheme != "s3" or not parsed.netloc:
        return None
    key = parsed.path.lstrip("/")
    query = {"prefix": key} if key else {}
    if region:
        query = {"region": region, **query}
    page = "buckets" if not key or key.endswith("/") else "object"
    bucket = urllib.parse.quote(parsed.netloc, safe="")
    encoded = urllib.parse.urlencode(query, quote_via=urllib.parse.quote, safe="/")
    return f"{S3_CONSOLE}/{page}/{bucket}" + (f"?{encoded}" if encoded else "")


def s3_link(uri: str, region: str | None, *, partition: str | None = "aws") -> str:
    """``uri`` in monospace, linked to the S3 console when it is an ``s3://`` URI in the
    standard ``aws`` partition (China and GovCloud consoles live elsewhere: shown unlinked)."""
    url = s3_console_url(uri, region) if partition in (None, "aws") else None
    if url is None:
        return code(uri, wrap=True)
    return (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer" '
        f'title="Open in the S3 console" style="color:inherit">{code(uri, wrap=True)}</a>'
    )
