#include <catch2/catch.hpp>

#include "desk_fixture.hpp"
#include "ticketcore/commands/take_in.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace ticketcore;
using fixture::at;

namespace {

Customer enterprise() {
  Customer c;
  c.id = "C20260301001";
  c.kind = CustomerKind::enterprise;
  c.name = "Hangzhou Lianhe Manufacturing";
  return c;
}

Ticket erp_fault(const Customer& c) {
  Ticket t;
  t.customer_id = c.id;
  t.channel = Channel::phone;
  t.request_type = RequestType::technical_support;
  t.subtype = "software_fault";
  t.subject = "ERP order module down";
  t.urgency = Urgency::high;
  t.impact.users_affected = 40;
  t.attributes["product"] = std::string("erp");
  return t;
}

}  // namespace

TEST_CASE("take in: numbers prioritizes routes assigns and starts the SLA") {
  const DeskConfig desk = fixture::standard_desk();
  const Customer customer = enterprise();
  const Actor receiver{ActorKind::agent, "p-01"};
  const Instant now = at("2026-03-06T09:00:00Z");
  const TakeInResult r = take_in({desk, receiver, now}, erp_fault(customer), {customer, 7, {}, {}});

  CHECK(r.ticket.id == "202603-007");
  CHECK(r.ticket.created_at == now);
  CHECK(r.ticket.updated_at == now);
  CHECK(r.ticket.version == 1);
  CHECK(r.ticket.priority == r.priority.level);
  CHECK_FALSE(r.ticket.priority.empty());
  CHECK(r.ticket.team == "technical_support");
  CHECK(r.routing.assign_by == "technical");
  // Both erp-certified engineers are free; least loaded with ties to the lowest id.
  CHECK(r.ticket.assignee == "t-01");
  CHECK(r.ticket.status == Status::assigned);
  CHECK(r.workload.open_tickets.at("t-01") == 1);

  REQUIRE(r.events.size() == 3);
  CHECK(r.events[0].kind == EventKind::created);
  CHECK(r.events[0].actor == "p-01");
  CHECK(events::read_payload<events::Created>(r.events[0]).priority == r.ticket.priority);
  CHECK(r.events[1].kind == EventKind::assigned);
  CHECK(events::read_payload<events::Assigned>(r.events[1]).to == "t-01");
  CHECK(r.events[2].kind == EventKind::status_changed);
  for (std::size_t i = 0; i < r.events.size(); ++i) CHECK(r.events[i].sequence == std::int64_t(i) + 1);

  REQUIRE_FALSE(r.sla.targets.empty());
  CHECK(r.sla.priority == r.ticket.priority);
  REQUIRE_FALSE(r.actions.empty());
  CHECK(r.actions[0].kind == HostActionKind::auto_reply);
  CHECK(r.actions[0].recipients == std::vector<std::string>{"customer"});
  CHECK_THAT(r.actions[0].text, Catch::Contains("202603-007"));
  CHECK(std::any_of(r.actions.begin(), r.actions.end(), [](const HostAction& a) {
    return a.kind == HostActionKind::notify && a.recipients == std::vector<std::string>{"t-01"};
  }));
}

TEST_CASE("take in: the ticket month is the desk's local month") {
  const DeskConfig desk = fixture::standard_desk();
  const Customer customer = enterprise();
  // 2026-03-31T17:00Z is 01:00 on April 1st in Shanghai.
  const TakeInResult r =
      take_in({desk, Actor::system(), at("2026-03-31T17:00:00Z")}, erp_fault(customer), {customer, 1, {}, {}});
  CHECK(r.ticket.id == "202604-001");
}

TEST_CASE("take in: fields the desk sets are refused by name") {
  const DeskConfig desk = fixture::standard_desk();
  const Customer customer = enterprise();
  const CommandContext c{desk, Actor::system(), at("2026-03-06T09:00:00Z")};
  auto path_of = [&](auto change) {
    Ticket t = erp_fault(customer);
    change(t);
    try {
      take_in(c, t, {customer, 1, {}, {}});
    } catch (const Error& e) {
      return e.path();
    }
    return std::string("no error");
  };
  CHECK(path_of([](Ticket& t) { t.status = Status::resolved; }) == "/status");
  CHECK(path_of([](Ticket& t) { t.assignee = "t-02"; }) == "/assignee");
  CHECK(path_of([](Ticket& t) { t.priority = "P1"; }) == "/priority");
  CHECK(path_of([](Ticket& t) { t.resolved_at = Instant{}; }) == "/resolved_at");
  CHECK(path_of([](Ticket& t) { t.subject.clear(); }) == "/subject");
  CHECK(path_of([](Ticket& t) { t.customer_id = "C1"; }) == "/customer_id");
}

TEST_CASE("take in: a customer opens tickets for themselves only") {
  const DeskConfig desk = fixture::standard_desk();
  const Customer customer = enterprise();
  const Actor other = Actor::customer("C20260301999");
  try {
    take_in({desk, other, at("2026-03-06T09:00:00Z")}, erp_fault(customer), {customer, 1, {}, {}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::denied);
  }
}

TEST_CASE("take in: a complaint asks the host for the supervisor's remedy approval") {
  const DeskConfig desk = fixture::standard_desk();
  Customer customer = enterprise();
  Ticket t = erp_fault(customer);
  t.request_type = RequestType::complaint;
  t.subject = "Delivery late again";
  const TakeInResult r = take_in({desk, Actor::system(), at("2026-03-06T09:00:00Z")}, t, {customer, 1, {}, {}});
  CHECK(r.ticket.team == "customer_relations");
  CHECK(std::any_of(r.actions.begin(), r.actions.end(),
                    [](const HostAction& a) { return a.kind == HostActionKind::approval; }));
}
