"""The engines alone: a configuration's priority and SLA status, its calendars, rule sets
routing, explaining, linting and dry-running, with no desk and no store."""

from __future__ import annotations

import copy
import datetime as dt
import threading
import unittest

from ticketcore import Calendar, Config, HandleClosed, InvalidInput, NotFound, Rules, subject

from .support import ADMIN, ENTERPRISE, PEOPLE, RECEIVER, START, TEST_START, erp_fault, open_desk

UTC = dt.timezone.utc
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
HOUR = 3600


class Configs(unittest.TestCase):
    def test_preset_and_document(self) -> None:
        with Config.preset("standard") as config:
            doc = config.document()
            self.assertTrue(doc["version"].startswith("standard"))
            self.assertIn("cn-standard", doc["calendars"])
            with Config(doc) as again:  # what document() gives, Config() reads
                self.assertEqual(again.document(), doc)
        self.assertTrue(config.closed)
        with self.assertRaises(HandleClosed) as caught:
            config.document()
        self.assertEqual(caught.exception.message, "config: closed")

    def test_errors(self) -> None:
        with self.assertRaises(NotFound) as caught:
            Config.preset("no-such-preset")
        self.assertTrue(caught.exception.message.startswith("name: "), caught.exception.message)
        with self.assertRaises(InvalidInput) as caught:
            Config({"version": 3})
        self.assertEqual(caught.exception.field, "/version")
        with self.assertRaises(InvalidInput) as caught:
            Config("{")
        self.assertTrue(caught.exception.message.startswith("config: invalid JSON"), caught.exception.message)
        with Config.preset() as config:
            with self.assertRaises(NotFound):
                config.calendar("no-such-calendar")
            with self.assertRaises(InvalidInput):
                config.priority({"ticket": {"id": "x"}}, START)  # no created_at
            with self.assertRaises(InvalidInput):
                config.priority("[]", START)


