#include "percentiles.hpp"

#include <algorithm>

namespace ticketcore::detail {

DurationSummary summarize(std::vector<std::int64_t>& values) {
  DurationSummary s;
  if (values.empty()) return s;
  std::int64_t sum = 0;
  for (std::int64_t v : values) sum += v;
  s.mean = double(sum) / double(values.size());
  const std::size_t median = nearest_rank_index(values.size(), 50),
                    p90 = nearest_rank_index(values.size(), 90);
  std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(median), values.end());
  s.median = values[median];
  // Everything after the median's place is at least the median: the p90 is among them.
  if (p90 > median)
    std::nth_element(values.begin() + std::ptrdiff_t(median) + 1, values.begin() + std::ptrdiff_t(p90),
                     values.end());
  s.p90 = values[p90];
  return s;
}

}  // namespace ticketcore::detail
