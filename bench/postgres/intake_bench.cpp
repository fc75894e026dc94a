// The whole Desk on PostgreSQL: take-in by 1, 2 and 4 client processes sharing one desk,
// against raw single-row commits over the same socket, fsync on.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "commands/desk_fixture.hpp"
#include "figures.hpp"
#include "postgres/pg_bench.hpp"
#include "store/million.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/postgres_store.hpp"

namespace {

using namespace ticketcore;

const Actor kReceiver{ActorKind::agent, "p-01"};
// How long the clients of one run take tickets in.
constexpr std::chrono::milliseconds kWindow{3000};

// Take-in through the whole pipeline (customer, counter, workload, routing, SLA, ticket,
// events, facts, cursors), one ticket per transaction, by range(0) processes at once, each
// with its own PostgresStore and Desk, as application servers sharing a desk; a fresh
// schema per run. Every client takes in for its own customers, so what they wait for is
// the desk's shared rows (the month's counter, the assignment state), not each other's customer.
void BM_pg_intake(benchmark::State& state) {
  if (const auto why = pg_bench::missing_server(); !why.empty()) {
    state.SkipWithError(why.c_str());
    return;
  }
  const int clients = static_cast<int>(state.range(0));
  const DeskConfig config = fixture::standard_desk();
  const auto clock = std::make_shared<ManualClock>(fixture::at("2026-03-04T01:30:00Z"));
  std::int64_t tickets = 0;
  for (auto _ : state) try {
    const pg_bench::Scratch schema("intake");
    std::vector<Customer> customers;
    {
      // The parent publishes the configuration, so no two clients race to; its store and
      // connections are gone before the clients fork.
      auto desk = Desk::open(PostgresStore::open(schema.location()), config, clock);
      customers = million::register_intake_customers(*desk, kReceiver);
    }
    const auto together = pg_bench::run_clients(clients, kWindow, [&](int k) -> std::function<void()> {
      std::shared_ptr<Desk> desk = Desk::open(PostgresStore::open(schema.location()), config, clock);
      std::int64_t i = k;  // 500 % clients == 0: client k keeps to the customers k, k + clients, ...
      return [desk, &customers, clients, i]() mutable {
        benchmark::DoNotOptimize(desk->take_in(kReceiver, million::request(customers[static_cast<std::size_t>(i) % customers.size()], i)));
        i += clients;
      };
    });
    if (!together.error.empty()) {
      state.SkipWithError(together.error.c_str());
      break;
    }
    state.SetIterationTime(together.seconds);
    tickets += together.steps;
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    break;
  }
  state.SetItemsProcessed(tickets);
}

// The reference: one INSERT of a ticket row (the store's table and indexes, a take-in's
// column values) per commit, autocommit, one prepared statement, raw libpq over the same
// socket, by range(0) processes. With several, the server's group commit shows: what
// concurrent writers could reach when nothing but the WAL flush is shared.
void BM_pg_raw_commit(benchmark::State& state) {
  if (const auto why = pg_bench::missing_server(); !why.empty()) {
    state.SkipWithError(why.c_str());
    return;
  }
  const int clients = static_cast<int>(state.range(0));
  // An open ticket as the desk writes it; only the number changes from row to row.
  const million::RawRow row = million::raw_row(million::ticket(0, 1000000));
  std::int64_t commits = 0;
  for (auto _ : state) try {
    const pg_bench::Scratch schema("raw_commit");
    {
      auto store = PostgresStore::open(schema.location());  // the store's tables and indexes
      auto tx = store->write();
      for (int c = 0; c < million::kCustomers; ++c)
        if (million::customer_id(c) == row.customer_id) tx->insert_customer(million::customer(c));
      tx->commit();
    }
    const auto together = pg_bench::run_clients(clients, kWindow, [&](int k) -> std::function<void()> {
      auto raw = std::make_shared<pg_bench::Raw>(schema.location());
      raw->checked(PQprepare(raw->get(), "insert_ticket",
                             "INSERT INTO tickets (id, customer_id, status, team, assignee, priority, channel, "
                             "created_at, updated_at, closed_at, due_at, next_action_at, version, json) VALUES "
                             "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                             14, nullptr),
                   "prepare");
      auto text = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
      struct Values {
        std::string id, created, updated, closed, due, next, version;
      };
      auto values = std::make_shared<Values>(Values{"", std::to_string(row.created_at), std::to_string(row.updated_at),
                                                    text(row.closed_at), text(row.due_at), text(row.next_action_at),
                                                    std::to_string(row.version)});
      std::int64_t serial = 0;
      return [raw, values, &row, k, serial]() mutable {
        char id[32];
        std::snprintf(id, sizeof id, "202603-%d%08lld", k, static_cast<long long>(++serial));
        values->id = id;
        const char* params[14] = {values->id.c_str(),
                                  row.customer_id.c_str(),
                                  row.status.c_str(),
                                  row.team.c_str(),
                                  row.assignee.c_str(),
                                  row.priority.c_str(),
                                  row.channel.c_str(),
                                  values->created.c_str(),
                                  values->updated.c_str(),
                                  row.closed_at ? values->closed.c_str() : nullptr,
                                  row.due_at ? values->due.c_str() : nullptr,
                                  row.next_action_at ? values->next.c_str() : nullptr,
                                  values->version.c_str(),
                                  row.json.c_str()};
        PQclear(raw->checked(PQexecPrepared(raw->get(), "insert_ticket", 14, params, nullptr, nullptr, 0), "insert"));
      };
    });
    if (!together.error.empty()) {
      state.SkipWithError(together.error.c_str());
      break;
    }
    state.SetIterationTime(together.seconds);
    commits += together.steps;
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    break;
  }
  state.SetItemsProcessed(commits);
}
// The disk's commit time drifts (other work shares it): scripts/bench runs the repetitions
// of these cases interleaved, so the reference and the take-ins are measured alike.
BENCHMARK(BM_pg_raw_commit)->Arg(1)->Arg(4)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_pg_intake)->Arg(1)->Arg(2)->Arg(4)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

const bool figures = ticketcore::bench::add_figures({
    {"pg.intake_per_s_1", "BM_pg_intake/1", "", "tickets/s"},
    {"pg.intake_per_s_2", "BM_pg_intake/2", "", "tickets/s"},
    {"pg.intake_per_s_4", "BM_pg_intake/4", "", "tickets/s"},
    {"pg.raw_commit_per_s", "BM_pg_raw_commit/1", "", "commits/s"},
    {"pg.intake_vs_raw_commit", "BM_pg_intake/1", "BM_pg_raw_commit/1", "x"},
});

}  // namespace
