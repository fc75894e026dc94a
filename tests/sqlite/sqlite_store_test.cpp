// SqliteStore behaviour that is SQLite's own: PRAGMAs per connection, the file left
// untouched by a failed write, rollback, concurrency over one file, the version guard.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <thread>

#include "sqlite_fixtures.hpp"
#include "store/sqlite/transaction.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;
using namespace tc_sqlite_test;

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string pragma(StoreTransaction& tx, const char* name) {
  auto& c = dynamic_cast<detail::sqlite::SqliteTransaction&>(tx).connection();
  return c.db().execAndGet(std::string("PRAGMA ") + name).getString();
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::ok;
}

}  // namespace

TEST_CASE("every pooled connection sets foreign_keys, WAL, secure_delete, synchronous and the checkpoint interval") {
  TempDb db;
  SqliteOptions options;
  options.synchronous = SqliteOptions::Sync::full;
  auto store = SqliteStore::open(db.path(), options);
  // Three transactions at once hold three different connections.
  auto a = store->read();
  auto b = store->read();
  auto c = store->write();
  for (StoreTransaction* tx : {a.get(), b.get(), c.get()}) {
    CHECK(pragma(*tx, "foreign_keys") == "1");
    CHECK(pragma(*tx, "journal_mode") == "wal");
    CHECK(pragma(*tx, "secure_delete") == "1");
    CHECK(pragma(*tx, "synchronous") == "2");  // FULL
    CHECK(pragma(*tx, "wal_autocheckpoint") == "10000");
  }
  CHECK(&dynamic_cast<detail::sqlite::SqliteTransaction&>(*a).connection() !=
        &dynamic_cast<detail::sqlite::SqliteTransaction&>(*b).connection());
}

TEST_CASE("a writer waits for another store's write lock, and fails with busy after the busy timeout") {
  TempDb db;
  SqliteOptions options;
  options.busy_timeout = std::chrono::milliseconds(300);
  auto holder = SqliteStore::open(db.path(), options);
  auto waiter = SqliteStore::open(db.path(), options);  // its own pool: it waits on the file's lock

  SECTION("released within the timeout: the wait ends in the lock") {
    auto held = holder->write();
    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      held->commit();
    });
    auto tx = waiter->write();
    tx->insert_customer(customer("C20260501001"));
    tx->commit();
    release.join();
    CHECK(waiter->read()->customer("C20260501001").has_value());
  }
  SECTION("held past the timeout: Error(busy), nothing written") {
    auto held = holder->write();
    try {
      waiter->write();
      FAIL("the write transaction began while another held the lock");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::busy);
      CHECK_THAT(e.what(), Catch::Contains("database is locked"));
    }
  }
}

TEST_CASE("a stale version update fails with conflict and leaves the file unchanged") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  {
    auto tx = store->write();
    tx->insert_customer(customer("C20260501001"));
    tx->insert_ticket(ticket("202605-001", "C20260501001", "打印机无法连接"), {});
    tx->commit();
  }
  const auto main_before = file_bytes(db.path());
  const auto wal_before = file_bytes(db.path() + "-wal");
  {
    auto tx = store->write();
    auto stale = *tx->ticket("202605-001");
    stale.subject = "changed";
    stale.version = 3;  // the stored version is 1, so 2 would follow
    CHECK(code_of([&] { tx->update_ticket(stale, {}); }) == ErrorCode::conflict);
    auto unknown = stale;
    unknown.id = "202605-999";
    unknown.version = 2;
    CHECK(code_of([&] { tx->update_ticket(unknown, {}); }) == ErrorCode::not_found);
    tx->commit();  // the failed writes left nothing to commit
  }
  CHECK(file_bytes(db.path()) == main_before);
  CHECK(file_bytes(db.path() + "-wal") == wal_before);
  auto tx = store->read();
  CHECK(tx->ticket("202605-001")->subject == "打印机无法连接");
  CHECK(tx->ticket("202605-001")->version == 1);
}

TEST_CASE("a failed write inside a transaction undoes only itself") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  auto tx = store->write();
  tx->insert_customer(customer("C20260501001"));
  CHECK(code_of([&] { tx->insert_customer(customer("C20260501001")); }) == ErrorCode::conflict);
  CHECK(code_of([&] { tx->insert_ticket(ticket("202605-001", "C20260501999", "x"), {}); }) ==
        ErrorCode::not_found);
  tx->insert_ticket(ticket("202605-001", "C20260501001", "x"), {});
  // The second event breaks the sequence: the first of the batch must not stay either.
  const std::vector<Event> batch{comment("202605-001", 1, "first"), comment("202605-001", 3, "gap")};
  CHECK(code_of([&] { tx->append_events(batch); }) == ErrorCode::conflict);
  CHECK(tx->events("202605-001").empty());
  TicketQuery q;
  q.text = "first";
  CHECK(tx->tickets(q).tickets.empty());
  tx->commit();
  CHECK(store->read()->ticket("202605-001").has_value());
}

