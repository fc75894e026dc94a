#pragma once
// JSON forms of the Desk's own results (docs/json.md, "Desk results"): a ticket view,
// pages, a sweep, a purge, the audit log, a customer's history and profile. They follow
// docs/json.md's conventions (instants RFC 3339 with Z, absent values left out, lists
// always written) and embed the forms json.hpp and model/json.hpp write.

#include <string>
#include <utility>

#include "ticketcore/desk.hpp"

namespace ticketcore {

/// {"ticket", "events", "sla", "routing" (absent in a customer's view), "config_version",
/// "due_handed_out": [{"key", "ticket_id", "at"}]}.
std::string to_json_text(const TicketView& view);
/// {"tickets": [...], "next_cursor"}; next_cursor absent on the last page.
std::string to_json_text(const TicketPage& page);
/// {"customers": [...], "next_cursor"}; next_cursor absent on the last page.
std::string to_json_text(const CustomerPage& page);
/// {"at", "tickets_read", "actions": [due actions]}.
std::string to_json_text(const Sweep& sweep);
/// {"at", "closed_before", "tickets", "events"}.
std::string to_json_text(const Purge& purge);
/// {"entries": [{"sequence", "at", "actor", "action", "customer_id", "ticket_id", "detail"}],
/// "next_cursor"}; detail is the entry's JSON object, ids absent when empty.
std::string to_json_text(const AuditPage& page);
/// {"entries": [{"kind", "at", and one of "record_event", "purchase", "ticket", "event"}],
/// "next_cursor"}.
std::string to_json_text(const HistoryPage& page);
/// The profile's fields, absent ones left out, and "summary": summary_line(profile).
std::string to_json_text(const CustomerProfile& profile);
/// A ticket merge: {"duplicate": change, "kept": change}.
std::string to_json_text(const std::pair<Change, Change>& merge);

}  // namespace ticketcore
