"""A job's leaderboard: its candidates ranked by the objective metric, in the metric's direction.

The direction is the one the service sends with the metric (``Type``: ``Maximize`` or
``Minimize``); when a candidate's metric carries none, :data:`MINIMIZED_METRICS` says which
Autopilot objectives are better when lower (everything else is maximized). Candidates without a
metric, or whose metric is NaN, rank last, in name order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from automl_sdk.shapes import AutoMLCandidate

__all__ = ["MINIMIZED_METRICS", "Leaderboard", "direction_of"]

#: Objective metrics where lower is better (errors and losses), used when a candidate's metric
#: carries no ``Type``. The objectives are those of ``AutoMLJobObjective`` on
#: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateAutoMLJobV2.html
MINIMIZED_METRICS = frozenset(
    {"MSE", "RMSE", "MAE", "LogLoss", "MAPE", "MASE", "WAPE", "AverageWeightedQuantileLoss"}
    | {"InferenceLatency", "Perplexity", "ValidationLoss", "TrainingLoss"}
)


def direction_of(metric_name: str) -> str:
    """``"Minimize"`` for the metrics in :data:`MINIMIZED_METRICS`, else ``"Maximize"``."""
    return "Minimize" if metric_name in MINIMIZED_METRICS else "Maximize"


@attrs.frozen(kw_only=True)
class Leaderboard(Sequence[AutoMLCandidate]):
    """A job's candidates, best first by the objective metric in its own direction.

    Attributes:
        job_name: the AutoML job name.
        candidates: the candidates in rank order; those without a final metric, or with a NaN
            one, come last (by candidate name).
        metric_name: the objective metric (``None`` when no candidate has one yet).
        direction: ``"Maximize"`` or ``"Minimize"`` (``None`` with no metric).
    """

    job_name: str
    candidates: tuple[AutoMLCandidate, ...]
    metric_name: str | None
    direction: str | None

    @classmethod
    def rank(cls, job_name: str, candidates: Iterable[AutoMLCandidate]) -> Leaderboard:
        """Order ``candidates`` by their ``FinalAutoMLJobObjectiveMetric``."""
        candidates = tuple(candidates)
        metrics = [c.final_auto_ml_job_objective_metric for c in candidates]
        metric = next((m for m in metrics if m is not None), None)
        if metric is None:
            return cls(job_name=job_name, candidates=candidates, metric_name=None, direction=None)
        direction = next((m.type for m in metrics if m is not None and m.type), None)
        direction = direction or direction_of(metric.metric_name)
        sign = -1.0 if direction == "Maximize" else 1.0

        def key(candidate: AutoMLCandidate) -> tuple[int, float, str]:
            value = _metric_value(candidate)
            if value is None or math.isnan(value):
                return (1, 0.0, candidate.candidate_name)
            return (0, sign * value, candidate.candidate_name)

        return cls(
            job_name=job_name,
            candidates=tuple(sorted(candidates, key=key)),
            metric_name=metric.metric_name,
            direction=direction,
        )

    @property
    def best(self) -> AutoMLCandidate | None:
        """The first-ranked candidate with a metric that is a number (not NaN), or ``None``."""
        if not self.candidates:
            return None
        value = _metric_value(self.candidates[0])
        return None if value is None or math.isnan(value) else self.candidates[0]

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per candidate, best first, for plotting or a data frame.

        Keys: ``rank``, ``candidate``, ``status``, ``objective_status``, the objective metric's
        name (e.g. ``"F1"``) with its final value (``None`` when the candidate has none), and each
        other metric the candidate reports, as ``"Accuracy (Validation)"`` (metric and data set).
        """
        from automl_sdk._display import candidate_records

        return candidate_records(self.candidates, self.metric_name)

    def to_pandas(self) -> Any:
        """The :meth:`rows` as a ``pandas.DataFrame`` indexed by rank (pandas is needed, and
        imported only here)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Leaderboard.to_pandas() needs pandas, which automl-sdk does not install: "
                "pip install pandas (or use Leaderboard.rows(), plain dicts)"
            ) from None
        return pandas.DataFrame.from_records(self.rows(), index="rank")

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, index: Any) -> Any:
        return self.candidates[index]

    def __iter__(self) -> Iterator[AutoMLCandidate]:
        return iter(self.candidates)

    def __repr__(self) -> str:
        header = (
            f"Leaderboard(job_name={self.job_name!r}, metric_name={self.metric_name!r}, "
            f"direction={self.direction!r}, {len(self)} candidate(s))"
        )
        shown = self.candidates[:10]
        lines = [header] + [
            f"  {rank:>3}. {c.candidate_name}  {c.candidate_status}  "
            f"{'-' if (value := _metric_value(c)) is None else f'{value:g}'}"
            for rank, c in enumerate(shown, start=1)
        ]
        if len(self) > len(shown):
            lines.append(f"  ... {len(self) - len(shown)} more")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from automl_sdk._display import leaderboard_html

        return leaderboard_html(
            self.job_name, self.rows(), metric_name=self.metric_name, direction=self.direction
        )


def _metric_value(candidate: AutoMLCandidate) -> float | None:
    metric = candidate.final_auto_ml_job_objective_metric
    return None if metric is None else metric.value
