#pragma once
// One StoreTransaction over one pooled connection (docs/postgres.md, "Concurrency").
// A write transaction runs in READ COMMITTED and locks the rows it reads to change
// (FOR NO KEY UPDATE: the foreign keys of other writers' rows still pass), so a
// read-then-write use case does not fail half way for a concurrent writer; a read
// transaction is one REPEATABLE READ, READ ONLY snapshot and refuses every write.
//
// PostgreSQL aborts a whole transaction at its first failed statement. So a writing
// method finds its refusals (a duplicate, a stale version) before its first write, by
// locking and reading what it checks or by writing so that a refusal is no row rather
// than an error; its writes then fail only with the server, which finishes the
// transaction (writing_unguarded). A method that cannot be written so runs inside a
// SAVEPOINT (writing), so that what it wrote is undone and the transaction goes on.
// A deadlock or serialization failure always finishes it (RolledBack).
// The methods live in one file per concern, as for SQLite: transaction.cpp (life cycle,
// people, counters, keys, configs, purges, audit), ticket_rows.cpp, customer_rows.cpp,
// ticket_query.cpp, facts_rows.cpp.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/postgres/connection.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail::postgres {

/// A transaction of a PostgresStore.
class PostgresTransaction final : public StoreTransaction {
 public:
  /// Borrows a connection from the pool and begins.
  PostgresTransaction(std::shared_ptr<Pool> pool, bool writes);
  /// Rolls back unless committed, and returns the connection.
  ~PostgresTransaction() override;
  PostgresTransaction(const PostgresTransaction&) = delete;
  PostgresTransaction& operator=(const PostgresTransaction&) = delete;

  std::optional<Customer> customer(std::string_view id) override;
  CustomerPage customers(const CustomerQuery& query) override;
  void insert_customer(const Customer& customer) override;
  void update_customer(const Customer& customer) override;
  std::vector<CustomerEvent> customer_events(std::string_view customer_id) override;
  void append_customer_events(std::span<const CustomerEvent> events) override;

  std::optional<Ticket> ticket(std::string_view id) override;
  TicketPage tickets(const TicketQuery& query) override;
  void insert_ticket(const Ticket& ticket, const TicketSchedule& schedule) override;
  void update_ticket(const Ticket& ticket, const TicketSchedule& schedule) override;
  TicketSchedule schedule(std::string_view ticket_id) override;
  void set_schedules(std::span<const ScheduledTicket> schedules) override;
  std::vector<Event> events(std::string_view ticket_id) override;
  void append_events(std::span<const Event> events) override;
  std::vector<Instant> customer_ticket_times(std::string_view customer_id) override;
  std::vector<DueTicket> due_tickets(Instant now, std::size_t limit) override;

  void put_facts(const TicketFacts& facts) override;
  void scan_facts(const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) override;

  std::vector<Team> teams() override;
  void put_team(const Team& team) override;
  std::vector<Agent> agents() override;
  void put_agent(const Agent& agent) override;
  Workload workload() override;
  void save_cursors(const Workload& workload) override;
  IntakeReads intake_reads(std::string_view customer_id, std::string_view counter) override;

  std::int64_t next_number(std::string_view counter) override;
  std::vector<std::pair<std::string, std::int64_t>> counters() override;
  void set_counter(std::string_view counter, std::int64_t value) override;
  std::vector<bool> hand_out(std::span<const HandedOutKey> keys) override;
  std::vector<HandedOutKey> handed_out(std::string_view ticket_id) override;

  void publish_config(const StoredConfig& config) override;
  std::optional<StoredConfig> current_config() override;
  std::vector<StoredConfig> config_history() override;

  Purge purge(Instant closed_before, Instant now) override;
  std::vector<Purge> purges() override;
  void record_purge(const Purge& purge) override;
  std::int64_t append_audit(const AuditEntry& entry) override;
  AuditPage audit(const AuditQuery& query) override;

  void commit() override;

