#pragma once
// A fresh, empty PostgreSQL schema for each store a test opens, on the server PGHOST
// names (scripts/test starts a throwaway one): a connection string whose search_path is
// the new schema. Every schema made by a process is dropped when it exits. Without PGHOST
// the test fails with "PGHOST is unset", which CTest reports as skipped
// (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt): loudly, never as a pass.

#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"

namespace tc_postgres_test {

/// The schemas made by this process, dropped (with all they hold) when it exits.
class ScratchSchemas {
 public:
  /// A connection string for a new empty schema; throws when PGHOST is unset.
  std::string next() { return location(next_schema()); }
  /// The name of a new empty schema; throws when PGHOST is unset.
  std::string next_schema() {
    if (!std::getenv("PGHOST"))
      throw std::runtime_error("PGHOST is unset: the PostgreSQL backend is not tested (scripts/test sets it)");
    std::lock_guard lock(mutex_);
    const std::string name = "tc_test_" + std::to_string(::getpid()) + "_" + std::to_string(names_.size());
    admin().run(("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name).c_str());
    names_.push_back(name);
    return name;
  }
  /// The connection string for a schema that exists.
  static std::string location(const std::string& schema) { return "options='-c search_path=" + schema + "'"; }

  ~ScratchSchemas() {
    try {
      for (const auto& name : names_) admin().run(("DROP SCHEMA IF EXISTS " + name + " CASCADE").c_str());
    } catch (...) {
      // The server is gone: nothing to clean up.
    }
  }

 private:
  ticketcore::detail::postgres::Connection& admin() {
    if (!admin_) admin_ = std::make_unique<ticketcore::detail::postgres::Connection>("", ticketcore::PostgresOptions{});
    return *admin_;
  }
  std::mutex mutex_;
  std::vector<std::string> names_;
  std::unique_ptr<ticketcore::detail::postgres::Connection> admin_;
};

/// This process's scratch schemas.
inline ScratchSchemas& scratch() {
  static ScratchSchemas schemas;
  return schemas;
}

}  // namespace tc_postgres_test
