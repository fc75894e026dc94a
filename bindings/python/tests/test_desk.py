"""Every desk call through the binding, on a desk in memory: results are dicts parsed from
the library's JSON."""

from __future__ import annotations

import datetime as dt
import unittest

import ticketcore
from ticketcore import Actor, Desk

from .support import (ADMIN, ENGINEER, ENTERPRISE, LEAD, PEOPLE, RECEIVER, START, SUPERVISOR, SYSTEM, TEST_START,
                      DeskTest, erp_fault, open_desk)


class Actors(unittest.TestCase):
    def test_helpers(self) -> None:
        self.assertEqual(Actor.agent("p-01").to_dict(), {"kind": "agent", "id": "p-01"})
        self.assertEqual(Actor.supervisor("s-01").kind, "supervisor")
        self.assertEqual(Actor.admin("m-01").to_json(), '{"kind":"admin","id":"m-01"}')
        self.assertEqual(Actor.customer("C1").to_dict(), {"kind": "customer", "id": "C1"})
        self.assertEqual(Actor.system().to_dict(), {"kind": "system"})
        self.assertEqual(str(Actor.agent("t-01")), "agent t-01")
        self.assertEqual(Actor.agent("t-01"), Actor("agent", "t-01"))
        self.assertEqual(len({Actor.system(), Actor.system()}), 1)  # frozen: hashable


class Opening(unittest.TestCase):
    def test_defaults(self) -> None:
        with Desk() as desk:  # in memory, the standard preset, the system clock
            # The system clock, read through tc_desk_now: within a minute of this machine's.
            self.assertLess(abs((desk.now - dt.datetime.now(dt.timezone.utc)).total_seconds()), 60)
            self.assertEqual(desk.find_tickets(SYSTEM), {"tickets": []})
            self.assertEqual(desk.find_tickets(SYSTEM, "{}"), {"tickets": []})
            self.assertTrue(desk.config()["version"])
            with self.assertRaises(ticketcore.InvalidInput) as caught:
                desk.set_time(TEST_START)
            self.assertIn("desk: uses the system clock", caught.exception.message)

    def test_people_and_config_as_text(self) -> None:
        import json
        with Desk(":memory:", people=json.dumps(PEOPLE), clock=TEST_START) as desk:
            config = desk.config()
            self.assertIn("p-01", [a["id"] for a in config["agents"]])
            with Desk("", config=json.dumps(config), people=PEOPLE, clock=START) as again:
                self.assertEqual(again.config()["version"], config["version"])

    def test_the_manual_clock(self) -> None:
        with open_desk() as desk:
            self.assertEqual(desk.now, START)
            self.assertEqual(desk.due()["at"], START)
            self.assertEqual(desk.advance(dt.timedelta(hours=1)), START + dt.timedelta(hours=1))
            self.assertEqual(desk.due(SYSTEM, 10)["at"], START + dt.timedelta(hours=1))
            desk.set_time(START)  # backwards too
            self.assertEqual(desk.due()["at"], START)
            desk.set_time(TEST_START + 60)
            self.assertEqual(desk.due()["at"], START + dt.timedelta(minutes=1))


