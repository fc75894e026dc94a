#pragma once
// The figures of one group of tickets, fed one facts row at a time: counters, plus the
// durations the percentiles need (four vectors of int64 seconds, one entry per measured
// ticket), which finish() summarizes.

#include <array>
#include <cstdint>
#include <vector>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail {

/// Accumulates ReportFigures over rows of the period.
class FiguresAccumulator {
 public:
  /// Counts one row of the period, with SLA outcomes and backlog ages at `as_of`.
  void add(const TicketFacts& f, Instant as_of);
  /// The figures of the rows added; consumes the durations kept.
  ReportFigures finish();

 private:
  ReportFigures figures_;  // the counters, filled in place
  std::int64_t ever_resolved_ = 0;
  std::array<std::int64_t, 3> star_sums_{};  // efficiency, attitude, effectiveness
  std::vector<std::int64_t> first_response_calendar_, first_response_business_;
  std::vector<std::int64_t> resolution_calendar_, resolution_business_;
};

}  // namespace ticketcore::detail
