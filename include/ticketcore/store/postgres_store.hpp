#pragma once
// The PostgreSQL backend of the Store, for a desk shared by several application servers
// (docs/postgres.md): a pool of libpq connections per store, a schema that migrates
// forward on open, row locks where SQLite has its one write lock, and a full-text index
// that finds Chinese (a GIN index over the tokens of store/search_tokens.hpp). Neither
// libpq's header nor any type of it is included here: the code lives in src/store/postgres/.
// Built when CMake finds libpq (TICKETCORE_WITH_POSTGRESQL).

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// How a PostgresStore connects and waits (docs/postgres.md, "Options").
struct PostgresOptions {
  /// How long a statement waits for a row lock another transaction holds before the call
  /// fails with busy: the server's lock_timeout.
  std::chrono::milliseconds lock_timeout{10000};
  /// How many idle connections the store keeps open for reuse.
  std::size_t idle_connections = 4;
};

/// A Store kept in a PostgreSQL database (13 or later), in the first schema of the
/// connection's search_path. Thread safe: any number of threads may start transactions at
/// once, each transaction used by one thread on a pooled connection of its own. Any number
/// of stores, in any number of processes and machines, may share one database.
///
/// A write transaction runs in READ COMMITTED and locks what it reads to change (the
/// ticket, the customer, the due tickets it sweeps, with SKIP LOCKED), so a read-then-write
/// use case never fails half way for a concurrent writer; when the server breaks a deadlock
/// by rolling a transaction back, the call throws RolledBack. A read transaction is one
/// REPEATABLE READ snapshot.
class PostgresStore : public Store {
 public:
  /// Connects with a libpq connection string ("postgresql://host/db", "host=... dbname=...")
  /// and migrates the schema to the latest version; Error(storage) when the server cannot be
  /// reached, the schema is not a ticketcore one, or it was written by a newer ticketcore.
  static std::unique_ptr<PostgresStore> open(const std::string& connection, const PostgresOptions& options = {});

  /// The schema version this code writes (the schema_version table of a migrated database).
  static int schema_version();

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  /// Starts a read transaction: one REPEATABLE READ, READ ONLY snapshot.
  std::unique_ptr<StoreTransaction> read() override;
  /// Starts a write transaction: READ COMMITTED, locking the rows it reads to change.
  std::unique_ptr<StoreTransaction> write() override;

 private:
  struct Impl;
  explicit PostgresStore(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace ticketcore
