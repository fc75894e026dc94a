// Contract: a transaction is a unit of work over one snapshot: all or nothing.
#include <catch2/catch.hpp>

#include <sstream>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

// Writes one of everything into a transaction.
void write_everything(StoreTransaction& tx) {
  tx.insert_customer(customer("C003"));
  auto t = *tx.ticket("T1");
  t.subject = "changed";
  t.status = Status::assigned;
  t.assignee = "a-01";
  t.version = 2;
  tx.update_ticket(t, {minute(9), minute(8)});
  tx.insert_ticket(ticket("T2", "C003"), {std::nullopt, minute(1)});
  const std::vector<Event> e{event("T1", 1, events::PublicComment{"hello"})};
  tx.append_events(e);
  tx.put_team(samples::team());
  tx.put_agent(samples::agent());
  Workload w;
  w.last_assigned = {{"technical_support", "a-01"}};
  tx.save_cursors(w);
  tx.next_number("ticket:202605");
  tx.hand_out({"T1/breach", "T1", minute(2)});
  tx.publish_config({"v1", "{}", minute(0)});
  tx.record_purge({minute(0), minute(0), 1, 1});
}

std::string dump(StoreTransaction& tx) {
  std::ostringstream out;
  out << tx.customers({}).customers.size() << ' ' << ids(tx.tickets(by_id()).tickets).size() << ' '
      << tx.ticket("T1")->subject << ' ' << tx.events("T1").size() << ' ' << tx.teams().size() << ' '
      << tx.agents().size() << ' ' << tx.workload().open_tickets.size() << ' ' << tx.workload().last_assigned.size()
      << ' ' << tx.counters().size() << ' ' << tx.handed_out("T1").size() << ' ' << tx.config_history().size() << ' '
      << tx.purges().size() << ' ' << tx.due_tickets(minute(100), 10).size();
  return out.str();
}

}  // namespace

TEMPLATE_TEST_CASE("transactions: destroying a write transaction uncommitted keeps nothing", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(ticket("T1", "C001"), {}); });
  const auto before = read(*store, dump);
  CHECK(before == "2 1 Ticket T1 0 0 0 0 0 0 0 0 0 0");
  {
    auto tx = store->write();
    write_everything(*tx);
    CHECK(dump(*tx) == "3 2 changed 1 1 1 1 1 1 1 1 1 2");  // its own writes; T1 and T2 due
  }
  CHECK(read(*store, dump) == before);
  write(*store, write_everything);  // the same writes, committed
  CHECK(read(*store, dump) == "3 2 changed 1 1 1 1 1 1 1 1 1 2");
}

TEMPLATE_TEST_CASE("transactions: a read sees the snapshot of its start", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  auto before = store->read();
  CHECK(before->customer("C001").has_value());
  write(*store, [](StoreTransaction& tx) {
    tx.insert_customer(customer("C003"));
    tx.insert_ticket(ticket("T1", "C001"), {});
  });
  CHECK_FALSE(before->customer("C003").has_value());
  CHECK_FALSE(before->ticket("T1").has_value());
  CHECK(before->customers({}).customers.size() == 2);
  auto after = store->read();
  CHECK(after->customer("C003").has_value());
  CHECK(after->ticket("T1").has_value());
}

TEMPLATE_TEST_CASE("transactions: a failed write leaves the transaction usable and unchanged", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  auto tx = store->write();
  tx->insert_ticket(ticket("T1", "C001"), {});
  CHECK(code_of([&] { tx->insert_ticket(ticket("T1", "C001"), {}); }) == ErrorCode::conflict);
  tx->insert_ticket(ticket("T2", "C001"), {});
  tx->commit();
  CHECK(read(*store, [](StoreTransaction& t) { return ids(t.tickets(by_id()).tickets); }) ==
        std::vector<std::string>{"T1", "T2"});
}

TEMPLATE_TEST_CASE("transactions: a read transaction refuses writes", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  {
    auto tx = store->read();
    CHECK(code_of([&] { tx->insert_customer(customer("C003")); }) != ErrorCode::ok);
    CHECK(code_of([&] { tx->next_number("ticket:202605"); }) != ErrorCode::ok);
  }
  CHECK_FALSE(read(*store, [](StoreTransaction& tx) { return tx.customer("C003"); }).has_value());
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.counters(); }).empty());
}
