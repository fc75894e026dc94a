// A SqliteTransaction's queries: ticket and customer pages by keyset paging, with the
// full-text index narrowing ticket searches (transaction.hpp, search_index.hpp).
//
// A query's SQL is built from the filters it sets, so each shape is one cached
// statement and each filter can use its index; the page asks for one row more than
// the limit to know whether a next page exists. The cursors and their order are
// store/page_cursor.hpp's, shared with every backend, so pages agree.
#include <algorithm>
#include <variant>

#include <nlohmann/json.hpp>

#include "store/page_cursor.hpp"
#include "store/search_match.hpp"
#include "store/records.hpp"
#include "store/search_tokens.hpp"
#include "store/sqlite/search_rows.hpp"
#include "store/sqlite/transaction.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::sqlite {
namespace {

// A statement's text and its parameters, built together so they stay in step.
struct Sql {
  std::string text;
  std::vector<std::variant<std::int64_t, std::string>> values;

  Sql& operator<<(std::string_view part) {
    text += part;
    return *this;
  }
  // Appends "?" and its value.
  template <class V>
  Sql& param(V value) {
    text += '?';
    values.emplace_back(std::move(value));
    return *this;
  }
  // Appends " AND <condition>?" and its value: condition ends with its operator ("c.id > ").
  template <class V>
  Sql& and_param(std::string_view condition, V value) {
    text += " AND ";
    text += condition;
    return param(std::move(value));
  }
  // Appends "?" bound to a JSON array of the values, for "IN (SELECT value FROM json_each(?))".
  Sql& list_param(const std::vector<std::string>& values) { return param(nlohmann::json(values).dump()); }
  void bind(SQLite::Statement& s) const {
    for (std::size_t i = 0; i < values.size(); ++i)
      std::visit([&](const auto& v) { s.bind(static_cast<int>(i + 1), v); }, values[i]);
  }
};

std::int64_t unix(Instant t) { return to_unix(t); }

const char* key_column(TicketOrder order) {
  switch (order) {
    case TicketOrder::created_at: return "t.created_at";
    case TicketOrder::updated_at: return "t.updated_at";
    case TicketOrder::due_at: return "t.due_at";
    case TicketOrder::id: return "NULL";
  }
  return "NULL";
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
  if (order == TicketOrder::due_at) sql << "t.due_at IS NULL, ";  // tickets without due_at last, both ways
  if (order != TicketOrder::id) sql << key_column(order) << direction << ", ";
  sql << "t.id" << direction;
}

}  // namespace

