// Changes through the Desk: each one transaction, versions checked, bad input changes nothing.
#include <catch2/catch.hpp>

#include "desk_harness.hpp"
#include "store_kinds.hpp"

using namespace desk_test;

TEST_CASE("desk: a ticket goes from intake to closed through the Desk's methods") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const Actor handler{ActorKind::agent, r.ticket.assignee};
  const std::string id = r.ticket.id;

  h.clock->advance(std::chrono::minutes(10));
  Change ch = h.desk->comment(handler, {id, r.ticket.version}, "We are looking at the order module.");
  CHECK(ch.ticket.first_response_at == h.clock->now());
  h.clock->advance(std::chrono::minutes(30));
  ch = h.desk->progress_update(handler, {id, ch.ticket.version}, "Found a stuck job; restarting it.");
  ch = h.desk->change_status(handler, {id, ch.ticket.version}, Status::in_progress);
  ch = h.desk->resolve(handler, {id, ch.ticket.version}, "Restarted the order job.");
  CHECK(ch.ticket.status == Status::resolved);
  ch = h.desk->rate(Actor{ActorKind::customer, c.id}, {id, ch.ticket.version}, Satisfaction{5, 5, 4, "quick"});
  ch = h.desk->close(handler, {id, ch.ticket.version});
  CHECK(ch.ticket.status == Status::closed);

  const TicketView view = h.desk->show(handler, id);
  CHECK(view.ticket == ch.ticket);
  CHECK(view.events.size() > r.events.size() + 4);
  for (std::size_t i = 0; i < view.events.size(); ++i) CHECK(view.events[i].sequence == std::int64_t(i) + 1);
  CHECK(h.desk->agent_queue(handler, handler.id).tickets.empty());  // closed: out of the queue
  CHECK(h.store->read()->workload().open_tickets.count(handler.id) == 0);
}

// Runs on both stores: on SQLite, "nothing" is checked on the file through a fresh export.
TEMPLATE_TEST_CASE("desk: a stale version, an unknown ticket or a refused transition changes nothing", "[desk]",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  Harness h(kind.make());
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const Actor handler{ActorKind::agent, r.ticket.assignee};
  h.desk->comment(handler, {r.ticket.id, 1}, "first");
  const std::string before = h.dump();

  auto code_of = [](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::ok;
  };
  CHECK(code_of([&] { h.desk->comment(handler, {r.ticket.id, 1}, "based on version 1"); }) == ErrorCode::conflict);
  CHECK(code_of([&] { h.desk->comment(handler, {"209901-001", 0}, "nobody"); }) == ErrorCode::not_found);
  CHECK(code_of([&] { h.desk->close(handler, {r.ticket.id, 0}); }) == ErrorCode::invalid_transition);
  CHECK(code_of([&] { h.desk->assign(handler, {r.ticket.id, 0}, "no-such-agent"); }) != ErrorCode::ok);
  CHECK(code_of([&] { h.desk->comment(handler, {r.ticket.id, 0}, ""); }) == ErrorCode::invalid_input);
  CHECK(h.dump() == before);
}

TEST_CASE("desk: reassigning moves the load from one agent to the other") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const std::string from = r.ticket.assignee;
  const std::string to = from == "t-01" ? "t-lead" : "t-01";
  const Change ch = h.desk->assign(Actor{ActorKind::supervisor, "s-01"}, {r.ticket.id, 0}, to);
  CHECK(ch.ticket.assignee == to);
  const Workload w = h.store->read()->workload();
  CHECK(w.open_tickets.count(from) == 0);
  CHECK(w.open_tickets.at(to) == 1);
}

TEST_CASE("desk: merging closes the duplicate as merged in the same transaction as the kept one") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult kept = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const TakeInResult dup = h.desk->take_in(kReceiver, Harness::erp_fault(c, "ERP orders still down"));
  const auto [d, k] = h.desk->merge(kSupervisor, {dup.ticket.id, 0}, {kept.ticket.id, 0});
  CHECK(d.ticket.status == Status::merged);
  CHECK(h.desk->show(kSupervisor, dup.ticket.id).ticket.status == Status::merged);
  CHECK(h.desk->show(kSupervisor, kept.ticket.id).events.size() == kept.events.size() + k.events.size());
  CHECK_THROWS_AS(h.desk->merge(kSupervisor, {kept.ticket.id, 0}, {kept.ticket.id, 0}), Error);
}
