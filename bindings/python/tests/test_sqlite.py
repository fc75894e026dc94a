"""A desk on an SQLite file in a temporary directory: the story of tests/capi/desk_test.c
from Python, reopening the file, and two desks sharing it."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import unittest

from ticketcore import Conflict

from .support import ADMIN, ENGINEER, ENTERPRISE, RECEIVER, START, SYSTEM, TEST_START, TempDir, erp_fault, open_desk


class SqliteDesk(unittest.TestCase):
    def test_a_desk_on_a_file(self) -> None:
        with TempDir() as d:
            path = pathlib.Path(d) / "desk.db"  # a PathLike is a store
            with open_desk(path) as desk:
                customer = desk.register_customer(RECEIVER, ENTERPRISE)
                first = desk.take_in(RECEIVER, erp_fault(customer["id"]))["ticket"]
                second = desk.take_in(RECEIVER, erp_fault(customer["id"], "ERP invoices wrong"))["ticket"]
                self.assertNotEqual(first["id"], second["id"])
                ch = desk.comment(ENGINEER, first, "We are on it.")
                ch = desk.change_status(ENGINEER, ch, "in_progress")
                ch = desk.resolve(ENGINEER, ch, "Restarted the order service.")
                desk.set_time(START + dt.timedelta(days=2))
                sweep = desk.due()
                self.assertIn("sla_breach", {a["kind"] for a in sweep["actions"]})
                self.assertEqual(desk.due()["actions"], [])
            self.assertTrue(path.is_file())

            # Reopened: the tickets and the handed-out keys are there.
            with open_desk(str(path), clock=TEST_START + 2 * 86400) as desk:
                view = desk.show(ADMIN, second["id"])
                self.assertEqual(view["ticket"]["subject"], "ERP invoices wrong")
                self.assertTrue(view["due_handed_out"])
                self.assertEqual(desk.show(ADMIN, first["id"])["ticket"]["status"], "resolved")
                self.assertEqual(desk.due()["actions"], [])

    def test_two_desks_on_one_file(self) -> None:
        with TempDir() as d:
            path = os.path.join(d, "desk.db")
            with open_desk(path) as a, open_desk(path) as b:
                customer = a.register_customer(RECEIVER, ENTERPRISE)
                ticket = a.take_in(RECEIVER, erp_fault(customer["id"]))["ticket"]
                self.assertEqual(b.show(ENGINEER, ticket["id"])["ticket"], ticket)
                b.comment(ENGINEER, ticket, "from b")
                with self.assertRaises(Conflict):
                    a.comment(ENGINEER, ticket, "from a, on a stale read")
                self.assertEqual(len(b.find_tickets(SYSTEM)["tickets"]), 1)


if __name__ == "__main__":
    unittest.main()
