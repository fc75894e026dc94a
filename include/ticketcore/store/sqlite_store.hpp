#pragma once
// The SQLite backend of the Store: one database file in WAL mode, a small pool of
// connections with their prepared statements, a schema that migrates forward on open,
// and a full-text index that finds Chinese (docs/sqlite.md). Neither SQLiteCpp nor
// sqlite3.h is included here: the implementation lives in src/store/sqlite/.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// How a SqliteStore opens its file (docs/sqlite.md, "PRAGMAs").
struct SqliteOptions {
  /// How durable a commit is: PRAGMA synchronous.
  enum class Sync : std::uint8_t {
    normal,  ///< WAL + NORMAL: a commit survives a crash of the process, maybe not of the machine
    full,    ///< FULL: every commit is synced to disk before it returns
  };

  /// How long a transaction waits for another connection's lock before it fails (storage).
  std::chrono::milliseconds busy_timeout{10000};
  /// The durability of commits.
  Sync synchronous = Sync::normal;
  /// How many idle connections the store keeps open for reuse.
  std::size_t idle_connections = 4;
};

/// A Store kept in one SQLite database file. Thread safe: any number of threads may
/// start transactions at once, each transaction used by one thread; each transaction
/// borrows a pooled connection. Several SqliteStore objects and processes may share
/// one file: writers queue on SQLite's write lock (BEGIN IMMEDIATE, busy timeout).
/// A transaction may outlive the store it came from.
class SqliteStore : public Store {
 public:
  /// Opens (or creates) the database file at `path` and migrates its schema to the latest
  /// version; Error(storage) when the file cannot be opened, is not a ticketcore database
  /// or was written by a newer ticketcore (its schema version is higher than this one knows).
  static std::unique_ptr<SqliteStore> open(const std::string& path, const SqliteOptions& options = {});

  /// The schema version this code writes (PRAGMA user_version of a migrated file).
  static int schema_version();

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  /// Starts a read transaction (BEGIN DEFERRED: one snapshot from the first read; never writes).
  std::unique_ptr<StoreTransaction> read() override;
  /// Starts a write transaction (BEGIN IMMEDIATE: holds the file's write lock from the start).
  std::unique_ptr<StoreTransaction> write() override;

  /// The path the store was opened with.
  const std::string& path() const;

 private:
  struct Impl;
  explicit SqliteStore(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace ticketcore
