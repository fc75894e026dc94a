// Contract: open tickets per assignee follow the ticket writes; cursors are what was saved.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

using Loads = std::map<std::string, std::int64_t, std::less<>>;

Loads loads(Store& store) {
  return read(store, [](StoreTransaction& tx) { return tx.workload().open_tickets; });
}

Ticket assigned(const char* id, const char* agent, Status status) {
  auto t = ticket(id, "C001");
  t.status = status;
  t.assignee = agent;
  t.team = "technical_support";
  return t;
}

// Stores a changed copy of a ticket with the next version.
void change(StoreTransaction& tx, const char* id, const std::function<void(Ticket&)>& f) {
  auto t = *tx.ticket(id);
  f(t);
  ++t.version;
  tx.update_ticket(t, tx.schedule(id));
}

}  // namespace

TEMPLATE_TEST_CASE("workload: open tickets count per assignee from the stored tickets", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  CHECK(loads(*store).empty());
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(assigned("T1", "a-01", Status::assigned), {});
    tx.insert_ticket(assigned("T2", "a-01", Status::in_progress), {});
    tx.insert_ticket(assigned("T3", "a-01", Status::pending_customer), {});
    tx.insert_ticket(assigned("T4", "a-02", Status::new_ticket), {});
    tx.insert_ticket(assigned("T5", "a-02", Status::resolved), {});   // not open
    tx.insert_ticket(assigned("T6", "a-03", Status::closed), {});     // not open
    tx.insert_ticket(assigned("T7", "", Status::new_ticket), {});      // nobody's
  });
  CHECK(loads(*store) == Loads{{"a-01", 3}, {"a-02", 1}});
}

TEMPLATE_TEST_CASE("workload: updates move the load with the assignee and the status", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(assigned("T1", "a-01", Status::assigned), {});
    tx.insert_ticket(assigned("T2", "a-01", Status::in_progress), {});
  });
  write(*store, [](StoreTransaction& tx) { change(tx, "T1", [](Ticket& t) { t.assignee = "a-02"; }); });
  CHECK(loads(*store) == Loads{{"a-01", 1}, {"a-02", 1}});
  write(*store, [](StoreTransaction& tx) { change(tx, "T2", [](Ticket& t) { t.status = Status::resolved; }); });
  CHECK(loads(*store) == Loads{{"a-02", 1}});  // no zero entries
  write(*store, [](StoreTransaction& tx) { change(tx, "T2", [](Ticket& t) { t.status = Status::in_progress; }); });
  CHECK(loads(*store) == Loads{{"a-01", 1}, {"a-02", 1}});
  write(*store, [](StoreTransaction& tx) { change(tx, "T1", [](Ticket& t) { t.assignee.clear(); }); });
  CHECK(loads(*store) == Loads{{"a-01", 1}});
  {
    auto tx = store->write();
    change(*tx, "T2", [](Ticket& t) { t.assignee = "a-09"; });
    CHECK(tx->workload().open_tickets == Loads{{"a-09", 1}});  // a transaction sees its own writes
  }
  CHECK(loads(*store) == Loads{{"a-01", 1}});  // and nothing of them after rolling back
}

TEMPLATE_TEST_CASE("workload: save_cursors records the cursors and never the loads", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) { tx.insert_ticket(assigned("T1", "a-01", Status::assigned), {}); });
  Workload w;
  w.open_tickets = {{"a-01", 40}, {"a-05", 3}};  // ignored: loads follow the tickets
  w.last_assigned = {{"technical_support", "a-01"}, {"billing", "b-02"}};
  write(*store, [&](StoreTransaction& tx) { tx.save_cursors(w); });
  auto stored = read(*store, [](StoreTransaction& tx) { return tx.workload(); });
  CHECK(stored.open_tickets == Loads{{"a-01", 1}});
  CHECK(stored.last_assigned == w.last_assigned);
  // The saved cursors replace the earlier ones as a whole.
  Workload next;
  next.last_assigned = {{"technical_support", "a-02"}};
  write(*store, [&](StoreTransaction& tx) { tx.save_cursors(next); });
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.workload().last_assigned; }) == next.last_assigned);
}
