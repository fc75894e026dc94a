"""What every handle of the C ABI shares (tc_desk, tc_config, tc_calendar, tc_rules):
ownership, closing, and calling with the handle second and an output first."""

from __future__ import annotations

import ctypes
import threading
import weakref
from typing import Any, ClassVar, Optional, Type

from . import _json
from ._lib import Library
from .errors import HandleClosed


def _close(lib: Library, close_name: str, handle: Any) -> None:
    getattr(lib, close_name)(handle)


class Handle:
    """Owns one C handle: freed once, by close(), `with`, or when collected.

    Calls count as in flight while they run: close() refuses new calls at once, waits for
    those running, and only then frees the handle, so closing never races a call (which
    the C ABI forbids). A closed handle raises its CLOSED error rather than passing NULL.
    """

    #: The C function that frees the handle.
    _CLOSE: ClassVar[str] = ""
    #: What a call on a closed handle raises.
    _CLOSED: ClassVar[Type[HandleClosed]] = HandleClosed
    #: The handle's name in messages ("desk: closed").
    _NAME: ClassVar[str] = "handle"

    _lib: Library
    _handle: Any = None
    _instants: bool = True

    def _adopt(self, lib: Library, handle: Any, instants: bool = True) -> None:
        """Takes ownership of an opened handle."""
        self._lib = lib
        self._instants = instants
        self._cond = threading.Condition(threading.Lock())
        self._in_flight = 0
        self._handle = handle
        self._finalizer = weakref.finalize(self, _close, lib, self._CLOSE, handle)

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Frees the handle (idempotent), after the calls in flight on other threads."""
        if self._handle is None:
            return
        with self._cond:
            if self._handle is None:
                return
            self._handle = None
            while self._in_flight:
                self._cond.wait()
        self._finalizer()

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _acquire(self) -> Any:
        cond = getattr(self, "_cond", None)
        if cond is None:
            raise self._CLOSED(f"{self._NAME}: closed", status=1)
        with cond:
            if self._handle is None:
                raise self._CLOSED(f"{self._NAME}: closed", status=1)
            self._in_flight += 1
            return self._handle

    def _release(self) -> None:
        with self._cond:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._cond.notify_all()

    def _invoke(self, name: str, out: Optional[Any], *args: Any) -> None:
        """Calls name([&out,] handle, args...): raises the status's exception on failure."""
        fn = getattr(self._lib, name)
        handle = self._acquire()
        try:
            if out is None:
                fn(handle, *args)
            else:
                fn(ctypes.byref(out), handle, *args)
        finally:
            self._release()

    def _call(self, name: str, *args: Any) -> Any:
        """Calls name(&out_json, handle, args...) and returns out_json parsed (freed with tc_free)."""
        out = ctypes.c_void_p()
        try:
            self._invoke(name, out, *args)
        finally:
            text = self._lib.take_text(out)  # frees the buffer whatever happened
        return _json.loads(text, self._instants)

    def _scalar(self, name: str, ctype: Any, *args: Any) -> Any:
        """Calls name(&out, handle, args...) for a scalar out (int64_t, int) and returns it."""
        out = ctype()
        self._invoke(name, out, *args)
        return out.value
