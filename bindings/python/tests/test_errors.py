"""Status codes become exceptions carrying the status, its name, the message and the
field's JSON path; None and bad text are refused, never a crash."""

from __future__ import annotations

import ctypes
import pickle
import unittest

import ticketcore
from ticketcore import (Actor, Conflict, Denied, DeskClosed, InvalidInput, InvalidTransition, NotFound, StorageError,
                        TicketcoreError)
from ticketcore.errors import error_for

from .support import ADMIN, ENGINEER, OTHER_ENGINEER, RECEIVER, DeskTest, TempDir, open_desk


class Classes(unittest.TestCase):
    def test_one_class_per_status(self) -> None:
        names = {1: "InvalidInput", 2: "NotFound", 3: "Conflict", 4: "InvalidTransition", 5: "Denied",
                 6: "StorageError", 7: "OutOfMemory", 8: "InternalError", 9: "Busy"}
        for status, name in names.items():
            e = error_for(status, "m", "/f", ticketcore.strerror(status))
            self.assertEqual(type(e).__name__, name)
            self.assertIsInstance(e, TicketcoreError)
            self.assertEqual((e.status, e.field, e.path, e.message), (status, "/f", "/f", "m"))
            self.assertEqual(e.code, ticketcore.strerror(status))
            self.assertEqual(type(e).STATUS, status)
        unknown = error_for(42, "from a newer library")
        self.assertIs(type(unknown), TicketcoreError)
        self.assertEqual(unknown.status, 42)
        self.assertTrue(issubclass(InvalidInput, ValueError))
        self.assertTrue(issubclass(NotFound, LookupError))
        self.assertTrue(issubclass(DeskClosed, InvalidInput))

    def test_pickles(self) -> None:
        e = pickle.loads(pickle.dumps(error_for(3, "stale", "/ticket/version", "conflict")))
        self.assertIsInstance(e, Conflict)
        self.assertEqual((e.status, e.field, e.message, e.code), (3, "/ticket/version", "stale", "conflict"))


