// A PostgresTransaction's queries: ticket, customer and audit pages by keyset paging,
// with the GIN index narrowing ticket searches (transaction.hpp, search_rows.hpp).
//
// As for SQLite, a query's SQL is built from the filters it sets, so each shape is one
// prepared statement whose filters can use their indexes; a page asks for one row more
// than the limit to know whether a next page exists; cursors and their order are
// store/page_cursor.hpp's, shared with every backend, so pages agree.
#include <algorithm>

#include "store/page_cursor.hpp"
#include "store/postgres/search_rows.hpp"
#include "store/postgres/transaction.hpp"
#include "store/records.hpp"
#include "store/search_match.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::postgres {
namespace {

// A statement's text and its parameters, built together so they stay in step.
struct Sql {
  std::string text;
  Params params;

  Sql& operator<<(std::string_view part) {
    text += part;
    return *this;
  }
  // Appends "$n" for the next parameter.
  Sql& placeholder() {
    text += '$';
    text += std::to_string(params.size());
    return *this;
  }
  Sql& param(std::string_view value) {
    params.text(value);
    return placeholder();
  }
  Sql& param(std::int64_t value) {
    params.integer(value);
    return placeholder();
  }
  // Appends " AND <condition>$n": condition ends with its operator ("t.id > ").
  template <class V>
  Sql& and_param(std::string_view condition, const V& value) {
    text += " AND ";
    text += condition;
    return param(value);
  }
  // Appends "$n::text[]" bound to the values.
  Sql& list_param(const std::vector<std::string>& values) {
    params.text_array(values);
    placeholder();
    text += "::text[]";
    return *this;
  }
};

std::int64_t unix(Instant t) { return to_unix(t); }

const char* key_column(TicketOrder order) {
  switch (order) {
    case TicketOrder::created_at: return "t.created_at";
    case TicketOrder::updated_at: return "t.updated_at";
    case TicketOrder::due_at: return "t.due_at";
    case TicketOrder::id: return "NULL::bigint";
  }
  return "NULL::bigint";
}

// Rows strictly after the cursor in the query order (page_cursor.hpp's ticket_before).
void after_cursor(Sql& sql, TicketOrder order, bool descending, const TicketCursor& cursor) {
  const char* beyond = descending ? " < " : " > ";
  if (order == TicketOrder::id) {
    sql << " AND t.id" << beyond;
    sql.param(cursor.id);
    return;
  }
  const std::string key = key_column(order);
  if (!cursor.key) {  // only due_at: the keyless rows come last, by id
    sql << " AND t.due_at IS NULL AND t.id" << beyond;
    sql.param(cursor.id);
    return;
  }
  sql << " AND ((" << key << ", t.id)" << beyond << "(";
  sql.param(unix(*cursor.key)) << ", ";
  sql.param(cursor.id) << ")";
  if (order == TicketOrder::due_at) sql << " OR t.due_at IS NULL";
  sql << ")";
}

void order_by(Sql& sql, TicketOrder order, bool descending) {
  const char* direction = descending ? " DESC" : "";
  sql << " ORDER BY ";
  if (order == TicketOrder::due_at) sql << "(t.due_at IS NULL), ";  // tickets without due_at last, both ways
  if (order != TicketOrder::id) sql << key_column(order) << direction << ", ";
  sql << "t.id" << direction;
}

}  // namespace

