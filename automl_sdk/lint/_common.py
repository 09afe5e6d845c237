"""The vocabulary every lint module shares, and plain helpers over the raw request dict.

Operation and problem-type names, channel types, wire-path joining, the typed getters
(``get_str(obj, "a", "b")`` is ``obj["a"]["b"]`` when every step is a dict and the leaf is a
``str``, else ``None``; integers never include ``bool``), and the message helpers ``show`` and
``closest``. It imports nothing of lint's, so the schema walker, the "moved to" hints and the
locator use it without importing :class:`~automl_sdk.lint._context.LintContext` (which uses them).
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import sys
from collections.abc import Iterable
from typing import Any, TypeAlias

V1 = "CreateAutoMLJob"
V2 = "CreateAutoMLJobV2"
OPERATIONS = (V1, V2)

TABULAR = "TabularJobConfig"
TIME_SERIES = "TimeSeriesForecastingJobConfig"
IMAGE_CLASSIFICATION = "ImageClassificationJobConfig"
TEXT_CLASSIFICATION = "TextClassificationJobConfig"
TEXT_GENERATION = "TextGenerationJobConfig"
PROBLEM_TYPES = (TABULAR, TIME_SERIES, IMAGE_CLASSIFICATION, TEXT_CLASSIFICATION, TEXT_GENERATION)

TRAINING = "training"
VALIDATION = "validation"
#: "The default value is training." (``ChannelType``, boto3's ``describe_auto_ml_job_v2`` page)
DEFAULT_CHANNEL_TYPE = TRAINING

Key: TypeAlias = str | int
#: The CreateAutoMLJobV2 path of the input channels.
CHANNELS = "AutoMLJobInputDataConfig"


def join(path: str, *keys: Key) -> str:
    """Extend a wire path: ``join("A", 1, "B")`` is ``"A[1].B"``; ``join("", "A")`` is ``"A"``."""
    for key in keys:
        if isinstance(key, int):
            path = f"{path}[{key}]"
        elif path:
            path = f"{path}.{key}"
        else:
            path = key
    return path


@functools.cache  # rules ask for the same few paths on every request
def path_steps(path: str) -> tuple[Key, ...]:
    """``"A[1].B"`` -> ``("A", 1, "B")``: the keys of a wire path (member names hold no dots)."""
    keys: list[Key] = []
    for part in path.split(".") if path else ():
        name, *indexes = part.split("[")
        keys.append(name)
        keys += [int(index.rstrip("]")) for index in indexes]
    return tuple(keys)


_ARRAYS = (list, tuple)


def follow(obj: Any, keys: tuple[Key, ...]) -> Any:
    """:func:`get` with the keys as one tuple (every getter calls it: lint's hottest loop)."""
    for key in keys:
        if type(obj) is dict or isinstance(obj, dict):  # the exact type first: much the commonest
            obj = obj.get(key)
        elif isinstance(obj, _ARRAYS) and type(key) is int and -len(obj) <= key < len(obj):
            obj = obj[key]
        else:
            return None
    return obj


def get(obj: Any, *keys: Key) -> Any:
    """``obj[k1][k2]...`` following dict keys (str) and list indexes (int); ``None`` on any mismatch."""
    return follow(obj, keys)


def get_str(obj: Any, *keys: Key) -> str | None:
    """The value at ``keys`` if it is a ``str``, else ``None``."""
    value = follow(obj, keys)
    return value if isinstance(value, str) else None


def get_int(obj: Any, *keys: Key) -> int | None:
    """The value at ``keys`` if it is an ``int`` (never a ``bool``), else ``None``."""
    value = follow(obj, keys)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_number(obj: Any, *keys: Key) -> float | None:
    """The value at ``keys`` if it is an ``int`` or ``float`` (never a ``bool``), else ``None``.

    A finite ``Decimal`` (boto3 accepts one for float members) is returned as a ``float``.
    """
    value = follow(obj, keys)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, decimal.Decimal) and value.is_finite():
        return float(value)
    return None


