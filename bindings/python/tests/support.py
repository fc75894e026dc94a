"""What the tests share: the desk's people (those of tests/capi/desk_setup.h), the test
clock's start, actors, and desks with a customer and a ticket."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import unittest
from typing import Any, Dict, List

from ticketcore import Actor, Desk

#: 2026-03-04T01:30:00Z, a Wednesday 09:30 in Shanghai: inside business hours.
TEST_START = 1772587800
START = dt.datetime(2026, 3, 4, 1, 30, tzinfo=dt.timezone.utc)


def _team(id: str, lead: str, supervisor: str) -> Dict[str, Any]:
    return {"id": id, "name": id, "calendar": "cn-standard", "lead": lead, "supervisor": supervisor,
            "manager": "m-01"}


def _agent(id: str, team: str, role: str, seniority: str, certifications: List[str]) -> Dict[str, Any]:
    return {"id": id, "name": id, "team": team, "role": role, "seniority": seniority,
            "certifications": certifications, "languages": ["zh", "en"]}


PEOPLE: Dict[str, Any] = {
    "teams": [
        _team("product_specialists", "p-01", "s-01"), _team("technical_support", "t-lead", "s-01"),
        _team("customer_relations", "c-01", "s-02"), _team("senior_specialists", "v-01", "s-02"),
        _team("supervisors", "s-01", "m-01"),
    ],
    "agents": [
        _agent("p-01", "product_specialists", "agent", "regular", []),
        _agent("t-lead", "technical_support", "agent", "expert", ["erp"]),
        _agent("t-01", "technical_support", "agent", "regular", ["erp"]),
        _agent("t-02", "technical_support", "agent", "regular", ["crm"]),
        _agent("c-01", "customer_relations", "agent", "regular", []),
        _agent("v-01", "senior_specialists", "agent", "senior", ["erp"]),
        _agent("s-01", "supervisors", "supervisor", "expert", []),
        _agent("s-02", "supervisors", "supervisor", "expert", []),
        _agent("m-01", "supervisors", "admin", "expert", []),
    ],
}

RECEIVER = Actor.agent("p-01")
ENGINEER = Actor.agent("t-01")
OTHER_ENGINEER = Actor.agent("t-02")
LEAD = Actor.agent("t-lead")
SUPERVISOR = Actor.supervisor("s-01")
ADMIN = Actor.admin("m-01")
SYSTEM = Actor.system()

ENTERPRISE = {"kind": "enterprise", "name": "Hangzhou Lianhe Manufacturing", "phones": ["13812345678"]}


def open_desk(store: Any = None, **kwargs: Any) -> Desk:
    """A desk with the test people and the manual clock at START."""
    kwargs.setdefault("people", PEOPLE)
    kwargs.setdefault("clock", START)
    return Desk(store, **kwargs)


def erp_fault(customer_id: str, subject: str = "ERP order module down", **extra: Any) -> Dict[str, Any]:
    request = {"customer_id": customer_id, "channel": "phone", "request_type": "technical_support",
               "subtype": "software_fault", "subject": subject, "urgency": "high",
               "impact": {"users_affected": 40}, "attributes": {"product": "erp"}}
    request.update(extra)
    return request


class DeskTest(unittest.TestCase):
    """A desk in memory with one enterprise customer and one ERP ticket (handled by t-01)."""

    def setUp(self) -> None:
        self.desk = open_desk()
        self.addCleanup(self.desk.close)
        self.customer = self.desk.register_customer(RECEIVER, ENTERPRISE)
        self.taken = self.desk.take_in(RECEIVER, erp_fault(self.customer["id"]))
        self.ticket = self.taken["ticket"]


class TempDir:
    """A temporary directory, removed on exit."""

    def __enter__(self) -> str:
        self.path = tempfile.mkdtemp(prefix="tc_python_test_")
        return self.path

    def __exit__(self, *exc: Any) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
