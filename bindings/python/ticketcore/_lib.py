"""Loading libticketcore.so.0 and declaring its C functions.

Everything the binding knows about the C ABI (capi/ticketcore.h) is in this module:
the options struct and the one table ``FUNCTIONS`` of (name, restype, argtypes). The
rest of the package is plain Python on top of :func:`library`.

Where the library comes from, first that exists wins (docs/python.md, "Finding the
library"):

1. the path in the environment variable ``TICKETCORE_LIBRARY`` (an error if it does
   not load: no silent fallback);
2. ``libticketcore.so.0`` beside this module, inside the package (how an installed
   package carries it);
3. in a source checkout, the newest ``build/*/capi/libticketcore.so.0`` under the
   checkout that holds this package, skipping sanitizer builds (their library cannot
   load into an uninstrumented Python);
4. the system's ``libticketcore.so.0`` through the dynamic loader.
"""

from __future__ import annotations

import ctypes
import os
import threading
from ctypes import (POINTER, Structure, c_char_p, c_int, c_int32, c_int64, c_size_t, c_void_p)
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Tuple

from .errors import LibraryError, error_for

__all__ = ["ABI_VERSION", "SONAME", "DeskOptions", "DESK", "CONFIG", "CALENDAR", "RULES", "FUNCTIONS", "Library",
           "library", "find_library", "load"]

#: The ABI this binding speaks: TC_ABI_VERSION of capi/ticketcore.h.
ABI_VERSION = 0
#: The library's soname for that ABI.
SONAME = f"libticketcore.so.{ABI_VERSION}"
#: The environment variable naming the library's path.
ENV_VAR = "TICKETCORE_LIBRARY"

# tc_clock_kind
CLOCK_SYSTEM = 0
CLOCK_MANUAL = 1


class DeskOptions(Structure):
    """struct tc_desk_options (fields only ever added at the end)."""
    _fields_ = [
        ("size", c_size_t),
        ("store", c_char_p),
        ("config_json", c_char_p),
        ("people_json", c_char_p),
        ("clock", c_int32),
        ("start_time", c_int64),
    ]


class _Desk(Structure):
    """struct tc_desk: opaque."""


class _Config(Structure):
    """struct tc_config: opaque."""


class _Calendar(Structure):
    """struct tc_calendar: opaque."""


class _Rules(Structure):
    """struct tc_rules: opaque."""


#: tc_desk *, tc_config *, tc_calendar *, tc_rules * (const or not: the same to ctypes)
DESK = POINTER(_Desk)
CONFIG = POINTER(_Config)
CALENDAR = POINTER(_Calendar)
RULES = POINTER(_Rules)


class _Status:
    """Marks a restype: an int tc_status, raised as an exception when not TC_OK."""


STATUS = _Status()
#: char **out_json: the caller frees *out_json with tc_free (c_void_p, never c_char_p).
OUT = POINTER(c_void_p)
#: const char *: UTF-8, NUL-terminated; None passes NULL.
TEXT = c_char_p
SIZE = c_size_t
I64 = c_int64
#: int64_t *out, int *out: scalar outputs.
OUT_I64 = POINTER(c_int64)
OUT_INT = POINTER(c_int)

