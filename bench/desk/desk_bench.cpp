// The whole Desk on SQLite: take-in one ticket per transaction against raw single-row
// commits, and a sweep that finds 100 due tickets among a million.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "commands/desk_fixture.hpp"
#include "desk/unit_of_work.hpp"
#include "figures.hpp"
#include "store/million.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace {

using namespace ticketcore;

const Actor kReceiver{ActorKind::agent, "p-01"};
const Actor kSystem{ActorKind::system, ""};

// Take-in through the whole pipeline (customer, counter, workload, routing, SLA, ticket,
// events, cursors), one ticket per transaction, on a fresh file, synchronous=NORMAL.
void BM_desk_intake(benchmark::State& state) {
  const std::string path = million::temp_path("intake");
  million::remove_db(path);
  {
    std::shared_ptr<Store> store = SqliteStore::open(path, SqliteOptions{});
    auto clock = std::make_shared<ManualClock>(fixture::at("2026-03-04T01:30:00Z"));
    auto desk = Desk::open(store, fixture::standard_desk(), clock);
    const std::vector<Customer> customers = million::register_intake_customers(*desk, kReceiver);
    std::int64_t i = 0;
    for (auto _ : state) {
      const TakeInResult r = desk->take_in(kReceiver, million::request(customers[static_cast<std::size_t>(i) % customers.size()], i));
      benchmark::DoNotOptimize(r);
      ++i;
    }
    state.SetItemsProcessed(i);
  }
  million::remove_db(path);
}
BENCHMARK(BM_desk_intake)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMillisecond);

// The reference: one INSERT of a ticket row (the store's table and indexes, a take-in's
// column values) per transaction, raw sqlite3, WAL, synchronous=NORMAL.
void BM_raw_single_commit(benchmark::State& state) {
  const std::string schema_path = million::temp_path("commit-schema");
  const std::string path = million::temp_path("raw-commit");
  million::remove_db(schema_path);
  million::remove_db(path);
  SqliteStore::open(schema_path).reset();
  const auto ddl = million::tickets_ddl(schema_path);
  million::remove_db(schema_path);

  sqlite3* db = million::open_raw(path);
  for (const auto& sql : ddl) million::check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, "schema");
  sqlite3_stmt *begin = nullptr, *insert = nullptr, *commit = nullptr;
  million::check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr), db, "prepare");
  million::check(sqlite3_prepare_v2(db, million::kInsertTicket, -1, &insert, nullptr), db, "prepare");
  million::check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr), db, "prepare");
  // An open ticket as the desk writes it; only the number changes from row to row.
  million::RawRow row = million::raw_row(million::ticket(0, 1000000));
  std::int64_t i = 0;
  for (auto _ : state) {
    char id[32];
    std::snprintf(id, sizeof id, "202603-%08lld", static_cast<long long>(++i));
    row.id = id;
    million::check(sqlite3_step(begin), db, "begin");
    sqlite3_reset(begin);
    million::bind_raw(insert, row);
    million::check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
    million::check(sqlite3_step(commit), db, "commit");
    sqlite3_reset(commit);
  }
  for (auto* s : {begin, insert, commit}) sqlite3_finalize(s);
  sqlite3_close(db);
  million::remove_db(path);
  state.SetItemsProcessed(i);
}
BENCHMARK(BM_raw_single_commit)->UseRealTime()->MinTime(1.0)->Unit(benchmark::kMillisecond);

// The sweep among a million tickets. Every open ticket of the desk has its next action
// after the sweep's `now`; before each sweep (timing paused) 100 fresh tickets, taken in
// by the pure command the day before with their real events and schedule, are stored, so
// each sweep finds exactly those 100 and hands out what fell due (warnings, breaches,
// escalations: about 8 a ticket).
// The ones swept before are rescheduled after `now` by the sweep itself.
void BM_desk_sweep_100_due(benchmark::State& state) {
  million::Desk& data = million::desk();
  std::shared_ptr<Store> store = SqliteStore::open(data.path, SqliteOptions{});
  const DeskConfig config = fixture::standard_desk();
  auto clock = std::make_shared<ManualClock>(million::sweep_now());
  auto desk = Desk::open(store, config, clock);
  const Instant created = fixture::at("2026-03-19T01:30:00Z");  // Thursday 09:30 in Shanghai; the sweep Friday 14:00
  static std::int64_t serial = 0;                              // pool tickets stay unique over repetitions
  std::size_t actions = 0;
  for (auto _ : state) {
    state.PauseTiming();
    {
      auto tx = store->write();
      for (int k = 0; k < 100; ++k) {
        ++serial;
        const Customer customer = million::customer(static_cast<int>(serial % million::kCustomers));
        const IntakeSnapshot snapshot{customer, 100000 + serial, Workload{}, {}};
        const TakeInResult r = take_in(CommandContext{config, kReceiver, created}, million::request(customer, serial), snapshot);
        tx->insert_ticket(r.ticket, detail::schedule_of(r.ticket, r.events, customer.tier, config, created, std::nullopt));
        tx->append_events(r.events);
      }
      tx->commit();
    }
    state.ResumeTiming();
    const Sweep sweep = desk->due(kSystem);
    if (sweep.tickets_read != 100) {
      state.SkipWithError(("the sweep read " + std::to_string(sweep.tickets_read) + " tickets, not 100").c_str());
      break;
    }
    actions += sweep.actions.size();
  }
  state.counters["actions_per_sweep"] = static_cast<double>(actions) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_desk_sweep_100_due)->UseRealTime()->Iterations(20)->Unit(benchmark::kMillisecond);

const bool figures = ticketcore::bench::add_figures({
    {"desk.intake_per_s", "BM_desk_intake", "", "tickets/s"},
    {"desk.intake_vs_raw_commit", "BM_desk_intake", "BM_raw_single_commit", "x"},
    {"desk.sweep_100_due_ms", "BM_desk_sweep_100_due", "", "ms"},
});

}  // namespace