class Mapping(DeskTest):
    def assertError(self, cls: type, call, field: str = None, message: str = None) -> TicketcoreError:
        with self.assertRaises(cls) as caught:
            call()
        e = caught.exception
        self.assertEqual(e.status, cls.STATUS)
        self.assertEqual(e.code, ticketcore.strerror(cls.STATUS))
        if field is not None:
            self.assertEqual(e.field, field)
        if message is not None:
            self.assertTrue(e.message.startswith(message), e.message)
        self.assertIn(e.message, str(e))
        return e

    def test_bad_json(self) -> None:
        t = self.ticket["id"]
        self.assertError(InvalidInput, lambda: self.desk.show('{"kind":"agent",', t), "", "actor: invalid JSON")
        self.assertError(InvalidInput, lambda: self.desk.show({"kind": "robot", "id": "r2"}, t), "/kind")
        self.assertError(InvalidInput, lambda: self.desk.show(Actor("robot", "r2"), t), "/kind")
        self.assertError(InvalidInput, lambda: self.desk.show({"kind": "agent"}, t), "/id")
        self.assertError(InvalidInput, lambda: self.desk.show({"kind": "agent", "id": "t-01", "role": "x"}, t),
                         "/role")
        c = self.customer["id"]
        self.assertError(InvalidInput, lambda: self.desk.take_in(RECEIVER, {"customer_id": c, "subject": "x",
                                                                            "colour": "red"}),
                         "/colour", "request: /colour: unknown field")
        self.assertError(InvalidInput, lambda: self.desk.take_in(
            RECEIVER, {"customer_id": c, "subject": "x", "impact": {"users_affected": "many"}}),
            "/impact/users_affected")
        self.assertError(InvalidInput, lambda: self.desk.take_in(RECEIVER, {"customer_id": c}), "/subject")
        self.assertError(InvalidInput, lambda: self.desk.take_in(RECEIVER, {"customer_id": c, "subject": "x",
                                                                            "priority": "P1"}), "/priority")
        self.assertError(InvalidInput, lambda: self.desk.take_in(RECEIVER, ""), "", "request: invalid JSON")
        self.assertError(InvalidInput, lambda: self.desk.register_customer(RECEIVER, {"name": "x", "tier": "gold"}),
                         "/tier")
        self.assertError(InvalidInput, lambda: self.desk.find_tickets(ADMIN, order="size"), "/order")
        self.assertError(InvalidInput, lambda: self.desk.find_tickets(ADMIN, limit=0), "/limit")
        self.assertError(InvalidInput, lambda: self.desk.find_tickets(ADMIN, statuses=["open"]), "/statuses/0")
        self.assertError(InvalidInput, lambda: self.desk.find_customers(ADMIN, tier=1), "/tier")
        self.assertError(InvalidInput, lambda: self.desk.change_status(ENGINEER, t, "done"), None,
                         'status: unknown status "done"')
        self.assertError(InvalidInput, lambda: self.desk.agent_queue(ENGINEER, "t-01", 1001))
        self.assertError(InvalidInput, lambda: self.desk.comment(ENGINEER, t, "x", version=-1), "",
                         "version: must not be negative")

    def test_none_where_a_value_is_required(self) -> None:
        t = self.ticket["id"]
        self.assertError(InvalidInput, lambda: self.desk.show(None, t), "", "actor: must not be NULL")
        self.assertError(InvalidInput, lambda: self.desk.show(ENGINEER, None), "", "ticket_id: must not be NULL")
        self.assertError(InvalidInput, lambda: self.desk.take_in(RECEIVER, None), "", "request: must not be NULL")
        self.assertError(InvalidInput, lambda: self.desk.register_customer(RECEIVER, None))
        self.assertError(InvalidInput, lambda: self.desk.customer(ADMIN, None))
        self.assertError(InvalidInput, lambda: self.desk.agent_queue(ENGINEER, None))
        self.assertError(InvalidInput, lambda: self.desk.comment(ENGINEER, t, None), "", "text: must not be NULL")
        self.assertError(InvalidInput, lambda: self.desk.change_status(ENGINEER, t, None))
        self.assertError(InvalidInput, lambda: self.desk.assign(ADMIN, None, "t-02"))
        self.assertError(InvalidInput, lambda: self.desk.resolve(ENGINEER, t, None))
        # Text the C string cannot carry: refused here, naming the argument.
        self.assertError(InvalidInput, lambda: self.desk.comment(ENGINEER, t, "a\0b"), "",
                         "text: contains a NUL character")
        # A lone surrogate is invalid UTF-8 for the library.
        self.assertError(InvalidInput, lambda: self.desk.show(ENGINEER, "202603-\udcc3"), "",
                         "ticket_id: not valid UTF-8")
        self.assertError(InvalidInput, lambda: self.desk.agent_queue(ENGINEER, "t-01", -1), "",
                         "limit: must not be negative")
        with self.assertRaises(TypeError):
            self.desk.show(ENGINEER, 42)  # type: ignore[arg-type]
        # After a failure a call succeeds and the binding raised nothing stale.
        self.assertEqual(self.desk.show(ENGINEER, t)["ticket"]["id"], t)

    def test_null_pointers_through_the_raw_table(self) -> None:
        lib = ticketcore._lib.library()
        out = ctypes.c_void_p(1234)  # not NULL: a failing call must reset it
        actor, ticket = ENGINEER.to_json().encode(), self.ticket["id"].encode()
        with self.assertRaises(InvalidInput) as caught:
            lib.tc_desk_show(ctypes.byref(out), None, actor, ticket)
        self.assertEqual(caught.exception.message, "desk: must not be NULL")
        self.assertIsNone(out.value)
        with self.assertRaises(InvalidInput) as caught:
            lib.tc_desk_show(None, self.desk._acquire(), actor, ticket)
        self.desk._release()
        self.assertEqual(caught.exception.message, "out_json: must not be NULL")
        with self.assertRaises(InvalidInput) as caught:
            lib.tc_desk_open(None, None)
        self.assertEqual(caught.exception.message, "out: must not be NULL")
        with self.assertRaises(InvalidInput):
            lib.tc_desk_set_time(None, 0)
        lib.tc_free(None)
        lib.tc_desk_close(None)
        # A call that succeeds clears the thread's message.
        lib.tc_desk_show(ctypes.byref(out), self.desk._acquire(), actor, ticket)
        self.desk._release()
        self.assertEqual((lib.tc_errmsg(), lib.tc_errpath()), (b"", b""))
        self.assertTrue(lib.take_text(out).startswith('{"ticket":'))

    def test_not_found(self) -> None:
        e = self.assertError(NotFound, lambda: self.desk.show(ADMIN, "209912-999"))
        self.assertIn("209912-999", e.message)
        self.assertEqual(e.code, "not_found")
        self.assertError(NotFound, lambda: self.desk.comment(ADMIN, "209912-999", "hello"))
        self.assertError(NotFound, lambda: self.desk.customer(ADMIN, "C20991231999"))

    def test_stale_version_is_a_conflict(self) -> None:
        first = self.desk.comment(ENGINEER, self.ticket, "first")  # the ticket dict carries version 1
        self.assertEqual(first["ticket"]["version"], 2)
        e = self.assertError(Conflict, lambda: self.desk.comment(ENGINEER, self.ticket, "based on a stale read"),
                             "/ticket/version")
        self.assertIn("it changed meanwhile", e.message)
        self.assertError(Conflict, lambda: self.desk.comment(ENGINEER, self.ticket["id"], "x", version=1))
        self.desk.comment(ENGINEER, first, "based on the latest")  # the change's ticket is current

    def test_forbidden_is_denied(self) -> None:
        t = self.ticket["id"]
        self.assertError(Denied, lambda: self.desk.show(OTHER_ENGINEER, t))
        e = self.assertError(Denied, lambda: self.desk.show(Actor.agent("nobody"), t))
        self.assertTrue(e.field.startswith("/actor"), e.field)
        self.assertError(Denied, lambda: self.desk.show(Actor.admin("t-01"), t))
        self.assertError(Denied, lambda: self.desk.due(ENGINEER))
        self.assertError(Denied, lambda: self.desk.comment(OTHER_ENGINEER, t, "mine now"))

    def test_invalid_transition(self) -> None:
        e = self.assertError(InvalidTransition, lambda: self.desk.change_status(ENGINEER, self.ticket, "closed",
                                                                                "skip ahead"))
        self.assertEqual(e.code, "invalid_transition")
        self.assertError(InvalidTransition, lambda: self.desk.close_ticket(ENGINEER, self.ticket))

    def test_closed_desk(self) -> None:
        self.desk.close()
        e = self.assertError(DeskClosed, lambda: self.desk.show(ENGINEER, self.ticket["id"]), "", "desk: closed")
        self.assertIsInstance(e, InvalidInput)
        self.assertError(DeskClosed, lambda: self.desk.set_time(0))


