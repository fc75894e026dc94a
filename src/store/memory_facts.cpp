// MemoryStore's facts scan: the period's rows from the (created_at, id) index, filtered by
// the asking actor's scope the way ticket queries are (docs/storage.md, "Report rows").
#include <algorithm>

#include "store/memory_tables.hpp"

namespace ticketcore::detail {
namespace {

bool in_scope(const QueryScope& scope, const FactsRow& row) {
  if (scope.assignee && row.facts.assignee != *scope.assignee) return false;
  if (scope.teams && std::find(scope.teams->begin(), scope.teams->end(), row.facts.team) == scope.teams->end())
    return false;
  return scope.customer_id.empty() || row.customer_id == scope.customer_id;
}

}  // namespace

void scan_facts_rows(const Tables& tables, const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) {
  const auto& index = tables.facts_by_created.get();
  const auto& rows = tables.facts.get();
  for (auto it = index.lower_bound(std::make_pair(scan.from, std::string())); it != index.end() && it->first < scan.to;
       ++it) {
    const FactsRow& row = *rows.find(it->second)->second;
    if (in_scope(scan.scope, row)) each(row.facts);
  }
}

}  // namespace ticketcore::detail
