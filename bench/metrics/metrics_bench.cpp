// How fast a month's report comes out of a streamed facts table: 1,000,000 rows, about
// 100,000 of them created in the month, the rest before or after it (a store scan that
// does not filter by period hands them over too, and the builder skips them), grouped
// by team. The bound is under 1 s per report for 1,000,000 tickets.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "figures.hpp"
#include "ticketcore/metrics/report.hpp"

namespace {

using namespace ticketcore;

constexpr std::size_t kRows = 1'000'000, kInMonth = 100'000, kOutsidePool = 20'000;
const Instant kFrom = *parse_instant("2026-03-01T00:00:00Z");
const Instant kTo = *parse_instant("2026-04-01T00:00:00Z");
const Instant kAsOf = *parse_instant("2026-04-01T09:00:00Z");

// "team-3": appended, since GCC 12's -Wrestrict misfires on "literal" + std::string in Release.
std::string numbered(const char* prefix, std::int64_t n) {
  std::string out(prefix);
  out += std::to_string(n);
  return out;
}

// A ticket of a desk of 8 teams, 60 agents, 12 subtypes: a mix of resolved, open and
// withdrawn ones with first responses, resolutions, SLA outcomes and some ratings.
TicketFacts synthetic(std::mt19937_64& rng, Instant created) {
  auto n = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  TicketFacts f;
  f.id = numbered("202603-", n(1, 999999));
  f.created_at = created;
  const std::int64_t agent = n(0, 59);
  f.team = numbered("team-", agent % 8);
  f.assignee = numbered("agent-", agent);
  f.subtype = numbered("subtype-", n(0, 11));
  f.priority = numbered("P", n(1, 4));
  f.request_type = RequestType(n(0, 3));
  f.complaint = f.request_type == RequestType::complaint;
  f.channel = Channel(n(0, 6));
  f.tier = CustomerTier(n(0, 2));
  const std::int64_t state = n(0, 9);
  f.resolved = state < 7;
  f.open = state >= 8;
  f.status = f.resolved ? Status::resolved : f.open ? Status::in_progress : Status::cancelled;
  f.reopens = n(0, 9) == 0;
  f.first_contact_resolution = f.resolved && f.reopens == 0 && n(0, 3) > 0;
  f.first_response_seconds = n(60, 3 * 86400);
  f.first_response_business_seconds = *f.first_response_seconds / 3;
  if (f.resolved) {
    f.resolution_seconds = n(600, 10 * 86400);
    f.resolution_business_seconds = *f.resolution_seconds / 3;
  }
  for (TargetOutcome& t : f.sla) {
    const std::int64_t k = n(0, 9);
    t.outcome = k == 0  ? SlaOutcome::not_applicable
                : k < 3 ? SlaOutcome::breached
                : k < 9 ? SlaOutcome::met
                        : SlaOutcome::pending;
    if (t.outcome == SlaOutcome::pending) t.due_at = kAsOf + Seconds{n(-86400, 86400)};
  }
  if (n(0, 2) == 0) {
    f.rated = true;
    f.efficiency = std::uint8_t(n(1, 5));
    f.attitude = std::uint8_t(n(1, 5));
    f.effectiveness = std::uint8_t(n(1, 5));
  }
  if (f.open) f.next_due_at = kAsOf + Seconds{n(-43200, 43200)};
  return f;
}

// The month's rows, and a pool of rows from the months around it that the scan cycles through.
struct Table {
  std::vector<TicketFacts> in_month, outside;
};

const Table& table() {
  static const Table t = [] {
    Table out;
    std::mt19937_64 rng(20260301);
    const std::int64_t month = (kTo - kFrom).count();
    for (std::size_t i = 0; i < kInMonth; ++i)
      out.in_month.push_back(
          synthetic(rng, kFrom + Seconds{std::int64_t(i) * month / std::int64_t(kInMonth)}));
    for (std::size_t i = 0; i < kOutsidePool; ++i) {
      const std::int64_t away = std::uniform_int_distribution<std::int64_t>(1, 300 * 86400)(rng);
      out.outside.push_back(synthetic(rng, i % 2 ? kTo + Seconds{away} : kFrom - Seconds{away}));
    }
    return out;
  }();
  return t;
}

ReportQuery month_by_team() {
  ReportQuery q;
  q.from = kFrom;
  q.to = kTo;
  q.as_of = kAsOf;
  q.group_by = {GroupDimension::team};
  return q;
}

void BM_month_report_by_team(benchmark::State& state) {
  const Table& t = table();
  for (auto _ : state) {
    ReportBuilder builder(month_by_team());
    // Every tenth row of the scan is one of the month's.
    for (std::size_t i = 0, month = 0, other = 0; i < kRows; ++i) {
      if (i % (kRows / kInMonth) == 0)
        builder.add(t.in_month[month++]);
      else
        builder.add(t.outside[other++ % kOutsidePool]);
    }
    Report r = builder.finish();
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_month_report_by_team)->Unit(benchmark::kMillisecond);

const bool registered = ticketcore::bench::add_figures({
    {"metrics.report_per_s", "BM_month_report_by_team", "", "reports/s"},
    {"metrics.report_ms", "BM_month_report_by_team", "", "ms"},
});

}  // namespace
