// Opening a store by its location (open_store.hpp).
#include "ticketcore/store/open_store.hpp"

#include <string>

#include "ticketcore/error.hpp"
#include "ticketcore/store/memory_store.hpp"
#include "ticketcore/store/sqlite_store.hpp"
#ifdef TICKETCORE_WITH_POSTGRESQL
#include "ticketcore/store/postgres_store.hpp"
#endif

namespace ticketcore {

std::shared_ptr<Store> open_store(std::string_view location, const std::string& path) {
  if (location.empty() || location == ":memory:") return MemoryStore::create();
  if (is_postgres_location(location)) {
#ifdef TICKETCORE_WITH_POSTGRESQL
    (void)path;
    return PostgresStore::open(std::string(location));
#else
    throw_invalid(path, "this ticketcore was built without PostgreSQL (TICKETCORE_WITH_POSTGRESQL)");
#endif
  }
  return SqliteStore::open(std::string(location));
}

bool is_postgres_location(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

}  // namespace ticketcore
