"""HTML (and text) displays for notebooks: pure functions and state from values to markup.

Nothing here imports IPython, boto3 or pandas; :mod:`automl_sdk._notebook` puts the markup on
screen. Every value that reaches the markup is escaped. One module per display:

- :mod:`.describe`: the status card of a job description (V2 response and V1 shape);
- :mod:`.findings`: lint and check results;
- :mod:`.handles`: Job, Endpoint and TransformJob handles;
- :mod:`.leaderboard`: the candidates' records, table and objective chart;
- :mod:`.progress`: the live wait.
"""

from __future__ import annotations

from automl_sdk._display.describe import describe_html
from automl_sdk._display.findings import findings_html
from automl_sdk._display.handles import deploy_handle_html, job_html
from automl_sdk._display.leaderboard import candidate_records, leaderboard_html
from automl_sdk._display.progress import LiveProgress

__all__ = [
    "LiveProgress",
    "candidate_records",
    "deploy_handle_html",
    "describe_html",
    "findings_html",
    "job_html",
    "leaderboard_html",
]