TicketPage PostgresTransaction::tickets(const TicketQuery& query) {
  check_page_limit(query.limit);
  std::optional<TicketCursor> cursor;
  if (!query.after.empty()) cursor = decode_ticket_cursor(query.after, query.order, query.descending);
  const auto terms = search_terms(query.text);
  auto plan = plan_search(terms);
  const std::string tsquery = tsquery_text(plan);

  Sql sql;
  sql << "SELECT t.id, t.json, " << key_column(query.order) << " FROM tickets t WHERE true";
  if (!query.statuses.empty()) {
    // Only open statuses: the literal condition of the partial index tickets_open_queue
    // (schema.cpp), so the planner may scan the queue index in order. When that is the
    // whole list, the literal alone: with the parameter too, the planner counts the
    // condition twice, expects a tenth of the rows and sorts a bitmap scan (20 ms, not 0.1).
    const bool only_open =
        std::all_of(query.statuses.begin(), query.statuses.end(), [](Status s) { return is_open(s); });
    const bool every_open = only_open && std::all_of(open_statuses().begin(), open_statuses().end(), [&](Status s) {
                              return std::find(query.statuses.begin(), query.statuses.end(), s) != query.statuses.end();
                            });
    if (only_open) sql << " AND t.status IN ('new', 'assigned', 'in_progress', 'pending_customer')";
    if (!every_open) {
      std::vector<std::string> statuses;
      for (Status s : query.statuses) statuses.emplace_back(to_string(s));
      sql << " AND t.status = ANY(";
      sql.list_param(statuses) << ")";
    }
  }
  auto equals = [&](const std::string& column, const std::string& value) { sql.and_param(column + " = ", value); };
  if (!query.team.empty()) equals("t.team", query.team);
  if (query.assignee) equals("t.assignee", *query.assignee);
  if (query.scope.assignee) equals("t.assignee", *query.scope.assignee);
  if (query.scope.teams) {
    sql << " AND t.team = ANY(";
    sql.list_param(*query.scope.teams) << ")";
  }
  if (!query.scope.customer_id.empty()) equals("t.customer_id", query.scope.customer_id);
  if (!query.customer_id.empty()) equals("t.customer_id", query.customer_id);
  if (!query.priority.empty()) equals("t.priority", query.priority);
  if (query.channel) equals("t.channel", std::string(to_string(*query.channel)));
  if (!query.tag.empty()) {
    sql << " AND EXISTS (SELECT 1 FROM ticket_tags g WHERE g.tag = ";
    sql.param(query.tag) << " AND g.ticket_id = t.id)";
  }
  auto bound = [&](const char* condition, const std::optional<Instant>& t) {
    if (t) sql.and_param(condition, unix(*t));
  };
  bound("t.created_at >= ", query.created_from);
  bound("t.created_at < ", query.created_before);
  bound("t.updated_at >= ", query.updated_from);
  bound("t.updated_at < ", query.updated_before);
  if (!tsquery.empty()) {
    sql << " AND t.id IN (SELECT s.ticket_id FROM ticket_search s WHERE s.document @@ ";
    sql.param(tsquery) << "::tsquery)";
  }
  if (cursor) after_cursor(sql, query.order, query.descending, *cursor);
  order_by(sql, query.order, query.descending);
  // When candidates need the exact check, the page's end is not known in rows: read on
  // in batches until the page is full.
  const std::size_t batch = plan.exact ? query.limit + 1 : std::max<std::size_t>(query.limit + 1, 200);
  sql << " LIMIT ";
  sql.param(static_cast<std::int64_t>(batch));
  const Params base = sql.params;  // the batches differ in their OFFSET only
  if (!plan.exact) sql << " OFFSET $" << std::to_string(base.size() + 1);

  return reading("querying tickets", [&](Connection& c) {
    TicketPage page;
    std::vector<TicketCursor> keys;
    for (std::int64_t offset = 0;; offset += static_cast<std::int64_t>(batch)) {
      Params params = base;
      if (!plan.exact) params.integer(offset);
      const auto r = c.exec(sql.text, params);
      for (int i = 0; i < r.rows() && keys.size() <= query.limit; ++i) {
        auto ticket = read_entity<Ticket>(r.text(i, 1), "tickets");
        if (!plan.exact) {
          const auto comments = events(ticket.id);
          if (!matches_all(searchable_text(ticket, comments), terms)) continue;
        }
        keys.push_back({r.instant(i, 2), ticket.id});
        page.tickets.push_back(std::move(ticket));
      }
      if (plan.exact || keys.size() > query.limit || r.rows() < static_cast<int>(batch)) break;
    }
    if (page.tickets.size() > query.limit) {
      page.tickets.pop_back();
      keys.pop_back();
      page.next_cursor = encode_ticket_cursor(query.order, query.descending, keys.back());
    }
    return page;
  });
}

