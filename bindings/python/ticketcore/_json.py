"""JSON in and out of the C calls, with instants as timezone-aware datetimes in UTC.

The rule (docs/python.md, "Instants"): in every JSON object the library returns, a
string value under an instant key (``at``, ``from``, ``to``, ``before``, ``as_of``, or
ending in ``_at``, ``_until``, ``_before`` or ``_from``) becomes a
:class:`datetime.datetime` in UTC when it is an RFC 3339 instant in UTC
(``2026-03-09T06:00:00Z``, optionally with a fraction of a second). Everything else
stays as the JSON has it: dates (``birth_date``, ``"1990-05-01"``) stay strings,
durations are whole seconds in ``*_seconds`` ints.

Going in, a :class:`datetime.datetime` anywhere in a dict or list becomes its RFC 3339
text in UTC with ``Z`` (a naive datetime is refused: it names no instant), a
:class:`datetime.date` its ISO text.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any, Dict, List, Optional, Tuple, Union

from .errors import InvalidInput

__all__ = ["INSTANT_KEYS_RULE", "is_instant_key", "parse_instant", "format_instant", "loads", "dumps",
           "to_unix", "from_unix"]

UTC = _dt.timezone.utc
_INSTANT_KEYS = frozenset({"at", "from", "to", "before", "as_of"})
_INSTANT_SUFFIXES = ("_at", "_until", "_before", "_from")
INSTANT_KEYS_RULE = "at, from, to, before, as_of, or ending in _at, _until, _before or _from"
_INSTANT = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z")


def is_instant_key(key: str) -> bool:
    """Whether values under this key are instants (the rule above)."""
    return key in _INSTANT_KEYS or key.endswith(_INSTANT_SUFFIXES)


def parse_instant(text: str) -> Optional[_dt.datetime]:
    """The UTC datetime of an RFC 3339 "...Z" text; None when the text is not one."""
    m = _INSTANT.fullmatch(text)
    if not m:
        return None
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    micro = int((m.group(7) or "0").ljust(6, "0")[:6])
    try:
        return _dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)
    except ValueError:  # 2026-02-30: not an instant; leave the text alone
        return None


def format_instant(value: _dt.datetime) -> str:
    """RFC 3339 in UTC with Z, to the second (ticketcore's instants are whole seconds:
    a fraction is dropped)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"naive datetime {value.isoformat()}: give it a tzinfo (ticketcore instants are UTC)")
    utc = value.astimezone(UTC)
    return utc.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _hook(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in pairs:
        if isinstance(value, str) and is_instant_key(key):
            parsed = parse_instant(value)
            if parsed is not None:
                value = parsed
        out[key] = value
    return out


def loads(text: str, instants: bool = True) -> Any:
    """Parses a result of the library, converting instants by the rule above."""
    if instants:
        return json.loads(text, object_pairs_hook=_hook)
    return json.loads(text)


def _default(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return format_instant(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot send {type(value).__name__} as JSON")


def dumps(value: Any) -> str:
    """Compact JSON text for the library."""
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))


def to_unix(value: Union[_dt.datetime, int, float]) -> int:
    """Unix seconds of an aware datetime (or of a number, truncated)."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidInput(f"naive datetime {value.isoformat()}: give it a tzinfo (ticketcore instants are UTC)")
        return int(value.timestamp() // 1)
    if isinstance(value, bool):
        raise TypeError("an instant is a datetime or Unix seconds, not a bool")
    if isinstance(value, (int, float)):
        return int(value // 1)
    raise TypeError(f"an instant is a datetime or Unix seconds, not {type(value).__name__}")


def from_unix(seconds: int) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(seconds, UTC)
