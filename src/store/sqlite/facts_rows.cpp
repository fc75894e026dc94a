// A SqliteTransaction's report rows: one ticket_facts row per ticket, written by the Desk
// after each ticket write and streamed by period and scope (docs/sqlite.md, "ticket_facts").
#include <string>

#include "store/facts_columns.hpp"
#include "store/sqlite/transaction.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::sqlite {
namespace {

template <class E>
std::string word(E value) {
  return std::string(to_string(value));
}

void bind_instant(SQLite::Statement& s, int index, const std::optional<Instant>& t) {
  if (t)
    s.bind(index, std::int64_t{to_unix(*t)});
  else
    s.bind(index);
}

void bind_seconds(SQLite::Statement& s, int index, const std::optional<std::int64_t>& seconds) {
  if (seconds)
    s.bind(index, *seconds);
  else
    s.bind(index);
}

void bind_facts(SQLite::Statement& s, const TicketFacts& f) {
  s.bind(1, f.id);
  s.bind(2, std::int64_t{to_unix(f.created_at)});
  s.bind(3, f.team);
  s.bind(4, f.assignee);
  bind_instant(s, 5, f.first_response_at);
  bind_instant(s, 6, f.resolved_at);
  bind_instant(s, 7, f.closed_at);
  s.bind(8, word(f.status));
  s.bind(9, f.open ? 1 : 0);
  s.bind(10, f.resolved ? 1 : 0);
  s.bind(11, word(f.request_type));
  s.bind(12, f.subtype);
  s.bind(13, f.priority);
  s.bind(14, word(f.channel));
  s.bind(15, word(f.tier));
  s.bind(16, f.complaint ? 1 : 0);
  s.bind(17, f.reopens);
  s.bind(18, f.reassignments);
  s.bind(19, f.escalations);
  s.bind(20, f.first_contact_resolution ? 1 : 0);
  bind_seconds(s, 21, f.first_response_seconds);
  bind_seconds(s, 22, f.first_response_business_seconds);
  bind_seconds(s, 23, f.resolution_seconds);
  bind_seconds(s, 24, f.resolution_business_seconds);
  for (std::size_t t = 0; t < f.sla.size(); ++t) {
    const int at = kFactsFirstSla + 1 + 2 * static_cast<int>(t);
    s.bind(at, word(f.sla[t].outcome));
    bind_instant(s, at + 1, f.sla[t].due_at);
  }
  s.bind(33, f.rated ? 1 : 0);
  s.bind(34, int{f.efficiency});
  s.bind(35, int{f.attitude});
  s.bind(36, int{f.effectiveness});
  bind_instant(s, 37, f.next_due_at);
}

// Reads a row back; a word no enum knows means the file was written by something else.
class RowReader {
 public:
  explicit RowReader(SQLite::Statement& s) : s_(s) {}

  TicketFacts facts() {
    TicketFacts f;
    f.id = text(0);
    f.created_at = from_unix(s_.getColumn(1).getInt64());
    f.team = text(2);
    f.assignee = text(3);
    f.first_response_at = instant(4);
    f.resolved_at = instant(5);
    f.closed_at = instant(6);
    f.status = enum_word<Status>(7);
    f.open = flag(8);
    f.resolved = flag(9);
    f.request_type = enum_word<RequestType>(10);
    f.subtype = text(11);
    f.priority = text(12);
    f.channel = enum_word<Channel>(13);
    f.tier = enum_word<CustomerTier>(14);
    f.complaint = flag(15);
    f.reopens = s_.getColumn(16).getInt();
    f.reassignments = s_.getColumn(17).getInt();
    f.escalations = s_.getColumn(18).getInt();
    f.first_contact_resolution = flag(19);
    f.first_response_seconds = seconds(20);
    f.first_response_business_seconds = seconds(21);
    f.resolution_seconds = seconds(22);
    f.resolution_business_seconds = seconds(23);
    for (std::size_t t = 0; t < f.sla.size(); ++t) {
      const int at = kFactsFirstSla + 2 * static_cast<int>(t);
      f.sla[t] = TargetOutcome{enum_word<SlaOutcome>(at), instant(at + 1)};
    }
    f.rated = flag(32);
    f.efficiency = static_cast<std::uint8_t>(s_.getColumn(33).getInt());
    f.attitude = static_cast<std::uint8_t>(s_.getColumn(34).getInt());
    f.effectiveness = static_cast<std::uint8_t>(s_.getColumn(35).getInt());
    f.next_due_at = instant(36);
    return f;
  }

