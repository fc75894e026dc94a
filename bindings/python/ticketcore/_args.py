"""Encoding arguments for the C calls: JSON, UTF-8 text, tickets, sizes."""

from __future__ import annotations

import datetime as _dt
import operator
import os
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _json
from .actor import Actor, ActorLike
from .errors import InvalidInput

__all__ = ["Result", "TicketRef", "JsonArg", "Instant"]

#: What a call returns: the parsed JSON object.
Result = Dict[str, Any]
#: A ticket named by id, or a ticket dict (its "id" and "version"), or a result holding
#: one under "ticket" (a take-in result, a change, a view).
TicketRef = Union[str, Mapping[str, Any]]
#: A JSON argument: a dict or list (encoded here), or JSON text as str or bytes.
JsonArg = Union[Mapping[str, Any], list, str, bytes]
#: An instant: an aware datetime, or Unix seconds.
Instant = Union[_dt.datetime, int, float]


# ---- Encoding arguments ----

def _text(value: Union[str, bytes, os.PathLike, None], name: str) -> Optional[bytes]:
    """A string argument as UTF-8 bytes; None stays None (NULL: the library decides
    whether that is allowed). Lone surrogates pass through (surrogatepass), so the
    library reports the invalid UTF-8 as it does for C callers."""
    if value is None:
        return None
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
    elif isinstance(value, (bytes, bytearray)):
        data = bytes(value)
    else:
        raise TypeError(f"{name}: expected str, got {type(value).__name__}")
    if b"\0" in data:
        raise InvalidInput(f"{name}: contains a NUL character", status=1)
    return data


def _json_arg(value: Optional[JsonArg], name: str) -> Optional[bytes]:
    """A JSON argument: text passes as is, anything else is encoded (datetimes as RFC 3339 Z)."""
    if value is None or isinstance(value, (str, bytes, bytearray)):
        return _text(value, name)  # type: ignore[arg-type]
    return _text(_json.dumps(value), name)


def _actor(actor: Optional[ActorLike]) -> Optional[bytes]:
    if isinstance(actor, Actor):
        return actor.to_json().encode("utf-8", "surrogatepass")
    return _json_arg(actor, "actor")  # type: ignore[arg-type]


def _query(query: Optional[JsonArg], filters: Mapping[str, Any]) -> Optional[bytes]:
    """A query from a dict (or JSON text) and keyword filters; None when both are empty."""
    if filters:
        if isinstance(query, (str, bytes, bytearray)):
            raise TypeError("give the query as a dict to combine it with keyword filters")
        merged = dict(query or {})
        merged.update(filters)
        query = merged
    return _json_arg(query, "query")


def _version(version: Optional[int]) -> int:
    return 0 if version is None else operator.index(version)


def _ticket_ref(ticket: TicketRef, version: Optional[int], name: str = "ticket_id") -> Tuple[Optional[bytes], int]:
    """The ticket's id and the version to pass. A dict gives its own version unless
    `version` is given; a plain id gives 0 (whatever is stored)."""
    if isinstance(ticket, Mapping):
        if "id" not in ticket and isinstance(ticket.get("ticket"), Mapping):
            ticket = ticket["ticket"]
        if "id" not in ticket:
            raise InvalidInput(f"{name}: the dict has no \"id\"", status=1)
        if version is None:
            version = ticket.get("version", 0)
        return _text(ticket["id"], name), _version(version)
    return _text(ticket, name), _version(version)  # type: ignore[arg-type]


def _size(value: Optional[int], name: str) -> int:
    n = 0 if value is None else operator.index(value)
    if n < 0:
        raise InvalidInput(f"{name}: must not be negative", status=1)
    return n