class Calendars(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        with Config.preset() as config:
            cls.calendar = config.calendar("cn-standard")  # outlives the configuration
            cls.document = config.document()["calendars"]["cn-standard"]

    @classmethod
    def tearDownClass(cls) -> None:
        cls.calendar.close()

    def test_business_time(self) -> None:
        cal = self.calendar  # Mon-Fri 09:00-18:00 in Shanghai; START is Wed 09:30 there
        self.assertTrue(cal.is_open(START))
        self.assertEqual(cal.add(START, HOUR), START + dt.timedelta(hours=1))
        self.assertEqual(cal.add(START, dt.timedelta(hours=9)), START + dt.timedelta(days=1))
        self.assertEqual(cal.between(START, START + dt.timedelta(hours=1)), HOUR)
        self.assertEqual(cal.between(START + dt.timedelta(hours=1), START), -HOUR)
        self.assertEqual(cal.between(START, START + dt.timedelta(days=1)), 9 * HOUR)
        self.assertEqual(cal.add_working_days(START, 1), START + dt.timedelta(days=1))
        self.assertEqual(cal.add_working_days(START, 3), START + dt.timedelta(days=5))  # over the weekend
        saturday = dt.datetime(2026, 3, 7, 10, 0, tzinfo=SHANGHAI)
        self.assertFalse(cal.is_open(saturday))
        monday = cal.next_open(saturday)
        self.assertEqual(monday, dt.datetime(2026, 3, 9, 1, 0, tzinfo=UTC))
        self.assertEqual(monday.tzinfo, UTC)
        self.assertEqual(cal.next_open(TEST_START), START)
        self.assertIsInstance(cal.is_open(), bool)  # now

    def test_working_days(self) -> None:
        cal = self.calendar
        self.assertTrue(cal.is_working_day(dt.date(2026, 3, 4)))
        self.assertFalse(cal.is_working_day("2026-03-07"))   # a Saturday
        self.assertFalse(cal.is_working_day("2026-10-01"))   # National Day
        self.assertTrue(cal.is_working_day("2026-01-04"))    # a Sunday worked for New Year's Day
        with self.assertRaises(InvalidInput):
            cal.is_working_day("tomorrow")
        with self.assertRaises(TypeError):
            cal.is_working_day(START)  # type: ignore[arg-type]
        with self.assertRaises(InvalidInput):
            cal.add(START, -1)

    def test_a_calendar_alone(self) -> None:
        with Calendar(self.document) as cal:
            self.assertEqual(cal.add(START, HOUR), START + dt.timedelta(hours=1))
        bad = dict(self.document, time_zone="Mars/Olympus")
        with self.assertRaises(InvalidInput) as caught:
            Calendar(bad)
        self.assertEqual(caught.exception.field, "/time_zone")


class Engines(unittest.TestCase):
    """Priority, SLA and routing computed alone agree with what the desk did."""

    @classmethod
    def setUpClass(cls) -> None:
        with open_desk() as desk:
            customer = desk.register_customer(RECEIVER, ENTERPRISE)
            cls.taken = desk.take_in(RECEIVER, erp_fault(customer["id"]))
            cls.view = desk.show(ADMIN, cls.taken["ticket"])
            cls.document = desk.config()
        cls.config = Config(cls.document)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.config.close()

    def test_subject(self) -> None:
        s = subject(self.view)
        self.assertEqual(s["ticket"], self.view["ticket"])
        self.assertEqual(s["events"], self.view["events"])
        s = subject(self.view["ticket"], customer={"id": "C1", "name": "x"}, customer_ticket_created_at=[TEST_START])
        self.assertEqual(s["events"], [])
        self.assertEqual(s["customer_ticket_created_at"], [START])

    def test_priority_and_sla_status(self) -> None:
        s = subject(self.view)
        priority = self.config.priority(s, START)
        self.assertEqual(priority["level"], self.view["ticket"]["priority"])
        self.assertEqual(priority, self.taken["priority"])
        status = self.config.sla_status(s, START)
        self.assertEqual([t["due_at"] for t in status["targets"]], [t["due_at"] for t in self.view["sla"]["targets"]])
        later = self.config.sla_status(s, START + dt.timedelta(days=2))
        self.assertIn("breached", [t["state"] for t in later["targets"]])
        self.assertIsInstance(self.config.sla_status(s)["targets"][0]["started_at"], dt.datetime)  # at: now

    def test_rules(self) -> None:
        s = subject(self.view)
        with self.config.rules() as rules:
            decision = rules.route(s, START)
            self.assertEqual(decision["team"], self.view["ticket"]["team"])
            self.assertEqual(decision, self.taken["routing"])
            explanation = rules.explain(s, START)
            self.assertIsInstance(explanation, dict)
            self.assertIsInstance(rules.lint(), list)

            proposed_doc = copy.deepcopy(self.document["rules"])
            proposed_doc["version"] += "-b"
            proposed_doc["rules"].insert(0, {"id": "all-to-relations", "name": "Everything to customer relations",
                                             "when": {"all": []}, "then": [{"set_team": "customer_relations"}],
                                             "stop": True})
            with Rules(proposed_doc, PEOPLE) as proposed:
                self.assertEqual(proposed.route(s, START)["team"], "customer_relations")
                warnings = proposed.lint()
                self.assertTrue(warnings)  # the catch-all stop rule shadows every later rule
                report = rules.dry_run(proposed, [self.view["ticket"]], START)
                self.assertIsInstance(report, dict)
                self.assertIn(self.view["ticket"]["id"], str(report))
                with self.assertRaises(TypeError):
                    rules.dry_run(proposed_doc, [], START)  # type: ignore[arg-type]
            with self.assertRaises(HandleClosed):
                rules.dry_run(proposed, [], START)

    def test_rules_alone_and_errors(self) -> None:
        with Rules(self.document["rules"], PEOPLE) as rules:
            self.assertEqual(rules.route(subject(self.view), START)["team"], self.view["ticket"]["team"])
        with self.assertRaises(InvalidInput) as caught:
            Rules({"version": "x", "rules": [{"id": "r"}]})
        self.assertTrue(caught.exception.field.startswith("/rules/0"), caught.exception.field)
        with self.assertRaises(InvalidInput):
            Rules({"version": "x", "rules": [{"id": "r", "name": "r", "when": {"all": []},
                                               "then": [{"set_team": "nobody"}]}]})

    def test_from_threads(self) -> None:
        s = subject(self.view)
        cal = self.config.calendar("cn-standard")
        rules = self.config.rules()
        failures = []

        def work() -> None:
            try:
                for i in range(20):
                    assert cal.add(START, i * HOUR) >= START
                    assert rules.route(s, START)["team"] == self.view["ticket"]["team"]
                    assert self.config.priority(s, START)["level"] == self.view["ticket"]["priority"]
            except BaseException as e:
                failures.append(e)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        cal.close()
        rules.close()
        self.assertEqual(failures, [])


if __name__ == "__main__":
    unittest.main()