class Customers(DeskTest):
    def test_register_read_find(self) -> None:
        c = self.customer
        self.assertTrue(c["id"].startswith("C"))
        self.assertEqual(c["version"], 1)
        self.assertEqual(self.desk.customer(ADMIN, c["id"])["name"], ENTERPRISE["name"])
        page = self.desk.find_customers(ADMIN, phone="13812345678")
        self.assertEqual([x["id"] for x in page["customers"]], [c["id"]])
        self.assertNotIn("next_cursor", page)
        self.assertEqual(self.desk.find_customers(ADMIN, {"name_prefix": "Hangzhou"})["customers"][0]["id"], c["id"])
        self.assertEqual(self.desk.find_customers(ADMIN, '{"name_prefix":"Nobody"}'), {"customers": []})
        self.desk.register_customer(RECEIVER, {"kind": "individual", "name": "Li Lei", "phones": ["13900001111"]})
        first = self.desk.find_customers(ADMIN, limit=1)
        self.assertIn("next_cursor", first)
        self.assertEqual(len(list(self.desk.iter_customers(ADMIN, limit=1))), 2)

    def test_masking_and_unmasked(self) -> None:
        masked = self.desk.customer(ENGINEER, self.customer["id"])  # t-01 handles its ticket
        unmasked = self.desk.customer_unmasked(ADMIN, self.customer["id"])
        self.assertEqual(unmasked["phones"], ["+8613812345678"])  # stored normalized
        self.assertNotEqual(masked["phones"], unmasked["phones"])
        with self.assertRaises(ticketcore.Denied):
            self.desk.customer_unmasked(ENGINEER, self.customer["id"])
        with self.assertRaises(ticketcore.Denied):
            self.desk.customer(RECEIVER, self.customer["id"])  # p-01 handles none of its tickets

    def test_update(self) -> None:
        c = dict(self.desk.customer_unmasked(ADMIN, self.customer["id"]))
        c["name"] = "Hangzhou Lianhe Manufacturing Ltd."
        updated = self.desk.update_customer(ADMIN, c)
        self.assertEqual(updated["name"], c["name"])
        self.assertEqual(updated["version"], 2)
        with self.assertRaises(ticketcore.Conflict):
            self.desk.update_customer(ADMIN, c)  # version 1 again: stale

    def test_purchases_history_profile(self) -> None:
        bought = START - dt.timedelta(days=30)
        c = self.desk.record_purchase(ENGINEER, self.customer["id"], {
            "product": "Router X", "purchased_at": bought, "warranty_until": bought + dt.timedelta(days=365),
            "price": {"amount": 1200, "currency": "CNY"}})
        self.assertEqual(len(c["purchases"]), 1)
        self.assertEqual(c["purchases"][0]["purchased_at"], bought)
        self.assertEqual(c["purchases"][0]["warranty_until"], bought + dt.timedelta(days=365))
        history = self.desk.customer_history(ADMIN, self.customer["id"])
        kinds = {e["kind"] for e in history["entries"]}
        self.assertIn("purchase", kinds)
        self.assertIn("ticket", kinds)
        for e in history["entries"]:
            self.assertIsInstance(e["at"], dt.datetime)
        everything = list(self.desk.iter_customer_history(ADMIN, self.customer["id"], limit=1))
        self.assertEqual(len(everything), len(history["entries"]))
        only = self.desk.customer_history(ADMIN, self.customer["id"], kinds=["purchase"])
        self.assertEqual({e["kind"] for e in only["entries"]}, {"purchase"})
        profile = self.desk.customer_profile(ADMIN, self.customer["id"])
        self.assertEqual(profile["tickets_total"], 1)
        self.assertIn("summary", profile)

    def test_merge_and_reverse(self) -> None:
        dup = self.desk.register_customer(ADMIN, {"kind": "enterprise", "name": "Lianhe Mfg",
                                                  "phones": ["13812345678"]})
        kept = self.desk.merge_customers(ADMIN, dup["id"], self.customer["id"])
        self.assertEqual(kept["id"], self.customer["id"])
        self.assertEqual(self.desk.customer(ADMIN, dup["id"])["merged_into"], self.customer["id"])
        back = self.desk.reverse_customer_merge(ADMIN, dup["id"], "two companies")
        self.assertEqual(back["id"], dup["id"])
        self.assertNotIn("merged_into", back)


