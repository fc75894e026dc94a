#include "history_counts.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "ticketcore/model/event_payloads.hpp"

namespace ticketcore::detail {

HistoryCounts count_history(std::span<const Event> events, const Workflow& workflow, Instant now) {
  std::vector<const Event*> ordered;
  ordered.reserve(events.size());
  for (const Event& e : events)
    if (e.at <= now) ordered.push_back(&e);
  std::sort(ordered.begin(), ordered.end(), [](const Event* a, const Event* b) {
    return a->at != b->at ? a->at < b->at : a->sequence < b->sequence;
  });

  HistoryCounts counts;
  Status status = Status::new_ticket;
  std::string last_person;  // the last agent the ticket was handed to, kept through queue spells
  for (const Event* e : ordered) {
    switch (e->kind) {
      case EventKind::status_changed: {
        const Status to = events::read_key(*e, &events::StatusChanged::to);
        if (workflow.is_reopen(status, to)) ++counts.reopens;
        status = to;
        break;
      }
      case EventKind::assigned: {
        std::string to = events::read_key(*e, &events::Assigned::to);
        if (to.empty()) break;
        if (!last_person.empty() && to != last_person) ++counts.reassignments;
        last_person = std::move(to);
        break;
      }
      case EventKind::escalated: ++counts.escalations; break;
      default: break;
    }
  }
  return counts;
}

}  // namespace ticketcore::detail
