#pragma once
// One SQLite connection with its PRAGMAs and its prepared-statement cache, and the pool
// a SqliteStore lends connections from (docs/sqlite.md, "Concurrency").
//
// Every connection sets its busy handler, foreign_keys, secure_delete, journal_mode=WAL and
// synchronous itself: those PRAGMAs (but journal_mode) belong to a connection, not to the
// file. Statements are prepared once per connection and SQL text, then reused with
// reset() / clearBindings(); the cache is a member declared after the Database, so the
// statements are finalized before the database closes (SQLiteCpp aborts otherwise).

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "ticketcore/store/sqlite_store.hpp"

namespace ticketcore::detail::sqlite {

/// A cached statement borrowed for one use: bindings cleared on loan, reset on return,
/// so no statement keeps a read cursor open after the code that stepped it.
class StatementUse {
 public:
  /// Borrows `statement`, clearing its bindings.
  explicit StatementUse(SQLite::Statement& statement);
  ~StatementUse();
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

  /// The statement.
  SQLite::Statement& operator*() const { return statement_; }
  /// The statement.
  SQLite::Statement* operator->() const { return &statement_; }

 private:
  SQLite::Statement& statement_;
};

/// An open database connection with its PRAGMAs set and its statement cache.
class Connection {
 public:
  /// Opens the file (creating it) and sets the per-connection PRAGMAs.
  Connection(const std::string& path, const SqliteOptions& options);

  /// The SQLiteCpp database.
  SQLite::Database& db() { return db_; }
  /// The cached statement for this SQL text, prepared on first use.
  StatementUse statement(const std::string& sql);
  /// Runs SQL without results (BEGIN, COMMIT, PRAGMA ... = ...).
  void exec(const char* sql) { db_.exec(sql); }
  /// Whether no transaction is open (SQLite rolls back by itself after some I/O errors).
  bool autocommit();

 private:
  /// SQLite's busy handler: waits a fraction of a millisecond per call until the timeout.
  static int wait_for_lock(void* connection, int calls);

  SQLite::Database db_;  // declared first: destroyed after the statements
  std::chrono::milliseconds busy_timeout_;
  std::chrono::steady_clock::time_point busy_since_;  // when the current wait began
  unsigned jitter_;                                   // varies the sleeps between connections
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

/// The connections of one store: lent to a transaction, returned when it ends.
class Pool {
 public:
  /// A pool for the file at `path`.
  Pool(std::string path, SqliteOptions options) : path_(std::move(path)), options_(options) {}

  /// An idle connection, or a new one.
  std::unique_ptr<Connection> acquire();
  /// Takes a connection back; closes it when enough are idle or when it is not
  /// `healthy` (a rollback failed, so its state is unknown).
  void release(std::unique_ptr<Connection> connection, bool healthy);

  /// The file's path.
  const std::string& path() const { return path_; }
  /// The mutex a write transaction holds from its start to its end: the threads of one
  /// process take turns in order here, and only one of them at a time waits for the
  /// file's write lock, where SQLite's busy handler serves waiters in no order and could
  /// starve one of many past the busy timeout.
  std::mutex& writer_turn() { return writer_turn_; }
  /// How long a transaction may wait for the file's locks.
  std::chrono::milliseconds busy_timeout() const { return options_.busy_timeout; }

 private:
  std::string path_;
  SqliteOptions options_;
  std::mutex mutex_;
  std::mutex writer_turn_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

/// Runs f, turning a SQLite::Exception into Error(storage) that names the operation.
template <class F>
decltype(auto) storage_errors(const char* what, F&& f);

/// Error(storage) for a SQLite failure during `what`.
[[noreturn]] void throw_storage(const char* what, const std::exception& e);

template <class F>
decltype(auto) storage_errors(const char* what, F&& f) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw_storage(what, e);
  }
}

}  // namespace ticketcore::detail::sqlite
