"""One desk from 8 Python threads: ctypes drops the GIL for each C call, so the calls
really overlap; errors stay on their thread (tc_errmsg is per thread)."""

from __future__ import annotations

import threading
import unittest
from typing import List

from ticketcore import Conflict, NotFound

from .support import ADMIN, ENGINEER, ENTERPRISE, RECEIVER, SYSTEM, TempDir, erp_fault, open_desk

THREADS = 8
ROUNDS = 8


class Threads(unittest.TestCase):
    def run_threads(self, store) -> None:
        with open_desk(store) as desk:
            customer = desk.register_customer(RECEIVER, ENTERPRISE)
            shared = desk.take_in(RECEIVER, erp_fault(customer["id"], "shared ticket"))["ticket"]
            barrier = threading.Barrier(THREADS)
            failures: List[BaseException] = []
            made: List[List[str]] = [[] for _ in range(THREADS)]
            conflicts = [0] * THREADS

            def work(n: int) -> None:
                try:
                    barrier.wait()
                    for i in range(ROUNDS):
                        r = desk.take_in(RECEIVER, erp_fault(customer["id"], f"thread {n} ticket {i}"))
                        made[n].append(r["ticket"]["id"])
                        desk.show(ADMIN, r["ticket"])
                        # Errors are per thread: each sees its own message and path.
                        try:
                            desk.show(ADMIN, f"209912-{n:03d}")
                        except NotFound as e:
                            assert f"209912-{n:03d}" in e.message, e.message
                        # Everyone comments on the shared ticket at version 1: one wins, once.
                        try:
                            desk.comment(ADMIN, shared["id"], f"from {n}", version=shared["version"])
                        except Conflict as e:
                            assert e.field == "/ticket/version", e.field
                            conflicts[n] += 1
                        desk.find_tickets(ADMIN, limit=5)
                        desk.agent_queue(ENGINEER, "t-01", 5)
                except BaseException as e:  # reported on the main thread
                    failures.append(e)

            threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(failures, [])
            ids = [i for per in made for i in per]
            self.assertEqual(len(ids), THREADS * ROUNDS)
            self.assertEqual(len(set(ids)), len(ids))  # numbered without duplicates
            self.assertEqual(sum(conflicts), THREADS * ROUNDS - 1)
            total = len(list(desk.iter_tickets(SYSTEM, limit=1000)))
            self.assertEqual(total, THREADS * ROUNDS + 1)

    def test_in_memory(self) -> None:
        self.run_threads(None)

    def test_on_an_sqlite_file(self) -> None:
        with TempDir() as d:
            self.run_threads(f"{d}/desk.db")


if __name__ == "__main__":
    unittest.main()
