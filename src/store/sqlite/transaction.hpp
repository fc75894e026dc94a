#pragma once
// One StoreTransaction over one pooled connection (docs/sqlite.md, "Concurrency").
// A write transaction begins with BEGIN IMMEDIATE, so it holds the file's write lock
// from its first statement and a read-then-write use case never fails half way; a read
// transaction begins deferred and refuses every write. Each writing method runs inside
// a SAVEPOINT: when it throws, what it wrote is rolled back and the transaction goes on.
// The methods live in one file per concern: transaction.cpp (life cycle, people,
// counters, keys, configs, purges), ticket_rows.cpp, customer_rows.cpp, ticket_query.cpp,
// facts_rows.cpp.

#include <memory>
#include <mutex>
#include <type_traits>

#include "store/sqlite/connection.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail::sqlite {

/// A transaction of a SqliteStore.
class SqliteTransaction final : public StoreTransaction {
 public:
  /// Borrows a connection from the pool and begins (IMMEDIATE when `writes`).
  SqliteTransaction(std::shared_ptr<Pool> pool, bool writes);
  /// Rolls back unless committed, and returns the connection.
  ~SqliteTransaction() override;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

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

  /// The connection, for tests that look at its PRAGMAs; Error when finished.
  Connection& connection() { return live(); }

 private:
  // The connection while the transaction is open; Error(storage) once it has finished.
  Connection& live();
  // Runs a read: SQLite errors become Error(storage).
  template <class F>
  decltype(auto) reading(const char* what, F&& f);
  // Runs a write inside a savepoint: any failure rolls the savepoint back and rethrows.
  template <class F>
  decltype(auto) writing(const char* what, F&& f);
  // Runs a write without a savepoint, for writes whose first statement is the only one that
  // can fail but for I/O or memory: SQLite undoes a failed statement by itself, so f calls
  // `written()` once that statement succeeded, and a failure after it rolls the whole
  // transaction back (it is finished), as SQLite does on some I/O errors.
  template <class F>
  decltype(auto) writing_unguarded(const char* what, F&& f);
  // Marks the transaction finished when SQLite has rolled it back by itself (I/O errors).
  void notice_rollback();
  // Rolls the whole transaction back after a failed savepoint rollback; it is finished.
  void abandon() noexcept;

  // The open tickets of an assignee change by `delta` (agent_load; rows at 0 go).
  void add_load(const std::string& agent, std::int64_t delta);

  std::shared_ptr<Pool> pool_;
  std::unique_lock<std::mutex> writer_;  // a write transaction holds its process's writer turn
  std::unique_ptr<Connection> connection_;
  bool writes_;
  bool open_ = false;
  bool healthy_ = true;  // false: the connection's state is unknown, so it is not pooled again
};

template <class F>
decltype(auto) SqliteTransaction::reading(const char* what, F&& f) {
  Connection& c = live();
  try {
    return f(c);
  } catch (const SQLite::Exception& e) {
    notice_rollback();
    throw_storage(what, e);
  }
}

template <class F>
decltype(auto) SqliteTransaction::writing(const char* what, F&& f) {
  Connection& c = live();
  if (!writes_)
    throw Error(ErrorCode::storage, "", std::string("a read transaction cannot write (") + what + ")");
  try {
    c.statement("SAVEPOINT method")->exec();
  } catch (const SQLite::Exception& e) {
    throw_storage(what, e);
  }
  try {
    if constexpr (std::is_void_v<decltype(f(c))>) {
      f(c);
      c.statement("RELEASE method")->exec();
    } else {
      auto result = f(c);
      c.statement("RELEASE method")->exec();
      return result;
    }
  } catch (...) {
    // Undo this method's writes; if SQLite already rolled the whole transaction back, say so.
    try {
      if (!c.autocommit()) {
        c.statement("ROLLBACK TO method")->exec();
        c.statement("RELEASE method")->exec();
      }
    } catch (const SQLite::Exception&) {
      abandon();
    }
    notice_rollback();
    try {
      throw;
    } catch (const SQLite::Exception& e) {
      throw_storage(what, e);
    }
  }
}

template <class F>
decltype(auto) SqliteTransaction::writing_unguarded(const char* what, F&& f) {
  Connection& c = live();
  if (!writes_)
    throw Error(ErrorCode::storage, "", std::string("a read transaction cannot write (") + what + ")");
  bool wrote = false;
  try {
    return f(c, [&] { wrote = true; });
  } catch (...) {
    if (wrote) abandon();  // the later statements cannot be undone alone
    notice_rollback();
    try {
      throw;
    } catch (const SQLite::Exception& e) {
      throw_storage(what, e);
    }
  }
}

}  // namespace ticketcore::detail::sqlite
