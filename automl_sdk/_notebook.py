"""Notebook niceties: an HTML leaderboard and a live ``wait`` status line in Jupyter.

No dependencies: IPython is used only when it is importable *and* a kernel is running;
everywhere else the progress display does nothing (the library never prints).
"""

from __future__ import annotations

import datetime
import html
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from automl_sdk.client import Leaderboard
    from automl_sdk.shapes import DescribeAutoMLJobV2Response

__all__ = ["leaderboard_html", "progress_display", "status_text"]


def leaderboard_html(board: Leaderboard) -> str:
    """An HTML table of ``board``: rank, candidate, status and the objective metric."""
    metric = html.escape(board.metric_name or "metric")
    arrow = {"Maximize": " &uarr;", "Minimize": " &darr;"}.get(board.direction or "", "")
    head = f"<tr><th>#</th><th>Candidate</th><th>Status</th><th>{metric}{arrow}</th></tr>"
    body = "".join(
        f"<tr><td>{rank}</td><td>{html.escape(name)}</td><td>{html.escape(status)}</td>"
        f"<td>{'' if value is None else f'{value:.6g}'}</td></tr>"
        for rank, name, status, value in board.rows()
    )
    caption = f"<caption>Leaderboard of {html.escape(board.job_name)}</caption>"
    return f"<table>{caption}<thead>{head}</thead><tbody>{body}</tbody></table>"


def status_text(
    description: DescribeAutoMLJobV2Response, *, now: datetime.datetime | None = None
) -> str:
    """``name  Status/SecondaryStatus  elapsed H:MM:SS`` for one description."""
    created = description.creation_time
    now = now or datetime.datetime.now(created.tzinfo)
    elapsed = max(0, int((now - created).total_seconds()))
    hours, rest = divmod(elapsed, 3600)
    return (
        f"{description.auto_ml_job_name}  {description.auto_ml_job_status}/"
        f"{description.auto_ml_job_secondary_status}  elapsed {hours}:{rest // 60:02d}:{rest % 60:02d}"
    )


def progress_display(job_name: str) -> Callable[[DescribeAutoMLJobV2Response], None]:
    """An ``on_update`` callback that shows the job's status in one updating notebook cell output.

    Outside a running IPython kernel it returns a callback that does nothing.
    """
    handle = _display_handle(job_name)
    if handle is None:
        return lambda description: None

    def update(description: DescribeAutoMLJobV2Response) -> None:
        handle.update(_html_status(status_text(description)))

    return update


def _display_handle(job_name: str) -> Any:
    try:
        ipython = importlib.import_module("IPython")
    except ImportError:
        return None
    if ipython.get_ipython() is None:
        return None
    display = importlib.import_module("IPython.display").display
    return display(_html_status(f"{job_name}  waiting..."), display_id=True)


def _html_status(text: str) -> Any:
    return importlib.import_module("IPython.display").HTML(f"<code>{html.escape(text)}</code>")