class Tickets(DeskTest):
    def test_take_in(self) -> None:
        r = self.taken
        for key in ("ticket", "events", "priority", "routing", "assignment", "sla", "actions", "workload"):
            self.assertIn(key, r)
        t = r["ticket"]
        self.assertRegex(t["id"], r"^202603-\d+$")
        self.assertEqual(t["team"], "technical_support")
        self.assertEqual(t["assignee"], "t-01")
        self.assertEqual(t["created_at"], START)
        self.assertTrue(r["priority"]["level"].startswith("P"))
        self.assertIn("first_response", [x["target"] for x in r["sla"]["targets"]])

    def test_show_find_queues(self) -> None:
        t = self.ticket
        view = self.desk.show(ENGINEER, t["id"])
        for key in ("ticket", "events", "sla", "routing", "config_version", "due_handed_out"):
            self.assertIn(key, view)
        self.assertEqual(view["ticket"], t)
        self.assertEqual(self.desk.show(ENGINEER, self.taken)["ticket"]["id"], t["id"])  # a result names its ticket
        second = self.desk.take_in(RECEIVER, erp_fault(self.customer["id"], "ERP invoices wrong"))["ticket"]
        if second.get("assignee") != "t-01":
            second = self.desk.assign(SUPERVISOR, second, "t-01")["ticket"]
        ids = [x["id"] for x in self.desk.find_tickets(ADMIN)["tickets"]]
        self.assertEqual(sorted(ids), sorted([t["id"], second["id"]]))
        found = self.desk.find_tickets(ADMIN, text="invoices", order="due_at")["tickets"]
        self.assertEqual([x["id"] for x in found], [second["id"]])
        self.assertEqual(self.desk.find_tickets(ADMIN, created_from=START, created_before=START)["tickets"], [])
        self.assertEqual(len(self.desk.find_tickets(ADMIN, {"created_from": START})["tickets"]), 2)
        page = self.desk.find_tickets(ADMIN, limit=1)
        self.assertIn("next_cursor", page)
        self.assertEqual(sorted(x["id"] for x in self.desk.iter_tickets(ADMIN, limit=1)), sorted(ids))
        queue = self.desk.agent_queue(ENGINEER, "t-01")
        self.assertIn(t["id"], [x["id"] for x in queue["tickets"]])
        first = self.desk.agent_queue(ENGINEER, "t-01", limit=1)
        rest = self.desk.agent_queue(ENGINEER, "t-01", 1, first["next_cursor"])
        self.assertEqual(len(first["tickets"]) + len(rest["tickets"]), 2)
        self.assertIsInstance(self.desk.team_queue(SUPERVISOR, "technical_support")["tickets"], list)

    def test_a_ticket_from_intake_to_closed(self) -> None:
        t = self.ticket
        customer = Actor.customer(self.customer["id"])
        ch = self.desk.comment(ENGINEER, t, "We are looking at the order module.")
        self.assertEqual(set(ch), {"ticket", "events", "actions"})
        self.assertEqual(ch["ticket"]["version"], 2)
        self.assertEqual(ch["ticket"]["first_response_at"], START)
        self.assertIn("public_comment", [e["kind"] for e in ch["events"]])
        ch = self.desk.internal_comment(ENGINEER, ch, "Order job stuck since 09:00.")
        ch = self.desk.progress_update(ENGINEER, ch, "Restarting the job.")
        ch = self.desk.change_status(ENGINEER, ch, "in_progress")
        self.assertEqual(ch["ticket"]["status"], "in_progress")
        ch = self.desk.change_status(ENGINEER, ch, "pending_customer", "waiting for the log")
        ch = self.desk.change_status(ENGINEER, ch, "in_progress", None)
        ch = self.desk.resolve(ENGINEER, ch, "Restarted the order job.")
        self.assertEqual(ch["ticket"]["status"], "resolved")
        self.assertEqual(ch["ticket"]["resolved_at"], START)
        ch = self.desk.reopen(customer, ch, "still failing")
        self.assertNotEqual(ch["ticket"]["status"], "resolved")
        ch = self.desk.resolve(ENGINEER, ch, "Replaced the job's config.")
        ch = self.desk.rate(customer, ch, {"efficiency": 5, "attitude": 5, "effectiveness": 4, "comment": "quick"})
        ch = self.desk.close_ticket(ENGINEER, ch)
        self.assertEqual(ch["ticket"]["status"], "closed")
        self.assertEqual(self.desk.agent_queue(ENGINEER, "t-01")["tickets"], [])
        view = self.desk.show(ENGINEER, t["id"])
        self.assertEqual([e["sequence"] for e in view["events"]], list(range(1, len(view["events"]) + 1)))

    def test_assign_escalate_priority(self) -> None:
        ch = self.desk.assign(SUPERVISOR, self.ticket["id"], "t-lead")
        self.assertEqual(ch["ticket"]["assignee"], "t-lead")
        ch = self.desk.escalate(LEAD, ch, 3, "stuck for a day")
        self.assertIn("escalat", " ".join(e["kind"] for e in ch["events"]))
        ch = self.desk.change_priority(SUPERVISOR, ch, "P1", "production line stopped")
        self.assertEqual(ch["ticket"]["priority"], "P1")

    def test_solutions_remedies_responsibility_sign_off(self) -> None:
        customer = Actor.customer(self.customer["id"])
        ch = self.desk.change_status(ENGINEER, self.ticket, "in_progress")
        ch = self.desk.record_responsibility(ENGINEER, ch, {"party": "company", "note": "our update broke it"})
        self.assertEqual(ch["ticket"]["stage"], "diagnosis")
        ch = self.desk.sign_off(customer, ch, "diagnosis")
        ch = self.desk.propose_solutions(ENGINEER, ch, [
            {"id": "a", "title": "Restart", "duration_hours": 1},
            {"id": "b", "title": "Reinstall", "duration_hours": 4, "fee": {"amount": 300, "currency": "CNY"}}])
        self.assertEqual(ch["ticket"]["stage"], "solution_plan")
        ch = self.desk.choose_solution(customer, ch, "a")
        self.assertEqual(ch["ticket"]["chosen_solution"], "a")
        ch = self.desk.request_remedy_approval(ENGINEER, ch, "voucher 100 CNY", 3)
        ch = self.desk.approve_remedy(SUPERVISOR, ch, "granted")
        ch = self.desk.request_remedy_approval(ENGINEER, ch, "refund 300 CNY", 3)
        ch = self.desk.refuse_remedy(SUPERVISOR, ch, "voucher given already")
        self.assertGreater(ch["ticket"]["version"], self.ticket["version"] + 6)

    def test_cancel_and_merge(self) -> None:
        second = self.desk.take_in(RECEIVER, erp_fault(self.customer["id"], "ERP orders still down"))["ticket"]
        third = self.desk.take_in(RECEIVER, erp_fault(self.customer["id"], "ERP test ticket"))["ticket"]
        merged = self.desk.merge_tickets(SUPERVISOR, second, self.ticket)
        self.assertEqual(merged["duplicate"]["ticket"]["status"], "merged")
        self.assertEqual(merged["kept"]["ticket"]["id"], self.ticket["id"])
        ch = self.desk.cancel(ENGINEER, third["id"], "opened by mistake", version=third["version"])
        self.assertEqual(ch["ticket"]["status"], "cancelled")


