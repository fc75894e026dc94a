// Contract: tickets are stored whole with their schedule, versioned, and tied to a stored customer.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

TEMPLATE_TEST_CASE("tickets: a stored ticket and its schedule read back field for field", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = TestType::make();
  const auto full = samples::ticket();  // every field set, version 7 as if imported
  const TicketSchedule schedule{at("2024-05-02T01:00:00Z"), at("2024-05-01T20:00:00Z")};
  write(*store, [&](StoreTransaction& tx) {
    tx.insert_customer(samples::customer());
    tx.insert_ticket(full, schedule);
  });
  auto tx = store->read();
  CHECK(tx->ticket(full.id) == full);
  CHECK(tx->schedule(full.id) == schedule);
  CHECK_FALSE(tx->ticket("202405-404").has_value());
  CHECK(code_of([&] { tx->schedule("202405-404"); }) == ErrorCode::not_found);
}

TEMPLATE_TEST_CASE("tickets: an empty schedule stays empty", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.schedule("T1"); }) == TicketSchedule{});
}

TEMPLATE_TEST_CASE("tickets: insert refuses a known id and an unknown customer", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  auto tx = store->write();
  tx->insert_ticket(ticket("T1", "C001"), {});
  auto twin = ticket("T1", "C002");
  CHECK(code_of([&] { tx->insert_ticket(twin, {}); }) == ErrorCode::conflict);
  CHECK(tx->ticket("T1")->customer_id == "C001");
  const auto e = error_of([&] { tx->insert_ticket(ticket("T2", "C404"), {}); });
  CHECK(e.code() == ErrorCode::not_found);
  CHECK(e.path() == "/customer_id");
  CHECK_FALSE(tx->ticket("T2").has_value());
  auto unversioned = ticket("T3", "C001");
  unversioned.version = 0;
  CHECK(code_of([&] { tx->insert_ticket(unversioned, {}); }) == ErrorCode::invalid_input);
  CHECK_FALSE(tx->ticket("T3").has_value());
}

TEMPLATE_TEST_CASE("tickets: an update must carry the stored version plus one", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  auto tx = store->write();
  auto t = *tx->ticket("T1");
  t.status = Status::assigned;
  t.assignee = "a-01";
  const TicketSchedule schedule{minute(60), minute(30)};
  const auto stale = error_of([&] { tx->update_ticket(t, schedule); });  // version still 1
  CHECK(stale.code() == ErrorCode::conflict);
  CHECK(stale.path() == "/version");
  t.version = 3;
  CHECK(code_of([&] { tx->update_ticket(t, schedule); }) == ErrorCode::conflict);
  CHECK(tx->ticket("T1")->status == Status::new_ticket);
  CHECK(tx->schedule("T1") == TicketSchedule{});
  t.version = 2;
  tx->update_ticket(t, schedule);
  CHECK(tx->ticket("T1") == t);
  CHECK(tx->schedule("T1") == schedule);
  auto ghost = ticket("T9", "C001");
  ghost.version = 2;
  CHECK(code_of([&] { tx->update_ticket(ghost, {}); }) == ErrorCode::not_found);
}

TEMPLATE_TEST_CASE("tickets: two writers with the same version: the second conflicts", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  auto first = read(*store, [](StoreTransaction& tx) { return *tx.ticket("T1"); });
  auto second = first;
  first.subject = "first";
  first.version = 2;
  second.subject = "second";
  second.version = 2;
  write(*store, [&](StoreTransaction& tx) { tx.update_ticket(first, {}); });
  auto tx = store->write();
  CHECK(code_of([&] { tx->update_ticket(second, {}); }) == ErrorCode::conflict);
  CHECK(tx->ticket("T1")->subject == "first");
}

TEMPLATE_TEST_CASE("tickets: a customer's ticket times come ascending", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001", minute(30)), {});
    tx.insert_ticket(ticket("T2", "C002", minute(10)), {});
    tx.insert_ticket(ticket("T3", "C001", minute(5)), {});
    tx.insert_ticket(ticket("T4", "C001", minute(30)), {});
  });
  auto tx = store->read();
  CHECK(tx->customer_ticket_times("C001") == std::vector<Instant>{minute(5), minute(30), minute(30)});
  CHECK(tx->customer_ticket_times("C002") == std::vector<Instant>{minute(10)});
  CHECK(tx->customer_ticket_times("C404").empty());
}

