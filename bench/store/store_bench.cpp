// The SQLite store at a million tickets: the bulk import against raw SQLite writing the
// same rows, an agent's queue and a two-character Chinese search on the imported file.
#include <benchmark/benchmark.h>

#include "figures.hpp"
#include "store/million.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace {

using namespace ticketcore;

// The import is the program's desk: built once (by whichever benchmark asks first),
// its timed spans reported here as one iteration.
void BM_store_import(benchmark::State& state) {
  const million::Desk& desk = million::desk();
  for (auto _ : state) state.SetIterationTime(desk.import_seconds);
  state.SetItemsProcessed(desk.tickets);
}
BENCHMARK(BM_store_import)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// The reference: the same ticket rows (the store's table, indexes and column values) from
// one prepared statement in one transaction, WAL, synchronous=NORMAL. The rows are made
// in chunks between the timed spans, as for the store.
void BM_raw_sqlite_import(benchmark::State& state) {
  const std::int64_t n = million::ticket_count();
  const std::string schema_path = million::temp_path("schema");
  const std::string path = million::temp_path("raw-import");
  million::remove_db(schema_path);
  million::remove_db(path);
  SqliteStore::open(schema_path).reset();
  const auto ddl = million::tickets_ddl(schema_path);
  million::remove_db(schema_path);

  for (auto _ : state) {
    sqlite3* db = million::open_raw(path);
    for (const auto& sql : ddl) million::check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, "schema");
    double seconds = 0;
    auto timed = [&](auto&& f) {
      const auto start = million::Clock::now();
      f();
      seconds += std::chrono::duration<double>(million::Clock::now() - start).count();
    };
    sqlite3_stmt* insert = nullptr;
    timed([&] {
      million::check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
      million::check(sqlite3_prepare_v2(db, million::kInsertTicket, -1, &insert, nullptr), db, "prepare");
    });
    constexpr std::int64_t kChunk = 10000;
    std::vector<million::RawRow> chunk;
    for (std::int64_t first = 0; first < n; first += kChunk) {
      chunk.clear();
      for (std::int64_t i = first; i < std::min(n, first + kChunk); ++i)
        chunk.push_back(million::raw_row(million::ticket(i, n)));
      timed([&] {
        for (const auto& row : chunk) {
          million::bind_raw(insert, row);
          million::check(sqlite3_step(insert), db, "insert");
          sqlite3_reset(insert);
        }
      });
    }
    timed([&] {
      sqlite3_finalize(insert);
      million::check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    });
    sqlite3_close(db);
    state.SetIterationTime(seconds);
  }
  million::remove_db(path);
  state.SetItemsProcessed(n);
}
BENCHMARK(BM_raw_sqlite_import)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

SqliteStore& million_store() {
  static const auto store = SqliteStore::open(million::desk().path);
  return *store;
}

// Reads one page of `query` per iteration; the page must be full on a large enough desk.
void time_page(benchmark::State& state, const TicketQuery& query, std::int64_t full_from, const char* not_full) {
  SqliteStore& store = million_store();
  std::size_t found = 0;
  for (auto _ : state) {
    TicketPage page = store.read()->tickets(query);
    found = page.tickets.size();
    benchmark::DoNotOptimize(page);
  }
  state.counters["tickets"] = static_cast<double>(found);
  if (million::ticket_count() >= full_from && found != query.limit) state.SkipWithError(not_full);
}

// An agent's queue: their open tickets, the earliest due first, one page decoded.
void BM_store_queue_query(benchmark::State& state) {
  TicketQuery query;
  query.statuses = open_statuses();
  query.assignee = million::agent_id(7);
  query.order = TicketOrder::due_at;
  query.limit = 50;
  time_page(state, query, 100000, "the queue is not one full page");
}
BENCHMARK(BM_store_queue_query)->Unit(benchmark::kMillisecond);

// A two-character Chinese term, found in a few hundred of the million tickets.
void BM_store_search_cjk(benchmark::State& state) {
  TicketQuery query;
  query.text = million::kRareTerm;
  query.limit = 50;
  time_page(state, query, 200000, "the search did not fill a page");
}
BENCHMARK(BM_store_search_cjk)->Unit(benchmark::kMillisecond);

const bool figures = ticketcore::bench::add_figures({
    {"store.import_per_s", "BM_store_import", "", "tickets/s"},
    {"store.import_vs_raw_sqlite", "BM_store_import", "BM_raw_sqlite_import", "x"},
    {"store.queue_query_ms", "BM_store_queue_query", "", "ms"},
    {"store.search_cjk_ms", "BM_store_search_cjk", "", "ms"},
});

}  // namespace
