#!/usr/bin/env python3
"""A small CRM that embeds the ticketcore desk through the Python binding.

It opens a desk on an SQLite file (the path given, or one in a temporary directory),
hands the desk its support staff, registers customers, takes in their requests from
several channels, shows how each was routed with its SLA due times, runs the sweep as
its scheduler would while a manual clock moves forward, and prints an agent's queue.

    python3 examples/python/crm_embed.py [desk.db]

The binding finds libticketcore as docs/python.md says (TICKETCORE_LIBRARY, beside the
installed package, the build tree, the system).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from typing import Any, Dict, List

# Run from the source tree without installing: the binding is in bindings/python.
_HERE = os.path.dirname(os.path.abspath(__file__))
_SOURCE_BINDING = os.path.join(_HERE, "..", "..", "bindings", "python")
if os.path.isdir(os.path.join(_SOURCE_BINDING, "ticketcore")):
    sys.path.insert(0, os.path.abspath(_SOURCE_BINDING))

from ticketcore import Actor, Desk, TicketcoreError  # noqa: E402

UTC = dt.timezone.utc
SHANGHAI = dt.timezone(dt.timedelta(hours=8), "CST")
# Wednesday 4 March 2026, 09:30 in Shanghai: the desk opens.
OPENING = dt.datetime(2026, 3, 4, 9, 30, tzinfo=SHANGHAI)


def team(id: str, name: str, lead: str, supervisor: str) -> Dict[str, Any]:
    return {"id": id, "name": name, "calendar": "cn-standard", "lead": lead, "supervisor": supervisor,
            "manager": "m-01"}


def agent(id: str, name: str, team: str, role: str = "agent", seniority: str = "regular",
          certifications: List[str] = []) -> Dict[str, Any]:
    return {"id": id, "name": name, "team": team, "role": role, "seniority": seniority,
            "certifications": list(certifications), "languages": ["zh", "en"]}


# The CRM's staff directory, handed to the desk as its people (the standard preset's teams).
PEOPLE = {
    "teams": [
        team("product_specialists", "Product specialists", "p-01", "s-01"),
        team("technical_support", "Technical support", "t-lead", "s-01"),
        team("customer_relations", "Customer relations", "c-01", "s-02"),
        team("senior_specialists", "Senior specialists", "v-01", "s-02"),
        team("supervisors", "Supervisors", "s-01", "m-01"),
    ],
    "agents": [
        agent("p-01", "Zhang Wei", "product_specialists"),
        agent("t-lead", "Wang Qiang", "technical_support", seniority="expert", certifications=["erp"]),
        agent("t-01", "Liu Yang", "technical_support", certifications=["erp"]),
        agent("t-02", "Chen Jing", "technical_support", certifications=["crm"]),
        agent("c-01", "Zhao Min", "customer_relations"),
        agent("v-01", "Sun Li", "senior_specialists", seniority="senior", certifications=["erp"]),
        agent("s-01", "Zhou Hua", "supervisors", role="supervisor", seniority="expert"),
        agent("s-02", "Wu Fang", "supervisors", role="supervisor", seniority="expert"),
        agent("m-01", "Huang Lei", "supervisors", role="admin", seniority="expert"),
    ],
}

RECEPTION = Actor.agent("p-01")  # who types the requests in
SCHEDULER = Actor.system()       # who runs the sweep
ADMIN = Actor.admin("m-01")


def local(instant: dt.datetime) -> str:
    return instant.astimezone(SHANGHAI).strftime("%a %d %b %H:%M")


def print_taken_in(result: Dict[str, Any]) -> None:
    t = result["ticket"]
    print(f"  ticket {t['id']} via {t['channel']}: {t['subject']}")
    print(f"    priority {t['priority']}, team {t.get('team', '-')}, assignee {t.get('assignee', 'nobody yet')}")
    print(f"    routed by rules {', '.join(result['routing'].get('matched_rules', [])) or '(none)'}")
    for target in result["sla"]["targets"]:
        print(f"    SLA {target['target']:<16} due {local(target['due_at'])} ({target['clock']} time)")


def run(store: str) -> None:
    print(f"ticketcore desk on {store}")
    with Desk(store, people=PEOPLE, clock=OPENING) as desk:
        print(f"configuration {desk.config()['version']}, clock at {local(desk.now)} (Shanghai)")

        print("\nregistering customers (shown masked, as the receiving agent sees them)")
        lianhe = desk.register_customer(RECEPTION, {
            "kind": "enterprise", "name": "Hangzhou Lianhe Manufacturing", "phones": ["13812345678"],
            "emails": ["it@lianhe.example.cn"]})
        li = desk.register_customer(RECEPTION, {
            "kind": "individual", "name": "Li Lei", "phones": ["13900001111"], "emails": ["lilei@example.cn"]})
        han = desk.register_customer(RECEPTION, {"kind": "individual", "name": "Han Meimei", "phones": ["13700002222"]})
        for c in (lianhe, li, han):
            print(f"  {c['id']} {c['name']} ({c['kind']})")

        print("\ntaking in requests")
        requests = [
            {"customer_id": lianhe["id"], "channel": "phone", "request_type": "technical_support",
             "subtype": "software_fault", "subject": "ERP order module down", "urgency": "high",
             "impact": {"users_affected": 40}, "attributes": {"product": "erp"}},
            {"customer_id": li["id"], "channel": "email", "request_type": "consultation",
             "subject": "How do I export last month's invoices?", "urgency": "low"},
            {"customer_id": han["id"], "channel": "portal", "request_type": "complaint",
             "subject": "Engineer missed the appointment twice", "urgency": "medium"},
            {"customer_id": lianhe["id"], "channel": "wechat", "request_type": "technical_support",
             "subtype": "software_fault", "subject": "ERP invoices print blank", "urgency": "medium",
             "impact": {"users_affected": 3}, "attributes": {"product": "erp"}},
        ]
        tickets = []
        for request in requests:
            result = desk.take_in(RECEPTION, request)
            print_taken_in(result)
            tickets.append(result["ticket"])

        # The handler answers the first ticket at once: its first response is met.
        first = tickets[0]
        handler = Actor.agent(first["assignee"]) if first.get("assignee") else ADMIN
        change = desk.comment(handler, first, "We are looking at the order module now.")
        change = desk.change_status(handler, change, "in_progress")
        print(f"\n{handler} answered ticket {first['id']}: now {change['ticket']['status']}, "
              f"version {change['ticket']['version']}")

        # The scheduler sweeps as the clock moves on; each due action is handed out once.
        print("\nsweeping while the clock moves")
        for step in (dt.timedelta(hours=2), dt.timedelta(hours=6), dt.timedelta(days=1), dt.timedelta(days=2)):
            desk.advance(step)
            sweep = desk.due(SCHEDULER)
            print(f"  {local(sweep['at'])}: {len(sweep['actions'])} action(s) due, "
                  f"{sweep['tickets_read']} ticket(s) read")
            for action in sweep["actions"]:
                what = action.get("target") or action.get("rule") or ""
                print(f"    {action['kind']:<20} {action['ticket_id']} {what} (due {local(action['due_at'])})")

        for agent_id in ("t-01", "p-01"):
            queue = desk.agent_queue(Actor.agent(agent_id), agent_id)
            print(f"\nqueue of {agent_id}: {len(queue['tickets'])} open ticket(s), earliest due first")
            for t in queue["tickets"]:
                # The queue lists tickets; their SLA clocks come with the ticket's view.
                sla = desk.show(Actor.agent(agent_id), t["id"])["sla"]
                running = [x for x in sla["targets"] if x["state"] not in ("met", "stopped")]
                due = min(running, key=lambda x: x["due_at"]) if running else None
                when = f"{due['target']} {due['state']}, due {local(due['due_at'])}" if due else "no SLA running"
                print(f"  ticket {t['id']} {t['priority']} {t['status']:<12} {when}: {t['subject']}")

        try:
            desk.show(Actor.agent("t-02"), first["id"])
        except TicketcoreError as e:
            print(f"\nt-02 may not see {first['id']}: {type(e).__name__} ({e.code}) {e.message}")

    print("\ndone")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", help="the SQLite file (default: one in a temporary directory)")
    args = parser.parse_args()
    if args.store:
        run(args.store)
    else:
        with tempfile.TemporaryDirectory(prefix="crm_embed_") as d:
            run(os.path.join(d, "desk.db"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