TEST_CASE("a write transaction destroyed without commit leaves nothing") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  {
    auto tx = store->write();
    tx->insert_customer(customer("C20260501001"));
    auto t = ticket("202605-001", "C20260501001", "打印机");
    t.assignee = "agent1";
    tx->insert_ticket(t, {at(10), at(5)});
    const std::vector<Event> events{comment("202605-001", 1, "你好")};
    tx->append_events(events);
    CHECK(tx->next_number("ticket:202605") == 1);
    CHECK(tx->hand_out({"k1", "202605-001", at(1)}));
    tx->publish_config({"v1", "{}", at(0)});
    Agent agent;
    agent.id = "agent1";
    agent.name = "Li";
    tx->put_agent(agent);
  }
  auto tx = store->write();
  CHECK_FALSE(tx->customer("C20260501001"));
  CHECK_FALSE(tx->ticket("202605-001"));
  CHECK(tx->events("202605-001").empty());
  CHECK(tx->workload() == Workload{});
  CHECK(tx->handed_out("202605-001").empty());
  CHECK_FALSE(tx->current_config());
  CHECK(tx->agents().empty());
  CHECK(tx->due_tickets(at(100), 10).empty());
  CHECK(tx->next_number("ticket:202605") == 1);
}

TEST_CASE("a read transaction refuses to write") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  auto tx = store->read();
  CHECK_THROWS_AS(tx->insert_customer(customer("C20260501001")), Error);
  CHECK_THROWS_AS(tx->next_number("n"), Error);
  tx->commit();
  CHECK(store->read()->counters().empty());
}

TEST_CASE("two stores on one file: concurrent next_number from four threads never repeats") {
  TempDb db;
  auto first = SqliteStore::open(db.path());
  auto second = SqliteStore::open(db.path());
  constexpr int kPerThread = 50;
  std::vector<std::vector<std::int64_t>> taken(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      SqliteStore& store = i % 2 ? *second : *first;
      for (int n = 0; n < kPerThread; ++n) {
        auto tx = store.write();
        taken[static_cast<std::size_t>(i)].push_back(tx->next_number("ticket:202605"));
        if (n % 10 == 9) continue;  // rolled back: the number is given back
        tx->commit();
      }
    });
  for (auto& t : threads) t.join();
  std::set<std::int64_t> committed;
  std::size_t total = 0;
  for (const auto& numbers : taken) total += numbers.size();
  CHECK(total == 4 * kPerThread);
  auto counters = first->read()->counters();
  REQUIRE(counters.size() == 1);
  CHECK(counters[0].second == 4 * (kPerThread - kPerThread / 10));
  // Within each thread, committed numbers strictly increase; across threads none repeats.
  for (const auto& numbers : taken)
    for (std::size_t n = 0; n < numbers.size(); ++n)
      if (n % 10 != 9) CHECK(committed.insert(numbers[n]).second);
  CHECK(committed.size() == std::size_t(4 * (kPerThread - kPerThread / 10)));
  CHECK(*committed.rbegin() == std::int64_t(committed.size()));
}

TEST_CASE("a file with a newer schema version is refused with a clear storage error") {
  TempDb db;
  SqliteStore::open(db.path());
  {
    SQLite::Database raw(db.path(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " + std::to_string(SqliteStore::schema_version() + 1));
  }
  try {
    SqliteStore::open(db.path());
    FAIL("opened a newer file");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::storage);
    CHECK_THAT(e.message(), Catch::Contains("newer than"));
  }
}

TEST_CASE("a file that is not a database is refused with a storage error") {
  TempDb db;
  {
    std::ofstream out(db.path());
    out << "this is not a SQLite file, just some text long enough to have a header";
  }
  CHECK(code_of([&] { SqliteStore::open(db.path()); }) == ErrorCode::storage);
  CHECK(code_of([&] { SqliteStore::open("/nonexistent-folder/x.db"); }) == ErrorCode::storage);
}

TEST_CASE("the agent load follows inserts, updates and purges") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  auto tx = store->write();
  tx->insert_customer(customer("C20260501001"));
  auto a = ticket("202605-001", "C20260501001", "a");
  a.assignee = "ann";
  a.status = Status::assigned;
  auto b = ticket("202605-002", "C20260501001", "b");
  b.assignee = "ann";
  tx->insert_ticket(a, {});
  tx->insert_ticket(b, {});
  CHECK(tx->workload().open_tickets == std::map<std::string, std::int64_t, std::less<>>{{"ann", 2}});
  a.assignee = "bob";
  a.version = 2;
  tx->update_ticket(a, {});
  CHECK(tx->workload().open_tickets ==
        std::map<std::string, std::int64_t, std::less<>>{{"ann", 1}, {"bob", 1}});
  a.status = Status::closed;
  a.closed_at = at(100);
  a.version = 3;
  tx->update_ticket(a, {});
  b.status = Status::resolved;
  b.version = 2;
  tx->update_ticket(b, {});
  CHECK(tx->workload().open_tickets.empty());
  const std::vector<Event> events{comment("202605-001", 1, "修好了")};
  tx->append_events(events);
  CHECK(tx->hand_out({"k1", "202605-001", at(1)}));
  CHECK_FALSE(tx->hand_out({"k1", "202605-001", at(2)}));
  const auto record = tx->purge(at(200), at(300));
  CHECK(record == Purge{at(300), at(200), 1, 1});  // the resolved ticket stays
  CHECK_FALSE(tx->ticket("202605-001"));
  CHECK(tx->ticket("202605-002"));
  CHECK(tx->handed_out("202605-001").empty());
  TicketQuery q;
  q.text = "修好";
  CHECK(tx->tickets(q).tickets.empty());
  CHECK(tx->purges() == std::vector<Purge>{record});
}

