// The ticket table's writes and the indexes they keep (memory_tables.hpp).
#include "store/memory_tables.hpp"

namespace ticketcore::detail {
namespace {

// Adds (+1) or removes (-1) a row's entries in the indexes.
void index_row(Tables& tables, const TicketRow& row, int sign) {
  const auto& t = row.ticket;
  if (sign > 0)
    tables.customer_tickets.edit().emplace(t.customer_id, t.created_at, t.id);
  else
    tables.customer_tickets.edit().erase(std::make_tuple(t.customer_id, t.created_at, t.id));
  if (row.schedule.next_action_at) {
    auto entry = std::make_pair(*row.schedule.next_action_at, t.id);
    if (sign > 0)
      tables.due.edit().insert(std::move(entry));
    else
      tables.due.edit().erase(entry);
  }
  // The load an assignee carries is derived from the rows, never written by callers.
  if (is_open(t.status) && !t.assignee.empty()) {
    auto& open = tables.open_tickets.edit();
    auto& count = open[t.assignee];
    count += sign;
    if (count == 0) open.erase(t.assignee);
  }
}

}  // namespace

void put_ticket(Tables& tables, std::shared_ptr<const TicketRow> row) {
  auto& rows = tables.tickets.edit();
  auto at = rows.find(row->ticket.id);
  if (at != rows.end()) {
    index_row(tables, *at->second, -1);
    at->second = row;
  } else {
    rows.emplace(row->ticket.id, row);
  }
  index_row(tables, *row, +1);
}

void put_facts_row(Tables& tables, std::shared_ptr<const FactsRow> row) {
  auto& rows = tables.facts.edit();
  auto& index = tables.facts_by_created.edit();
  auto at = rows.find(row->facts.id);
  if (at != rows.end()) {
    index.erase(std::make_pair(at->second->facts.created_at, at->second->facts.id));
    at->second = row;
  } else {
    rows.emplace(row->facts.id, row);
  }
  index.emplace(row->facts.created_at, row->facts.id);
}

std::int64_t erase_ticket(Tables& tables, std::string_view id) {
  auto& rows = tables.tickets.edit();
  auto at = rows.find(id);
  if (at == rows.end()) return 0;
  const auto row = at->second;
  index_row(tables, *row, -1);
  rows.erase(at);
  auto& ticket_keys = tables.ticket_keys.edit();
  auto first = ticket_keys.lower_bound(std::make_pair(std::string(id), std::string()));
  auto last = first;
  while (last != ticket_keys.end() && last->first == id) {
    tables.keys.edit().erase(last->second);
    ++last;
  }
  ticket_keys.erase(first, last);
  if (auto facts = tables.facts.get().find(id); facts != tables.facts.get().end()) {
    tables.facts_by_created.edit().erase(std::make_pair(facts->second->facts.created_at, facts->second->facts.id));
    tables.facts.edit().erase(std::string(id));
  }
  return static_cast<std::int64_t>(row->events.size());
}

}  // namespace ticketcore::detail