CustomerPage PostgresTransaction::customers(const CustomerQuery& query) {
  check_page_limit(query.limit);
  Sql sql;
  sql << "SELECT c.json FROM customers c WHERE true";
  auto lookup = [&](const char* table, const char* column, const std::string& value) {
    sql << " AND EXISTS (SELECT 1 FROM " << table << " l WHERE l." << column << " = ";
    sql.param(value) << " AND l.customer_id = c.id)";
  };
  if (!query.phone.empty()) lookup("customer_phones", "phone", query.phone);
  if (!query.email.empty()) lookup("customer_emails", "email", ascii_lower(query.email));
  if (!query.tag.empty()) lookup("customer_tags", "tag", query.tag);
  if (!query.name_prefix.empty()) {
    sql.and_param("c.name >= ", query.name_prefix);
    if (auto bound = prefix_bound(query.name_prefix); !bound.empty()) sql.and_param("c.name < ", bound);
  }
  if (query.tier) sql.and_param("c.tier = ", std::string(to_string(*query.tier)));
  if (!query.include_merged) sql << " AND c.merged_into = ''";
  // The scope: customers with a ticket the actor sees, or the customer themself.
  if (query.scope.assignee) {
    sql << " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.assignee = ";
    sql.param(*query.scope.assignee) << ")";
  }
  if (query.scope.teams) {
    sql << " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.team = ANY(";
    sql.list_param(*query.scope.teams) << "))";
  }
  if (!query.scope.customer_id.empty()) sql.and_param("c.id = ", query.scope.customer_id);
  if (!query.after.empty()) sql.and_param("c.id > ", decode_customer_cursor(query.after));
  sql << " ORDER BY c.id LIMIT ";
  sql.param(static_cast<std::int64_t>(query.limit + 1));

  return reading("querying customers", [&](Connection& c) {
    CustomerPage page;
    const auto r = c.exec(sql.text, sql.params);
    for (int i = 0; i < r.rows(); ++i) page.customers.push_back(read_entity<Customer>(r.text(i, 0), "customers"));
    if (page.customers.size() > query.limit) {
      page.customers.pop_back();
      page.next_cursor = encode_customer_cursor(page.customers.back().id);
    }
    return page;
  });
}

AuditPage PostgresTransaction::audit(const AuditQuery& query) {
  check_page_limit(query.limit);
  Sql sql;
  sql << "SELECT sequence, at, actor_kind, actor_id, action, customer_id, ticket_id, detail FROM audit_log WHERE true";
  auto equals = [&](const char* column, const std::string& value) {
    if (!value.empty()) sql.and_param(std::string(column) + " = ", value);
  };
  equals("actor_id", query.actor_id);
  equals("customer_id", query.customer_id);
  equals("ticket_id", query.ticket_id);
  if (query.action) equals("action", std::string(to_string(*query.action)));
  if (query.from) sql.and_param("at >= ", unix(*query.from));
  if (query.before) sql.and_param("at < ", unix(*query.before));
  if (!query.after.empty()) sql.and_param("sequence > ", decode_audit_cursor(query.after));
  sql << " ORDER BY sequence LIMIT ";
  sql.param(static_cast<std::int64_t>(query.limit + 1));

  return reading("reading the audit log", [&](Connection& c) {
    AuditPage page;
    const auto r = c.exec(sql.text, sql.params);
    for (int i = 0; i < r.rows(); ++i) {
      AuditEntry e;
      e.sequence = r.integer(i, 0);
      e.at = *r.instant(i, 1);
      e.actor.kind = stored_word<ActorKind>(r.text(i, 2), "audit_log");
      e.actor.id = r.string(i, 3);
      e.action = stored_word<AuditAction>(r.text(i, 4), "audit_log");
      e.customer_id = r.string(i, 5);
      e.ticket_id = r.string(i, 6);
      e.detail = r.string(i, 7);
      page.entries.push_back(std::move(e));
    }
    if (page.entries.size() > query.limit) {
      page.entries.pop_back();
      page.next_cursor = encode_audit_cursor(page.entries.back().sequence);
    }
    return page;
  });
}

}  // namespace ticketcore::detail::postgres
