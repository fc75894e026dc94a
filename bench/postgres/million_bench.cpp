// The whole desk on PostgreSQL at a million tickets (pg_million.hpp): an agent's queue,
// the sweep of 100 due tickets, a month's report by team and a two-character Chinese search.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "commands/desk_fixture.hpp"
#include "desk/unit_of_work.hpp"
#include "figures.hpp"
#include "postgres/pg_million.hpp"
#include "ticketcore/desk.hpp"

namespace {

using namespace ticketcore;

const Actor kManager{ActorKind::admin, "m-01"};  // sees every ticket and may read the metrics
const Actor kReceiver{ActorKind::agent, "p-01"};
const Actor kSystem{ActorKind::system, ""};

// The million desk, or none with the reason as the benchmark's error.
pg_million::Desk* data_or_skip(benchmark::State& state) {
  if (const auto why = pg_bench::missing_server(); !why.empty()) {
    state.SkipWithError(why.c_str());
    return nullptr;
  }
  try {
    return &pg_million::desk();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return nullptr;
  }
}

// Runs a benchmark's body: a failure of the server or the store fails that benchmark
// with its message, and the program goes on to the next.
template <class Body>
void guarded(benchmark::State& state, Body body) {
  try {
    body();
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
  }
}

// The program's Desk over the million store, its clock at the sweep's `now`, as a server keeps one.
Desk& million_desk(pg_million::Desk& data) {
  static const auto clock = std::make_shared<ManualClock>(million::sweep_now());
  static const std::unique_ptr<Desk> desk = Desk::open(data.store, fixture::standard_desk(), clock);
  return *desk;
}

// The load, as recorded when the schema was loaded (this run or an earlier one): customers,
// tickets and their report rows through the Store, by pg_million::kLoaders processes.
void BM_pg_million_load(benchmark::State& state) {
  pg_million::Desk* data = data_or_skip(state);
  if (!data) return;
  for (auto _ : state) state.SetIterationTime(data->load_seconds);
  state.SetItemsProcessed(data->tickets);
  state.counters["vacuum_s"] = data->vacuum_seconds;
  state.counters["loaded_now"] = data->loaded_now ? 1 : 0;
}
BENCHMARK(BM_pg_million_load)->Iterations(1)->Repetitions(1)->UseManualTime()->Unit(benchmark::kMillisecond);

// Reads one page per iteration; the page must be full on a large enough desk.
template <class Read>
void time_page(benchmark::State& state, std::int64_t full_from, const char* not_full, Read read) {
  pg_million::Desk* data = data_or_skip(state);
  if (!data) return;
  guarded(state, [&] {
    const Desk& desk = million_desk(*data);
    std::size_t found = 0;
    for (auto _ : state) {
      TicketPage page = read(desk);
      found = page.tickets.size();
      benchmark::DoNotOptimize(page);
    }
    state.counters["tickets"] = static_cast<double>(found);
    if (data->tickets >= full_from && found != 50) state.SkipWithError(not_full);
  });
}

// An agent's queue: their open tickets, the earliest due first, one page of 50.
void BM_pg_queue(benchmark::State& state) {
  time_page(state, 100000, "the queue is not one full page",
            [](const Desk& desk) { return desk.agent_queue(kManager, million::agent_id(7), 50); });
}
BENCHMARK(BM_pg_queue)->Unit(benchmark::kMillisecond);

// A two-character Chinese term, found in a few hundred of the million tickets.
void BM_pg_search_2char(benchmark::State& state) {
  time_page(state, 200000, "the search did not fill a page", [](const Desk& desk) {
    TicketQuery query;
    query.text = million::kRareTerm;
    query.limit = 50;
    return desk.find_tickets(kManager, query);
  });
}
BENCHMARK(BM_pg_search_2char)->Unit(benchmark::kMillisecond);

// For comparison, no figure: a two-character term of the word list, in about one ticket in
// ten, where the first page is found long before the matches are all read.
void BM_pg_search_2char_common(benchmark::State& state) {
  time_page(state, 1000, "the search did not fill a page", [](const Desk& desk) {
    TicketQuery query;
    query.text = "登录";
    query.limit = 50;
    return desk.find_tickets(kManager, query);
  });
}
BENCHMARK(BM_pg_search_2char_common)->Unit(benchmark::kMillisecond);

// Cancels swept tickets as the Desk stores a change (the pure command, then the ticket,
// events, schedule and facts), so the desk's open tickets stay the loaded ones.
void retire(Store& store, const DeskConfig& config, const std::vector<std::string>& ids, Instant now) {
  auto tx = store.write();
  for (const auto& id : ids) {
    const Ticket ticket = detail::load_ticket(*tx, TicketRef{id, 0});
    const std::vector<Event> history = tx->events(id);
    const Change change = cancel(CommandContext{config, kManager, now}, TicketState{ticket, history}, "swept");
    detail::store_change(*tx, config, change, history, now);
  }
  tx->commit();
}

// The sweep among a million tickets, as bench/desk/desk_bench.cpp does on SQLite: every
// open ticket of the desk has its next action after the sweep's `now`; before each sweep
// (timing paused) 100 fresh tickets, taken in by the pure command the day before with
// their real events and schedule, are stored, so each sweep finds exactly those 100 and
// hands out what fell due (about 8 actions a ticket). After it (paused) they are cancelled.
// Their serials come from a counter of the store, so runs never reuse a ticket number.
void BM_pg_sweep_100_due(benchmark::State& state) {
  pg_million::Desk* data = data_or_skip(state);
  if (!data) return;
  guarded(state, [&] {
    Desk& desk = million_desk(*data);
    Store& store = *data->store;
    const DeskConfig config = desk.config();
    const Instant created = fixture::at("2026-03-19T01:30:00Z");  // Thursday 09:30 in Shanghai; the sweep Friday 14:00
    // What an interrupted run left due goes first, so each timed sweep finds its own 100.
    desk.due(kSystem);
    std::size_t actions = 0;
    for (auto _ : state) {
      state.PauseTiming();
      std::vector<std::string> pool;
      {
        auto tx = store.write();
        for (int k = 0; k < 100; ++k) {
          const std::int64_t serial = tx->next_number(pg_million::kSweepPool);
          const Customer customer = million::customer(static_cast<int>(serial % million::kCustomers));
          const IntakeSnapshot snapshot{customer, 100000 + serial, Workload{}, {}};
          const TakeInResult r = take_in(CommandContext{config, kReceiver, created}, million::request(customer, serial), snapshot);
          tx->insert_ticket(r.ticket, detail::schedule_of(r.ticket, r.events, customer.tier, config, created, std::nullopt));
          tx->append_events(r.events);
          pool.push_back(r.ticket.id);
        }
        tx->commit();
      }
      state.ResumeTiming();
      const Sweep sweep = desk.due(kSystem);
      state.PauseTiming();
      if (sweep.tickets_read != 100) {
        state.SkipWithError(("the sweep read " + std::to_string(sweep.tickets_read) + " tickets, not 100").c_str());
        break;
      }
      actions += sweep.actions.size();
      retire(store, config, pool, sweep.at);
      state.ResumeTiming();
    }
    state.counters["actions_per_sweep"] = static_cast<double>(actions) / static_cast<double>(state.iterations());
  });
}
BENCHMARK(BM_pg_sweep_100_due)->UseRealTime()->Iterations(20)->Unit(benchmark::kMillisecond);

void BM_pg_month_report(benchmark::State& state) {
  pg_million::Desk* data = data_or_skip(state);
  if (!data) return;
  guarded(state, [&] {
    const Desk& desk = million_desk(*data);
    const ReportQuery query = million::march_by_team();
    std::int64_t rows = 0;
    for (auto _ : state) {
      const Report report = desk.report(kManager, query);
      if (report.groups.size() != static_cast<std::size_t>(million::kTeams) && data->tickets >= 100000) {
        state.SkipWithError(("the report has " + std::to_string(report.groups.size()) + " teams").c_str());
        break;
      }
      rows = report.desk.tickets_in;
      benchmark::DoNotOptimize(report);
    }
    state.counters["rows"] = static_cast<double>(rows);
  });
}
// One report per run, the median of three runs, as on SQLite.
BENCHMARK(BM_pg_month_report)->UseRealTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

const bool figures = ticketcore::bench::add_figures({
    {"pg.load_per_s", "BM_pg_million_load", "", "tickets/s"},
    {"pg.queue_ms", "BM_pg_queue", "", "ms"},
    {"pg.sweep_100_ms", "BM_pg_sweep_100_due", "", "ms"},
    {"pg.month_report_ms", "BM_pg_month_report", "", "ms"},
    {"pg.search_2char_ms", "BM_pg_search_2char", "", "ms"},
});

}  // namespace