# The C ABI, one row per function of capi/ticketcore.h: (name, restype, argtypes).
# A new C function is one row here and one thin method where it belongs.
FUNCTIONS: List[Tuple[str, Any, Sequence[Any]]] = [
    # Versions and errors: never fail.
    ("tc_version", c_char_p, []),
    ("tc_version_number", c_int, []),
    ("tc_abi_version", c_int, []),
    ("tc_strerror", c_char_p, [c_int]),
    ("tc_errmsg", c_char_p, []),
    ("tc_errpath", c_char_p, []),
    ("tc_free", None, [c_void_p]),
    # Opening a desk.
    ("tc_desk_open", STATUS, [POINTER(DESK), POINTER(DeskOptions)]),
    ("tc_desk_close", None, [DESK]),
    ("tc_desk_set_time", STATUS, [DESK, I64]),
    ("tc_desk_now", STATUS, [OUT_I64, DESK]),
    # Customers: (out_json, desk, actor_json, ...).
    ("tc_desk_register_customer", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_customer", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_find_customers", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_update_customer", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_customer_unmasked", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_record_purchase", STATUS, [OUT, DESK, TEXT, TEXT, TEXT]),
    ("tc_desk_merge_customers", STATUS, [OUT, DESK, TEXT, TEXT, TEXT]),
    ("tc_desk_reverse_customer_merge", STATUS, [OUT, DESK, TEXT, TEXT, TEXT]),
    ("tc_desk_customer_history", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_customer_profile", STATUS, [OUT, DESK, TEXT, TEXT]),
    # Tickets.
    ("tc_desk_take_in", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_show", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_find_tickets", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_agent_queue", STATUS, [OUT, DESK, TEXT, TEXT, SIZE, TEXT]),
    ("tc_desk_team_queue", STATUS, [OUT, DESK, TEXT, TEXT, SIZE, TEXT]),
    # Changes to one ticket: (out_json, desk, actor_json, ticket_id, version, ...).
    ("tc_desk_comment", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_change_status", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT, TEXT]),
    ("tc_desk_assign", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_resolve", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_internal_comment", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_progress_update", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_escalate", STATUS, [OUT, DESK, TEXT, TEXT, I64, c_int, TEXT]),
    ("tc_desk_change_priority", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT, TEXT]),
    ("tc_desk_propose_solutions", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_choose_solution", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_request_remedy_approval", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT, c_int]),
    ("tc_desk_approve_remedy", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_refuse_remedy", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_record_responsibility", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_sign_off", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_rate", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_close_ticket", STATUS, [OUT, DESK, TEXT, TEXT, I64]),
    ("tc_desk_reopen", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_cancel", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT]),
    ("tc_desk_merge_tickets", STATUS, [OUT, DESK, TEXT, TEXT, I64, TEXT, I64]),
    # Configuration.
    ("tc_desk_config", STATUS, [OUT, DESK]),
    ("tc_desk_dry_run", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_publish", STATUS, [DESK, TEXT, TEXT]),
    # Time.
    ("tc_desk_due", STATUS, [OUT, DESK, TEXT, SIZE]),
    ("tc_desk_purge", STATUS, [OUT, DESK, TEXT]),
    # Metrics and the audit log.
    ("tc_desk_report", STATUS, [OUT, DESK, TEXT, TEXT]),
    ("tc_desk_audit", STATUS, [OUT, DESK, TEXT, TEXT]),
    # Engines alone: configurations.
    ("tc_config_open", STATUS, [POINTER(CONFIG), TEXT]),
    ("tc_config_preset", STATUS, [POINTER(CONFIG), TEXT]),
    ("tc_config_close", None, [CONFIG]),
    ("tc_config_json", STATUS, [OUT, CONFIG]),
    ("tc_config_priority", STATUS, [OUT, CONFIG, TEXT, I64]),
    ("tc_config_sla_status", STATUS, [OUT, CONFIG, TEXT, I64]),
    ("tc_config_calendar", STATUS, [POINTER(CALENDAR), CONFIG, TEXT]),
    ("tc_config_rules", STATUS, [POINTER(RULES), CONFIG]),
    # Calendars.
    ("tc_calendar_open", STATUS, [POINTER(CALENDAR), TEXT]),
    ("tc_calendar_close", None, [CALENDAR]),
    ("tc_calendar_add", STATUS, [OUT_I64, CALENDAR, I64, I64]),
    ("tc_calendar_between", STATUS, [OUT_I64, CALENDAR, I64, I64]),
    ("tc_calendar_add_working_days", STATUS, [OUT_I64, CALENDAR, I64, c_int32]),
    ("tc_calendar_is_working_day", STATUS, [OUT_INT, CALENDAR, TEXT]),
    ("tc_calendar_is_open", STATUS, [OUT_INT, CALENDAR, I64]),
    ("tc_calendar_next_open", STATUS, [OUT_I64, CALENDAR, I64]),
    # Rule sets.
    ("tc_rules_open", STATUS, [POINTER(RULES), TEXT, TEXT]),
    ("tc_rules_close", None, [RULES]),
    ("tc_rules_lint", STATUS, [OUT, RULES]),
    ("tc_rules_route", STATUS, [OUT, RULES, TEXT, I64]),
    ("tc_rules_explain", STATUS, [OUT, RULES, TEXT, I64]),
    ("tc_rules_dry_run", STATUS, [OUT, RULES, RULES, TEXT, I64]),
]


class _Missing:
    """Stands for a function the loaded library does not export (an older library)."""

    def __init__(self, name: str, path: str) -> None:
        self.__name__ = name
        self._path = path

    def __call__(self, *args: Any) -> Any:
        raise LibraryError(f"{self.__name__} is not in {self._path}: the library is older than this binding")


class Library:
    """The loaded library: each function of :data:`FUNCTIONS` as an attribute.

    Functions whose restype is STATUS raise the TicketcoreError subclass of their status
    (reading tc_errmsg and tc_errpath on the calling thread, right after the call) and
    return None on success.
    """

    def __init__(self, cdll: ctypes.CDLL, path: str, expected_abi: int = ABI_VERSION) -> None:
        self.cdll = cdll
        self.path = path
        self.missing: List[str] = []
        try:
            abi = cdll.tc_abi_version
        except AttributeError:
            raise LibraryError(f"{path} is not libticketcore: it has no tc_abi_version") from None
        abi.restype = c_int
        abi.argtypes = []
        found = abi()
        if found != expected_abi:
            raise LibraryError(
                f"{path} has ABI version {found}; this binding needs {expected_abi} "
                f"(libticketcore.so.{expected_abi})")
        for name, restype, argtypes in FUNCTIONS:
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, _Missing(name, path))
                continue
            fn.argtypes = list(argtypes)
            if restype is STATUS:
                fn.restype = c_int
                fn.errcheck = self._check
            else:
                fn.restype = restype
            setattr(self, name, fn)

    def _check(self, status: int, fn: Callable[..., Any], args: Tuple[Any, ...]) -> None:
        if status == 0:
            return None
        message = _text(self.cdll.tc_errmsg())
        field = _text(self.cdll.tc_errpath())
        code = _text(self.cdll.tc_strerror(status))
        raise error_for(status, message, field, code)

    # Typed accessors for what never fails.
    def version(self) -> str:
        return _text(self.tc_version())  # type: ignore[attr-defined]

    def version_number(self) -> int:
        return int(self.tc_version_number())  # type: ignore[attr-defined]

    def abi_version(self) -> int:
        return int(self.tc_abi_version())  # type: ignore[attr-defined]

    def strerror(self, status: int) -> str:
        return _text(self.tc_strerror(status))  # type: ignore[attr-defined]

    def take_text(self, buffer: c_void_p) -> str:
        """The text of an out_json buffer, released with tc_free (NULL gives "")."""
        try:
            return ctypes.string_at(buffer.value).decode("utf-8") if buffer.value else ""
        finally:
            self.tc_free(buffer)  # type: ignore[attr-defined]


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8", "replace") if value else ""


def _sanitized(build_dir: Path) -> bool:
    try:
        return "-fsanitize" in (build_dir / "CMakeCache.txt").read_text(errors="replace")
    except OSError:
        return False


def _build_tree_candidates(package_dir: Path) -> List[Path]:
    """build/*/capi/libticketcore.so.0 of the source checkout holding the package, newest first."""
    for root in package_dir.parents:
        if (root / "capi" / "ticketcore.h").is_file() and (root / "build").is_dir():
            found = []
            for lib in (root / "build").glob(f"*/capi/{SONAME}"):
                try:  # a build running meanwhile may remove it
                    if lib.is_file() and not _sanitized(lib.parent.parent):
                        found.append((lib.stat().st_mtime, str(lib)))
                except OSError:
                    continue
            return [Path(p) for _, p in sorted(found, reverse=True)]
    return []


def find_library() -> List[Tuple[str, str]]:
    """The places tried, in order, as (how, path or name)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return [(ENV_VAR, env)]
    package_dir = Path(__file__).resolve().parent
    places: List[Tuple[str, str]] = []
    beside = package_dir / SONAME
    if beside.is_file():
        places.append(("package", str(beside)))
    places.extend(("build tree", str(p)) for p in _build_tree_candidates(package_dir))
    places.append(("system", SONAME))
    return places


def load(path: Optional[str] = None, expected_abi: int = ABI_VERSION) -> Library:
    """Loads the library at `path`, or the first of :func:`find_library` that loads."""
    places = [("argument", path)] if path else find_library()
    errors = []
    for how, where in places:
        try:
            cdll = ctypes.CDLL(where)
        except OSError as e:
            errors.append(f"{how} {where}: {e}")
            if how in (ENV_VAR, "argument"):
                break
            continue
        return Library(cdll, where, expected_abi)
    raise LibraryError("cannot load libticketcore (set TICKETCORE_LIBRARY to its path): " + "; ".join(errors))


_library: Optional[Library] = None
_lock = threading.Lock()


def library() -> Library:
    """The library the package uses, loaded on first use."""
    global _library
    if _library is None:
        with _lock:
            if _library is None:
                _library = load()
    return _library