 private:
  std::string text(int i) { return s_.getColumn(i).getString(); }
  bool flag(int i) { return s_.getColumn(i).getInt() != 0; }
  std::optional<Instant> instant(int i) {
    auto c = s_.getColumn(i);
    if (c.isNull()) return std::nullopt;
    return from_unix(c.getInt64());
  }
  std::optional<std::int64_t> seconds(int i) {
    auto c = s_.getColumn(i);
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
  }
  template <class E>
  E enum_word(int i) {
    const char* w = s_.getColumn(i).getText();
    if (auto value = enum_from_string<E>(w)) return *value;
    throw Error(ErrorCode::storage, "",
                std::string("ticket_facts: unknown value \"") + w + "\" in column " + s_.getColumnName(i));
  }

  SQLite::Statement& s_;
};

// The scan's SELECT: the period, then only the scope's filters that are set.
std::string scan_sql(const QueryScope& scope) {
  std::string sql = std::string("SELECT ") + kFactsColumns;
  sql += " FROM ticket_facts WHERE created_at >= ? AND created_at < ?";
  if (scope.assignee) sql += " AND assignee = ?";
  if (scope.teams) {
    sql += " AND team IN (";
    for (std::size_t i = 0; i < scope.teams->size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
  }
  if (!scope.customer_id.empty()) sql += " AND customer_id = ?";
  return sql;
}

}  // namespace

void SqliteTransaction::put_facts(const TicketFacts& facts) {
  // One statement, so no savepoint: SQLite undoes a failed statement by itself.
  writing_unguarded("writing a ticket's facts", [&](Connection& c, auto written) {
    // The customer comes from the ticket's row as stored, so a customer's scope matches the ticket's.
    static const std::string sql = [] {
      std::string text = std::string("INSERT OR REPLACE INTO ticket_facts (customer_id, ") + kFactsColumns;
      text += ") SELECT customer_id";
      for (int i = 1; i <= kFactsColumnCount; ++i) text.append(", ?").append(std::to_string(i));
      return text.append(" FROM tickets WHERE id = ?1");
    }();
    auto s = c.statement(sql);
    bind_facts(*s, facts);
    // No row inserted: no such ticket, and nothing written.
    if (s->exec() != 1) throw Error(ErrorCode::not_found, "/ticket_id", "no ticket \"" + facts.id + "\"");
    written();
  });
}

void SqliteTransaction::scan_facts(const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) {
  reading("scanning ticket facts", [&](Connection& c) {
    if (scan.scope.teams && scan.scope.teams->empty()) return;  // a team scope of no teams sees nothing
    auto s = c.statement(scan_sql(scan.scope));
    int index = 1;
    s->bind(index++, std::int64_t{to_unix(scan.from)});
    s->bind(index++, std::int64_t{to_unix(scan.to)});
    if (scan.scope.assignee) s->bind(index++, *scan.scope.assignee);
    if (scan.scope.teams)
      for (const auto& team : *scan.scope.teams) s->bind(index++, team);
    if (!scan.scope.customer_id.empty()) s->bind(index++, scan.scope.customer_id);
    RowReader row(*s);
    while (s->executeStep()) each(row.facts());
  });
}

}  // namespace ticketcore::detail::sqlite