TEST_CASE("a refused ticket insert changes nothing and names /id or /customer_id") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  auto tx = store->write();
  tx->insert_customer(customer("C20260501001"));
  auto t = ticket("202605-001", "C20260501001", "打印机");
  t.assignee = "ann";
  t.tags = {"hardware"};
  tx->insert_ticket(t, {});
  auto again = t;
  again.subject = "other";
  const auto error_of = [](auto&& f) -> std::optional<Error> {
    try {
      f();
    } catch (const Error& e) {
      return e;
    }
    return std::nullopt;
  };
  auto dup = error_of([&] { tx->insert_ticket(again, {}); });
  REQUIRE(dup);
  CHECK(dup->code() == ErrorCode::conflict);
  CHECK(dup->path() == "/id");
  auto orphan = ticket("202605-002", "C20260501999", "orphan");
  orphan.assignee = "ann";
  auto missing = error_of([&] { tx->insert_ticket(orphan, {}); });
  REQUIRE(missing);
  CHECK(missing->code() == ErrorCode::not_found);
  CHECK(missing->path() == "/customer_id");
  // Neither left a row, a tag, a search row or load behind; the transaction goes on.
  CHECK_FALSE(tx->ticket("202605-002"));
  CHECK(tx->ticket("202605-001")->subject == "打印机");
  CHECK(tx->workload().open_tickets.at("ann") == 1);
  TicketQuery q;
  q.text = "orphan";
  CHECK(tx->tickets(q).tickets.empty());
  q.text = "other";
  CHECK(tx->tickets(q).tickets.empty());
  TicketQuery tagged;
  tagged.tag = "hardware";
  CHECK(tx->tickets(tagged).tickets.size() == 1);
  tx->commit();
}

TEST_CASE("an agent's queue is one ordered range scan of the queue index") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  auto tx = store->write();
  tx->insert_customer(customer("C20260501001"));
  for (int i = 0; i < 12; ++i) {
    auto t = ticket("202605-" + std::to_string(100 + i), "C20260501001", "t");
    t.assignee = i % 3 ? "ann" : "bob";
    t.status = i % 4 == 0 ? Status::closed : i % 4 == 1 ? Status::assigned : Status::in_progress;
    TicketSchedule schedule;
    if (i % 5) schedule.due_at = at(1000 - i * 10);
    tx->insert_ticket(t, schedule);
  }
  TicketQuery q;
  q.statuses = open_statuses();
  q.assignee = "ann";
  q.order = TicketOrder::due_at;
  q.limit = 2;
  std::vector<std::string> ids;
  for (;;) {
    auto page = tx->tickets(q);
    for (const auto& t : page.tickets) ids.push_back(t.id);
    if (page.next_cursor.empty()) break;
    q.after = page.next_cursor;
  }
  // ann's open tickets: 1, 2, 5, 7, 10, 11 (4 and 8 are closed); 5 and 10 have no due_at.
  CHECK(ids == std::vector<std::string>{"202605-111", "202605-107", "202605-102", "202605-101", "202605-105",
                                        "202605-110"});
  // The statement the query builder made: no sort, no full scan, the queue index.
  auto& c = dynamic_cast<detail::sqlite::SqliteTransaction&>(*tx).connection();
  std::string sql;
  for (sqlite3_stmt* s = sqlite3_next_stmt(c.db().getHandle(), nullptr); s;
       s = sqlite3_next_stmt(c.db().getHandle(), s)) {
    const char* raw = sqlite3_sql(s);
    const std::string text = raw ? raw : "";
    if (text.starts_with("SELECT t.row") && text.find("t.assignee") != std::string::npos &&
        text.find("t.due_at IS NULL AND") == std::string::npos && text.find(" OR ") == std::string::npos)
      sql = text;
  }
  REQUIRE_FALSE(sql.empty());
  SQLite::Statement plan(c.db(), "EXPLAIN QUERY PLAN " + sql);
  std::string details;
  while (plan.executeStep()) details += plan.getColumn(3).getString() + "\n";
  CHECK(details.find("tickets_open_queue") != std::string::npos);
  CHECK(details.find("TEMP B-TREE") == std::string::npos);
}
