"""The exceptions of the binding: one class per status code of the C ABI.

Every failed C call raises the subclass of :class:`TicketcoreError` for its status,
carrying the status number, its name (``tc_strerror``), the message (``tc_errmsg``)
and the JSON path of the offending field (``tc_errpath``, ``""`` when none).
"""

from __future__ import annotations

from typing import Dict, Optional, Type

__all__ = [
    "TicketcoreError",
    "InvalidInput",
    "NotFound",
    "Conflict",
    "InvalidTransition",
    "Denied",
    "StorageError",
    "OutOfMemory",
    "InternalError",
    "Busy",
    "HandleClosed",
    "DeskClosed",
    "LibraryError",
    "error_for",
]


class TicketcoreError(Exception):
    """A ticketcore call failed.

    Attributes:
        status: the C status number (``TC_INVALID`` is 1, ...).
        code: its stable name, as ``tc_strerror`` gives it (``"invalid_input"``).
        message: the library's message, ``"path: message"`` (``tc_errmsg``).
        field: the JSON path of the offending field (``"/subject"``), ``""`` when the
            error names no field (``tc_errpath``).
    """

    #: The status this class stands for; None on the base class.
    STATUS: Optional[int] = None
    #: The stable name of that status.
    CODE: str = "unknown"

    def __init__(self, message: str, *, status: Optional[int] = None, field: str = "",
                 code: Optional[str] = None) -> None:
        super().__init__(message)
        self.status: int = status if status is not None else (self.STATUS if self.STATUS is not None else -1)
        self.code: str = code if code is not None else self.CODE
        self.message: str = message
        self.field: str = field

    @property
    def path(self) -> str:
        """The field's JSON path; the same as :attr:`field`."""
        return self.field

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.message else self.code

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(status={self.status}, code={self.code!r}, "
                f"field={self.field!r}, message={self.message!r})")

    def __reduce__(self):  # picklable across processes
        return (_rebuild, (type(self), self.message, self.status, self.field, self.code))


def _rebuild(cls: Type[TicketcoreError], message: str, status: int, field: str, code: str) -> TicketcoreError:
    return cls(message, status=status, field=field, code=code)


class InvalidInput(TicketcoreError, ValueError):
    """TC_INVALID (1): an argument failed validation: NULL, invalid UTF-8, invalid JSON,
    an unknown key, a wrong type, a value out of range, a field the command refuses."""
    STATUS = 1
    CODE = "invalid_input"


class NotFound(TicketcoreError, LookupError):
    """TC_NOT_FOUND (2): the ticket, customer or agent named does not exist."""
    STATUS = 2
    CODE = "not_found"


class Conflict(TicketcoreError):
    """TC_CONFLICT (3): the ticket changed since the version passed (reload and retry),
    or a duplicate."""
    STATUS = 3
    CODE = "conflict"


class InvalidTransition(TicketcoreError):
    """TC_INVALID_TRANSITION (4): the workflow does not allow this status or stage change."""
    STATUS = 4
    CODE = "invalid_transition"


class Denied(TicketcoreError):
    """TC_DENIED (5): the actor may not do this (docs/access.md)."""
    STATUS = 5
    CODE = "denied"


class StorageError(TicketcoreError):
    """TC_STORAGE (6): the store failed (file, disk, schema)."""
    STATUS = 6
    CODE = "storage"


class OutOfMemory(TicketcoreError, MemoryError):
    """TC_NOMEM (7): memory ran out. A change may be committed when only handing out its
    result failed: reload before retrying."""
    STATUS = 7
    CODE = "out_of_memory"


class InternalError(TicketcoreError):
    """TC_INTERNAL (8): a bug in ticketcore."""
    STATUS = 8
    CODE = "internal"


class Busy(TicketcoreError):
    """TC_BUSY (9): the store stayed locked by another writer past its busy timeout;
    nothing was written: retry later."""
    STATUS = 9
    CODE = "busy"


class HandleClosed(InvalidInput):
    """A call on a handle (Desk, Config, Calendar, Rules) after its close(). Raised by the
    binding: the C call would get a NULL handle, TC_INVALID."""


class DeskClosed(HandleClosed):
    """A call on a :class:`~ticketcore.Desk` after :meth:`~ticketcore.Desk.close`."""


class LibraryError(ImportError):
    """libticketcore could not be loaded, is not ticketcore, or has another ABI version."""


_BY_STATUS: Dict[int, Type[TicketcoreError]] = {
    cls.STATUS: cls
    for cls in (InvalidInput, NotFound, Conflict, InvalidTransition, Denied, StorageError,
                OutOfMemory, InternalError, Busy)
    if cls.STATUS is not None
}


def error_for(status: int, message: str, field: str = "", code: Optional[str] = None) -> TicketcoreError:
    """The exception for a C status: its subclass, or TicketcoreError for a number this
    binding does not know (a newer library)."""
    cls = _BY_STATUS.get(status, TicketcoreError)
    return cls(message, status=status, field=field, code=code)
