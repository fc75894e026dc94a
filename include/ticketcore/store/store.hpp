#pragma once
// The storage interface: customers, tickets, their append-only events, the desk's
// people, counters, handed-out action keys and the published configurations, read
// and written through one transaction per use case (docs/storage.md). Backends:
// MemoryStore (memory_store.hpp), SqliteStore (sqlite_store.hpp), PostgresStore
// (postgres_store.hpp); no backend type appears here, so each fits without changing it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/metrics/facts.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/customer_event.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/store/audit.hpp"

namespace ticketcore {

/// Whether a ticket in this status is still being worked on (counts towards its
/// assignee's load and shows in queues): every status before resolved.
bool is_open(Status status);

/// Every status is_open holds for, in workflow order: what a query for open tickets lists.
const std::vector<Status>& open_statuses();

/// What the store keeps beside a ticket so that queues and the sweep read an index.
struct TicketSchedule {
  std::optional<Instant> due_at;          ///< the earliest SLA deadline still running; queues sort by it
  std::optional<Instant> next_action_at;  ///< when the sweep must look at it next (warning, breach, escalation)

  friend bool operator==(const TicketSchedule&, const TicketSchedule&) = default;
};

/// A ticket's new schedule, as a sweep sets it.
struct ScheduledTicket {
  std::string ticket_id;    ///< the ticket
  TicketSchedule schedule;  ///< its schedule from now on

  friend bool operator==(const ScheduledTicket&, const ScheduledTicket&) = default;
};

/// A ticket whose next action is due, with what a sweep needs to replay it.
struct DueTicket {
  Ticket ticket;              ///< the ticket as stored
  std::vector<Event> events;  ///< its events in sequence order
  CustomerTier tier = CustomerTier::normal;  ///< its customer's tier (normal when the customer is gone)
};

/// What a take-in reads before its command runs (StoreTransaction::intake_reads).
struct IntakeReads {
  std::optional<Customer> customer;          ///< the ticket's customer, when stored
  std::vector<Instant> customer_ticket_times;  ///< when its tickets were created, ascending
  std::int64_t number = 0;                   ///< the next value of the take-in's counter
  Workload workload;                         ///< the agents' open tickets and the round-robin cursors
};

/// The order of a ticket query; ties are broken by ticket id, so pages are stable.
enum class TicketOrder : std::uint8_t {
  created_at,  ///< when taken in
  updated_at,  ///< when last changed
  due_at,      ///< the earliest running SLA deadline; tickets without one come last
  id,          ///< the ticket number
};

/// What one actor may see, which the Desk sets on every query from the access rules
/// (docs/access.md): tickets (and for customers, those with such a ticket) assigned to an
/// agent, of some teams, or of one customer. Empty fields do not limit.
struct QueryScope {
  std::optional<std::string> assignee;            ///< assigned to this agent
  std::optional<std::vector<std::string>> teams;  ///< of one of these teams (none: nothing)
  std::string customer_id;                        ///< this customer's tickets, or this customer's own record
};

/// Which tickets to list. Empty / absent fields do not filter; set fields all must hold.
struct TicketQuery {
  std::vector<Status> statuses;           ///< any of these; empty: any status
  std::string team;                       ///< this team
  std::optional<std::string> assignee;    ///< this agent; "" for unassigned
  std::string customer_id;                ///< this customer's tickets
  std::string priority;                   ///< this priority level ("P1")
  std::string tag;                        ///< carrying this tag
  std::optional<Channel> channel;         ///< taken in on this channel
  std::optional<Instant> created_from;    ///< created at or after
  std::optional<Instant> created_before;  ///< created before
  std::optional<Instant> updated_from;    ///< updated at or after
  std::optional<Instant> updated_before;  ///< updated before
  /// Full text over subject, description and comments (docs/storage.md, "Search"):
  /// every whitespace-separated term must match; a Chinese term matches where its
  /// characters appear together, a Latin term matches words it begins, ignoring case.
  std::string text;
  TicketOrder order = TicketOrder::created_at;  ///< the sort key
  bool descending = false;                      ///< newest / latest first
  std::size_t limit = 50;                       ///< rows per page, 1 to 1000
  std::string after;                            ///< the previous page's next_cursor; empty: the first page
  QueryScope scope;                             ///< what the asking actor may see
};

/// One page of tickets.
struct TicketPage {
  std::vector<Ticket> tickets;  ///< in the query's order
  std::string next_cursor;      ///< pass as `after` for the next page; empty after the last
};

/// Which customers to list, in id order. Set fields all must hold.
struct CustomerQuery {
  std::string phone;                ///< has this phone number (exactly as stored)
  std::string email;                ///< has this email address (ignoring case)
  std::string name_prefix;          ///< the name begins with this
  std::string tag;                  ///< carries this tag
  std::optional<CustomerTier> tier;  ///< this tier
  bool include_merged = false;      ///< also records merged into another (else only the kept one is found)
  std::size_t limit = 50;           ///< rows per page, 1 to 1000
  std::string after;                ///< the previous page's next_cursor; empty: the first page
  QueryScope scope;                 ///< what the asking actor may see: customers with such a ticket
};

/// One page of customers.
struct CustomerPage {
  std::vector<Customer> customers;  ///< in id order
  std::string next_cursor;          ///< pass as `after` for the next page; empty after the last
};

/// One published version of the desk configuration.
struct StoredConfig {
  std::string version;   ///< DeskConfig::version(), unique
  std::string text;      ///< the document as published (DeskConfig::to_json_text)
  Instant published_at;  ///< when it was published

