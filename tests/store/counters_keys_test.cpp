// Contract: named counters hand out 1, 2, ...; a handed-out key is handed out once.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

TEMPLATE_TEST_CASE("counters: each name counts from 1 on its own", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  write(*store, [](StoreTransaction& tx) {
    CHECK(tx.next_number("ticket:202605") == 1);
    CHECK(tx.next_number("ticket:202605") == 2);
    CHECK(tx.next_number("customer:20260501") == 1);
  });
  write(*store, [](StoreTransaction& tx) { CHECK(tx.next_number("ticket:202605") == 3); });
  using Counters = std::vector<std::pair<std::string, std::int64_t>>;
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.counters(); }) ==
        Counters{{"customer:20260501", 1}, {"ticket:202605", 3}});
}

TEMPLATE_TEST_CASE("counters: a number taken in a rolled-back transaction is taken again", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = TestType::make();
  write(*store, [](StoreTransaction& tx) { tx.next_number("ticket:202605"); });
  {
    auto tx = store->write();
    CHECK(tx->next_number("ticket:202605") == 2);
  }  // not committed
  write(*store, [](StoreTransaction& tx) { CHECK(tx.next_number("ticket:202605") == 2); });
}

TEMPLATE_TEST_CASE("counters: set_counter sets the last value handed out", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  write(*store, [](StoreTransaction& tx) {
    tx.set_counter("ticket:202605", 41);
    tx.next_number("ticket:202606");
    tx.set_counter("ticket:202606", 7);  // overwrites
  });
  write(*store, [](StoreTransaction& tx) {
    CHECK(tx.next_number("ticket:202605") == 42);
    CHECK(tx.next_number("ticket:202606") == 8);
  });
}

TEMPLATE_TEST_CASE("keys: a key is handed out once whatever ticket asks", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {});
    tx.insert_ticket(ticket("T2", "C001"), {});
  });
  const HandedOutKey warning{"T1/resolution/warning/80", "T1", minute(5)};
  write(*store, [&](StoreTransaction& tx) {
    CHECK(tx.hand_out(warning));
    CHECK_FALSE(tx.hand_out(warning));
  });
  write(*store, [&](StoreTransaction& tx) {
    CHECK_FALSE(tx.hand_out({warning.key, "T1", minute(9)}));
    CHECK_FALSE(tx.hand_out({warning.key, "T2", minute(9)}));
    CHECK(tx.hand_out({"T1/first_response/breach", "T1", minute(7)}));
    CHECK(tx.hand_out({"T2/resolution/breach", "T2", minute(8)}));
  });
  auto tx = store->read();
  CHECK(tx->handed_out("T1") ==
        std::vector<HandedOutKey>{{"T1/first_response/breach", "T1", minute(7)}, warning});  // key order
  CHECK(tx->handed_out("T2") == std::vector<HandedOutKey>{{"T2/resolution/breach", "T2", minute(8)}});
  CHECK(tx->handed_out("T404").empty());
}

TEMPLATE_TEST_CASE("keys: a key of an unknown ticket is not_found", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  auto tx = store->write();
  CHECK(code_of([&] { tx->hand_out({"T404/resolution/breach", "T404", minute(1)}); }) == ErrorCode::not_found);
  CHECK(tx->handed_out("T404").empty());
  // In a batch: the unknown one is named, and none of the batch is recorded.
  const std::vector<HandedOutKey> batch{{"T1/resolution/breach", "T1", minute(1)}, {"T404/x", "T404", minute(1)}};
  const Error e = error_of([&] { tx->hand_out(batch); });
  CHECK(e.code() == ErrorCode::not_found);
  CHECK(e.path() == "/1/ticket_id");
  CHECK(tx->handed_out("T1").empty());
  CHECK(tx->hand_out(batch[0]));  // the transaction goes on
}

TEMPLATE_TEST_CASE("keys: a batch says which keys it handed out, a repeat within it included", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {});
    tx.insert_ticket(ticket("T2", "C001"), {});
    tx.hand_out({"T1/a", "T1", minute(1)});
  });
  const std::vector<HandedOutKey> batch{
      {"T1/a", "T1", minute(2)}, {"T1/b", "T1", minute(2)}, {"T2/a", "T2", minute(2)}, {"T1/b", "T1", minute(3)}};
  write(*store, [&](StoreTransaction& tx) {
    CHECK(tx.hand_out(batch) == std::vector<bool>{false, true, true, false});
    CHECK(tx.hand_out(std::span<const HandedOutKey>()).empty());
  });
  auto tx = store->read();
  CHECK(tx->handed_out("T1") ==
        std::vector<HandedOutKey>{{"T1/a", "T1", minute(1)}, {"T1/b", "T1", minute(2)}});
  CHECK(tx->handed_out("T2") == std::vector<HandedOutKey>{{"T2/a", "T2", minute(2)}});
}

TEMPLATE_TEST_CASE("keys: a key handed out in a rolled-back transaction can be handed out again", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  {
    auto tx = store->write();
    CHECK(tx->hand_out({"k", "T1", minute(1)}));
  }
  write(*store, [](StoreTransaction& tx) { CHECK(tx.hand_out({"k", "T1", minute(2)})); });
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.handed_out("T1"); }) ==
        std::vector<HandedOutKey>{{"k", "T1", minute(2)}});
}