def finite(value: float | decimal.Decimal) -> bool:
    """True for a finite number (a Decimal NaN would raise on comparison, so ask it directly).

    An ``int`` is always finite, however large (``math.isfinite(10**400)`` would overflow).
    """
    if isinstance(value, int):
        return True
    if isinstance(value, decimal.Decimal):
        return value.is_finite()
    return math.isfinite(value)


#: The largest magnitude a float (``double``) member can carry: an int beyond it has no float form.
FLOAT_MAX = sys.float_info.max


def parse_timestamp(value: Any) -> datetime.datetime | None:
    """The one reading of a wire timestamp: a ``datetime`` as it is, epoch seconds (a finite
    number, not a bool) as UTC, or an ISO 8601 string (``Z`` allowed); ``None`` for anything
    else, or a time out of ``datetime``'s (or the platform's) range.

    Phase 1 refuses what this cannot read, and ``from_wire`` converts with it, so the two agree.
    """
    if isinstance(value, datetime.datetime):
        return value
    try:
        if isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool):
            return datetime.datetime.fromtimestamp(float(value), tz=datetime.timezone.utc)
        if isinstance(value, str):
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        pass
    return None


def get_bool(obj: Any, *keys: Key) -> bool | None:
    """The value at ``keys`` if it is a ``bool``, else ``None``."""
    value = follow(obj, keys)
    return value if isinstance(value, bool) else None


def get_dict(obj: Any, *keys: Key) -> dict[str, Any] | None:
    """The value at ``keys`` if it is a ``dict``, else ``None``."""
    value = follow(obj, keys)
    return value if isinstance(value, dict) else None


def get_list(obj: Any, *keys: Key) -> list[Any] | None:
    """The value at ``keys`` if it is a ``list`` (a tuple, which boto3 also takes, as a list)."""
    value = follow(obj, keys)
    if isinstance(value, tuple):
        return list(value)
    return value if isinstance(value, list) else None


def bounded(
    low: float | None, high: float | None, *, both: str, at_least: str, at_most: str
) -> str:
    """One of three templates by the bounds a model constraint sets (``min`` and ``max``, both
    inclusive), filled in by ``str.format`` with ``low`` and ``high``: ``both`` when both are
    set, ``at_least`` or ``at_most`` when only one is; ``""`` when neither. Phase 1's messages
    and the generated predicates both state a range through it, in words and in Python."""
    if low is not None and high is not None:
        return both.format(low=low, high=high)
    if low is not None:
        return at_least.format(low=low)
    if high is not None:
        return at_most.format(high=high)
    return ""


def object_or_none(value: Any) -> dict[str, Any] | None:
    """``value`` if it is a dict, ``{}`` if it is ``None``, else ``None``."""
    if value is None:
        return {}
    return value if isinstance(value, dict) else None


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most likely meant, for "did you mean" hints: a case-insensitive
    match first, then one ignoring ``_`` and ``-`` (``auto_ml_job_name`` -> ``AutoMLJobName``),
    then the closest spelling; ``None`` when nothing is close."""
    choices = list(choices)
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    squashed = {_squash(choice): choice for choice in choices}
    if _squash(word) in squashed:  # snake_case or kebab-case of a member: auto_ml_job_name
        return squashed[_squash(word)]
    import difflib  # only needed when something is wrong; keeps lint's import quick

    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _squash(word: str) -> str:
    return word.replace("_", "").replace("-", "").lower()


def show(value: Any, limit: int = 60) -> str:
    """A short display form of a JSON value for messages: ``'abc'``, ``12``, ``true``, ``{...}``."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    elif isinstance(value, dict):
        text = "{...}" if value else "{}"
    elif isinstance(value, list):
        text = "[...]" if value else "[]"
    elif isinstance(value, decimal.Decimal):
        text = str(value)
    else:
        text = _safe_repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _safe_repr(value: Any) -> str:
    """``repr(value)``, or a description when there is none: an integer past Python's digit
    limit for ``str`` (``ValueError``), or an object whose ``__repr__`` fails."""
    try:
        return repr(value)
    except Exception:
        if isinstance(value, int):
            digits = int(abs(value).bit_length() * math.log10(2)) + 1
            return f"<an integer of about {digits} digits>"
        return f"<{type(value).__name__} object>"
