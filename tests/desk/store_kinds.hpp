#pragma once
// The two stores a Desk test runs on, for TEMPLATE_TEST_CASE: in memory and an SQLite file.

#include <memory>

#include "sqlite/sqlite_fixtures.hpp"
#include "ticketcore/store/memory_store.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace desk_test {

struct MemoryKind {
  std::shared_ptr<ticketcore::Store> make() { return ticketcore::MemoryStore::create(); }
};
struct SqliteKind {
  tc_sqlite_test::TempDb file;
  std::shared_ptr<ticketcore::Store> make() { return ticketcore::SqliteStore::open(file.path()); }
};

}  // namespace desk_test
