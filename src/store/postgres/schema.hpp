#pragma once
// The PostgreSQL schema, versioned in a one-row schema_version table and migrated forward
// step by step on open (docs/postgres.md, "Schema"). Each step runs in one transaction
// under an advisory lock, so of several servers opening at once one migrates and the
// others wait for it. The tables live in the connection's current schema.

#include "store/postgres/connection.hpp"

namespace ticketcore::detail::postgres {

/// The number of migration steps: the version a migrated schema has.
int latest_schema_version();

/// The schema's version (0 for a schema without ticketcore's tables).
int schema_version(Connection& c);

/// Migrates the schema up to `target`, step by step; Error(storage) when it is newer than
/// this code knows, or holds tables but no schema version (not a ticketcore schema).
void migrate(Connection& c, int target);

}  // namespace ticketcore::detail::postgres