 private:
  // The connection while the transaction is open; Error(storage) once it has finished.
  Connection& live();
  // " FOR NO KEY UPDATE" in a write transaction: a row read to be changed is locked.
  const char* lock_clause() const { return writes_ ? " FOR NO KEY UPDATE" : ""; }
  // Runs a read; a failure of the server finishes the transaction.
  template <class F>
  decltype(auto) reading(const char* what, F&& f);
  // Runs a write inside a savepoint: any failure undoes it and rethrows; the transaction
  // goes on, unless the server rolled it back (a deadlock) or the connection broke.
  template <class F>
  decltype(auto) writing(const char* what, F&& f);
  // Runs a write without a savepoint: a failure finishes the transaction.
  template <class F>
  decltype(auto) writing_unguarded(const char* what, F&& f);
  // Throws unless the transaction may write.
  void require_writes(const char* what) const;
  // Rolls the whole transaction back; it is finished.
  void abandon() noexcept;
  // Rethrows the current exception, a PqError as the Error it stands for, finishing the
  // transaction when the server aborted it and no savepoint could save it.
  [[noreturn]] void rethrow(const char* what);

  // The open tickets of an assignee change by `delta` (agent_load; rows at 0 go).
  void add_load(const std::string& agent, std::int64_t delta);

  std::shared_ptr<Pool> pool_;
  std::unique_ptr<Connection> connection_;
  bool writes_;
  bool open_ = false;
  // What this write transaction knows of a ticket it inserted or locked. Until it ends the
  // row exists and no other writer changes it or its events, so writes to it need no check
  // and go without waiting.
  struct HeldTicket {
    std::int64_t next_sequence = 0;  // the sequence its next event must have (0: not known yet)
    std::int64_t version = 0;        // the row as stored now (0: not read yet)
    Status status = Status::closed;
    std::string assignee;
    std::string customer_id;
  };
  // Records a ticket's row as this transaction has it now (read under lock, or written).
  HeldTicket& hold(const Ticket& ticket);
  std::map<std::string, HeldTicket, std::less<>> held_;
};

// Reads that intake_reads sends together and the methods of their own run one by one:
// each statement with what its rows say.
/// Reads a customer's json by id ($1); a write transaction adds its lock_clause().
inline constexpr const char* kSelectCustomer = "SELECT json FROM customers WHERE id = $1";
/// The customer a kSelectCustomer found, if any.
std::optional<Customer> customer_from(const Result& r);
/// Reads when a customer's ($1) tickets were created, ascending.
inline constexpr const char* kSelectTicketTimes = "SELECT created_at FROM tickets WHERE customer_id = $1 ORDER BY created_at";
/// The instants kSelectTicketTimes read.
std::vector<Instant> ticket_times_from(const Result& r);

/// An SQL condition that holds when every id in the text[] parameter `ids` ("$1") is a
/// stored ticket: a batch write guarded by it writes all or nothing, with no savepoint.
std::string all_tickets_stored(std::string_view ids);
/// Throws not_found at /<i>/<field> for the first of `ids` that is not a stored ticket;
/// returns when all are.
void check_tickets_stored(Connection& c, const std::vector<std::string>& ids, std::string_view field);

template <class F>
decltype(auto) PostgresTransaction::reading(const char* what, F&& f) {
  Connection& c = live();
  try {
    return f(c);
  } catch (...) {
    rethrow(what);
  }
}

template <class F>
decltype(auto) PostgresTransaction::writing(const char* what, F&& f) {
  require_writes(what);
  Connection& c = live();
  try {
    c.run("SAVEPOINT method");
  } catch (...) {
    rethrow(what);
  }
  try {
    if constexpr (std::is_void_v<decltype(f(c))>) {
      f(c);
      c.run("RELEASE method");
    } else {
      auto result = f(c);
      c.run("RELEASE method");
      return result;
    }
  } catch (const PqError& e) {
    // A deadlock, a serialization failure or a lost connection ends the transaction.
    if (e.sqlstate() == "40001" || e.sqlstate() == "40P01" || e.sqlstate().empty()) rethrow(what);
    try {
      c.run("ROLLBACK TO method");
      c.run("RELEASE method");
    } catch (...) {
      abandon();
    }
    throw_storage(what, e);
  } catch (...) {
    try {
      c.run("ROLLBACK TO method");
      c.run("RELEASE method");
    } catch (...) {
      abandon();
    }
    throw;
  }
}

template <class F>
decltype(auto) PostgresTransaction::writing_unguarded(const char* what, F&& f) {
  require_writes(what);
  Connection& c = live();
  try {
    return f(c);
  } catch (...) {
    rethrow(what);
  }
}

}  // namespace ticketcore::detail::postgres
