// PostgresStore behaviour that is PostgreSQL's own: the schema version guard, row locks
// between stores (SKIP LOCKED sweeps, lock_timeout, deadlocks), numbers across stores,
// an unreachable server. The Store contract itself runs in the other files of this folder.
#include <catch2/catch.hpp>

#ifdef TICKETCORE_WITH_POSTGRESQL

#include <future>
#include <set>
#include <thread>

#include "postgres_scratch.hpp"
#include "store/fixtures.hpp"
#include "store/postgres/connection.hpp"
#include "ticketcore/store/postgres_store.hpp"

using namespace store_testing;
using tc_postgres_test::ScratchSchemas;
using tc_postgres_test::scratch;

namespace {

// A connection of the test's own to a schema, to look at or meddle with its tables.
detail::postgres::Connection admin(const std::string& schema) {
  return detail::postgres::Connection(ScratchSchemas::location(schema), PostgresOptions{});
}

// A schema whose store holds customer C001 and tickets A, B and C, all due at minute 5.
std::string schema_with_due_tickets() {
  const std::string schema = scratch().next_schema();
  auto store = PostgresStore::open(ScratchSchemas::location(schema));
  write(*store, [](StoreTransaction& tx) {
    tx.insert_customer(customer("C001"));
    for (const char* id : {"A", "B", "C"}) tx.insert_ticket(ticket(id, "C001"), {std::nullopt, minute(5)});
  });
  return schema;
}

// Two stores on a schema_with_due_tickets(): `holder` waits for a lock as long as a server
// lets it, `waiter` gives up after 200 ms (busy).
std::pair<std::shared_ptr<Store>, std::shared_ptr<Store>> holder_and_waiter() {
  const std::string schema = schema_with_due_tickets();
  PostgresOptions impatient;
  impatient.lock_timeout = std::chrono::milliseconds(200);
  return {PostgresStore::open(ScratchSchemas::location(schema)),
          PostgresStore::open(ScratchSchemas::location(schema), impatient)};
}

}  // namespace

TEST_CASE("postgres: a new schema migrates to the latest version and opening it again changes nothing") {
  const std::string schema = scratch().next_schema();
  auto store = PostgresStore::open(ScratchSchemas::location(schema));
  write(*store, [](StoreTransaction& tx) { tx.insert_customer(customer("C001")); });
  auto c = admin(schema);
  CHECK(c.exec("SELECT version FROM schema_version").integer(0, 0) == PostgresStore::schema_version());
  auto again = PostgresStore::open(ScratchSchemas::location(schema));
  CHECK(c.exec("SELECT count(*) FROM schema_version").integer(0, 0) == 1);
  CHECK(c.exec("SELECT version FROM schema_version").integer(0, 0) == PostgresStore::schema_version());
  CHECK(again->read()->customer("C001") == customer("C001"));
}

TEST_CASE("postgres: a schema with tables but no schema version is refused and left as it was") {
  const std::string schema = scratch().next_schema();
  auto c = admin(schema);
  c.run("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7)");
  const Error e = error_of([&] { PostgresStore::open(ScratchSchemas::location(schema)); });
  CHECK(e.code() == ErrorCode::storage);
  CHECK_THAT(e.message(), Catch::Contains("not a ticketcore schema"));
  CHECK(c.exec("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").integer(0, 0) == 1);
  CHECK(c.exec("SELECT id FROM invoices").integer(0, 0) == 7);
}

TEST_CASE("postgres: a schema written by a newer ticketcore is refused") {
  const std::string schema = scratch().next_schema();
  PostgresStore::open(ScratchSchemas::location(schema)).reset();
  auto c = admin(schema);
  c.exec("UPDATE schema_version SET version = $1",
         detail::postgres::Params().integer(PostgresStore::schema_version() + 1));
  const Error e = error_of([&] { PostgresStore::open(ScratchSchemas::location(schema)); });
  CHECK(e.code() == ErrorCode::storage);
  CHECK_THAT(e.message(), Catch::Contains("newer"));
}

TEST_CASE("postgres: a server that cannot be reached is a storage error that says why") {
  const Error e = error_of([] { PostgresStore::open("host=/nonexistent/ticketcore-socket-dir connect_timeout=2"); });
  CHECK(e.code() == ErrorCode::storage);
  CHECK_THAT(e.message(), Catch::Contains("connecting"));
}