  friend bool operator==(const StoredConfig&, const StoredConfig&) = default;
};

/// An action key handed out by a sweep: never handed out twice (sla/due.hpp).
struct HandedOutKey {
  std::string key;        ///< DueAction::key
  std::string ticket_id;  ///< the ticket it concerns
  Instant at;             ///< when it was handed out

  friend bool operator==(const HandedOutKey&, const HandedOutKey&) = default;
};

/// A record of a retention purge.
struct Purge {
  Instant at;                   ///< when it ran
  Instant closed_before;        ///< tickets closed before this were purged
  std::int64_t tickets = 0;     ///< how many tickets went
  std::int64_t events = 0;      ///< how many of their events went

  friend bool operator==(const Purge&, const Purge&) = default;
};

/// Which TicketFacts rows a report reads: those created in [from, to) that the asking actor
/// sees (the Desk sets the scope from the access rules; an empty scope does not limit).
struct FactsScan {
  Instant from{};     ///< created at or after
  Instant to{};       ///< created before
  QueryScope scope;   ///< what the asking actor may see
};

/// Thrown by a store whose database rolled a whole transaction back to settle a deadlock
/// or a serialization failure with a concurrent one (code busy): nothing it wrote is kept,
/// and the same use case, run again from its start, may well succeed. The Desk does that
/// a few times before it passes the error on.
class RolledBack : public Error {
 public:
  /// A rollback the database chose; `message` says during what.
  explicit RolledBack(std::string message);
};

/// One unit of work: every read sees one snapshot, every write is kept only if commit()
/// is called; destroying it uncommitted rolls everything back. Not thread safe: one per
/// thread at a time. A write that breaks a rule throws Error and changes nothing:
/// conflict for a stale version or a duplicate id, not_found for an unknown id.
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;

  // Customers.
  /// The customer with this id.
  virtual std::optional<Customer> customer(std::string_view id) = 0;
  /// Customers matching the query, one page.
  virtual CustomerPage customers(const CustomerQuery& query) = 0;
  /// Adds a customer not stored yet (version >= 1: 1 when new, higher when imported);
  /// conflict when the id exists.
  virtual void insert_customer(const Customer& customer) = 0;
  /// Replaces a customer whose stored version is customer.version - 1; else conflict
  /// (not_found for an unknown customer).
  virtual void update_customer(const Customer& customer) = 0;
  /// The customer's history (purchases, tier changes, merges), in sequence order.
  virtual std::vector<CustomerEvent> customer_events(std::string_view customer_id) = 0;
  /// Appends customer events; each continues its customer's sequence (1, 2, ...), else
  /// conflict; not_found for an unknown customer.
  virtual void append_customer_events(std::span<const CustomerEvent> events) = 0;

  // Tickets and their events.
  /// The ticket with this id.
  virtual std::optional<Ticket> ticket(std::string_view id) = 0;
  /// Tickets matching the query, one page.
  virtual TicketPage tickets(const TicketQuery& query) = 0;
  /// Adds a ticket not stored yet (version >= 1: 1 when new, higher when imported), with
  /// its schedule; conflict when the id exists; not_found when its customer is not stored.
  virtual void insert_ticket(const Ticket& ticket, const TicketSchedule& schedule) = 0;
  /// Replaces a ticket whose stored version is ticket.version - 1, with its new schedule;
  /// else conflict (not_found for an unknown ticket).
  virtual void update_ticket(const Ticket& ticket, const TicketSchedule& schedule) = 0;
  /// The ticket's schedule as stored; not_found for an unknown ticket.
  virtual TicketSchedule schedule(std::string_view ticket_id) = 0;
  /// Replaces only these tickets' schedules (a sweep's bookkeeping: the tickets themselves
  /// and their versions do not change); not_found for an unknown ticket, and then none changes.
  virtual void set_schedules(std::span<const ScheduledTicket> schedules) = 0;
  /// The ticket's events in sequence order.
  virtual std::vector<Event> events(std::string_view ticket_id) = 0;
  /// Appends events; each continues its ticket's sequence (1, 2, ...), else conflict.
  virtual void append_events(std::span<const Event> events) = 0;
  /// When each of this customer's tickets was created, ascending.
  virtual std::vector<Instant> customer_ticket_times(std::string_view customer_id) = 0;
  /// Up to `limit` tickets whose next_action_at is at or before `now`, earliest first (ties
  /// by id). A write transaction on a shared database claims them: another one's sweep
  /// skips them until this one ends.
  virtual std::vector<DueTicket> due_tickets(Instant now, std::size_t limit) = 0;

