// How fast due times are computed: BusinessCalendar::add and business_seconds_between on
// the standard Shanghai calendar with China's 2026 holidays, next to the naive
// minute-stepping calendar of the tests over the same inputs.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "calendar/calendar_fixtures.hpp"
#include "calendar/naive_calendar.hpp"
#include "figures.hpp"

namespace {

using namespace ticketcore;

struct Input {
  Instant start;
  Seconds business;
  Instant due;
};

// Fixed-seed starts spread over 2026 and durations up to 30 working days of 9 hours.
const std::vector<Input>& inputs() {
  static const std::vector<Input> list = [] {
    const auto calendar = testing::cn_standard();
    std::mt19937_64 rng(2026);
    std::vector<Input> out(4096);
    for (auto& in : out) {
      in.start = testing::at("2026-01-01T00:00:00+08:00") + Seconds{rng() % (365 * 86400)};
      in.business = Seconds{1 + rng() % (30 * 9 * 3600)};
      in.due = calendar.add(in.start, in.business);
    }
    return out;
  }();
  return list;
}

void BM_calendar_add(benchmark::State& state) {
  const auto calendar = testing::cn_standard();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.add(in[i].start, in[i].business));
    i = (i + 1) % in.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_calendar_add);

void BM_calendar_between(benchmark::State& state) {
  const auto calendar = testing::cn_standard();
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.business_seconds_between(in[i].start, in[i].due));
    i = (i + 1) % in.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_calendar_between);

void BM_calendar_add_naive(benchmark::State& state) {
  const testing::NaiveCalendar calendar(testing::cn_standard_json());
  const auto& in = inputs();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.add(in[i].start, in[i].business.count()));
    i = (i + 1) % in.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_calendar_add_naive);

const bool registered = bench::add_figures({
    {"sla.add_per_s", "BM_calendar_add", "", "calls/s"},
    {"sla.between_per_s", "BM_calendar_between", "", "calls/s"},
    {"sla.add_vs_naive", "BM_calendar_add", "BM_calendar_add_naive", "x"},
});

}  // namespace
