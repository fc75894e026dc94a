#pragma once
// A small RAII layer over libpq (docs/postgres.md, "Connections"): a connection with its
// session settings and its prepared statements, a result of text values, the parameters
// of a statement as text, and the pool a PostgresStore lends connections from.
//
// Every statement with parameters is prepared once per connection and SQL text (the
// extended protocol: no quoting of values anywhere) and run with text parameters and
// text results. Transaction control (BEGIN, SAVEPOINT, COMMIT) goes as simple queries.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ticketcore/model/time.hpp"
#include "ticketcore/store/postgres_store.hpp"

namespace ticketcore::detail::postgres {

/// A failure libpq or the server reported, with its SQLSTATE ("" when the connection failed).
class PqError : public std::runtime_error {
 public:
  /// A failure with the server's SQLSTATE and message.
  PqError(std::string sqlstate, const std::string& message);
  /// The five-character SQLSTATE ("23505"), or empty.
  const std::string& sqlstate() const noexcept { return sqlstate_; }

 private:
  std::string sqlstate_;
};

/// The parameters of one statement ($1, $2, ...), each as text or NULL.
class Params {
 public:
  /// Appends a text value.
  Params& text(std::string_view value);
  /// Appends an integer.
  Params& integer(std::int64_t value);
  /// Appends an instant as Unix seconds, or NULL.
  Params& instant(const std::optional<Instant>& value);
  /// Appends NULL.
  Params& null();
  /// Appends a text[] literal of the values (for "= ANY($n::text[])").
  Params& text_array(const std::vector<std::string>& values);

  /// How many there are.
  int size() const { return static_cast<int>(values_.size()); }
  /// The values as libpq takes them; valid until the next append.
  const std::vector<const char*>& pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
  mutable std::vector<const char*> pointers_;
};

/// A statement's result: rows of text values. Move-only; clears the PGresult.
class Result {
 public:
  /// Takes ownership of a PGresult.
  explicit Result(PGresult* result) : result_(result) {}
  /// The number of rows.
  int rows() const { return PQntuples(result_.get()); }
  /// Whether a value is NULL.
  bool null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  /// A value as text ("" for NULL).
  std::string_view text(int row, int column) const;
  /// A value as a string.
  std::string string(int row, int column) const { return std::string(text(row, column)); }
  /// A value as an integer; Error(storage) when it is not one.
  std::int64_t integer(int row, int column) const;
  /// A value as an instant (Unix seconds), or none for NULL.
  std::optional<Instant> instant(int row, int column) const;
  /// The rows a command changed (INSERT, UPDATE, DELETE).
  std::int64_t changed() const;

 private:
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  std::unique_ptr<PGresult, Clear> result_;
};

/// An open connection with its session settings and prepared statements.
class Connection {
 public:
  /// Connects and sets the session (lock_timeout, quiet notices); PqError when it cannot.
  Connection(const std::string& conninfo, const PostgresOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Runs a statement with parameters (prepared on first use); PqError on failure, its own
  /// or that of a statement sent before it.
  Result exec(const std::string& sql, const Params& params = {});
  /// Sends a statement whose result nobody reads (a write that fails only with the server)
  /// without waiting for it: it runs, in order, with the next statement that is waited for,
  /// in one round trip, and a failure of it is thrown there (libpq's pipeline mode).
  void send(const std::string& sql, const Params& params = {});
  /// Sends a statement whose result is wanted, without waiting: results() returns it, so
  /// several reads go in one round trip.
  void ask(const std::string& sql, const Params& params = {});
  /// Runs what was sent, in one round trip, and returns the results asked for, in order;
  /// PqError for the first statement that failed.
  std::vector<Result> results();
  /// Runs SQL without parameters (BEGIN, COMMIT, SAVEPOINT); several statements only when
  /// nothing sent is waiting.
  void run(const char* sql);
  /// Whether an idle connection is still up, as far as can be told without a round trip.
  bool alive();
  /// Whether the connection is up and outside any transaction: fit to pool again.
  bool reusable() const;
  /// Whether a transaction is open on it (in progress or failed, or its BEGIN sent).
  bool in_transaction() const;

 private:
  // PqError for a failed result, or for the connection when there is none.
  [[noreturn]] void fail(PGresult* result);
  // Throws unless the result succeeded; returns it.
  Result checked(PGresult* result);
  // The name of the statement prepared for `sql`; the first time, prepares it (sent along
  // when `piped`, else run).
  const std::string& prepared(const std::string& sql, bool piped);
  // Sends a prepared statement in pipeline mode; `wanted`: results() returns its result.
  void pipe(const std::string& sql, const Params& params, bool wanted);

  PGconn* connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  std::uint64_t statements_ = 0;                           // names handed out, so none repeats
  std::vector<bool> wanted_;                               // per statement sent in pipeline mode, results unread
  std::vector<std::string> piped_prepares_;                // SQL prepared in the current pipeline
  bool broken_ = false;                                    // a pipeline left in an unknown state
};

/// The connections of one store: lent to a transaction, returned when it ends.
class Pool {
 public:
  /// A pool for one database.
  Pool(std::string conninfo, PostgresOptions options) : conninfo_(std::move(conninfo)), options_(options) {}

  /// An idle connection that is still up, or a new one.
  std::unique_ptr<Connection> acquire();
  /// A new connection, never an idle one.
  std::unique_ptr<Connection> connect();
  /// Takes a connection back; closes it when enough are idle or it is not reusable.
  void release(std::unique_ptr<Connection> connection);

 private:
  std::string conninfo_;
  PostgresOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

/// The error a PqError during `what` becomes: RolledBack for a deadlock or serialization
/// failure, busy for a lock wait past lock_timeout, storage for anything else.
[[noreturn]] void throw_storage(const char* what, const PqError& e);

}  // namespace ticketcore::detail::postgres