TicketPage SqliteTransaction::tickets(const TicketQuery& query) {
  check_page_limit(query.limit);
  std::optional<TicketCursor> cursor;
  if (!query.after.empty()) cursor = decode_ticket_cursor(query.after, query.order, query.descending);
  const auto terms = search_terms(query.text);
  const auto plan = plan_search(terms);
  const std::string match = fts5_match(plan);

  Sql sql;
  sql << "SELECT t.row, t.id, t.json, " << key_column(query.order) << " FROM tickets t WHERE 1";
  if (!query.statuses.empty()) {
    sql << " AND t.status IN (";
    for (std::size_t i = 0; i < query.statuses.size(); ++i) {
      if (i > 0) sql << ", ";
      sql.param(std::string(to_string(query.statuses[i])));
    }
    sql << ")";
    // Only open statuses: the literal condition of the partial index tickets_open_queue
    // (schema.cpp, v4), word for word, so SQLite may scan the queue index in order.
    if (std::all_of(query.statuses.begin(), query.statuses.end(), [](Status s) { return is_open(s); }))
      sql << " AND t.status IN ('new', 'assigned', 'in_progress', 'pending_customer')";
  }
  auto equals = [&](const std::string& column, const std::string& value) { sql.and_param(column + " = ", value); };
  if (!query.team.empty()) equals("t.team", query.team);
  if (query.assignee) equals("t.assignee", *query.assignee);
  if (query.scope.assignee) equals("t.assignee", *query.scope.assignee);
  if (query.scope.teams) {
    sql << " AND t.team IN (SELECT value FROM json_each(";
    sql.list_param(*query.scope.teams) << "))";
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
  if (!match.empty()) {
    sql << " AND t.row IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ";
    sql.param(match) << ")";
  }
  if (cursor) after_cursor(sql, query.order, query.descending, *cursor);
  order_by(sql, query.order, query.descending);
  // When candidates need the exact check, the page's end is not known in rows: step on.
  if (plan.exact) {
    sql << " LIMIT ";
    sql.param(static_cast<std::int64_t>(query.limit + 1));
  }

  return reading("querying tickets", [&](Connection& c) {
    TicketPage page;
    std::vector<TicketCursor> keys;
    auto s = c.statement(sql.text);
    sql.bind(*s);
    while (keys.size() <= query.limit && s->executeStep()) {
      auto ticket = read_entity<Ticket>(s->getColumn(2).getString(), "tickets");
      if (!plan.exact) {
        std::vector<Event> comments;
        auto e = c.statement(
            "SELECT sequence, kind, actor, at, payload FROM events WHERE ticket_id = ? "
            "AND kind IN ('public_comment', 'internal_comment', 'progress_update') ORDER BY sequence");
        e->bind(1, ticket.id);
        while (e->executeStep())
          comments.push_back(read_event(ticket.id, e->getColumn(0).getInt64(), e->getColumn(1).getString(),
                                        e->getColumn(2).getString(), e->getColumn(3).getInt64(),
                                        e->getColumn(4).getString()));
        if (!matches_all(searchable_text(ticket, comments), terms)) continue;
      }
      const auto key = s->getColumn(3);
      keys.push_back(
          {key.isNull() ? std::nullopt : std::optional<Instant>(from_unix(key.getInt64())), ticket.id});
      page.tickets.push_back(std::move(ticket));
    }
    if (page.tickets.size() > query.limit) {
      page.tickets.pop_back();
      keys.pop_back();
      page.next_cursor = encode_ticket_cursor(query.order, query.descending, keys.back());
    }
    return page;
  });
}

CustomerPage SqliteTransaction::customers(const CustomerQuery& query) {
  check_page_limit(query.limit);
  Sql sql;
  sql << "SELECT c.id, c.json FROM customers c WHERE 1";
  auto lookup = [&](const char* table, const char* column, std::string value) {
    sql << " AND EXISTS (SELECT 1 FROM " << table << " l WHERE l." << column << " = ";
    sql.param(std::move(value)) << " AND l.customer_id = c.id)";
  };
  if (!query.phone.empty()) lookup("customer_phones", "phone", query.phone);
  if (!query.email.empty()) lookup("customer_emails", "email", ascii_lower(query.email));
  if (!query.tag.empty()) lookup("customer_tags", "tag", query.tag);
  if (!query.name_prefix.empty()) {
    sql << " AND c.name >= ";
    sql.param(query.name_prefix);
    if (auto bound = prefix_bound(query.name_prefix); !bound.empty()) {
      sql << " AND c.name < ";
      sql.param(std::move(bound));
    }
  }
  if (query.tier) {
    sql.and_param("c.tier = ", std::string(to_string(*query.tier)));
  }
  if (!query.include_merged) sql << " AND c.merged_into = ''";
  // The scope: customers with a ticket the actor sees, or the customer themself.
  if (query.scope.assignee) {
    sql << " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.assignee = ";
    sql.param(*query.scope.assignee) << ")";
  }
  if (query.scope.teams) {
    sql << " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.team IN "
           "(SELECT value FROM json_each(";
    sql.list_param(*query.scope.teams) << ")))";
  }
  if (!query.scope.customer_id.empty()) sql.and_param("c.id = ", query.scope.customer_id);
  if (!query.after.empty()) sql.and_param("c.id > ", decode_customer_cursor(query.after));
  sql << " ORDER BY c.id LIMIT ";
  sql.param(static_cast<std::int64_t>(query.limit + 1));

  return reading("querying customers", [&](Connection& c) {
    CustomerPage page;
    auto s = c.statement(sql.text);
    sql.bind(*s);
    while (s->executeStep())
      page.customers.push_back(read_entity<Customer>(s->getColumn(1).getString(), "customers"));
    if (page.customers.size() > query.limit) {
      page.customers.pop_back();
      page.next_cursor = encode_customer_cursor(page.customers.back().id);
    }
    return page;
  });
}

AuditPage SqliteTransaction::audit(const AuditQuery& query) {
  check_page_limit(query.limit);
  Sql sql;
  sql << "SELECT sequence, at, actor_kind, actor_id, action, customer_id, ticket_id, detail FROM audit_log WHERE 1";
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
    auto s = c.statement(sql.text);
    sql.bind(*s);
    while (s->executeStep()) {
      AuditEntry e;
      e.sequence = s->getColumn(0).getInt64();
      e.at = from_unix(s->getColumn(1).getInt64());
      e.actor.kind = stored_word<ActorKind>(s->getColumn(2).getString(), "audit_log");
      e.actor.id = s->getColumn(3).getString();
      e.action = stored_word<AuditAction>(s->getColumn(4).getString(), "audit_log");
      e.customer_id = s->getColumn(5).getString();
      e.ticket_id = s->getColumn(6).getString();
      e.detail = s->getColumn(7).getString();
      page.entries.push_back(std::move(e));
    }
    if (page.entries.size() > query.limit) {
      page.entries.pop_back();
      page.next_cursor = encode_audit_cursor(page.entries.back().sequence);
    }
    return page;
  });
}

}  // namespace ticketcore::detail::sqlite
