#pragma once
// A customer's whole history in one list, newest first: the record's own events (tier
// changes, merges), purchases, tickets taken in, their events and ratings. Pure: the
// caller reads the parts (the Desk, from its store) and pages through them here with a
// keyset cursor, so a page never repeats or skips an entry however the call is repeated.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/customer_event.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore {

/// What an entry of a customer's history is.
enum class HistoryKind : std::uint8_t {
  record_event,  ///< an event of the customer record: a tier change, a merge, a purchase recorded
  purchase,      ///< a purchase, at when it was bought (else when it was recorded)
  ticket,        ///< a ticket taken in, at its creation
  ticket_event,  ///< an event of one of the customer's tickets (not its creation: that is the ticket entry)
  rating,        ///< a satisfaction rating (a ticket event of kind rated)
};

/// One entry; the member of its kind is set.
struct HistoryEntry {
  HistoryKind kind = HistoryKind::ticket;       ///< which member is set
  Instant at{};                                 ///< when it happened
  std::optional<CustomerEvent> record_event;    ///< kind record_event
  std::optional<Purchase> purchase;             ///< kind purchase
  std::optional<Ticket> ticket;                 ///< kind ticket: the ticket as it stands now
  std::optional<Event> event;                   ///< kinds ticket_event and rating

  friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

/// Which page of whose history.
struct HistoryQuery {
  std::string customer_id;          ///< whose history, required
  std::vector<HistoryKind> kinds;   ///< only these kinds; empty: every kind
  std::size_t limit = 50;           ///< entries per page, 1 to 1000
  std::string after;                ///< the previous page's next_cursor; empty: the newest page
};

/// One page of a history, newest first.
struct HistoryPage {
  std::vector<HistoryEntry> entries;  ///< newest first; ties by kind (rating first), then id, then sequence, all descending
  std::string next_cursor;            ///< pass as `after` for the next (older) page; empty after the last
};

/// What a history is made of: the record's events, its purchases, the tickets the asker
/// sees, and the events of one ticket the asker sees (customers: the public ones only).
struct HistorySources {
  std::span<const CustomerEvent> record_events;                          ///< the record's own events
  std::span<const Purchase> purchases;                                   ///< the record's purchases
  std::span<const Ticket> tickets;                                       ///< the customer's tickets
  std::function<std::vector<Event>(const Ticket&)> events_of;            ///< a ticket's events
};

/// One page of the history the sources make, after `query.after`. Errors: invalid_input at
/// "/limit" outside 1..1000, at "/after" for a cursor that is not one of a history.
HistoryPage history_page(const HistoryQuery& query, const HistorySources& sources);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::HistoryKind, "record_event", "purchase", "ticket", "ticket_event", "rating");
