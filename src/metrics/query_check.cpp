// What makes a report query usable; the JSON reader and ReportBuilder both check it.
#include <algorithm>
#include <string>

#include "ticketcore/error.hpp"
#include "ticketcore/metrics/report.hpp"

namespace ticketcore {

void check_report_query(const ReportQuery& q) {
  if (q.to <= q.from) throw_invalid("/to", "must be after from (" + format_instant(q.from) + ")");
  for (std::size_t i = 0; i < q.group_by.size(); ++i) {
    const auto first = std::find(q.group_by.begin(), q.group_by.end(), q.group_by[i]);
    if (first == q.group_by.begin() + std::ptrdiff_t(i)) continue;
    // Appended piece by piece: GCC 12's -Wrestrict misfires on "literal" + std::string in Release.
    std::string message(1, '"');
    message.append(to_string(q.group_by[i])).append("\" is listed already at /group_by/");
    message.append(std::to_string(first - q.group_by.begin()));
    throw_invalid("/group_by/" + std::to_string(i), std::move(message));
  }
  if (q.due_soon_seconds < 0 || q.due_soon_seconds > 30 * 24 * 3600)
    throw_invalid("/due_soon_seconds", "must be from 0 to 2592000 (30 days)");
  if (q.bottleneck_min_tickets < 1) throw_invalid("/bottleneck_min_tickets", "must be at least 1");
  if (!(q.bottleneck_factor >= 1 && q.bottleneck_factor <= 100))
    throw_invalid("/bottleneck_factor", "must be from 1 to 100");
}

}  // namespace ticketcore
