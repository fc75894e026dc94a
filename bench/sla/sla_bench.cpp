// How fast the SLA engine answers for many tickets: status() replays each ticket's
// history; due() sweeps a whole desk for the actions of the last minute.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "figures.hpp"
#include "sla/sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/sla/due.hpp"

namespace {

using namespace ticketcore;
using namespace ticketcore::sla_testing;

const SlaConfig& config() {
  static const SlaConfig c = detail::sla_preset("standard");
  return c;
}

// 10,000 tickets over the spring of 2026 with typical histories: assignment, work,
// a wait for the customer, replies, resolution; a third still open at "now".
const std::vector<History>& desk() {
  static const std::vector<History> tickets = [] {
    std::vector<History> out;
    std::mt19937 rng(20260301);
    std::uniform_int_distribution<int> minutes(0, 60 * 24 * 60);  // within 60 days
    std::uniform_int_distribution<int> gap(5, 600);
    const char* priorities[] = {"P1", "P2", "P3", "P4"};
    const Instant base = sh("2026-03-02T00:00");
    for (int i = 0; i < 10000; ++i) {
      const Instant created = base + std::chrono::minutes(minutes(rng));
      History h("2026-" + std::to_string(i), created, priorities[i % 4],
                i % 3 ? RequestType::technical_support : RequestType::consultation);
      Instant t = created;
      auto next = [&] { return t += std::chrono::minutes(gap(rng)); };
      h.assign(next());
      h.status(t, "new", "assigned");
      h.status(next(), "assigned", "in_progress");
      h.reply(next());
      if (i % 3 != 0) {
        h.status(next(), "in_progress", "pending_customer");
        h.customer_reply(next());
        h.status(t, "pending_customer", "in_progress");
        h.update(next());
        h.status(next(), "in_progress", "resolved");
      }
      out.push_back(std::move(h));
    }
    return out;
  }();
  return tickets;
}

const Instant kNow = sh("2026-05-06T10:00");

void BM_sla_status(benchmark::State& state) {
  const auto& tickets = desk();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sla_status(tickets[i].subject(), config(), kNow));
    if (++i == tickets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_sla_status);

void BM_due_sweep(benchmark::State& state) {
  std::vector<SlaSubject> subjects;
  for (const auto& h : desk()) subjects.push_back(h.subject());
  for (auto _ : state) benchmark::DoNotOptimize(due(subjects, config(), kNow - Seconds{60}, kNow));
  state.SetItemsProcessed(state.iterations() * std::int64_t(subjects.size()));
}
BENCHMARK(BM_due_sweep)->Unit(benchmark::kMillisecond);

const bool registered = bench::add_figures({
    {"sla.status_per_s", "BM_sla_status", "", "tickets/s"},
    {"sla.due_tickets_per_s", "BM_due_sweep", "", "tickets/s"},
});

}  // namespace
