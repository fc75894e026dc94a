// Take-in through the Desk: numbers from the store's counters, one transaction.
#include <catch2/catch.hpp>

#include <set>

#include "desk_harness.hpp"
#include "store_kinds.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace desk_test;

TEST_CASE("desk: customers and tickets are numbered per period from the store's counters") {
  Harness h;
  const Customer first = h.enterprise();
  const Customer second = h.enterprise("Ningbo Port Logistics");
  CHECK(first.id == "C20260304001");
  CHECK(second.id == "C20260304002");
  CHECK(first.version == 1);
  CHECK(first.created_at == h.clock->now());

  const TakeInResult a = h.desk->take_in(kReceiver, Harness::erp_fault(first));
  const TakeInResult b = h.desk->take_in(kReceiver, Harness::question(second, Channel::email, "Invoice copy"));
  CHECK(a.ticket.id == "202603-001");
  CHECK(b.ticket.id == "202603-002");
  h.clock->set(at("2026-04-01T02:00:00Z"));
  CHECK(h.desk->take_in(kReceiver, Harness::question(second, Channel::portal, "Price list")).ticket.id == "202604-001");
}

TEST_CASE("desk: a take-in stores the ticket, its events and the assignee's load together") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  REQUIRE_FALSE(r.ticket.assignee.empty());
  REQUIRE_FALSE(r.actions.empty());
  CHECK(r.actions.front().kind == HostActionKind::auto_reply);

  const TicketView view = h.desk->show(kAdmin, r.ticket.id);
  CHECK(view.ticket == r.ticket);
  CHECK(view.events == r.events);
  CHECK(view.sla.priority == r.ticket.priority);
  CHECK(view.config_version == h.desk->config().version());
  CHECK(events::read_payload<events::Created>(view.events.at(0)).config == h.desk->config().version());
  CHECK_FALSE(view.routing.rules.empty());
  CHECK(h.store->read()->workload().open_tickets.at(r.ticket.assignee) == 1);

  // The agent's queue shows it, the team's unassigned queue does not.
  const TicketPage mine = h.desk->agent_queue(kEngineer, r.ticket.assignee);
  REQUIRE(mine.tickets.size() == 1);
  CHECK(mine.tickets[0].id == r.ticket.id);
  CHECK(h.desk->team_queue(kEngineer, r.ticket.team).tickets.empty());
}

TEST_CASE("desk: a refused take-in writes nothing and uses no number") {
  Harness h;
  const Customer c = h.enterprise();
  const std::string before = h.dump();

  Ticket unknown_customer = Harness::erp_fault(c);
  unknown_customer.customer_id = "C19990101001";
  try {
    h.desk->take_in(kReceiver, unknown_customer);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
    CHECK(e.path() == "/customer_id");
  }
  Ticket no_subject = Harness::erp_fault(c);
  no_subject.subject.clear();
  try {
    h.desk->take_in(kReceiver, no_subject);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/subject");
  }
  CHECK(h.dump() == before);
  CHECK(h.desk->take_in(kReceiver, Harness::erp_fault(c)).ticket.id == "202603-001");
}

TEMPLATE_TEST_CASE("desk: round robin goes on from the stored cursor and other take-ins leave it", "",
                   TC_DESK_STORE_KINDS) {
  // Two product specialists, so that consultation's round robin has a turn to take.
  const DeskConfig standard = fixture::standard_desk();
  std::vector<Agent> agents = standard.agents();
  Agent second_specialist = agents.front();
  REQUIRE(second_specialist.id == "p-01");
  second_specialist.id = second_specialist.name = "p-02";
  agents.push_back(second_specialist);
  TestType kind;
  const auto store = kind.make();
  const auto clock = std::make_shared<ManualClock>(at("2026-03-04T01:30:00Z"));
  const auto desk = Desk::open(store, standard.with_people(standard.teams(), agents), clock);
  Customer c;
  c.kind = CustomerKind::enterprise;
  c.name = "Hangzhou Lianhe Manufacturing";
  c = desk->register_customer(kReceiver, c);
  auto cursors = [&] { return store->read()->workload().last_assigned; };

  const TakeInResult first = desk->take_in(kReceiver, Harness::question(c, Channel::email, "Price list"));
  CHECK(cursors() == first.workload.last_assigned);
  const std::string turn = first.workload.last_assigned.at("product_specialists");
  CHECK(first.ticket.assignee == turn);
  // A fault goes to the least loaded engineer; the stored cursors are what it leaves.
  const TakeInResult fault = desk->take_in(kReceiver, Harness::erp_fault(c));
  CHECK(cursors() == fault.workload.last_assigned);
  CHECK(fault.workload.last_assigned.at("product_specialists") == turn);
  // The next consultation goes to the other specialist, from the stored cursor.
  const TakeInResult next = desk->take_in(kReceiver, Harness::question(c, Channel::portal, "Invoice copy"));
  CHECK(next.ticket.assignee != turn);
  CHECK(next.ticket.assignee.starts_with("p-0"));
  CHECK(cursors() == next.workload.last_assigned);
}

TEST_CASE("desk: a customer record is validated and versioned") {
  Harness h;
  Customer c = h.enterprise();
  const std::string before = h.dump();
  Customer bad = c;
  bad.name.clear();
  CHECK_THROWS_AS(h.desk->update_customer(kAdmin, bad), Error);
  Customer numbered = c;
  CHECK_THROWS_AS(h.desk->register_customer(kReceiver, numbered), Error);  // the id must be empty
  CHECK(h.dump() == before);

  c.tier = CustomerTier::vip;
  const Customer updated = h.desk->update_customer(kAdmin, c);
  CHECK(updated.version == 2);
  CHECK(h.desk->customer(kAdmin, c.id).tier == CustomerTier::vip);
  try {
    h.desk->update_customer(kAdmin, c);  // still version 1: stale
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::conflict);
  }
  CustomerQuery by_phone;
  by_phone.phone = "13812345678";
  CHECK(h.desk->find_customers(kAdmin, by_phone).customers.size() == 1);
}