  // Report rows (metrics/facts.hpp): one per ticket, written with every ticket write.
  /// Adds or replaces the facts row of a stored ticket (by facts.id), filed under the
  /// ticket's customer as stored now; not_found at /ticket_id for an unknown ticket.
  virtual void put_facts(const TicketFacts& facts) = 0;
  /// Calls `each` with every facts row the scan selects, in no set order, streaming: the
  /// row passed is valid only during the call.
  virtual void scan_facts(const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) = 0;

  // The desk's people and the assignment state.
  /// Every team, by id.
  virtual std::vector<Team> teams() = 0;
  /// Adds or replaces a team.
  virtual void put_team(const Team& team) = 0;
  /// Every agent, by id.
  virtual std::vector<Agent> agents() = 0;
  /// Adds or replaces an agent.
  virtual void put_agent(const Agent& agent) = 0;
  /// The open tickets per assignee (kept by the ticket writes) and the round-robin cursors.
  virtual Workload workload() = 0;
  /// Records the round-robin cursors of a workload (its open_tickets are derived, not written).
  virtual void save_cursors(const Workload& workload) = 0;
  /// A take-in's reads at once: customer(customer_id), customer_ticket_times(customer_id),
  /// next_number(counter) and workload(), as each gives them (the counter advances even for
  /// an unknown customer). A backend across a network reads them in one round trip.
  virtual IntakeReads intake_reads(std::string_view customer_id, std::string_view counter);

  // Counters and handed-out keys.
  /// The next value of a named counter (1 on first use): "ticket:202605", "customer:20260501".
  virtual std::int64_t next_number(std::string_view counter) = 0;
  /// Every counter and its last value handed out, by name (for export).
  virtual std::vector<std::pair<std::string, std::int64_t>> counters() = 0;
  /// Sets a counter's last value (for import); the next number is value + 1.
  virtual void set_counter(std::string_view counter, std::int64_t value) = 0;
  /// Records handed-out keys; for each, false (and nothing written) when it was handed out
  /// before, here included. not_found for a key of an unknown ticket, and then none is recorded.
  virtual std::vector<bool> hand_out(std::span<const HandedOutKey> keys) = 0;
  /// Records one handed-out key; false (and nothing written) when it was handed out before.
  bool hand_out(const HandedOutKey& key) { return hand_out(std::span(&key, 1)).front(); }
  /// The keys handed out for a ticket, in key order.
  virtual std::vector<HandedOutKey> handed_out(std::string_view ticket_id) = 0;

  // Configuration history.
  /// Publishes a configuration version, which becomes the current one; conflict when the version exists.
  virtual void publish_config(const StoredConfig& config) = 0;
  /// The current (latest published) configuration, if any.
  virtual std::optional<StoredConfig> current_config() = 0;
  /// Every published version, oldest first.
  virtual std::vector<StoredConfig> config_history() = 0;

  // Retention.
  /// Deletes tickets closed (or cancelled, or merged) before `closed_before`, with their
  /// events, keys and facts rows, and records the purge; returns the record.
  virtual Purge purge(Instant closed_before, Instant now) = 0;
  /// Every purge, oldest first.
  virtual std::vector<Purge> purges() = 0;
  /// Records a purge that ran elsewhere (for import).
  virtual void record_purge(const Purge& purge) = 0;

  // The audit log (audit.hpp): appended to, never changed; purges keep it.
  /// Appends an entry under the next sequence (entry.sequence is not read) and returns it.
  virtual std::int64_t append_audit(const AuditEntry& entry) = 0;
  /// Audit entries matching a query, one page, oldest first.
  virtual AuditPage audit(const AuditQuery& query) = 0;

  /// Keeps every write; the transaction is finished afterwards.
  virtual void commit() = 0;
};

/// A place that keeps a desk's data. Implementations state their threading contract;
/// each transaction is used by one thread.
class Store {
 public:
  virtual ~Store() = default;
  /// Starts a transaction that only reads (a consistent snapshot).
  virtual std::unique_ptr<StoreTransaction> read() = 0;
  /// Starts a transaction that writes, locked so that a read-then-write use case never
  /// fails half way for a concurrent writer (the store's write lock from its start, or
  /// the rows it reads to change: docs/storage.md).
  virtual std::unique_ptr<StoreTransaction> write() = 0;
};

}  // namespace ticketcore