class DeskWide(DeskTest):
    def test_sweep(self) -> None:
        self.desk.set_time(TEST_START + 2 * 86400)
        sweep = self.desk.due(SYSTEM)
        self.assertEqual(sweep["at"], START + dt.timedelta(days=2))
        self.assertGreaterEqual(sweep["tickets_read"], 1)
        kinds = {a["kind"] for a in sweep["actions"]}
        self.assertIn("sla_breach", kinds)
        for a in sweep["actions"]:
            self.assertEqual(a["ticket_id"], self.ticket["id"])
            self.assertIsInstance(a["due_at"], dt.datetime)
        self.assertEqual(self.desk.due()["actions"], [])  # each once
        handed = self.desk.show(ADMIN, self.ticket["id"])["due_handed_out"]
        self.assertTrue(handed and all(isinstance(h["at"], dt.datetime) for h in handed))

    def test_purge(self) -> None:
        purge = self.desk.purge(SYSTEM)
        self.assertEqual(purge["at"], START)
        self.assertEqual(purge["tickets"], 0)
        self.assertIsInstance(purge["closed_before"], dt.datetime)

    def test_config_dry_run_publish(self) -> None:
        config = self.desk.config()
        report = self.desk.dry_run(ADMIN, config)
        self.assertIsInstance(report, dict)
        config["version"] = config["version"] + "-b"
        self.assertIsNone(self.desk.publish(ADMIN, config))
        self.assertEqual(self.desk.config()["version"], config["version"])
        with self.assertRaises(ticketcore.Conflict):
            self.desk.publish(ADMIN, dict(config, retention={"closed_ticket_days": 100}))
        with self.assertRaises(ticketcore.Denied):
            self.desk.publish(ENGINEER, config)

    def test_report_and_audit(self) -> None:
        report = self.desk.report(ADMIN, {"from": START - dt.timedelta(days=1), "to": START + dt.timedelta(days=1),
                                          "as_of": START})
        self.assertIsInstance(report, dict)
        with self.assertRaises(ticketcore.Denied):
            self.desk.show(Actor.agent("t-02"), self.ticket["id"])
        self.desk.customer_unmasked(ADMIN, self.customer["id"])
        entries = self.desk.audit(ADMIN)["entries"]
        self.assertTrue(entries)
        for e in entries:
            self.assertIsInstance(e["at"], dt.datetime)
        self.assertEqual(len(list(self.desk.iter_audit(ADMIN, limit=1))), len(entries))
        mine = self.desk.audit(ADMIN, actor_id="t-02")["entries"]
        self.assertTrue(mine and all(e["actor"]["id"] == "t-02" for e in mine), mine)


if __name__ == "__main__":
    unittest.main()
