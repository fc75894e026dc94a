// Service reports through the Desk (docs/metrics.md, "Reports from the store"): the figures
// are ReportBuilder's over facts_of each stored ticket, on every backend, and a scoped role's
// report counts exactly the tickets it sees.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <set>

#include "desk_harness.hpp"
#include "store_kinds.hpp"
#include "ticketcore/metrics/report.hpp"

using namespace desk_test;

namespace {

// Tickets of two customers in several teams, changed at different instants: commented,
// resolved, rated, reassigned, escalated, cancelled and merged.
struct ReportScene {
  Harness h;

  explicit ReportScene(std::shared_ptr<Store> store) : h(std::move(store)) {
    const Customer lianhe = h.enterprise();
    Customer p;
    p.kind = CustomerKind::partner;
    p.name = "Ningbo Port Logistics";
    p.phones = {"13912345678"};
    const Customer port = h.desk->register_customer(kAdmin, p);
    const auto erp = take(Harness::erp_fault(lianhe));
    const auto slow = take(Harness::erp_fault(lianhe, "ERP reports slow"));
    const auto late = take(Harness::question(port, Channel::wechat, "Late delivery again"));
    const auto login = take(Harness::erp_fault(port, "ERP login fails"));
    const auto login_again = take(Harness::erp_fault(port, "ERP login fails again"));
    const auto price = take(Harness::question(lianhe, Channel::email, "Price list for 2026"));
    h.clock->advance(std::chrono::minutes(20));
    h.desk->comment(kAdmin, {erp, 0}, "We are looking into it.");
    h.desk->assign(kAdmin, {slow, 0}, "t-02");
    h.desk->assign(kAdmin, {late, 0}, "c-01");
    h.clock->advance(std::chrono::hours(3));
    h.desk->change_status(kAdmin, {erp, 0}, Status::in_progress);
    h.desk->resolve(kAdmin, {erp, 0}, "Restarted the order service.");
    h.desk->rate(Actor::customer(lianhe.id), {erp, 0}, Satisfaction{4, 5, 3, "quick"});
    h.desk->escalate(kAdmin, {slow, 0}, EscalationLevel::team_lead, "customer waits");
    h.desk->merge(kAdmin, {login_again, 0}, {login, 0});
    h.clock->advance(std::chrono::hours(30));
    h.desk->cancel(kAdmin, {price, 0}, "asked by phone meanwhile");
    h.clock->advance(std::chrono::hours(2));
  }

  std::string take(const Ticket& request) {
    const std::string id = h.desk->take_in(kAdmin, request).ticket.id;
    h.clock->advance(std::chrono::minutes(7));
    return id;
  }

  ReportQuery query() const {
    ReportQuery q;
    q.from = at("2026-03-03T00:00:00Z");
    q.to = at("2026-03-05T00:00:00Z");
    q.group_by = {GroupDimension::team, GroupDimension::agent};
    q.as_of = h.clock->now();
    q.bottleneck_min_tickets = 1;
    return q;
  }

  // ReportBuilder over the facts of each stored ticket `sees`, each computed by hand at the
  // instant of its latest change (updated_at).
  Report by_hand(const ReportQuery& q, const std::function<bool(const Ticket&)>& sees) const {
    ReportBuilder builder(q);
    auto tx = h.store->read();
    TicketQuery all;
    all.order = TicketOrder::id;
    all.limit = 1000;
    for (const Ticket& t : tx->tickets(all).tickets) {
      if (!sees(t)) continue;
      const auto customer = tx->customer(t.customer_id);
      builder.add(facts_of(t, tx->events(t.id), h.desk->config(), customer ? customer->tier : CustomerTier::normal,
                           t.updated_at));
    }
    return builder.finish();
  }

  std::set<std::string> teams_of_tickets() const {
    std::set<std::string> teams;
    TicketQuery all;
    all.limit = 1000;
    for (const Ticket& t : h.store->read()->tickets(all).tickets) teams.insert(t.team);
    return teams;
  }
};

// s-01 supervises technical_support and product_specialists and sits in supervisors.
bool s01_team(const std::string& team) {
  return team == "technical_support" || team == "product_specialists" || team == "supervisors";
}

bool seen_by_s01(const Ticket& t) { return s01_team(t.team); }

}  // namespace

TEMPLATE_TEST_CASE("report: the Desk's report is ReportBuilder over facts_of every ticket", "[report]", MemoryKind,
                   SqliteKind) {
  TestType kind;
  ReportScene s(kind.make());
  const ReportQuery q = s.query();
  const Report report = s.h.desk->report(kAdmin, q);
  CHECK(report == s.by_hand(q, [](const Ticket&) { return true; }));
  CHECK(report.desk.tickets_in == 6);
  CHECK(report.desk.resolved == 1);
  CHECK(report.desk.withdrawn == 2);  // cancelled and merged
  CHECK(report.desk.csat.rated == 1);
  CHECK(report.desk.complaints == 0);
}

TEMPLATE_TEST_CASE("report: a period that holds no ticket reports nothing", "[report]", TC_DESK_STORE_KINDS) {
  TestType kind;
  ReportScene s(kind.make());
  ReportQuery q = s.query();
  q.from = at("2026-03-05T00:00:00Z");
  q.to = at("2026-03-06T00:00:00Z");
  const Report report = s.h.desk->report(kAdmin, q);
  CHECK(report.desk.tickets_in == 0);
  CHECK(report.groups.empty());
}

TEMPLATE_TEST_CASE("report: a supervisor's report counts exactly their teams' tickets", "[report]", MemoryKind,
                   SqliteKind) {
  TestType kind;
  ReportScene s(kind.make());
  // The scene must hold tickets on both sides of the scope, or this test could not fail.
  const auto teams = s.teams_of_tickets();
  REQUIRE(teams.contains("technical_support"));
  REQUIRE(std::any_of(teams.begin(), teams.end(),
                      [](const std::string& team) { return !s01_team(team); }));
  const ReportQuery q = s.query();
  const Report report = s.h.desk->report(kSupervisor, q);
  const Report expected = s.by_hand(q, seen_by_s01);
  CHECK(report == expected);
  CHECK(report.desk.tickets_in < s.h.desk->report(kAdmin, q).desk.tickets_in);
  for (const GroupFigures& g : report.groups) {
    INFO(g.key[0]);
    CHECK(s01_team(g.key[0]));
  }
}

TEMPLATE_TEST_CASE("report: an agent without the metrics permission is denied and the denial audited", "[report]",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  ReportScene s(kind.make());
  try {
    s.h.desk->report(kEngineer, s.query());
    FAIL("an agent read a report");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::denied);
  }
  AuditQuery denials;
  denials.actor_id = kEngineer.id;
  const AuditPage page = s.h.desk->audit(kAdmin, denials);
  REQUIRE_FALSE(page.entries.empty());
  CHECK(page.entries.back().detail.find("report") != std::string::npos);
}

TEMPLATE_TEST_CASE("report: an unusable query is refused before the store is read", "[report]", MemoryKind,
                   SqliteKind) {
  TestType kind;
  ReportScene s(kind.make());
  ReportQuery q = s.query();
  q.to = q.from - std::chrono::hours(1);
  try {
    s.h.desk->report(kAdmin, q);
    FAIL("a query ending before it starts was accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/to");
  }
}
