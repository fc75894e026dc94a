#pragma once
// A store from where it is, as hosts, the C ABI and the CLI name it: one text field for
// every backend this build has (docs/storage.md, "Choosing a backend").

#include <memory>
#include <string_view>

#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// Opens the store `location` names: "" or ":memory:" a new MemoryStore; "postgresql://..."
/// or "postgres://..." a PostgresStore with default options (invalid_input at `path` when
/// this build has no PostgreSQL backend); anything else the path of an SQLite file.
std::shared_ptr<Store> open_store(std::string_view location, const std::string& path = "/store");

/// Whether a location names a PostgreSQL database: it begins "postgresql://" or "postgres://".
bool is_postgres_location(std::string_view location);

}  // namespace ticketcore
