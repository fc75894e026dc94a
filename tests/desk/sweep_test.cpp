// The sweep: only due tickets are read, each action is handed out once, none is lost.
#include <catch2/catch.hpp>

#include <set>

#include "desk_harness.hpp"

using namespace desk_test;

namespace {

std::set<std::string> keys(const Sweep& s) {
  std::set<std::string> out;
  for (const DueAction& a : s.actions) out.insert(a.key);
  return out;
}

}  // namespace

TEST_CASE("desk: a sweep hands out what fell due once, and reads only due tickets") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  h.desk->take_in(kReceiver, Harness::question(c, Channel::email, "Where is the manual?"));

  const Sweep nothing = h.desk->due(kSystem);
  CHECK(nothing.actions.empty());
  CHECK(nothing.tickets_read == 0);  // nothing is due yet: the index finds no ticket

  // Two working days later with no response, the SLA has warned and breached.
  h.clock->set(at("2026-03-06T09:00:00Z"));
  const Sweep first = h.desk->due(kSystem);
  CHECK(first.tickets_read >= 1);
  const auto handed = keys(first);
  CHECK(handed.size() == first.actions.size());
  bool breach = false;
  for (const DueAction& a : first.actions) {
    CHECK(a.due_at <= h.clock->now());
    breach = breach || (a.ticket_id == r.ticket.id && a.kind == DueActionKind::sla_breach);
  }
  CHECK(breach);

  // The same instant again: nothing new, and the actions are recorded as handed out.
  const Sweep again = h.desk->due(kSystem);
  CHECK(again.actions.empty());
  std::set<std::string> recorded;
  for (const HandedOutKey& k : h.desk->show(kSystem, r.ticket.id).due_handed_out) recorded.insert(k.key);
  for (const DueAction& a : first.actions)
    if (a.ticket_id == r.ticket.id) CHECK(recorded.count(a.key) == 1);
}

TEST_CASE("desk: a change between a deadline and the sweep does not lose the action") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const Actor handler{ActorKind::agent, r.ticket.assignee};
  // Past the first-response deadline, the handler comments before any sweep ran.
  h.clock->set(at("2026-03-05T09:00:00Z"));
  h.desk->internal_comment(handler, {r.ticket.id, 0}, "checking logs");
  const Sweep s = h.desk->due(kSystem);
  bool breach = false;
  for (const DueAction& a : s.actions) breach = breach || a.kind == DueActionKind::sla_breach;
  CHECK(breach);
}

TEST_CASE("desk: every action a sweep hands out over a week is one the SLA engine owes") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  std::set<std::string> handed;
  for (int hour = 0; hour < 24 * 7; ++hour) {
    h.clock->advance(std::chrono::hours(1));
    for (const DueAction& a : h.desk->due(kSystem).actions) CHECK(handed.insert(a.key).second);
  }
  // The oracle: every action due by now, replayed without the store.
  const TicketView view = h.desk->show(kSystem, r.ticket.id);
  std::set<std::string> owed;
  for (const DueAction& a : due_actions_until({view.ticket, view.events, CustomerTier::normal},
                                              h.desk->config().sla(), h.clock->now()))
    owed.insert(a.key);
  CHECK(handed == owed);
}
