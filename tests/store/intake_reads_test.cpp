// Contract: intake_reads gives what customer, customer_ticket_times, next_number and
// workload give one by one, and takes the number as next_number does.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

constexpr const char* kCounter = "ticket:202605";

// C001 with two tickets (created out of order) and an open load, C002 with one; the
// cursors saved; the counter at 7.
template <class Backend>
std::unique_ptr<Store> busy_store() {
  auto store = store_with_customers<Backend>();
  write(*store, [](StoreTransaction& tx) {
    auto late = ticket("T1", "C001", minute(5));
    late.status = Status::assigned;
    late.assignee = "a-01";
    late.team = "technical_support";
    tx.insert_ticket(late, {});
    tx.insert_ticket(ticket("T2", "C001", minute(1)), {});
    tx.insert_ticket(ticket("T3", "C002", minute(3)), {});
    Workload w;
    w.last_assigned = {{"technical_support", "a-01"}};
    tx.save_cursors(w);
    tx.set_counter(kCounter, 7);
  });
  return store;
}

}  // namespace

TEMPLATE_TEST_CASE("intake reads: the customer, its ticket times, the next number and the workload at once",
                   "[store]", TC_STORE_BACKENDS) {
  auto store = busy_store<TestType>();
  auto tx = store->write();
  const IntakeReads r = tx->intake_reads("C001", kCounter);
  REQUIRE(r.customer.has_value());
  CHECK(*r.customer == *tx->customer("C001"));
  CHECK(r.customer_ticket_times == std::vector<Instant>{minute(1), minute(5)});
  CHECK(r.customer_ticket_times == tx->customer_ticket_times("C001"));
  CHECK(r.number == 8);
  const Workload one_by_one = tx->workload();
  CHECK(r.workload.open_tickets == one_by_one.open_tickets);
  CHECK(r.workload.last_assigned == one_by_one.last_assigned);
  CHECK(r.workload.open_tickets.at("a-01") == 1);
  CHECK(r.workload.last_assigned.at("technical_support") == "a-01");
  // The number was taken: the next one follows it, and a commit keeps it taken.
  CHECK(tx->next_number(kCounter) == 9);
  tx->commit();
  CHECK(read(*store, [](StoreTransaction& t) { return t.counters(); }) ==
        std::vector<std::pair<std::string, std::int64_t>>{{kCounter, 9}});
}

TEMPLATE_TEST_CASE("intake reads: an unknown customer reads as none and a rollback gives the number back",
                   "[store]", TC_STORE_BACKENDS) {
  auto store = busy_store<TestType>();
  {
    auto tx = store->write();
    const IntakeReads r = tx->intake_reads("C404", kCounter);
    CHECK_FALSE(r.customer.has_value());
    CHECK(r.customer_ticket_times.empty());
    CHECK(r.number == 8);
    CHECK(r.workload.open_tickets.at("a-01") == 1);
  }  // not committed
  auto tx = store->write();
  CHECK(tx->intake_reads("C002", kCounter).number == 8);
}

TEMPLATE_TEST_CASE("intake reads: a read transaction refuses them, as it refuses next_number", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = busy_store<TestType>();
  {
    auto tx = store->read();
    CHECK(code_of([&] { tx->intake_reads("C001", kCounter); }) != ErrorCode::ok);
  }
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.counters(); }) ==
        std::vector<std::pair<std::string, std::int64_t>>{{kCounter, 7}});
}
