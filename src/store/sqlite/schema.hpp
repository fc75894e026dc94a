#pragma once
// The schema as an ordered list of forward migrations, versioned by PRAGMA user_version
// (docs/sqlite.md, "Schema and migrations"): step k takes a file from version k-1 to k
// inside one write transaction, so a file is always at some whole version. A file at a
// version newer than the code knows is refused, never touched.

#include "store/sqlite/connection.hpp"

namespace ticketcore::detail::sqlite {

/// The version of a fully migrated file: the number of migration steps.
int latest_schema_version();

/// The file's PRAGMA user_version.
int schema_version(Connection& c);

/// Applies the steps after the file's version up to `target` (tests build old files
/// with it), each in its own BEGIN IMMEDIATE transaction; Error(storage) when the file is
/// newer than `target` allows or is not a ticketcore database.
void migrate(Connection& c, int target);

}  // namespace ticketcore::detail::sqlite
