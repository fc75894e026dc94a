"""The desk: one configuration over one store, with a clock (docs/python.md).

Each method is one C call of capi/ticketcore.h: it encodes its arguments (actor and
entities as JSON, identifiers and words as UTF-8), calls, copies the JSON the library
hands out, frees it with tc_free and returns it parsed, instants as UTC datetimes.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import operator
import os
from typing import Any, Iterator, Mapping, Optional, Union

from . import _json
from ._args import (Instant, JsonArg, Result, TicketRef, _actor, _json_arg, _query, _size, _text, _ticket_ref)
from ._handle import Handle
from ._lib import CLOCK_MANUAL, CLOCK_SYSTEM, DESK, DeskOptions, Library, library
from .actor import Actor, ActorLike
from .errors import DeskClosed, InvalidInput

__all__ = ["Desk", "Result", "TicketRef", "JsonArg", "Instant"]


class Desk(Handle):
    """A desk over a store: ``Desk()`` in memory, ``Desk("desk.db")`` on an SQLite file,
    ``Desk("postgresql://...")`` on a PostgreSQL database.

    Args:
        store: None, "" or ":memory:" for a store in memory (lost on close); a
            "postgresql://..." URI for a PostgreSQL database; else the path of an
            SQLite database file, created when missing.
        config: the configuration document (docs/config.md) as a dict or JSON text;
            None for the "standard" preset.
        people: the host's teams and agents, {"teams": [...], "agents": [...]}, as a
            dict or JSON text; None for the configuration's own.
        clock: None for the system's clock; an instant (aware datetime or Unix seconds)
            for a manual clock standing there until :meth:`set_time` moves it.
        instants: False to keep instants in results as their RFC 3339 text.

    One desk may be used from several threads at once; :meth:`close` waits for the calls
    in flight and refuses new ones (:class:`~ticketcore.DeskClosed`). A desk is a context
    manager that closes on exit; one never closed is closed when collected.
    """

    def __init__(self, store: Union[str, os.PathLike, None] = None, *,
                 config: Optional[JsonArg] = None, people: Optional[JsonArg] = None,
                 clock: Optional[Instant] = None, instants: bool = True,
                 lib: Optional[Library] = None) -> None:
        lib = lib or library()
        self.store: str = "" if store is None else os.fspath(store)  # type: ignore[assignment]

        options = DeskOptions()
        options.size = ctypes.sizeof(DeskOptions)
        options.store = _text(store, "store")
        options.config_json = _json_arg(config, "config")
        options.people_json = _json_arg(people, "people")
        if clock is None:
            options.clock = CLOCK_SYSTEM
        else:
            options.clock = CLOCK_MANUAL
            options.start_time = _json.to_unix(clock)
        handle = DESK()
        lib.tc_desk_open(ctypes.byref(handle), ctypes.byref(options))  # type: ignore[attr-defined]
        self._adopt(lib, handle, instants)

    _CLOSE = "tc_desk_close"
    _CLOSED = DeskClosed
    _NAME = "desk"

    def __enter__(self) -> "Desk":
        return self

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<ticketcore.Desk {self.store or ':memory:'} {state}>"

    def _pages(self, call: Any, key: str, query: Optional[JsonArg], filters: Mapping[str, Any]) -> Iterator[Any]:
        if isinstance(query, (str, bytes, bytearray)):
            query = _json.loads(query if isinstance(query, str) else bytes(query).decode("utf-8"), False)
        base = dict(query or {})
        base.update(filters)
        while True:
            page = call(base)
            yield from page[key]
            cursor = page.get("next_cursor")
            if not cursor:
                return
            base["after"] = cursor

    # ---- The clock ----

    def set_time(self, when: Instant) -> None:
        """Sets the manual clock (backwards too). InvalidInput on the system clock."""
        seconds = _json.to_unix(when)
        self._invoke("tc_desk_set_time", None, seconds)

    def advance(self, delta: Union[_dt.timedelta, int, float]) -> _dt.datetime:
        """Moves the manual clock forward by a timedelta or seconds; returns the new time.
        InvalidInput on the system clock."""
        seconds = delta.total_seconds() if isinstance(delta, _dt.timedelta) else delta
        self.set_time(self._scalar("tc_desk_now", ctypes.c_int64) + int(seconds))
        return self.now

    @property
    def now(self) -> _dt.datetime:
        """The desk's clock now, either kind (tc_desk_now), as a UTC datetime."""
        return _json.from_unix(self._scalar("tc_desk_now", ctypes.c_int64))

    # ---- Customers ----

    def register_customer(self, actor: ActorLike, customer: JsonArg) -> Result:
        """Registers a customer (without id); returns it as stored, masked."""
        return self._call("tc_desk_register_customer", _actor(actor), _json_arg(customer, "customer"))

    def customer(self, actor: ActorLike, customer_id: str) -> Result:
        """The customer with this id, masked for the actor. NotFound."""
        return self._call("tc_desk_customer", _actor(actor), _text(customer_id, "customer_id"))

    def find_customers(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Result:
        """One page of customers: {"customers": [...], "next_cursor"?}. Filters: phone,
        email, name_prefix, tag, tier, include_merged, limit, after."""
        return self._call("tc_desk_find_customers", _actor(actor), _query(query, filters))

    def iter_customers(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Iterator[Result]:
        """Every customer matching, following next_cursor page by page."""
        return self._pages(lambda q: self.find_customers(actor, q), "customers", query, filters)

    def update_customer(self, actor: ActorLike, customer: JsonArg) -> Result:
        """Replaces a customer's details (with its id and the version seen). Conflict."""
        return self._call("tc_desk_update_customer", _actor(actor), _json_arg(customer, "customer"))

    def customer_unmasked(self, actor: ActorLike, customer_id: str) -> Result:
        """The customer unmasked: needs read_unmasked (Denied); audited."""
        return self._call("tc_desk_customer_unmasked", _actor(actor), _text(customer_id, "customer_id"))

    def record_purchase(self, actor: ActorLike, customer_id: str, purchase: JsonArg) -> Result:
        """Records a purchase (without id); returns the customer, masked."""
        return self._call("tc_desk_record_purchase", _actor(actor), _text(customer_id, "customer_id"),
                          _json_arg(purchase, "purchase"))

    def merge_customers(self, actor: ActorLike, duplicate_id: str, kept_id: str) -> Result:
        """Merges the record duplicate_id into kept_id; returns the kept customer."""
        return self._call("tc_desk_merge_customers", _actor(actor), _text(duplicate_id, "duplicate_id"),
                          _text(kept_id, "kept_id"))

    def reverse_customer_merge(self, actor: ActorLike, duplicate_id: str, reason: str) -> Result:
        """Undoes a merge within the retention period; returns the duplicate customer."""
        return self._call("tc_desk_reverse_customer_merge", _actor(actor), _text(duplicate_id, "duplicate_id"),
                          _text(reason, "reason"))

    def customer_history(self, actor: ActorLike, customer_id: Optional[str] = None,
                         query: Optional[JsonArg] = None, **filters: Any) -> Result:
        """One page of a customer's history, newest first: {"entries", "next_cursor"?}.
        Filters: kinds, limit, after."""
        if customer_id is not None:
            filters["customer_id"] = customer_id
        return self._call("tc_desk_customer_history", _actor(actor), _query(query, filters))

    def iter_customer_history(self, actor: ActorLike, customer_id: str, query: Optional[JsonArg] = None,
                              **filters: Any) -> Iterator[Result]:
        """Every history entry of a customer, newest first, following next_cursor."""
        filters["customer_id"] = customer_id
        return self._pages(lambda q: self.customer_history(actor, None, q), "entries", query, filters)

    def customer_profile(self, actor: ActorLike, customer_id: str) -> Result:
        """A customer's profile summary."""
        return self._call("tc_desk_customer_profile", _actor(actor), _text(customer_id, "customer_id"))

    # ---- Tickets ----

    def take_in(self, actor: ActorLike, request: JsonArg) -> Result:
        """Takes in a request: {"ticket", "events", "priority", "routing", "assignment"?,
        "sla", "actions", "workload"}."""
        return self._call("tc_desk_take_in", _actor(actor), _json_arg(request, "request"))

    def show(self, actor: ActorLike, ticket: TicketRef) -> Result:
        """A ticket as an agent's screen shows it: {"ticket", "events", "sla", "routing",
        "config_version", "due_handed_out"}. NotFound, Denied."""
        ticket_id, _ = _ticket_ref(ticket, 0)
        return self._call("tc_desk_show", _actor(actor), ticket_id)

    def find_tickets(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Result:
        """One page of tickets: {"tickets": [...], "next_cursor"?}. Filters: statuses,
        team, assignee, customer_id, priority, tag, channel, created_from, created_before,
        updated_from, updated_before (datetimes welcome), text, order, descending, limit, after."""
        return self._call("tc_desk_find_tickets", _actor(actor), _query(query, filters))

    def iter_tickets(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Iterator[Result]:
        """Every ticket matching, following next_cursor page by page."""
        return self._pages(lambda q: self.find_tickets(actor, q), "tickets", query, filters)

    def agent_queue(self, actor: ActorLike, agent_id: str, limit: int = 0, after: Optional[str] = None) -> Result:
        """An agent's open tickets, the earliest due first (limit 0: 50)."""
        return self._call("tc_desk_agent_queue", _actor(actor), _text(agent_id, "agent_id"),
                          _size(limit, "limit"), _text(after, "after"))

    def team_queue(self, actor: ActorLike, team_id: str, limit: int = 0, after: Optional[str] = None) -> Result:
        """A team's open tickets nobody holds, the earliest due first (limit 0: 50)."""
        return self._call("tc_desk_team_queue", _actor(actor), _text(team_id, "team_id"),
                          _size(limit, "limit"), _text(after, "after"))

    # ---- Changes to one ticket ----
    # Each takes the ticket as an id (version 0: whatever is stored) or as a dict seen
    # before (its "id" and "version": Conflict when it changed since), or an explicit
    # version=; each returns the change: {"ticket", "events", "actions"}.

    def _change(self, name: str, actor: ActorLike, ticket: TicketRef, version: Optional[int], *args: Any) -> Result:
        ticket_id, v = _ticket_ref(ticket, version)
        return self._call(name, _actor(actor), ticket_id, v, *args)

    def comment(self, actor: ActorLike, ticket: TicketRef, text: str, *, version: Optional[int] = None) -> Result:
        """A comment the customer sees."""
        return self._change("tc_desk_comment", actor, ticket, version, _text(text, "text"))

    def internal_comment(self, actor: ActorLike, ticket: TicketRef, text: str, *,
                         version: Optional[int] = None) -> Result:
        """A note only the desk sees."""
        return self._change("tc_desk_internal_comment", actor, ticket, version, _text(text, "text"))

    def progress_update(self, actor: ActorLike, ticket: TicketRef, text: str, *,
                        version: Optional[int] = None) -> Result:
        """The handler's progress update to the customer."""
        return self._change("tc_desk_progress_update", actor, ticket, version, _text(text, "text"))

    def change_status(self, actor: ActorLike, ticket: TicketRef, status: str, reason: Optional[str] = None, *,
                      version: Optional[int] = None) -> Result:
        """Moves the ticket to a status the workflow allows (InvalidTransition otherwise)."""
        return self._change("tc_desk_change_status", actor, ticket, version, _text(status, "status"),
                            _text(reason, "reason"))

    def assign(self, actor: ActorLike, ticket: TicketRef, agent_id: str, *, version: Optional[int] = None) -> Result:
        """Assigns or reassigns the ticket to an agent."""
        return self._change("tc_desk_assign", actor, ticket, version, _text(agent_id, "agent_id"))

    def escalate(self, actor: ActorLike, ticket: TicketRef, level: int, reason: str, *,
                 version: Optional[int] = None) -> Result:
        """Escalates to a level: 1 handler, 2 team lead, 3 supervisor, 4 manager."""
        return self._change("tc_desk_escalate", actor, ticket, version, operator.index(level), _text(reason, "reason"))

    def change_priority(self, actor: ActorLike, ticket: TicketRef, level: str, reason: str, *,
                        version: Optional[int] = None) -> Result:
        """Sets the priority by hand ("P1") with a reason."""
        return self._change("tc_desk_change_priority", actor, ticket, version, _text(level, "level"),
                            _text(reason, "reason"))

    def propose_solutions(self, actor: ActorLike, ticket: TicketRef, options: JsonArg, *,
                          version: Optional[int] = None) -> Result:
        """Proposes 1 to 3 solution options ([{"id", "title", ...}])."""
        return self._change("tc_desk_propose_solutions", actor, ticket, version, _json_arg(options, "options"))

    def choose_solution(self, actor: ActorLike, ticket: TicketRef, option_id: str, *,
                        version: Optional[int] = None) -> Result:
        """Records the customer's choice among the proposed options."""
        return self._change("tc_desk_choose_solution", actor, ticket, version, _text(option_id, "option_id"))

    def request_remedy_approval(self, actor: ActorLike, ticket: TicketRef, remedy: str, approver_level: int, *,
                                version: Optional[int] = None) -> Result:
        """Asks a level (2 to 4) to approve a remedy ("refund 300 CNY")."""
        return self._change("tc_desk_request_remedy_approval", actor, ticket, version, _text(remedy, "remedy"),
                            operator.index(approver_level))

    def approve_remedy(self, actor: ActorLike, ticket: TicketRef, note: Optional[str] = None, *,
                       version: Optional[int] = None) -> Result:
        """Grants the pending remedy approval."""
        return self._change("tc_desk_approve_remedy", actor, ticket, version, _text(note, "note"))

    def refuse_remedy(self, actor: ActorLike, ticket: TicketRef, reason: str, *,
                      version: Optional[int] = None) -> Result:
        """Refuses the pending remedy approval."""
        return self._change("tc_desk_refuse_remedy", actor, ticket, version, _text(reason, "reason"))

    def record_responsibility(self, actor: ActorLike, ticket: TicketRef, responsibility: JsonArg, *,
                              version: Optional[int] = None) -> Result:
        """Records who is responsible: {"party": "company" | "customer" | "third_party", "note"}."""
        return self._change("tc_desk_record_responsibility", actor, ticket, version,
                            _json_arg(responsibility, "responsibility"))

    def sign_off(self, actor: ActorLike, ticket: TicketRef, what: str, *, version: Optional[int] = None) -> Result:
        """The customer signs off "diagnosis" or "solution_plan"."""
        return self._change("tc_desk_sign_off", actor, ticket, version, _text(what, "what"))

    def resolve(self, actor: ActorLike, ticket: TicketRef, summary: str, *, version: Optional[int] = None) -> Result:
        """Resolves the ticket with a summary of the fix."""
        return self._change("tc_desk_resolve", actor, ticket, version, _text(summary, "summary"))

    def rate(self, actor: ActorLike, ticket: TicketRef, rating: JsonArg, *, version: Optional[int] = None) -> Result:
        """The customer's rating: {"efficiency", "attitude", "effectiveness" (1-5), "comment"}."""
        return self._change("tc_desk_rate", actor, ticket, version, _json_arg(rating, "rating"))

    def close_ticket(self, actor: ActorLike, ticket: TicketRef, *, version: Optional[int] = None) -> Result:
        """Closes a resolved ticket (not to be confused with :meth:`close`, the desk's)."""
        return self._change("tc_desk_close_ticket", actor, ticket, version)

    def reopen(self, actor: ActorLike, ticket: TicketRef, reason: str, *, version: Optional[int] = None) -> Result:
        """Reopens a resolved ticket."""
        return self._change("tc_desk_reopen", actor, ticket, version, _text(reason, "reason"))

    def cancel(self, actor: ActorLike, ticket: TicketRef, reason: str, *, version: Optional[int] = None) -> Result:
        """Cancels an open ticket."""
        return self._change("tc_desk_cancel", actor, ticket, version, _text(reason, "reason"))

    def merge_tickets(self, actor: ActorLike, duplicate: TicketRef, kept: TicketRef, *,
                      duplicate_version: Optional[int] = None, kept_version: Optional[int] = None) -> Result:
        """Merges ticket `duplicate` into `kept` in one transaction: {"duplicate", "kept"}."""
        duplicate_id, dv = _ticket_ref(duplicate, duplicate_version, "duplicate_id")
        kept_id, kv = _ticket_ref(kept, kept_version, "kept_id")
        return self._call("tc_desk_merge_tickets", _actor(actor), duplicate_id, dv, kept_id, kv)

    # ---- Configuration ----

    def config(self) -> Result:
        """The configuration in force, as its document (docs/config.md)."""
        return self._call("tc_desk_config")

    def dry_run(self, actor: ActorLike, config: JsonArg) -> Result:
        """What routing the open tickets under `config` would change; writes nothing."""
        return self._call("tc_desk_dry_run", _actor(actor), _json_arg(config, "config"))

    def publish(self, actor: ActorLike, config: JsonArg) -> None:
        """Publishes `config` as the new configuration version (Conflict if not new)."""
        self._invoke("tc_desk_publish", None, _actor(actor), _json_arg(config, "config"))

    # ---- Time ----

    def due(self, actor: ActorLike = Actor.system(), max_tickets: int = 0) -> Result:
        """The sweep: hands out every action due by now, once: {"at", "tickets_read",
        "actions"}. max_tickets 0: 1000."""
        return self._call("tc_desk_due", _actor(actor), _size(max_tickets, "max_tickets"))

    def purge(self, actor: ActorLike = Actor.system()) -> Result:
        """Purges the tickets closed longer ago than the retention: {"at", "closed_before",
        "tickets", "events"}."""
        return self._call("tc_desk_purge", _actor(actor))

    # ---- Metrics and the audit log ----

    def report(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Result:
        """A service report (docs/metrics.md). Query: from, to (required), group_by, as_of,
        due_soon_seconds, bottleneck_min_tickets, bottleneck_factor."""
        return self._call("tc_desk_report", _actor(actor), _query(query, filters))

    def audit(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Result:
        """One page of audit entries, oldest first: {"entries", "next_cursor"?}. Filters:
        actor_id, customer_id, ticket_id, action, from, before, limit, after."""
        return self._call("tc_desk_audit", _actor(actor), _query(query, filters))

    def iter_audit(self, actor: ActorLike, query: Optional[JsonArg] = None, **filters: Any) -> Iterator[Result]:
        """Every audit entry matching, following next_cursor page by page."""
        return self._pages(lambda q: self.audit(actor, q), "entries", query, filters)
