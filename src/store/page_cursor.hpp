#pragma once
// Keyset paging for ticket and customer queries: the limit check and the opaque
// `next_cursor` text, which names the last row's sort key and id so the next page
// starts strictly after it whatever was written in between (docs/storage.md).
// Any backend may use these; a cursor is only meaningful to the query order it came from.

#include <optional>
#include <string>
#include <string_view>

#include "ticketcore/model/time.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// Where a ticket page ended.
struct TicketCursor {
  std::optional<Instant> key;  ///< the last row's sort key; none in id order and for a ticket without due_at
  std::string id;              ///< the last row's id
};

/// Throws invalid_input at "/limit" unless 1 <= limit <= 1000.
void check_page_limit(std::size_t limit);

/// The sort key of a ticket under an order (none in id order; due_at may be none).
std::optional<Instant> ticket_sort_key(TicketOrder order, const Ticket& ticket, const TicketSchedule& schedule);

/// The cursor text after a ticket row, for this order and direction.
std::string encode_ticket_cursor(TicketOrder order, bool descending, const TicketCursor& cursor);
/// Reads a cursor text; invalid_input at "/after" when it is malformed or from another order or direction.
TicketCursor decode_ticket_cursor(std::string_view text, TicketOrder order, bool descending);

/// Whether row `a` comes before row `b` in the query order: by key (a ticket without a key
/// last in both directions), then by id, both in the query's direction.
bool ticket_before(bool descending, const TicketCursor& a, const TicketCursor& b);

/// The name bound above every name that begins with `prefix`, byte for byte (UTF-8 has no
/// 0xFF): a name-prefix query is the range [prefix, bound); empty when there is none.
std::string prefix_bound(std::string prefix);

/// The cursor text after a customer.
std::string encode_customer_cursor(std::string_view id);
/// The customer id a cursor names; invalid_input at "/after" when it is malformed.
std::string decode_customer_cursor(std::string_view text);
/// The cursor text after an audit entry.
std::string encode_audit_cursor(std::int64_t sequence);
/// The audit sequence a cursor names; invalid_input at "/after" when it is malformed.
std::int64_t decode_audit_cursor(std::string_view text);

}  // namespace ticketcore::detail
