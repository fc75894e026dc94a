// A month's service report grouped by team on the million-ticket SQLite desk: the store
// streams the month's facts rows (~1/12 of the desk) into one ReportBuilder, as
// Desk::report does (issue 9: under 1 s).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "figures.hpp"
#include "store/million.hpp"
#include "ticketcore/metrics/facts_json.hpp"
#include "ticketcore/metrics/report.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace {

using namespace ticketcore;

void BM_month_report_by_team(benchmark::State& state) {
  million::Desk& data = million::desk();
  std::shared_ptr<Store> store = SqliteStore::open(data.path, SqliteOptions{});
  const ReportQuery query = million::march_by_team();
  std::int64_t rows = 0;
  for (auto _ : state) {
    ReportBuilder builder(query);
    auto tx = store->read();
    tx->scan_facts(FactsScan{query.from, query.to, {}}, [&](const TicketFacts& f) { builder.add(f); });
    const Report report = builder.finish();
    if (report.groups.size() != static_cast<std::size_t>(million::kTeams) && data.tickets >= 100000) {
      state.SkipWithError((std::string("the report has ") + std::to_string(report.groups.size()) + " teams").c_str());
      break;
    }
    rows = report.desk.tickets_in;
    benchmark::DoNotOptimize(report);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
// One report per run, the median of three runs (the first reads a cold page cache).
BENCHMARK(BM_month_report_by_team)->UseRealTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

// The reference that chose plain columns for ticket_facts: what decoding the same month's
// rows from JSON text (facts_json.hpp, the other way to store them) would cost on its own,
// before SQLite reads a byte.
void BM_month_facts_from_json(benchmark::State& state) {
  const std::int64_t n = million::ticket_count();
  const ReportQuery query = million::march_by_team();
  std::vector<std::string> texts;
  for (std::int64_t i = 0; i < n; ++i) {
    const million::Row r = million::ticket(i, n);
    if (r.ticket.created_at < query.from) continue;
    if (r.ticket.created_at >= query.to) break;
    texts.push_back(to_json_text(million::facts(r)));
  }
  for (auto _ : state) {
    ReportBuilder builder(query);
    for (const auto& text : texts) builder.add(from_json_text<TicketFacts>(text));
    benchmark::DoNotOptimize(builder.finish());
  }
  state.counters["rows"] = static_cast<double>(texts.size());
}
BENCHMARK(BM_month_facts_from_json)->UseRealTime()->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

const bool figures = ticketcore::bench::add_figures({
    {"metrics.month_report_ms", "BM_month_report_by_team", "", "ms"},
    {"metrics.month_facts_from_json_ms", "BM_month_facts_from_json", "", "ms"},
});

}  // namespace
