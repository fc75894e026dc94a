// Dry run: both versions route the same tickets; the report lists what differs.
#include "ticketcore/routing/dry_run.hpp"

#include <map>

namespace ticketcore {

DryRunReport dry_run(const RuleSet& current, const RuleSet& proposed, std::span<const Ticket> tickets,
                     const std::function<EvaluationContext(const Ticket&)>& context_for) {
  DryRunReport report;
  report.current_version = current.version();
  report.proposed_version = proposed.version();
  Decision before, after;
  for (const Ticket& t : tickets) {
    const EvaluationContext ctx = context_for(t);
    current.route(t, ctx, before);
    proposed.route(t, ctx, after);
    ++report.tickets;
    // Items in describe() order; an item only one side has is a change to or from unset.
    const auto a = describe(before);
    const auto b = describe(after);
    std::map<std::string, std::pair<std::string, std::string>> both;
    std::vector<std::string> order;
    for (const auto& [item, value] : a) {
      both[item].first = value;
      order.push_back(item);
    }
    for (const auto& [item, value] : b) {
      if (!both.contains(item)) order.push_back(item);
      both[item].second = value;
    }
    TicketChanges tc{t.id, {}};
    for (const auto& item : order)
      if (both[item].first != both[item].second)
        tc.changes.push_back({item, both[item].first, both[item].second});
    if (!tc.changes.empty()) report.changed.push_back(std::move(tc));
  }
  return report;
}

std::string DryRunReport::to_text() const {
  std::string out = "dry run " + current_version + " -> " + proposed_version + ": " +
                    std::to_string(changed.size()) + " of " + std::to_string(tickets) + " tickets change\n";
  for (const auto& t : changed) {
    out += "ticket " + t.ticket_id + "\n";
    for (const auto& c : t.changes)
      out += "  " + c.item + ": " + (c.before.empty() ? "(unset)" : c.before) + " -> " +
             (c.after.empty() ? "(unset)" : c.after) + "\n";
  }
  return out;
}

}  // namespace ticketcore
