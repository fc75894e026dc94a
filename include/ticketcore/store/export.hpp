#pragma once
// Export and import of a whole store as JSON lines (docs/storage.md, "Export format"):
// a backup, a move between backends, a fixture.

#include <iosfwd>

#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// Writes everything the transaction sees as JSON lines, one object with a "type" per
/// line, in a fixed order, so the same data always gives the same bytes.
void export_lines(StoreTransaction& tx, std::ostream& out);

/// Reads export_lines output into the transaction's store, which must be empty (else
/// conflict); a bad line throws Error whose path names it ("/lines/12/ticket/priority").
/// Nothing is kept unless the caller commits the transaction.
void import_lines(StoreTransaction& tx, std::istream& in);

}  // namespace ticketcore
