#pragma once
// Mean, median and 90th percentile of durations. Percentiles are nearest-rank: the p-th
// percentile of n sorted values is the one at rank ceil(p * n / 100), so it is always a
// value that occurred (the median of an even count is the lower middle one). Selection
// (nth_element) finds both ranks in linear time without sorting the whole set.

#include <cstdint>
#include <vector>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail {

/// The 0-based index of the nearest-rank p-th percentile of n values (n > 0, 0 < p <= 100).
constexpr std::size_t nearest_rank_index(std::size_t n, std::size_t p) { return (p * n + 99) / 100 - 1; }

/// The summary of `values`, which it reorders; all absent when empty.
DurationSummary summarize(std::vector<std::int64_t>& values);

}  // namespace ticketcore::detail
