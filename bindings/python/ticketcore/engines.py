"""The engines alone, without a desk or a store (docs/python.md, "Engines alone"):
a configuration's priority scheme and SLA policies (Config), its business calendars
(Calendar) and routing rule sets (Rules).

Each is an immutable C handle, usable from several threads at once, closed like a
Desk (close(), `with`, or when collected). Instants go in as aware datetimes or Unix
seconds and come out as UTC datetimes; an `at` left out is the system's time now.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import operator
import time
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _json
from ._args import Instant, JsonArg, Result, _json_arg, _text
from ._handle import Handle
from ._lib import CALENDAR, CONFIG, RULES, Library, library

__all__ = ["Config", "Calendar", "Rules", "subject", "Subject"]

#: What the engines read about a ticket: {"ticket", "events", "customer"?,
#: "customer_ticket_created_at"?}, as a dict (see subject()) or JSON text.
Subject = Union[Mapping[str, Any], str, bytes]


def subject(ticket: Mapping[str, Any], events: Optional[Iterable[Mapping[str, Any]]] = None,
            customer: Optional[Mapping[str, Any]] = None,
            customer_ticket_created_at: Optional[Iterable[Instant]] = None) -> Dict[str, Any]:
    """A subject for the engines. `ticket` is a ticket in the model form (with "id" and
    "created_at"), or a result holding one with its events (Desk.show(), take_in()): then
    its "ticket" and "events" are taken. `customer_ticket_created_at`: when the customer's
    earlier tickets were created (the rules' repeat-contact facts)."""
    if "ticket" in ticket and isinstance(ticket["ticket"], Mapping):
        if events is None:
            events = ticket.get("events")
        ticket = ticket["ticket"]
    out: Dict[str, Any] = {"ticket": dict(ticket), "events": list(events or [])}
    if customer is not None:
        out["customer"] = dict(customer)
    if customer_ticket_created_at is not None:
        out["customer_ticket_created_at"] = [
            t if isinstance(t, (str, _dt.datetime)) else _json.from_unix(_json.to_unix(t))
            for t in customer_ticket_created_at]
    return out


def _at(at: Optional[Instant]) -> int:
    return int(time.time()) if at is None else _json.to_unix(at)


def _subject(value: Subject) -> Optional[bytes]:
    return _json_arg(value, "subject")  # type: ignore[arg-type]


def _seconds(value: Union[int, float, _dt.timedelta]) -> int:
    if isinstance(value, _dt.timedelta):
        return int(value.total_seconds() // 1)
    return operator.index(value) if not isinstance(value, float) else int(value // 1)


def _open(cls: Any, lib: Library, name: str, ptr_type: Any, *args: Any, instants: bool = True) -> Any:
    """Opens a handle with name(&out, args...) and wraps it in a new cls."""
    handle = ptr_type()
    getattr(lib, name)(ctypes.byref(handle), *args)
    obj = cls.__new__(cls)
    obj._adopt(lib, handle, instants)
    return obj


class Config(Handle):
    """A desk configuration, read and validated (docs/config.md): ``Config(document)``
    from a dict or JSON text, ``Config.preset("standard")`` for a built-in one."""

    _CLOSE = "tc_config_close"
    _NAME = "config"

    def __init__(self, document: JsonArg, *, instants: bool = True, lib: Optional[Library] = None) -> None:
        lib = lib or library()
        handle = CONFIG()
        lib.tc_config_open(ctypes.byref(handle), _json_arg(document, "config"))  # type: ignore[attr-defined]
        self._adopt(lib, handle, instants)

    @classmethod
    def preset(cls, name: str = "standard", *, instants: bool = True, lib: Optional[Library] = None) -> "Config":
        """A built-in configuration by name. NotFound for another name."""
        return _open(cls, lib or library(), "tc_config_preset", CONFIG, _text(name, "name"), instants=instants)

    def __enter__(self) -> "Config":
        return self

    def document(self) -> Result:
        """The configuration as its document, in the form Config() reads."""
        return self._call("tc_config_json")

    def priority(self, subject: Subject, at: Optional[Instant] = None) -> Result:
        """The priority decision the scheme computes for the subject's ticket at `at`."""
        return self._call("tc_config_priority", _subject(subject), _at(at))

    def sla_status(self, subject: Subject, at: Optional[Instant] = None) -> Result:
        """The SLA status of the subject's ticket at `at`, replayed from its events."""
        return self._call("tc_config_sla_status", _subject(subject), _at(at))

    def calendar(self, calendar_id: str) -> "Calendar":
        """One of the configuration's calendars ("cn-standard", "24x7"). NotFound otherwise.
        The calendar stays valid after the configuration is closed."""
        handle = CALENDAR()
        self._invoke("tc_config_calendar", handle, _text(calendar_id, "calendar_id"))
        obj = Calendar.__new__(Calendar)
        obj._adopt(self._lib, handle, self._instants)
        return obj

    def rules(self) -> "Rules":
        """The configuration's rule set, seeing its SLA policies and calendars. It stays
        valid after the configuration is closed."""
        handle = RULES()
        self._invoke("tc_config_rules", handle)
        obj = Rules.__new__(Rules)
        obj._adopt(self._lib, handle, self._instants)
        return obj


class Calendar(Handle):
    """A business calendar (docs/sla.md, "Calendars"): ``Calendar(document)``, or
    ``config.calendar(id)``."""

    _CLOSE = "tc_calendar_close"
    _NAME = "calendar"

    def __init__(self, document: JsonArg, *, lib: Optional[Library] = None) -> None:
        lib = lib or library()
        handle = CALENDAR()
        lib.tc_calendar_open(ctypes.byref(handle), _json_arg(document, "calendar"))  # type: ignore[attr-defined]
        self._adopt(lib, handle)

    def __enter__(self) -> "Calendar":
        return self

    def add(self, start: Instant, business_time: Union[int, float, _dt.timedelta]) -> _dt.datetime:
        """The earliest instant with `business_time` (seconds or a timedelta) of open time
        since `start` (a start outside hours counts from the next opening)."""
        return _json.from_unix(self._scalar("tc_calendar_add", ctypes.c_int64, _json.to_unix(start),
                                            _seconds(business_time)))

    def between(self, start: Instant, end: Instant) -> int:
        """The open seconds in [start, end); negative when end is before start."""
        return int(self._scalar("tc_calendar_between", ctypes.c_int64, _json.to_unix(start), _json.to_unix(end)))

    def add_working_days(self, start: Instant, days: int) -> _dt.datetime:
        """From the next opening at or after `start`, the same local time `days` working
        days later (earlier when negative), moved into opening hours if needed."""
        return _json.from_unix(self._scalar("tc_calendar_add_working_days", ctypes.c_int64, _json.to_unix(start),
                                            operator.index(days)))

    def is_working_day(self, day: Union[str, _dt.date]) -> bool:
        """Whether the local date ("2026-10-01" or a date) has opening hours."""
        if isinstance(day, _dt.datetime):
            raise TypeError("a working day is a local date: give a date or \"YYYY-MM-DD\", not a datetime")
        text = day.isoformat() if isinstance(day, _dt.date) else day
        return bool(self._scalar("tc_calendar_is_working_day", ctypes.c_int, _text(text, "date")))

    def is_open(self, at: Optional[Instant] = None) -> bool:
        """Whether the desk is open at `at`."""
        return bool(self._scalar("tc_calendar_is_open", ctypes.c_int, _at(at)))

    def next_open(self, at: Optional[Instant] = None) -> _dt.datetime:
        """`at` when open then, else the next instant the desk opens."""
        return _json.from_unix(self._scalar("tc_calendar_next_open", ctypes.c_int64, _at(at)))


class Rules(Handle):
    """A compiled routing rule set (docs/rules.md): ``Rules(document, people)`` alone
    (SLA and calendar facts unset), or ``config.rules()``."""

    _CLOSE = "tc_rules_close"
    _NAME = "rules"

    def __init__(self, document: JsonArg, people: Optional[JsonArg] = None, *, instants: bool = True,
                 lib: Optional[Library] = None) -> None:
        lib = lib or library()
        handle = RULES()
        lib.tc_rules_open(ctypes.byref(handle), _json_arg(document, "rules"),  # type: ignore[attr-defined]
                          _json_arg(people, "people"))
        self._adopt(lib, handle, instants)

    def __enter__(self) -> "Rules":
        return self

    def lint(self) -> List[Result]:
        """The rule set's lint warnings; [] when none."""
        return self._call("tc_rules_lint")

    def route(self, subject: Subject, at: Optional[Instant] = None) -> Result:
        """Routes the subject at `at`: the decision."""
        return self._call("tc_rules_route", _subject(subject), _at(at))

    def explain(self, subject: Subject, at: Optional[Instant] = None) -> Result:
        """Routes the subject at `at`, rule by rule: the explanation."""
        return self._call("tc_rules_explain", _subject(subject), _at(at))

    def dry_run(self, proposed: "Rules", tickets: JsonArg, at: Optional[Instant] = None) -> Result:
        """Routes each ticket (model form) under these rules and `proposed`: what would change."""
        if not isinstance(proposed, Rules):
            raise TypeError(f"proposed: expected Rules, got {type(proposed).__name__}")
        other = proposed._acquire()
        try:
            return self._call("tc_rules_dry_run", other, _json_arg(tickets, "tickets"), _at(at))
        finally:
            proposed._release()
