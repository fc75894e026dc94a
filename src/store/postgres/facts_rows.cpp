// A PostgresTransaction's report rows: one ticket_facts row per ticket, written by the
// Desk after each ticket write and streamed by period and scope (transaction.hpp).
#include <string>

#include "store/facts_columns.hpp"
#include "store/postgres/transaction.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::postgres {
namespace {

Params& seconds(Params& p, const std::optional<std::int64_t>& value) {
  return value ? p.integer(*value) : p.null();
}

Params facts_params(const TicketFacts& f) {
  Params p;
  p.text(f.id)
      .integer(to_unix(f.created_at))
      .text(f.team)
      .text(f.assignee)
      .instant(f.first_response_at)
      .instant(f.resolved_at)
      .instant(f.closed_at)
      .text(to_string(f.status))
      .integer(f.open ? 1 : 0)
      .integer(f.resolved ? 1 : 0)
      .text(to_string(f.request_type))
      .text(f.subtype)
      .text(f.priority)
      .text(to_string(f.channel))
      .text(to_string(f.tier))
      .integer(f.complaint ? 1 : 0)
      .integer(f.reopens)
      .integer(f.reassignments)
      .integer(f.escalations)
      .integer(f.first_contact_resolution ? 1 : 0);
  seconds(p, f.first_response_seconds);
  seconds(p, f.first_response_business_seconds);
  seconds(p, f.resolution_seconds);
  seconds(p, f.resolution_business_seconds);
  for (const auto& target : f.sla) p.text(to_string(target.outcome)).instant(target.due_at);
  p.integer(f.rated ? 1 : 0)
      .integer(f.efficiency)
      .integer(f.attitude)
      .integer(f.effectiveness)
      .instant(f.next_due_at);
  return p;
}

// Reads a row back; a word no enum knows means the table was written by something else.
class RowReader {
 public:
  RowReader(const Result& r, int row) : r_(r), row_(row) {}

  TicketFacts facts() {
    TicketFacts f;
    f.id = r_.string(row_, 0);
    f.created_at = *r_.instant(row_, 1);
    f.team = r_.string(row_, 2);
    f.assignee = r_.string(row_, 3);
    f.first_response_at = r_.instant(row_, 4);
    f.resolved_at = r_.instant(row_, 5);
    f.closed_at = r_.instant(row_, 6);
    f.status = enum_word<Status>(7);
    f.open = flag(8);
    f.resolved = flag(9);
    f.request_type = enum_word<RequestType>(10);
    f.subtype = r_.string(row_, 11);
    f.priority = r_.string(row_, 12);
    f.channel = enum_word<Channel>(13);
    f.tier = enum_word<CustomerTier>(14);
    f.complaint = flag(15);
    f.reopens = static_cast<int>(r_.integer(row_, 16));
    f.reassignments = static_cast<int>(r_.integer(row_, 17));
    f.escalations = static_cast<int>(r_.integer(row_, 18));
    f.first_contact_resolution = flag(19);
    f.first_response_seconds = seconds(20);
    f.first_response_business_seconds = seconds(21);
    f.resolution_seconds = seconds(22);
    f.resolution_business_seconds = seconds(23);
    for (std::size_t t = 0; t < f.sla.size(); ++t) {
      const int at = kFactsFirstSla + 2 * static_cast<int>(t);
      f.sla[t] = TargetOutcome{enum_word<SlaOutcome>(at), r_.instant(row_, at + 1)};
    }
    f.rated = flag(32);
    f.efficiency = static_cast<std::uint8_t>(r_.integer(row_, 33));
    f.attitude = static_cast<std::uint8_t>(r_.integer(row_, 34));
    f.effectiveness = static_cast<std::uint8_t>(r_.integer(row_, 35));
    f.next_due_at = r_.instant(row_, 36);
    return f;
  }

 private:
  bool flag(int i) { return r_.integer(row_, i) != 0; }
  std::optional<std::int64_t> seconds(int i) {
    if (r_.null(row_, i)) return std::nullopt;
    return r_.integer(row_, i);
  }
  template <class E>
  E enum_word(int i) {
    const auto w = r_.text(row_, i);
    if (auto value = enum_from_string<E>(w)) return *value;
    throw Error(ErrorCode::storage, "",
                "ticket_facts: unknown value \"" + std::string(w) + "\" in column " + std::to_string(i));
  }

  const Result& r_;
  int row_;
};

}  // namespace

void PostgresTransaction::put_facts(const TicketFacts& facts) {
  writing_unguarded("writing a ticket's facts", [&](Connection& c) {
    // The customer comes from the ticket's row as stored, so a customer's scope matches the ticket's.
    static const std::string sql = [] {
      std::string text = std::string("INSERT INTO ticket_facts (customer_id, ") + kFactsColumns + ") SELECT customer_id";
      for (int i = 1; i <= kFactsColumnCount; ++i) text.append(", $").append(std::to_string(i));
      text += " FROM tickets WHERE id = $1 ON CONFLICT (ticket_id) DO UPDATE SET customer_id = excluded.customer_id";
      std::string columns = kFactsColumns;
      for (std::size_t at = 0; at < columns.size();) {
        std::size_t end = columns.find(',', at);
        if (end == std::string::npos) end = columns.size();
        const std::string column = columns.substr(at, end - at);
        if (column != "ticket_id") text += ", " + column + " = excluded." + column;
        at = end + 2;
      }
      return text;
    }();
    // A held ticket exists: nothing to check. Otherwise no row inserted means no such
    // ticket, and nothing written.
    if (held_.contains(facts.id)) {
      c.send(sql, facts_params(facts));
      return;
    }
    if (c.exec(sql, facts_params(facts)).changed() != 1)
      throw Error(ErrorCode::not_found, "/ticket_id", "no ticket \"" + facts.id + "\"");
  });
}

void PostgresTransaction::scan_facts(const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) {
  reading("scanning ticket facts", [&](Connection& c) {
    if (scan.scope.teams && scan.scope.teams->empty()) return;  // a team scope of no teams sees nothing
    std::string sql = std::string("SELECT ") + kFactsColumns + " FROM ticket_facts WHERE created_at >= $1 AND created_at < $2";
    Params p;
    p.integer(to_unix(scan.from)).integer(to_unix(scan.to));
    if (scan.scope.assignee) {
      p.text(*scan.scope.assignee);
      sql += " AND assignee = $" + std::to_string(p.size());
    }
    if (scan.scope.teams) {
      p.text_array(*scan.scope.teams);
      sql += " AND team = ANY($" + std::to_string(p.size()) + "::text[])";
    }
    if (!scan.scope.customer_id.empty()) {
      p.text(scan.scope.customer_id);
      sql += " AND customer_id = $" + std::to_string(p.size());
    }
    // A month is ~100,000 rows: read them in one result (libpq holds it in memory, a few MB).
    const auto r = c.exec(sql, p);
    for (int i = 0; i < r.rows(); ++i) each(RowReader(r, i).facts());
  });
}

}  // namespace ticketcore::detail::postgres
