#pragma once
// MemoryStore's data: one immutable snapshot of tables, shared by every reader, which a
// write transaction copies table by table on its first write to that table and
// publishes whole on commit. Rows are shared between snapshots (shared_ptr<const>), so
// copying a table copies pointers, and a write replaces a row rather than changing it.
// The indexes (open tickets per assignee, due instants, tickets per customer) are
// kept by put_ticket / erase_ticket, the only functions that change the ticket table.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// A table shared with the snapshot it came from until the first edit() copies it.
template <class T>
class Cow {
 public:
  /// An empty table, private to its owner.
  Cow() : table_(std::make_shared<T>()), owned_(true) {}
  /// Shares `other`'s table; the first edit() copies it.
  Cow(const Cow& other) : table_(other.table_), owned_(false) {}
  /// Shares `other`'s table; the first edit() copies it.
  Cow& operator=(const Cow& other) {
    table_ = other.table_;
    owned_ = false;
    return *this;
  }
  /// Takes `other`'s table as it is, private or shared.
  Cow(Cow&&) noexcept = default;
  /// Takes `other`'s table as it is, private or shared.
  Cow& operator=(Cow&&) noexcept = default;

  /// The table, to read.
  const T& get() const { return *table_; }
  /// The table, to change: a private copy from the first call on.
  T& edit() {
    if (!owned_) {
      table_ = std::make_shared<T>(*table_);
      owned_ = true;
    }
    return *table_;
  }

 private:
  std::shared_ptr<T> table_;
  bool owned_;
};

/// A stored ticket with what is kept beside it.
struct TicketRow {
  Ticket ticket;                   ///< the ticket
  TicketSchedule schedule;         ///< its schedule
  std::vector<Event> events;       ///< its history, in sequence order
  std::string search_text;         ///< searchable_text(ticket, events), kept with every write
};

/// A stored facts row with the customer it is filed under (for a customer's scope).
struct FactsRow {
  TicketFacts facts;        ///< the report row
  std::string customer_id;  ///< the ticket's customer when the row was written
};

/// Map with heterogeneous lookup by string_view.
template <class V>
using ByName = std::map<std::string, V, std::less<>>;

/// Every table of a MemoryStore.
struct Tables {
  Cow<ByName<std::shared_ptr<const Customer>>> customers;    ///< by id
  Cow<ByName<std::shared_ptr<const std::vector<CustomerEvent>>>> customer_events;  ///< by customer id
  Cow<ByName<std::shared_ptr<const TicketRow>>> tickets;     ///< by id
  Cow<std::set<std::tuple<std::string, Instant, std::string>, std::less<>>> customer_tickets;  ///< (customer, created_at, id)
  Cow<std::set<std::pair<Instant, std::string>>> due;        ///< (next_action_at, id)
  Cow<ByName<std::int64_t>> open_tickets;                    ///< per assignee; no zero entries
  Cow<ByName<HandedOutKey>> keys;                            ///< by key
  Cow<std::set<std::pair<std::string, std::string>, std::less<>>> ticket_keys;  ///< (ticket id, key)
  Cow<ByName<Team>> teams;                                   ///< by id
  Cow<ByName<Agent>> agents;                                 ///< by id
  Cow<ByName<std::string>> last_assigned;                    ///< round-robin cursor per team
  Cow<ByName<std::int64_t>> counters;                        ///< last value per name
  Cow<std::vector<std::shared_ptr<const StoredConfig>>> configs;  ///< in publish order
  Cow<std::vector<Purge>> purges;                            ///< oldest first
  Cow<std::vector<AuditEntry>> audit;                        ///< by sequence: entry k at k - 1
  Cow<ByName<std::shared_ptr<const FactsRow>>> facts;        ///< by ticket id
  Cow<std::set<std::pair<Instant, std::string>>> facts_by_created;  ///< (created_at, id): the period scan
};

/// Stores a ticket row (new or replacing the row of its id) and updates every index.
void put_ticket(Tables& tables, std::shared_ptr<const TicketRow> row);

/// Stores a facts row (new or replacing the row of its ticket) and its period index entry.
void put_facts_row(Tables& tables, std::shared_ptr<const FactsRow> row);

/// Removes a stored ticket with its keys, facts and index entries; how many events went with it.
std::int64_t erase_ticket(Tables& tables, std::string_view id);

/// Tickets matching a query, one page (the query is validated here).
TicketPage query_tickets(const Tables& tables, const TicketQuery& query);

/// Customers matching a query, one page (the query is validated here).
CustomerPage query_customers(const Tables& tables, const CustomerQuery& query);
/// Calls `each` with the facts rows a scan selects, in (created_at, id) order (memory_facts.cpp).
void scan_facts_rows(const Tables& tables, const FactsScan& scan, const std::function<void(const TicketFacts&)>& each);
/// One page of audit entries matching the query (memory_queries.cpp).
AuditPage query_audit(const Tables& tables, const AuditQuery& query);

}  // namespace ticketcore::detail
