#pragma once
// The backends the Store contract suite runs against: each is a type with make(), a
// fresh empty store, and name. Every TEMPLATE_TEST_CASE in tests/store lists
// TC_STORE_BACKENDS, so a backend added here runs the whole suite.

#include <memory>

#include "ticketcore/store/store.hpp"

/// The in-memory store.
struct MemoryBackend {
  /// A fresh, empty MemoryStore.
  static std::unique_ptr<ticketcore::Store> make();
  static constexpr const char* name = "memory";
};

/// The SQLite store, on a fresh file in the temp folder (removed when the program exits).
struct SqliteBackend {
  /// A fresh, empty SqliteStore.
  static std::unique_ptr<ticketcore::Store> make();
  static constexpr const char* name = "sqlite";
};

#ifdef TICKETCORE_WITH_POSTGRESQL
/// The PostgreSQL store, in a new schema on the server PGHOST names (tests/postgres_scratch.hpp).
struct PostgresBackend {
  /// A fresh, empty PostgresStore.
  static std::unique_ptr<ticketcore::Store> make();
  static constexpr const char* name = "postgres";
};

/// Every backend the contract suite runs against.
#define TC_STORE_BACKENDS MemoryBackend, SqliteBackend, PostgresBackend
#else
/// Every backend the contract suite runs against.
#define TC_STORE_BACKENDS MemoryBackend, SqliteBackend
#endif