TEST_CASE("postgres: numbers taken by two stores in four threads are gap-free and never repeated") {
  const std::string schema = scratch().next_schema();
  std::shared_ptr<Store> stores[] = {PostgresStore::open(ScratchSchemas::location(schema)),
                                     PostgresStore::open(ScratchSchemas::location(schema))};
  std::vector<std::future<std::vector<std::int64_t>>> takers;
  for (int t = 0; t < 4; ++t)
    takers.push_back(std::async(std::launch::async, [&, t] {
      std::vector<std::int64_t> kept;
      for (int i = 0; i < 25; ++i) {
        auto tx = stores[t % 2]->write();
        const auto n = tx->next_number("ticket:202605");
        if (i % 5 == 4) continue;  // rolled back: the number is given back
        tx->commit();
        kept.push_back(n);
      }
      return kept;
    }));
  std::set<std::int64_t> all;
  std::size_t count = 0;
  for (auto& taker : takers)
    for (auto n : taker.get()) {
      all.insert(n);
      ++count;
    }
  CHECK(count == 80);
  CHECK(all.size() == 80);
  CHECK(*all.begin() == 1);
  CHECK(*all.rbegin() == 80);
}

TEST_CASE("postgres: two sweeps at once claim different due tickets") {
  const std::string schema = schema_with_due_tickets();
  auto one = PostgresStore::open(ScratchSchemas::location(schema));
  auto other = PostgresStore::open(ScratchSchemas::location(schema));
  auto first = one->write();
  auto second = other->write();
  CHECK(ids(first->due_tickets(minute(10), 2)) == std::vector<std::string>{"A", "B"});
  CHECK(ids(second->due_tickets(minute(10), 2)) == std::vector<std::string>{"C"});  // A and B are claimed
  second.reset();
  first->commit();
  // Claims end with their transaction; a reader never claims.
  CHECK(ids(other->read()->due_tickets(minute(10), 5)) == std::vector<std::string>{"A", "B", "C"});
}

TEST_CASE("postgres: a row lock held past lock_timeout is busy, and the waiting transaction changes nothing") {
  const auto [holder, waiter] = holder_and_waiter();
  auto held = holder->write();
  REQUIRE(held->ticket("A"));  // locked until `held` ends
  auto tx = waiter->write();
  CHECK(code_of([&] { tx->ticket("A"); }) == ErrorCode::busy);
  CHECK(code_of([&] { tx->commit(); }) == ErrorCode::storage);  // the transaction has finished
  held.reset();
  auto retry = waiter->write();
  CHECK(retry->ticket("A"));
}

TEST_CASE("postgres: a write sent without waiting that fails makes the commit fail, and nothing is kept") {
  const auto [holder, waiter] = holder_and_waiter();
  auto assigned = [](const char* id) {
    Ticket t = ticket(id, "C001");
    t.assignee = "a-01";
    return t;
  };
  // The holder's new load row for a-01 stays uncommitted: the waiter's load write waits on it.
  auto held = holder->write();
  held->insert_ticket(assigned("H1"), {});
  REQUIRE(held->ticket("A"));  // a statement waited for: what was sent before it has run
  auto tx = waiter->write();
  tx->insert_ticket(assigned("W1"), {});  // the load write is sent with the commit
  CHECK(code_of([&] { tx->commit(); }) == ErrorCode::busy);
  tx.reset();
  held.reset();
  CHECK_FALSE(read(*waiter, [](StoreTransaction& t) { return t.ticket("W1"); }));
  // The waiter's store goes on: the same take-in commits now, and the load counts it once.
  write(*waiter, [&](StoreTransaction& t) { t.insert_ticket(assigned("W1"), {}); });
  CHECK(read(*waiter, [](StoreTransaction& t) { return t.workload().open_tickets; }) ==
        std::map<std::string, std::int64_t, std::less<>>{{"a-01", 1}});
}

TEST_CASE("postgres: of two writers that lock two tickets in opposite orders one is rolled back and the other goes on") {
  const std::string schema = schema_with_due_tickets();
  auto store = PostgresStore::open(ScratchSchemas::location(schema));
  auto run = [&](const char* first, const char* second, std::promise<void>& locked, std::shared_future<void> both) {
    auto tx = store->write();
    tx->ticket(first);
    locked.set_value();
    both.wait();
    try {
      Ticket t = *tx->ticket(second);
      t.version += 1;
      t.subject += " (changed)";
      tx->update_ticket(t, {});
      tx->commit();
      return std::string("committed");
    } catch (const RolledBack& e) {
      CHECK(e.code() == ErrorCode::busy);
      return std::string("rolled back");
    }
  };
  std::promise<void> a_locked, b_locked, go;
  std::shared_future<void> both = go.get_future().share();
  auto ab = std::async(std::launch::async, [&] { return run("A", "B", a_locked, both); });
  auto ba = std::async(std::launch::async, [&] { return run("B", "A", b_locked, both); });
  a_locked.get_future().wait();
  b_locked.get_future().wait();
  go.set_value();
  const std::multiset<std::string> outcomes{ab.get(), ba.get()};
  CHECK(outcomes == std::multiset<std::string>{"committed", "rolled back"});
  // Exactly one of the two changes is stored.
  auto tx = store->read();
  const int changed = (tx->ticket("A")->version == 2) + (tx->ticket("B")->version == 2);
  CHECK(changed == 1);
}

#endif
