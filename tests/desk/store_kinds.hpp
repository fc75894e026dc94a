#pragma once
// The stores a Desk test runs on, for TEMPLATE_TEST_CASE(..., TC_DESK_STORE_KINDS): in
// memory, an SQLite file and, in a build with it, a PostgreSQL schema of its own.

#include <memory>

#include "sqlite/sqlite_fixtures.hpp"
#include "ticketcore/store/memory_store.hpp"
#include "ticketcore/store/sqlite_store.hpp"
#ifdef TICKETCORE_WITH_POSTGRESQL
#include "postgres_scratch.hpp"
#include "ticketcore/store/open_store.hpp"
#endif

namespace desk_test {

struct MemoryKind {
  std::shared_ptr<ticketcore::Store> make() { return ticketcore::MemoryStore::create(); }
};
struct SqliteKind {
  tc_sqlite_test::TempDb file;
  std::shared_ptr<ticketcore::Store> make() { return ticketcore::SqliteStore::open(file.path()); }
};

#ifdef TICKETCORE_WITH_POSTGRESQL
struct PostgresKind {
  // Opened by its location, as the C ABI and the CLI open it: a postgresql:// URI.
  std::shared_ptr<ticketcore::Store> make() {
    return ticketcore::open_store("postgresql:///?options=-csearch_path%3D" + tc_postgres_test::scratch().next_schema());
  }
};
#define TC_DESK_STORE_KINDS MemoryKind, SqliteKind, PostgresKind
#else
#define TC_DESK_STORE_KINDS MemoryKind, SqliteKind
#endif

}  // namespace desk_test