TEMPLATE_TEST_CASE("tickets: due tickets are those whose next action has come and earliest first", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {minute(100), minute(50)});
    tx.insert_ticket(ticket("T2", "C001"), {std::nullopt, minute(20)});
    tx.insert_ticket(ticket("T3", "C001"), {minute(10), std::nullopt});
    tx.insert_ticket(ticket("T4", "C001"), {minute(100), minute(60)});
    tx.insert_ticket(ticket("T5", "C001"), {minute(100), minute(50)});
  });
  using V = std::vector<std::string>;
  {
    auto tx = store->read();
    CHECK(tx->due_tickets(minute(19), 10).empty());
    CHECK(ids(tx->due_tickets(minute(20), 10)) == V{"T2"});
    CHECK(ids(tx->due_tickets(minute(55), 10)) == V{"T2", "T1", "T5"});
    CHECK(ids(tx->due_tickets(minute(999), 2)) == V{"T2", "T1"});
  }
  // A new schedule moves the ticket in the sweep's index.
  write(*store, [](StoreTransaction& tx) {
    auto t = *tx.ticket("T2");
    t.version = 2;
    tx.update_ticket(t, {std::nullopt, minute(70)});
  });
  CHECK(read(*store, [](StoreTransaction& tx) { return ids(tx.due_tickets(minute(999), 10)); }) ==
        V{"T1", "T5", "T4", "T2"});
}

TEMPLATE_TEST_CASE("tickets: set_schedules moves only the schedules, not the tickets or their versions", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {minute(100), minute(10)});
    tx.insert_ticket(ticket("T2", "C001"), {minute(100), minute(20)});
    tx.insert_ticket(ticket("T3", "C001"), {minute(100), minute(5)});
  });
  const Ticket before = read(*store, [](StoreTransaction& tx) { return *tx.ticket("T1"); });
  write(*store, [](StoreTransaction& tx) {
    const std::vector<ScheduledTicket> next{{"T1", {minute(90), minute(30)}}, {"T3", {std::nullopt, std::nullopt}}};
    tx.set_schedules(next);
  });
  auto tx = store->read();
  CHECK(tx->ticket("T1") == before);
  CHECK(tx->schedule("T1") == TicketSchedule{minute(90), minute(30)});
  CHECK(tx->schedule("T3") == TicketSchedule{});
  CHECK(ids(tx->due_tickets(minute(25), 10)) == std::vector<std::string>{"T2"});
  // An unknown ticket anywhere in the batch: not_found, naming it, and none changes.
  auto w = store->write();
  const std::vector<ScheduledTicket> bad{{"T2", {minute(1), minute(1)}}, {"T404", {}}};
  const Error e = error_of([&] { w->set_schedules(bad); });
  CHECK(e.code() == ErrorCode::not_found);
  CHECK(e.path() == "/1/ticket_id");
  CHECK(w->schedule("T2") == TicketSchedule{minute(100), minute(20)});
  w->commit();
  CHECK(read(*store, [](StoreTransaction& t) { return t.schedule("T2"); }) == TicketSchedule{minute(100), minute(20)});
}

TEMPLATE_TEST_CASE("tickets: a due ticket comes with its events and its customer's tier", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    Customer vip = customer("C003", "Wang Fang");
    vip.tier = CustomerTier::vip;
    tx.insert_customer(vip);
    tx.insert_ticket(ticket("T1", "C003"), {minute(100), minute(10)});
    tx.insert_ticket(ticket("T2", "C001"), {minute(100), minute(20)});
    tx.append_events(std::vector<Event>{event("T1", 1, events::PublicComment{"first"}),
                                        event("T2", 1, events::PublicComment{"other"}),
                                        event("T1", 2, events::PublicComment{"second"}, minute(2))});
  });
  for (const bool writes : {false, true}) {
    auto tx = writes ? store->write() : store->read();
    const std::vector<DueTicket> due = tx->due_tickets(minute(30), 10);
    REQUIRE(ids(due) == std::vector<std::string>{"T1", "T2"});
    CHECK(due[0].ticket == *tx->ticket("T1"));
    CHECK(due[0].events == tx->events("T1"));
    CHECK(due[0].events.size() == 2);
    CHECK(due[0].tier == CustomerTier::vip);
    CHECK(due[1].events == tx->events("T2"));
    CHECK(due[1].tier == CustomerTier::normal);
  }
}