class Opening(unittest.TestCase):
    def test_bad_options(self) -> None:
        with self.assertRaises(InvalidInput) as caught:
            open_desk(clock=-1)
        self.assertEqual(caught.exception.field, "/start_time")
        with self.assertRaises(StorageError) as storage:
            open_desk("postgresql://%2Fnonexistent-dir%2Fticketcore/desk")  # a server that is not there
        self.assertIn("PostgreSQL failed connecting", storage.exception.message)
        with self.assertRaises(StorageError):
            open_desk("/nonexistent-dir/x/desk.db")
        with self.assertRaises(InvalidInput) as caught:
            open_desk(config={"version": 3})
        self.assertTrue(caught.exception.field.startswith("/config_json"))
        self.assertTrue(caught.exception.message.startswith("options: /config_json"))
        with self.assertRaises(InvalidInput) as caught:
            open_desk(people={"agents": [{"id": "x-01"}]})
        self.assertEqual(caught.exception.field, "/people_json/agents/0/name")
        with self.assertRaises(InvalidInput) as caught:
            open_desk(people='{"robots":[]}')
        self.assertEqual(caught.exception.field, "/people_json/robots")
        with self.assertRaises(InvalidInput) as caught:
            open_desk(people="{")
        self.assertTrue(caught.exception.message.startswith("options: "), caught.exception.message)

    def test_a_storage_error_on_a_bad_file(self) -> None:
        with TempDir() as d:
            path = f"{d}/not-a-database.db"
            with open(path, "wb") as f:
                f.write(b"this is not an SQLite file" * 100)
            with self.assertRaises(StorageError) as caught:
                open_desk(path)
            self.assertEqual(caught.exception.code, "storage")


if __name__ == "__main__":
    unittest.main()
