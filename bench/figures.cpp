#include "figures.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace ticketcore::bench {

namespace {

std::vector<Figure>& registry() {
  static std::vector<Figure> figures;
  return figures;
}

// Keeps items_per_second and the real time per iteration (ms) per benchmark ("BM_add"
// or "BM_add/30"): the median aggregate when repetitions give one, else every single run.
class Collector : public benchmark::ConsoleReporter {
 public:
  // No colour: the output is read by scripts and grep, and escape codes would
  // run into the first "figure:" line.
  Collector() : ConsoleReporter(OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      std::string name = run.run_name.function_name;
      if (!run.run_name.args.empty()) name += "/" + run.run_name.args;
      auto keep = [&](const std::string& key, double value) {
        if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
          medians[key] = value;
        else if (run.run_type == Run::RT_Iteration)
          singles[key].push_back(value);
      };
      // What the console prints as Time, converted from the run's unit to milliseconds.
      keep(name + " ms", run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e3);
      if (auto it = run.counters.find("items_per_second"); it != run.counters.end()) keep(name, it->second.value);
    }
    ConsoleReporter::ReportRuns(runs);
  }

  double median(const std::string& name) {
    if (auto m = medians.find(name); m != medians.end()) return m->second;
    auto& v = singles[name];
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  }

  std::map<std::string, double> medians;
  std::map<std::string, std::vector<double>> singles;
};

}  // namespace

bool add_figures(std::vector<Figure> figures) {
  for (auto& f : figures) registry().push_back(std::move(f));
  return true;
}

}  // namespace ticketcore::bench

int main(int argc, char** argv) {
  using namespace ticketcore::bench;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Collector collector;
  benchmark::RunSpecifiedBenchmarks(&collector);
  benchmark::Shutdown();
  for (const auto& f : registry()) {
    if (f.unit == "ms") {
      std::printf("figure: %s %.3f ms\n", f.name.c_str(), collector.median(f.benchmark + " ms"));
      continue;
    }
    double value = collector.median(f.benchmark);
    if (!f.reference.empty()) {
      double ref = collector.median(f.reference);
      value = ref > 0 ? value / ref : 0;
      // Two decimals below 10, so that a ratio like 0.45 does not round to 0.5.
      std::printf(value < 10 ? "figure: %s %.2f %s\n" : "figure: %s %.1f %s\n", f.name.c_str(), value, f.unit.c_str());
    } else {
      std::printf("figure: %s %.0f %s\n", f.name.c_str(), value, f.unit.c_str());
    }
  }
  return 0;
}
