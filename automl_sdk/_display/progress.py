"""The live wait display: what a wait has seen so far, as HTML and as one line of text.

:class:`LiveProgress` is fed one event per describe (anything with the attributes of
:class:`ProgressEvent`, such as ``automl_sdk.waiters.WaitUpdate``) and keeps:

- the job's elapsed time (since ``CreationTime``; its total time once it ended),
- the current status and secondary status,
- a timeline of the secondary statuses (phases) seen, each timed from when this wait first saw
  it until the next one was seen (the phase the job was in when the wait began counts from then),
- the candidate count and best objective so far, from a list call made at most once every
  ``list_every`` describes and once when the job ends,
- the trouble of the last describe (a retried throttle, ...), and how the wait ended.

It makes no call itself except ``list_candidates``, and prints nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, Protocol

import attrs

from automl_sdk._display._html import (
    MUTED,
    badge,
    box,
    duration,
    esc,
    metric,
    muted,
    title,
)

#: Describes between two candidate list calls (every 5 minutes at the default 60 s delay).
LIST_EVERY = 5
ENDED = frozenset({"Completed", "Failed", "Stopped"})

#: Colour of each phase in the timeline bar; other phases are grey.
PHASE_COLOURS = {
    "Starting": "#8c959f",
    "AnalyzingData": "#0969da",
    "FeatureEngineering": "#8250df",
    "ModelTuning": "#bf3989",
    "TrainingModels": "#bf3989",
    "PreTraining": "#9a6700",
    "MaxCandidatesReached": "#1a7f37",
    "GeneratingExplainabilityReport": "#1b7c83",
    "GeneratingModelInsightsReport": "#1b7c83",
    "CandidateDefinitionsGenerated": "#1a7f37",
    "DeployingModel": "#953800",
    "Completed": "#1a7f37",
    "Failed": "#cf222e",
    "Stopping": "#6e7781",
    "Stopped": "#6e7781",
}
OTHER_PHASE = "#6e7781"


class ProgressEvent(Protocol):
    """What the display reads from each event (``automl_sdk.waiters.WaitUpdate`` has it all)."""

    @property
    def description(self) -> Any: ...  # the typed description last read, or None

    @property
    def describes(self) -> int: ...  # describe calls made so far

    @property
    def trouble(self) -> str | None: ...  # "describe failed: throttled, retrying in 8 s"


@attrs.define
class Phase:
    """One secondary status the wait saw, from when it was first seen to when the next one was."""

    name: str
    started: datetime.datetime
    ended: datetime.datetime | None = None

    def seconds(self, now: datetime.datetime) -> float:
        return ((self.ended or now) - self.started).total_seconds()


@attrs.define
class Candidates:
    """What the last list call found."""

    count: int
    best_name: str | None = None
    best_value: float | None = None
    metric_name: str | None = None
    direction: str | None = None


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class LiveProgress:
    """The state of one wait, rendered by :meth:`html` and :meth:`text` after each event.

    Args:
        job_name: the job waited for (shown until the first description arrives).
        list_candidates: returns the job's leaderboard (``Job.candidates``); called at most
            once every ``list_every`` describes and once when the job ends. ``None``: never.
        list_every: describes between two list calls.
        clock: the current time (aware); replaced in tests.
    """

    def __init__(
        self,
        job_name: str,
        *,
        list_candidates: Callable[[], Any] | None = None,
        list_every: int = LIST_EVERY,
        clock: Callable[[], datetime.datetime] = utc_now,
    ) -> None:
        self.job_name = job_name
        self.list_candidates = list_candidates
        self.list_every = list_every
        self.clock = clock
        self.description: Any = None
        self.describes = 0
        self.trouble: str | None = None
        self.phases: list[Phase] = []
        self.candidates: Candidates | None = None
        self.candidates_trouble: str | None = None
        self.list_calls = 0
        self.ending: str | None = None
        self.seen_at: datetime.datetime | None = None
        self._listed_final = False

    # -- feeding ------------------------------------------------------------------------------

    def observe(self, event: ProgressEvent) -> None:
        """Take in one describe's event (a failed describe brings only its trouble)."""
        self.seen_at = self.clock()
        self.describes = event.describes
        self.trouble = event.trouble
        if event.description is not None:
            self.description = event.description
            self._enter(self.description.auto_ml_job_secondary_status, self.seen_at)
        if self._list_due():
            self._list()

    def timed_out(self, waited_seconds: float | None = None) -> None:
        """The wait gave up after ``waited_seconds``; the job keeps running."""
        after = "" if waited_seconds is None else f" after {duration(waited_seconds)} of waiting"
        self.ending = f"Timed out{after}: the job keeps running (it was not stopped)."

    def failed_to_wait(self, error: BaseException) -> None:
        """The wait ended with an error other than the job's own end."""
        self.ending = f"Wait ended: {_error_text(error)}"

    # -- state --------------------------------------------------------------------------------

    @property
    def status(self) -> str | None:
        return None if self.description is None else self.description.auto_ml_job_status

    @property
    def ended(self) -> bool:
        return self.status in ENDED

    def elapsed(self) -> float | None:
        """Seconds since the job was created; its total time once it ended."""
        created = getattr(self.description, "creation_time", None)
        if created is None:
            return None
        end = getattr(self.description, "end_time", None) if self.ended else None
        return (_aware(end or self.seen_at or self.clock()) - _aware(created)).total_seconds()

    def _enter(self, phase: str | None, now: datetime.datetime) -> None:
        if not phase or (self.phases and self.phases[-1].name == phase):
            return
        if self.phases:
            self.phases[-1].ended = now
        self.phases.append(Phase(phase, now))

    def _list_due(self) -> bool:
        if self.list_candidates is None or self.description is None:
            return False
        if self.ended:
            return not self._listed_final
        return self.describes > 0 and self.describes % self.list_every == 0

    def _list(self) -> None:
        assert self.list_candidates is not None
        self._listed_final = self.ended
        self.list_calls += 1
        try:
            board = self.list_candidates()
        except Exception as exc:  # the display must never end the wait it follows
            self.candidates_trouble = f"candidates not listed: {_error_text(exc)}"
            return
        self.candidates_trouble = None
        best = board.best
        final = None if best is None else best.final_auto_ml_job_objective_metric
        self.candidates = Candidates(
            count=len(board),
            best_name=None if best is None else best.candidate_name,
            best_value=None if final is None else final.value,
            metric_name=board.metric_name,
            direction=board.direction,
        )

    # -- rendering ----------------------------------------------------------------------------

    def text(self) -> str:
        """``churn  InProgress/ModelTuning  elapsed 0:12:03  7 describes  12 candidates, best F1 0.91``."""
        if self.description is None:
            parts = [self.job_name, "waiting..."]
        else:
            d = self.description
            parts = [d.auto_ml_job_name, f"{d.auto_ml_job_status}/{d.auto_ml_job_secondary_status}"]
            elapsed = self.elapsed()
            if elapsed is not None:
                parts.append(f"{'total' if self.ended else 'elapsed'} {duration(elapsed)}")
        parts.append(f"{self.describes} describe{'' if self.describes == 1 else 's'}")
        best = self._best_text()
        if best:
            parts.append(best)
        parts += [line for line in (self.trouble, self.ending, self._final_text()) if line]
        return "  ".join(parts)

    def html(self) -> str:
        """The card: heading with status badges, elapsed time, the phase timeline, candidates,
        trouble and the final state."""
        d = self.description
        if d is None:
            return box(title(self.job_name, muted("waiting for the first describe...")))
        badges = [badge(d.auto_ml_job_status)]
        if (
            d.auto_ml_job_secondary_status
            and d.auto_ml_job_secondary_status != d.auto_ml_job_status
        ):
            badges.append(badge(d.auto_ml_job_secondary_status))
        parts = [title(d.auto_ml_job_name, *badges), self._clock_line(), self._timeline()]
        best = self._best_text()
        if best or self.candidates_trouble:
            parts.append(f"<div>{esc(best or self.candidates_trouble or '')}</div>")
        if self.trouble:
            parts.append(f'<div style="color:#9a6700">{esc(self.trouble)}</div>')
        final = self._final_text()
        if final or self.ending:
            colour = "#cf222e" if self.status == "Failed" else "inherit"
            parts.append(
                f'<div style="margin-top:4px;font-weight:600;color:{colour}">'
                f"{esc(final or self.ending or '')}</div>"
            )
        return box(*parts)

    def _clock_line(self) -> str:
        elapsed = self.elapsed()
        label = "Total time" if self.ended else "Elapsed"
        shown = "-" if elapsed is None else duration(elapsed)
        plural = "" if self.describes == 1 else "s"
        return (
            f"<div>{label} <b>{esc(shown)}</b> "
            f'<span style="{MUTED}">&middot; {self.describes} describe{plural}</span></div>'
        )

    def _timeline(self) -> str:
        """A bar split in proportion to each phase's duration, and the phases with durations."""
        if not self.phases:
            return ""
        now = self.seen_at or self.clock()
        seconds = [max(phase.seconds(now), 0.0) for phase in self.phases]
        total = sum(seconds)
        # Each phase gets its share of the bar; none is too thin to see (or all equal at 0 s).
        shares = [max(length / total, 0.02) if total else 1.0 for length in seconds]
        segments = "".join(
            f'<div title="{esc(phase.name)} {esc(duration(length))}" '
            f'style="flex:{share:.4f};background:{PHASE_COLOURS.get(phase.name, OTHER_PHASE)}">'
            "</div>"
            for phase, length, share in zip(self.phases, seconds, shares, strict=True)
        )
        bar = (
            '<div style="display:flex;gap:2px;height:8px;border-radius:4px;overflow:hidden;'
            f'margin:6px 0 4px;max-width:36em">{segments}</div>'
        )
        last = len(self.phases) - 1
        items = []
        for index, (phase, length) in enumerate(zip(self.phases, seconds, strict=True)):
            colour = PHASE_COLOURS.get(phase.name, OTHER_PHASE)
            current = index == last and not self.ended and self.ending is None
            name = f"<b>{esc(phase.name)}</b>" if current else esc(phase.name)
            items.append(
                f'<span style="white-space:nowrap;margin-right:12px">'
                f'<span style="color:{colour}">&#9632;</span> {name} '
                f'<span style="{MUTED}">{esc(duration(length))}{" (now)" if current else ""}'
                "</span></span>"
            )
        return f"{bar}\n<div>{' '.join(items)}</div>"

    def _best_text(self) -> str | None:
        found = self.candidates
        if found is None:
            return None
        noun = "candidate" if found.count == 1 else "candidates"
        if found.best_name is None:
            return f"{found.count} {noun}, none with a metric yet"
        arrow = {"Maximize": "\u2191", "Minimize": "\u2193"}.get(found.direction or "", "")
        return (
            f"{found.count} {noun}, best {found.metric_name or 'metric'}{arrow} "
            f"{metric(found.best_value)} ({found.best_name})"
        )

    def _final_text(self) -> str | None:
        """Completed with its best candidate, failed with its reason, or stopped."""
        d = self.description
        if d is None or not self.ended:
            return None
        if self.status == "Completed":
            best = getattr(d, "best_candidate", None)
            final = getattr(best, "final_auto_ml_job_objective_metric", None)
            if best is None:
                return "Completed."
            if final is None:
                return f"Completed: best candidate {best.candidate_name}."
            return f"Completed: best candidate {best.candidate_name}, {final.metric_name} {metric(final.value)}."
        if self.status == "Failed":
            return f"Failed: {getattr(d, 'failure_reason', None) or 'no reason given'}"
        return "Stopped."


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """Naive timestamps are taken as UTC, so they can be subtracted from aware ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


def _error_text(error: BaseException, limit: int = 100) -> str:
    """``Code: message`` of a botocore error (else ``Type: message``) on one short line; the
    markup of an HTML error page sent as the message (by a proxy or a server) is dropped."""
    response = getattr(error, "response", None)
    details = response.get("Error", {}) if isinstance(response, dict) else {}
    code = details.get("Code") if isinstance(details, dict) else None
    head, message = (
        (str(code), str(details.get("Message", "")))
        if code
        else (
            type(error).__name__,
            str(error),
        )
    )
    if re.match(r"\s*<(!doctype|html)", message, flags=re.IGNORECASE):
        message = re.sub(r"<[^>]*>", " ", message)
    text = " ".join(message.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return f"{head}: {text}" if text else head
