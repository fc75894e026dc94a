#pragma once
// JSON forms of the Desk's own results, which ticketcore/json.hpp does not write yet:
// a ticket view, pages of tickets and customers, a sweep. They follow docs/json.md's
// conventions (instants RFC 3339 with Z, absent values left out, lists always written)
// and embed the forms json.hpp and model/json.hpp already write. They live in capi/ for
// now; they belong beside the other forms in src/json/ once the C++ API wants them too.

#include <string>

#include "ticketcore/desk.hpp"

namespace ticketcore::capi {

/// {"ticket", "events", "sla", "routing" (absent in a customer's view), "config_version",
/// "due_handed_out": [{"key", "ticket_id", "at"}]}.
std::string to_json_text(const TicketView& view);
/// {"tickets": [...], "next_cursor"}; next_cursor absent on the last page.
std::string to_json_text(const TicketPage& page);
/// {"customers": [...], "next_cursor"}; next_cursor absent on the last page.
std::string to_json_text(const CustomerPage& page);
/// {"at", "tickets_read", "actions": [due actions]}.
std::string to_json_text(const Sweep& sweep);

}  // namespace ticketcore::capi
