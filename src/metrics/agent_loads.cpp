#include "agent_loads.hpp"

#include <algorithm>

namespace ticketcore::detail {

void AgentLoads::add(const TicketFacts& f, Instant as_of, std::int64_t due_soon_seconds) {
  if (!f.open || f.assignee.empty()) return;
  auto it = by_agent_.find(f.assignee);
  if (it == by_agent_.end()) it = by_agent_.emplace(f.assignee, AgentLoad{f.assignee, 0, 0, 0}).first;
  AgentLoad& load = it->second;
  ++load.open;
  if (!f.next_due_at) return;
  if (*f.next_due_at < as_of)
    ++load.overdue;
  else if (*f.next_due_at < as_of + Seconds{due_soon_seconds})
    ++load.due_soon;
}

std::vector<AgentLoad> AgentLoads::finish() {
  std::vector<AgentLoad> out;
  out.reserve(by_agent_.size());
  for (auto& [agent, load] : by_agent_) out.push_back(std::move(load));
  by_agent_.clear();
  // by_agent_ is in id order, so a stable sort by load keeps ties in id order.
  std::stable_sort(out.begin(), out.end(),
                   [](const AgentLoad& a, const AgentLoad& b) { return a.open > b.open; });
  return out;
}

}  // namespace ticketcore::detail
