"""ticketcore: an embeddable customer-support desk, through its C ABI (libticketcore.so.0).

    from ticketcore import Actor, Desk

    with Desk("desk.db", people=PEOPLE) as desk:
        customer = desk.register_customer(Actor.agent("p-01"), {"kind": "individual", "name": "Li Lei"})
        result = desk.take_in(Actor.agent("p-01"), {"customer_id": customer["id"], "subject": "..."})

Reference: docs/python.md. Importing the package loads the library (see
ticketcore._lib for where it looks) and checks its ABI version: LibraryError, an
ImportError, when it cannot.
"""

from __future__ import annotations

from typing import List

from . import _lib
from ._json import format_instant, parse_instant
from .actor import Actor, ActorLike
from .desk import Desk, Instant, JsonArg, Result, TicketRef
from .engines import Calendar, Config, Rules, Subject, subject
from .errors import (Busy, Conflict, Denied, DeskClosed, HandleClosed, InternalError, InvalidInput,
                     InvalidTransition, LibraryError, NotFound, OutOfMemory, StorageError, TicketcoreError)

__all__ = [
    "Actor", "ActorLike", "Desk", "Instant", "JsonArg", "Result", "TicketRef",
    "Config", "Calendar", "Rules", "Subject", "subject",
    "TicketcoreError", "InvalidInput", "NotFound", "Conflict", "InvalidTransition", "Denied",
    "StorageError", "OutOfMemory", "InternalError", "Busy", "HandleClosed", "DeskClosed", "LibraryError",
    "ABI_VERSION", "__version__", "version", "version_number", "abi_version", "strerror",
    "library_path", "missing_functions", "parse_instant", "format_instant",
]

#: The binding's own version.
__version__ = "0.1.0"
#: The ABI this binding needs (TC_ABI_VERSION).
ABI_VERSION = _lib.ABI_VERSION

_loaded = _lib.library()  # fails here, clearly, when the library is missing or foreign

#: The path (or soname) the library was loaded from.
library_path: str = _loaded.path


def version() -> str:
    """The library's version, "0.1.0" (tc_version)."""
    return _loaded.version()


def version_number() -> int:
    """The library's version as major * 10000 + minor * 100 + patch (tc_version_number)."""
    return _loaded.version_number()


def abi_version() -> int:
    """The library's ABI version (tc_abi_version): ABI_VERSION, checked on load."""
    return _loaded.abi_version()


def strerror(status: int) -> str:
    """The stable name of a status ("not_found"; "unknown" for other numbers)."""
    return _loaded.strerror(status)


def missing_functions() -> List[str]:
    """The C functions of the binding's table the loaded library lacks (an older library):
    calling their methods raises LibraryError."""
    return list(_loaded.missing)
