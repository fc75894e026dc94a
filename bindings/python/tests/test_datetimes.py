"""Instants: RFC 3339 "...Z" text under the instant keys (`at`, `*_at`, `*_until`, ...)
becomes an aware datetime in UTC; datetimes going in become that text."""

from __future__ import annotations

import datetime as dt
import unittest

from ticketcore import InvalidInput, _json, format_instant, parse_instant

from .support import ADMIN, ENGINEER, START, TEST_START, DeskTest, open_desk

UTC = dt.timezone.utc
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def walk(value, path=""):
    """(path, key, value) of every entry of every object in a parsed result."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield path, k, v
            yield from walk(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}/{i}")


class Rule(unittest.TestCase):
    def test_parse(self) -> None:
        self.assertEqual(parse_instant("2026-03-09T06:00:00Z"), dt.datetime(2026, 3, 9, 6, tzinfo=UTC))
        self.assertEqual(parse_instant("2026-03-09T06:00:00.5Z"), dt.datetime(2026, 3, 9, 6, 0, 0, 500000, tzinfo=UTC))
        for text in ("2026-03-09", "2026-03-09T06:00:00", "2026-03-09T14:00:00+08:00", "2026-02-30T00:00:00Z",
                     "soon", " 2026-03-09T06:00:00Z"):
            self.assertIsNone(parse_instant(text), text)

    def test_keys(self) -> None:
        loaded = _json.loads('{"at":"2026-03-09T06:00:00Z","due_at":"2026-03-09T06:00:00Z",'
                             '"warranty_until":"2027-03-09T00:00:00Z","subject":"2026-03-09T06:00:00Z",'
                             '"birth_date":"1990-05-01","met_at":"not an instant","n":[{"created_at":"1970-01-01T00:00:00Z"}]}')
        self.assertEqual(loaded["at"], dt.datetime(2026, 3, 9, 6, tzinfo=UTC))
        self.assertEqual(loaded["due_at"], loaded["at"])
        self.assertEqual(loaded["warranty_until"], dt.datetime(2027, 3, 9, tzinfo=UTC))
        self.assertEqual(loaded["subject"], "2026-03-09T06:00:00Z")  # free text stays text
        self.assertEqual(loaded["birth_date"], "1990-05-01")
        self.assertEqual(loaded["met_at"], "not an instant")
        self.assertEqual(loaded["n"][0]["created_at"], dt.datetime(1970, 1, 1, tzinfo=UTC))
        self.assertEqual(_json.loads('{"at":"2026-03-09T06:00:00Z"}', instants=False), {"at": "2026-03-09T06:00:00Z"})
        period = _json.loads('{"from":"2026-03-01T00:00:00Z","to":"2026-04-01T00:00:00Z","closed_before":'
                             '"2023-03-04T01:30:00Z","reason":{"from":"P3","to":"P2"},"after":"2026-03-01T00:00:00Z"}')
        self.assertEqual(period["from"], dt.datetime(2026, 3, 1, tzinfo=UTC))
        self.assertEqual(period["to"], dt.datetime(2026, 4, 1, tzinfo=UTC))
        self.assertEqual(period["closed_before"], dt.datetime(2023, 3, 4, 1, 30, tzinfo=UTC))
        self.assertEqual(period["reason"], {"from": "P3", "to": "P2"})  # words stay words
        self.assertEqual(period["after"], "2026-03-01T00:00:00Z")  # a cursor is not an instant key
        for key in ("at", "due_at", "warranty_until", "created_before", "created_from", "as_of"):
            self.assertTrue(_json.is_instant_key(key), key)
        for key in ("subject", "after", "text", "birth_date", "budget_seconds", "date"):
            self.assertFalse(_json.is_instant_key(key), key)

    def test_format(self) -> None:
        self.assertEqual(format_instant(dt.datetime(2026, 3, 9, 14, tzinfo=SHANGHAI)), "2026-03-09T06:00:00Z")
        self.assertEqual(format_instant(dt.datetime(2026, 3, 9, 6, 0, 0, 999999, tzinfo=UTC)), "2026-03-09T06:00:00Z")
        with self.assertRaises(InvalidInput):
            format_instant(dt.datetime(2026, 3, 9, 6))  # naive: no instant
        self.assertEqual(_json.dumps({"d": dt.date(1990, 5, 1), "t": dt.datetime(2026, 3, 9, 6, tzinfo=UTC)}),
                         '{"d":"1990-05-01","t":"2026-03-09T06:00:00Z"}')
        self.assertEqual(_json.to_unix(START), TEST_START)
        self.assertEqual(_json.to_unix(START.astimezone(SHANGHAI)), TEST_START)
        self.assertEqual(_json.from_unix(TEST_START), START)


class Results(DeskTest):
    def test_every_instant_of_a_take_in_is_a_utc_datetime(self) -> None:
        seen = 0
        for path, key, value in walk(self.taken):
            if isinstance(value, dt.datetime):
                self.assertTrue(_json.is_instant_key(key), f"{path}/{key}")
                self.assertEqual(value.tzinfo, UTC)
                seen += 1
            elif isinstance(value, str):
                self.assertIsNone(parse_instant(value), f"{path}/{key}: an instant left as text")
        self.assertGreater(seen, 5)
        self.assertEqual(self.ticket["created_at"], START)
        due = [t["due_at"] for t in self.taken["sla"]["targets"]]
        self.assertTrue(all(d > START for d in due), due)

    def test_the_manual_clock_in_another_zone(self) -> None:
        with open_desk(clock=START.astimezone(SHANGHAI)) as desk:
            self.assertEqual(desk.due()["at"], START)
            desk.set_time(dt.datetime(2026, 3, 5, 9, 30, tzinfo=SHANGHAI))
            self.assertEqual(desk.due()["at"], dt.datetime(2026, 3, 5, 1, 30, tzinfo=UTC))
        with self.assertRaises(InvalidInput):
            open_desk(clock=dt.datetime(2026, 3, 4))  # naive

    def test_datetimes_in_queries(self) -> None:
        later = START + dt.timedelta(minutes=1)
        self.assertEqual(len(self.desk.find_tickets(ADMIN, created_before=later.astimezone(SHANGHAI))["tickets"]), 1)
        self.assertEqual(self.desk.find_tickets(ADMIN, created_from=later)["tickets"], [])

    def test_text_when_asked(self) -> None:
        with open_desk(instants=False) as desk:
            self.assertEqual(desk.due()["at"], "2026-03-04T01:30:00Z")
        self.assertIsInstance(self.desk.show(ENGINEER, self.ticket)["ticket"]["created_at"], dt.datetime)


if __name__ == "__main__":
    unittest.main()
