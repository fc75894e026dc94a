#pragma once
// Each agent's open work at as_of: how many open tickets they hold, how many of those
// fall due within the due-soon window, how many are overdue already. "Due" is the row's
// next_due_at, the earliest due instant of a target still counting (what queues sort by).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail {

/// Counts open, assigned rows per agent.
class AgentLoads {
 public:
  /// Counts one row of the period (unassigned and closed rows are not anyone's load).
  void add(const TicketFacts& f, Instant as_of, std::int64_t due_soon_seconds);
  /// The loads, most open tickets first, then by agent id.
  std::vector<AgentLoad> finish();

 private:
  std::map<std::string, AgentLoad, std::less<>> by_agent_;
};

}  // namespace ticketcore::detail
