// Contract: events are appended in sequence per ticket, all of a call or none.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

template <class Backend>
std::unique_ptr<Store> two_tickets() {
  auto store = store_with_customers<Backend>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {});
    tx.insert_ticket(ticket("T2", "C002"), {});
  });
  return store;
}

std::vector<std::int64_t> sequences(const std::vector<Event>& events) {
  std::vector<std::int64_t> out;
  for (const auto& e : events) out.push_back(e.sequence);
  return out;
}

}  // namespace

TEMPLATE_TEST_CASE("events: appended events read back in sequence order with their payload", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = two_tickets<TestType>();
  const std::vector<Event> first{event("T1", 1, events::Created{"P3", "phone", "desk-1"}, minute(0)),
                                 event("T1", 2, events::PublicComment{"我们已收到"}, minute(1))};
  auto rated = event("T1", 3, events::Rated{5, 4, 3, "quick"}, minute(2));
  rated.payload.insert_or_assign("host_note", 2.5);  // unknown keys are kept
  write(*store, [&](StoreTransaction& tx) { tx.append_events(first); });
  write(*store, [&](StoreTransaction& tx) { tx.append_events(std::span(&rated, 1)); });
  auto tx = store->read();
  auto expected = first;
  expected.push_back(rated);
  CHECK(tx->events("T1") == expected);
  CHECK(tx->events("T2").empty());
}

TEMPLATE_TEST_CASE("events: one call may interleave tickets that each continue their own sequence", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = two_tickets<TestType>();
  write(*store, [](StoreTransaction& tx) {
    const std::vector<Event> batch{event("T1", 1, events::PublicComment{"a"}), event("T2", 1, events::PublicComment{"b"}),
                                   event("T1", 2, events::PublicComment{"c"}), event("T2", 2, events::PublicComment{"d"}),
                                   event("T2", 3, events::PublicComment{"e"})};
    tx.append_events(batch);
  });
  auto tx = store->read();
  CHECK(sequences(tx->events("T1")) == std::vector<std::int64_t>{1, 2});
  CHECK(sequences(tx->events("T2")) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(events::read_payload<events::PublicComment>(tx->events("T2")[2]).text == "e");
}

TEMPLATE_TEST_CASE("events: a sequence that does not continue is a conflict and appends nothing", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = two_tickets<TestType>();
  write(*store, [](StoreTransaction& tx) {
    const std::vector<Event> one{event("T1", 1, events::PublicComment{"a"})};
    tx.append_events(one);
  });
  auto tx = store->write();
  for (std::int64_t wrong : {0, 1, 3}) {
    const std::vector<Event> batch{event("T1", wrong, events::PublicComment{"x"})};
    INFO("sequence " << wrong);
    CHECK(code_of([&] { tx->append_events(batch); }) == ErrorCode::conflict);
  }
  // A good head does not save a bad tail: nothing of the call is kept.
  const std::vector<Event> gap{event("T2", 1, events::PublicComment{"ok"}), event("T1", 2, events::PublicComment{"ok"}),
                               event("T1", 4, events::PublicComment{"gap"})};
  CHECK(code_of([&] { tx->append_events(gap); }) == ErrorCode::conflict);
  const std::vector<Event> twice{event("T2", 1, events::PublicComment{"ok"}), event("T2", 1, events::PublicComment{"again"})};
  CHECK(code_of([&] { tx->append_events(twice); }) == ErrorCode::conflict);
  CHECK(sequences(tx->events("T1")) == std::vector<std::int64_t>{1});
  CHECK(tx->events("T2").empty());
  const std::vector<Event> next{event("T1", 2, events::PublicComment{"b"})};
  tx->append_events(next);
  CHECK(sequences(tx->events("T1")) == std::vector<std::int64_t>{1, 2});
}

TEMPLATE_TEST_CASE("events: events of an unknown ticket are not_found", "[store]", TC_STORE_BACKENDS) {
  auto store = two_tickets<TestType>();
  auto tx = store->write();
  const std::vector<Event> batch{event("T1", 1, events::PublicComment{"a"}), event("T404", 1, events::PublicComment{"b"})};
  CHECK(code_of([&] { tx->append_events(batch); }) == ErrorCode::not_found);
  CHECK(tx->events("T1").empty());
}

TEMPLATE_TEST_CASE("events: a ticket update keeps its events", "[store]", TC_STORE_BACKENDS) {
  auto store = two_tickets<TestType>();
  write(*store, [](StoreTransaction& tx) {
    const std::vector<Event> one{event("T1", 1, events::PublicComment{"a"})};
    tx.append_events(one);
    auto t = *tx.ticket("T1");
    t.version = 2;
    t.subject = "changed";
    tx.update_ticket(t, {});
  });
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.events("T1").size(); }) == 1);
}
