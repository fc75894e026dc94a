#pragma once
// Headline figures: each bench program declares which benchmark results become
// "figure:" lines; the shared main runs the benchmarks and prints them from the
// medians over --benchmark_repetitions, so a ratio compares runs of one process.

#include <string>
#include <vector>

namespace ticketcore::bench {

/// One headline figure: a rate (items/s of one benchmark), the ratio of two rates, or
/// with unit "ms" the real time one iteration of a benchmark takes, in milliseconds.
struct Figure {
  std::string name;              ///< "sla.add_per_s"
  std::string benchmark;         ///< the benchmark whose items_per_second (or time) is reported
  std::string reference;         ///< for a ratio: the benchmark divided by; empty for a rate
  std::string unit = "calls/s";  ///< printed after the value ("x" for ratios, "ms" for a time)
};

/// Registers figures; call from a static initializer in each bench source.
bool add_figures(std::vector<Figure> figures);

}  // namespace ticketcore::bench
