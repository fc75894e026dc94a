// Ticket and customer queries over MemoryStore's tables: filters, order and keyset pages
// (docs/storage.md, "Queries and paging").
#include <algorithm>
#include <set>

#include "store/memory_tables.hpp"
#include "store/page_cursor.hpp"
#include "store/search_match.hpp"

namespace ticketcore::detail {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
           return lower(x) == lower(y);
         });
}

// Whether a ticket is within what the asking actor sees.
bool in_scope(const QueryScope& scope, const Ticket& t) {
  if (scope.assignee && t.assignee != *scope.assignee) return false;
  if (scope.teams && !contains(*scope.teams, t.team)) return false;
  return scope.customer_id.empty() || t.customer_id == scope.customer_id;
}

// Whether a ticket passes every filter of the query but the text.
bool passes(const TicketQuery& q, const Ticket& t) {
  if (!in_scope(q.scope, t)) return false;
  if (!q.statuses.empty() && std::find(q.statuses.begin(), q.statuses.end(), t.status) == q.statuses.end())
    return false;
  if (!q.team.empty() && t.team != q.team) return false;
  if (q.assignee && t.assignee != *q.assignee) return false;
  if (!q.customer_id.empty() && t.customer_id != q.customer_id) return false;
  if (!q.priority.empty() && t.priority != q.priority) return false;
  if (!q.tag.empty() && !contains(t.tags, q.tag)) return false;
  if (q.channel && t.channel != *q.channel) return false;
  if (q.created_from && t.created_at < *q.created_from) return false;
  if (q.created_before && t.created_at >= *q.created_before) return false;
  if (q.updated_from && t.updated_at < *q.updated_from) return false;
  if (q.updated_before && t.updated_at >= *q.updated_before) return false;
  return true;
}

struct Candidate {
  TicketCursor position;
  const TicketRow* row;
};

}  // namespace

TicketPage query_tickets(const Tables& tables, const TicketQuery& query) {
  check_page_limit(query.limit);
  std::optional<TicketCursor> after;
  if (!query.after.empty()) after = decode_ticket_cursor(query.after, query.order, query.descending);
  const auto terms = search_terms(query.text);
  const bool desc = query.descending;

  // One row more than the page tells whether another page follows.
  const std::size_t wanted = query.limit + 1;
  std::vector<Candidate> found;
  auto consider = [&](const TicketRow& row) {
    Candidate c{{ticket_sort_key(query.order, row.ticket, row.schedule), row.ticket.id}, &row};
    if (after && !ticket_before(desc, *after, c.position)) return;
    if (!passes(query, row.ticket) || !matches_all(row.search_text, terms)) return;
    found.push_back(std::move(c));
  };
  const auto& rows = tables.tickets.get();
  if (query.order == TicketOrder::id) {
    // The table is in id order already: walk it from the cursor and stop at a full page.
    if (!desc) {
      for (auto it = after ? rows.upper_bound(after->id) : rows.begin(); it != rows.end() && found.size() < wanted;
           ++it)
        consider(*it->second);
    } else {
      auto end = after ? rows.lower_bound(after->id) : rows.end();
      for (auto it = std::make_reverse_iterator(end); it != rows.rend() && found.size() < wanted; ++it)
        consider(*it->second);
    }
  } else {
    for (const auto& [id, row] : rows) consider(*row);
    const auto before = [&](const Candidate& a, const Candidate& b) { return ticket_before(desc, a.position, b.position); };
    const auto keep = std::min(found.size(), wanted);
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), before);
    found.resize(keep);
  }

  TicketPage page;
  const bool more = found.size() > query.limit;
  if (more) found.resize(query.limit);
  for (const auto& c : found) page.tickets.push_back(c.row->ticket);
  if (more) page.next_cursor = encode_ticket_cursor(query.order, desc, found.back().position);
  return page;
}

CustomerPage query_customers(const Tables& tables, const CustomerQuery& query) {
  check_page_limit(query.limit);
  std::string after;
  if (!query.after.empty()) after = decode_customer_cursor(query.after);
  const auto& rows = tables.customers.get();
  // A scope by tickets: the customers with a ticket in it.
  std::optional<std::set<std::string, std::less<>>> seen;
  if (query.scope.assignee || query.scope.teams) {
    seen.emplace();
    for (const auto& [id, row] : tables.tickets.get())
      if (in_scope(query.scope, row->ticket)) seen->insert(row->ticket.customer_id);
  }
  CustomerPage page;
  bool more = false;
  for (auto it = query.after.empty() ? rows.begin() : rows.upper_bound(after); it != rows.end(); ++it) {
    const Customer& c = *it->second;
    if (seen && !seen->contains(c.id)) continue;
    if (!query.scope.customer_id.empty() && c.id != query.scope.customer_id) continue;
    if (!query.phone.empty() && !contains(c.phones, query.phone)) continue;
    if (!query.email.empty() && std::none_of(c.emails.begin(), c.emails.end(), [&](const std::string& e) {
          return equal_ignoring_case(e, query.email);
        }))
      continue;
    if (!query.name_prefix.empty() && !c.name.starts_with(query.name_prefix)) continue;
    if (!query.tag.empty() && !contains(c.tags, query.tag)) continue;
    if (query.tier && c.tier != *query.tier) continue;
    if (!query.include_merged && !c.merged_into.empty()) continue;
    if (page.customers.size() == query.limit) {
      more = true;
      break;
    }
    page.customers.push_back(c);
  }
  if (more) page.next_cursor = encode_customer_cursor(page.customers.back().id);
  return page;
}

AuditPage query_audit(const Tables& tables, const AuditQuery& query) {
  check_page_limit(query.limit);
  const std::int64_t after = query.after.empty() ? 0 : decode_audit_cursor(query.after);
  const auto& log = tables.audit.get();
  AuditPage page;
  for (auto k = static_cast<std::size_t>(std::min<std::int64_t>(after, static_cast<std::int64_t>(log.size())));
       k < log.size(); ++k) {
    const AuditEntry& e = log[k];
    if (!query.actor_id.empty() && e.actor.id != query.actor_id) continue;
    if (!query.customer_id.empty() && e.customer_id != query.customer_id) continue;
    if (!query.ticket_id.empty() && e.ticket_id != query.ticket_id) continue;
    if (query.action && e.action != *query.action) continue;
    if (query.from && e.at < *query.from) continue;
    if (query.before && e.at >= *query.before) continue;
    if (page.entries.size() == query.limit) {
      page.next_cursor = encode_audit_cursor(page.entries.back().sequence);
      break;
    }
    page.entries.push_back(e);
  }
  return page;
}

}  // namespace ticketcore::detail
