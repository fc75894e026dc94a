#pragma once
// A running total over days: a weight per weekday, with dated exceptions. It answers
// "how much before day D" and "on which day does the total reach T" in O(log exceptions),
// jumping whole weeks by arithmetic. The calendar keeps two: open seconds and working days.

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace ticketcore {

/// Floor division for possibly negative day numbers.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Monday = 0 .. Sunday = 6 of a day number (days since 1970-01-01, a Thursday).
constexpr int weekday_index(std::int64_t day) {
  return static_cast<int>(day + 3 - 7 * floor_div(day + 3, 7));
}

/// Weights per day: the weekly pattern, replaced on the exception days.
class DayLedger {
 public:
  DayLedger() = default;
  /// `weekly` Monday first (their sum must be positive); exceptions sorted by day, unique.
  DayLedger(const std::array<std::int64_t, 7>& weekly, const std::vector<std::int64_t>& days,
            const std::vector<std::int64_t>& weights)
      : days_(days) {
    for (int w = 0; w < 7; ++w) prefix_[w + 1] = prefix_[w] + weekly[w];
    delta_before_.assign(days.size() + 1, 0);
    for (std::size_t i = 0; i < days.size(); ++i)
      delta_before_[i + 1] = delta_before_[i] + weights[i] - weekly[weekday_index(days[i])];
  }

  /// Index of the first exception on or after `day`.
  std::size_t exception_index(std::int64_t day) const {
    return static_cast<std::size_t>(std::lower_bound(days_.begin(), days_.end(), day) - days_.begin());
  }
  /// Whether the exception at index i (from exception_index) is on `day`.
  bool is_exception(std::size_t i, std::int64_t day) const { return i < days_.size() && days_[i] == day; }

  /// Total weight of the days before `day` (relative to a fixed origin).
  std::int64_t before(std::int64_t day) const {
    return pattern_before(day) + delta_before_[exception_index(day)];
  }
  /// Same, given exception_index(day).
  std::int64_t before(std::int64_t day, std::size_t index) const {
    return pattern_before(day) + delta_before_[index];
  }

  /// The first day D whose end brings the total to at least `target`: before(D + 1) >= target.
  std::int64_t day_reaching(std::int64_t target) const {
    // The first exception by whose end the target is reached; before it the pattern rules.
    std::size_t lo = 0, hi = days_.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (pattern_before(days_[mid] + 1) + delta_before_[mid + 1] >= target)
        hi = mid;
      else
        lo = mid + 1;
    }
    const std::int64_t shift = delta_before_[lo];
    if (lo < days_.size() && pattern_before(days_[lo]) + shift < target) return days_[lo];
    return pattern_day_reaching(target - shift);
  }

 private:
  std::int64_t pattern_before(std::int64_t day) const {
    const std::int64_t m = day + 3;  // days since Monday 1969-12-29
    const std::int64_t week = floor_div(m, 7);
    return week * prefix_[7] + prefix_[m - 7 * week];
  }
  // The first day D with pattern_before(D + 1) >= target.
  std::int64_t pattern_day_reaching(std::int64_t target) const {
    const std::int64_t week = floor_div(target - 1, prefix_[7]);
    const std::int64_t rest = target - week * prefix_[7];  // 1 .. weekly total
    int w = 1;
    while (prefix_[w] < rest) ++w;
    return 7 * week + w - 4;
  }

  std::array<std::int64_t, 8> prefix_{};    // weight of Monday .. weekday w-1
  std::vector<std::int64_t> days_;          // exception days, ascending
  std::vector<std::int64_t> delta_before_;  // sum of (weight - pattern weight) of exceptions before index i
};

}  // namespace ticketcore
