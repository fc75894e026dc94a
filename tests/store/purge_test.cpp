// Contract: a retention purge deletes finished tickets closed before the cut, with all they own.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

Ticket finished(const char* id, Status status, std::optional<Instant> closed_at, Instant updated_at) {
  auto t = ticket(id, "C001");
  t.status = status;
  t.closed_at = closed_at;
  t.updated_at = updated_at;
  return t;
}

}  // namespace

TEMPLATE_TEST_CASE("purge: closed or cancelled or merged tickets closed before the cut go", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  const auto cut = minute(100);
  write(*store, [&](StoreTransaction& tx) {
    tx.insert_ticket(finished("gone-closed", Status::closed, minute(99), minute(99)), {});
    tx.insert_ticket(finished("gone-cancelled", Status::cancelled, minute(10), minute(200)), {});
    tx.insert_ticket(finished("gone-merged", Status::merged, std::nullopt, minute(50)), {});  // updated_at counts
    tx.insert_ticket(finished("kept-at-cut", Status::closed, minute(100), minute(100)), {});
    tx.insert_ticket(finished("kept-late", Status::closed, minute(150), minute(20)), {});  // closed_at wins
    tx.insert_ticket(finished("kept-resolved", Status::resolved, minute(10), minute(10)), {});
    tx.insert_ticket(finished("kept-open", Status::in_progress, std::nullopt, minute(1)), {});
    tx.insert_ticket(finished("kept-merged-late", Status::merged, std::nullopt, minute(101)), {});
    const std::vector<Event> history{event("gone-closed", 1, events::PublicComment{"a"}),
                                     event("gone-closed", 2, events::PublicComment{"b"}),
                                     event("gone-merged", 1, events::PublicComment{"c"}),
                                     event("kept-open", 1, events::PublicComment{"d"})};
    tx.append_events(history);
    tx.hand_out({"gone-closed/breach", "gone-closed", minute(3)});
    tx.hand_out({"kept-open/breach", "kept-open", minute(3)});
  });
  Purge record;
  write(*store, [&](StoreTransaction& tx) { record = tx.purge(cut, minute(500)); });
  CHECK(record == Purge{minute(500), cut, 3, 3});
  auto tx = store->read();
  for (const char* id : {"gone-closed", "gone-cancelled", "gone-merged"}) {
    INFO(id);
    CHECK_FALSE(tx->ticket(id).has_value());
    CHECK(tx->events(id).empty());
    CHECK(tx->handed_out(id).empty());
  }
  TicketQuery all;
  all.order = TicketOrder::id;
  CHECK(ids(tx->tickets(all).tickets) ==
        std::vector<std::string>{"kept-at-cut", "kept-late", "kept-merged-late", "kept-open", "kept-resolved"});
  CHECK(tx->events("kept-open").size() == 1);
  CHECK(tx->handed_out("kept-open").size() == 1);
  CHECK(tx->customer_ticket_times("C001").size() == 5);
  CHECK(tx->purges() == std::vector<Purge>{record});
}

TEMPLATE_TEST_CASE("purge: every purge is recorded oldest first and an empty one too", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  const Purge elsewhere{minute(1), minute(0), 12, 80};
  write(*store, [&](StoreTransaction& tx) { tx.record_purge(elsewhere); });
  Purge empty;
  write(*store, [&](StoreTransaction& tx) { empty = tx.purge(minute(10), minute(20)); });
  CHECK(empty == Purge{minute(20), minute(10), 0, 0});
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.purges(); }) == std::vector<Purge>{elsewhere, empty});
}

TEMPLATE_TEST_CASE("purge: a purged ticket leaves the indexes", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [&](StoreTransaction& tx) {
    auto t = finished("T1", Status::closed, minute(1), minute(1));
    t.assignee = "a-01";
    tx.insert_ticket(t, {std::nullopt, minute(5)});
    tx.insert_ticket(ticket("T2", "C001"), {std::nullopt, minute(6)});
  });
  write(*store, [&](StoreTransaction& tx) { tx.purge(minute(2), minute(3)); });
  auto tx = store->read();
  CHECK(ids(tx->due_tickets(minute(10), 10)) == std::vector<std::string>{"T2"});
  CHECK(tx->customer_ticket_times("C001") == std::vector<Instant>{minute(0)});
}
