"""The desk's lifetime: a context manager that closes on exit, close() idempotent and
waiting for calls in flight, a closed desk raising, a forgotten desk closed when collected."""

from __future__ import annotations

import gc
import threading
import unittest
import weakref

from ticketcore import DeskClosed

from .support import RECEIVER, SYSTEM, open_desk


class Lifecycle(unittest.TestCase):
    def test_with_closes_on_exit(self) -> None:
        with open_desk() as desk:
            self.assertFalse(desk.closed)
            self.assertIn("open", repr(desk))
        self.assertTrue(desk.closed)
        self.assertIn("closed", repr(desk))
        with self.assertRaises(DeskClosed):
            desk.due()
        desk.close()  # idempotent

    def test_with_closes_when_the_body_raises(self) -> None:
        with self.assertRaises(ZeroDivisionError):
            with open_desk() as desk:
                1 / 0
        self.assertTrue(desk.closed)

    def test_a_forgotten_desk_is_closed_when_collected(self) -> None:
        desk = open_desk()
        finalizer = desk._finalizer
        self.assertTrue(finalizer.alive)
        ref = weakref.ref(desk)
        del desk
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)  # tc_desk_close ran

    def test_close_waits_for_calls_in_flight(self) -> None:
        desk = open_desk()
        customer = desk.register_customer(RECEIVER, {"kind": "individual", "name": "Li Lei"})
        stop = threading.Event()
        errors = []

        def work() -> None:
            while not stop.is_set():
                try:
                    desk.take_in(RECEIVER, {"customer_id": customer["id"], "subject": "printer jams"})
                except DeskClosed:
                    return
                except Exception as e:  # pragma: no cover - reported below
                    errors.append(e)
                    return

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        while not desk.find_tickets(SYSTEM, limit=1)["tickets"]:
            pass
        desk.close()  # must neither crash nor free the desk under a running call
        stop.set()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertTrue(desk.closed)

    def test_many_desks(self) -> None:
        for _ in range(3):
            with open_desk() as desk:
                desk.due()


if __name__ == "__main__":
    unittest.main()
