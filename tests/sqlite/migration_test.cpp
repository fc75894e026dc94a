// Files written at every earlier schema version open, migrate to the latest and keep
// their data: each case builds the file with only the first k migration steps, writes
// rows the way that version's code did, then opens it with SqliteStore.
#include <catch2/catch.hpp>

#include "sqlite_fixtures.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/search_rows.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/json.hpp"

using namespace ticketcore;
using namespace tc_sqlite_test;

namespace {

// Rows as the version-1 tables hold them, written with plain SQL as an old program would;
// from version 2 on, that program also wrote the ticket's search row.
void write_old_rows(detail::sqlite::Connection& c, int version) {
  const auto cust = customer("C20260501001", "王芳");
  SQLite::Statement s(c.db(),
                      "INSERT INTO customers (id, name, tier, version, json) VALUES (?, ?, 'normal', 1, ?)");
  s.bind(1, cust.id);
  s.bind(2, cust.name);
  s.bind(3, to_json_text(cust));
  s.exec();
  c.exec("INSERT INTO customer_phones (phone, customer_id) VALUES ('13800000000', 'C20260501001')");
  auto t = ticket("202605-001", cust.id, "打印机无法连接 WiFi");
  t.tags = {"hardware"};
  t.assignee = "ann";
  SQLite::Statement ts(
      c.db(),
      "INSERT INTO tickets (id, customer_id, status, team, assignee, priority, channel, created_at, "
      "updated_at, closed_at, due_at, next_action_at, version, json) VALUES (?, ?, 'new', '', 'ann', "
      "'', 'other', ?, ?, NULL, ?, ?, 1, ?)");
  ts.bind(1, t.id);
  ts.bind(2, t.customer_id);
  ts.bind(3, std::int64_t{to_unix(t.created_at)});
  ts.bind(4, std::int64_t{to_unix(t.updated_at)});
  ts.bind(5, std::int64_t{to_unix(at(3600))});
  ts.bind(6, std::int64_t{to_unix(at(1800))});
  ts.bind(7, to_json_text(t));
  ts.exec();
  c.exec("INSERT INTO ticket_tags (tag, ticket_id) VALUES ('hardware', '202605-001')");
  c.exec("INSERT INTO agent_load (agent, open_tickets) VALUES ('ann', 1)");
  SQLite::Statement es(c.db(),
                       "INSERT INTO events (ticket_id, sequence, kind, actor, at, payload) VALUES "
                       "('202605-001', 1, 'public_comment', 'agent1', ?, ?)");
  es.bind(1, std::int64_t{to_unix(at(60))});
  es.bind(2, std::string(R"({"text":"已更换墨盒"})"));
  es.exec();
  c.exec("INSERT INTO counters (name, value) VALUES ('ticket:202605', 1)");
  if (version >= 2) {
    detail::SearchTokens comments;
    detail::add_search_text(comments, "已更换墨盒");
    detail::sqlite::insert_search_row(
        c, c.db().execAndGet("SELECT row FROM tickets WHERE id = '202605-001'").getInt64(),
        detail::ticket_tokens(t), comments);
  }
}

}  // namespace

TEST_CASE("the schema has more than one migration step") {
  CHECK(detail::sqlite::latest_schema_version() >= 4);
}

TEST_CASE("a file at every earlier schema version migrates to the latest with its data") {
  for (int k = 0; k < detail::sqlite::latest_schema_version(); ++k) {
    DYNAMIC_SECTION("from version " << k) {
      TempDb db;
      {
        detail::sqlite::Connection c(db.path(), SqliteOptions{});
        detail::sqlite::migrate(c, k);
        CHECK(detail::sqlite::schema_version(c) == k);
        if (k >= 1) write_old_rows(c, k);
      }
      auto store = SqliteStore::open(db.path());
      {
        detail::sqlite::Connection c(db.path(), SqliteOptions{});
        CHECK(detail::sqlite::schema_version(c) == SqliteStore::schema_version());
      }
      auto tx = store->write();
      if (k >= 1) {
        CHECK(tx->customer("C20260501001")->name == "王芳");
        CustomerQuery cq;
        cq.phone = "13800000000";
        CHECK(tx->customers(cq).customers.size() == 1);
        auto t = tx->ticket("202605-001");
        REQUIRE(t);
        CHECK(t->subject == "打印机无法连接 WiFi");
        CHECK(tx->schedule("202605-001") == TicketSchedule{at(3600), at(1800)});
        CHECK(tx->events("202605-001").size() == 1);
        // The search index built by step 2 (and copied by step 5) holds the old subject and comment.
        for (const char* text : {"打印", "墨盒", "wifi", "连接 已更换"}) {
          TicketQuery q;
          q.text = text;
          CHECK(tx->tickets(q).tickets.size() == 1);
        }
        CHECK(tx->workload().open_tickets.at("ann") == 1);
        // Step 4's queue index holds the old open ticket.
        TicketQuery queue;
        queue.statuses = open_statuses();
        queue.assignee = "ann";
        queue.order = TicketOrder::due_at;
        CHECK(tx->tickets(queue).tickets.size() == 1);
        CHECK(tx->next_number("ticket:202605") == 2);
      }
      {
        detail::sqlite::Connection c(db.path(), SqliteOptions{});
        CHECK(c.db().execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'tickets_open_queue'")
                  .getInt() == 1);
        CHECK(c.db().execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'ticket_facts_by_created'")
                  .getInt() == 1);
        // Step 5's search index keeps no positions.
        CHECK(c.db().execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'ticket_search'").getString().find(
                  "detail = column") != std::string::npos);
      }
      if (k >= 1) {
        // Step 7's report rows: none for tickets written before it, until their next write.
        const FactsScan all{at(-86400), at(86400), {}};
        std::vector<TicketFacts> rows;
        tx->scan_facts(all, [&](const TicketFacts& f) { rows.push_back(f); });
        CHECK(rows.empty());
        TicketFacts facts;
        facts.id = "202605-001";
        facts.created_at = tx->ticket("202605-001")->created_at;
        facts.assignee = "ann";
        tx->put_facts(facts);
        FactsScan customers_own = all;
        customers_own.scope.customer_id = "C20260501001";
        tx->scan_facts(customers_own, [&](const TicketFacts& f) { rows.push_back(f); });
        CHECK(rows == std::vector<TicketFacts>{facts});
      }
      // Step 3's table works.
      tx->record_purge({at(10), at(5), 0, 0});
      CHECK(tx->purges().size() == 1);
      tx->commit();
    }
  }
}

TEST_CASE("opening a migrated file again changes nothing") {
  TempDb db;
  SqliteStore::open(db.path());
  auto store = SqliteStore::open(db.path());
  detail::sqlite::Connection c(db.path(), SqliteOptions{});
  CHECK(detail::sqlite::schema_version(c) == SqliteStore::schema_version());
}
