#pragma once
// The columns of a ticket_facts row (metrics/facts.hpp) as both SQL backends write and read
// them: one list, so a row is bound and read back in the same order everywhere.

namespace ticketcore::detail {

/// The columns in bind order (parameter 1 ...) and read order (column 0 ...).
inline constexpr const char* kFactsColumns =
    "ticket_id, created_at, team, assignee, first_response_at, resolved_at, closed_at, status, open, "
    "resolved, request_type, subtype, priority, channel, tier, complaint, reopens, reassignments, "
    "escalations, first_contact_resolution, first_response_seconds, first_response_business_seconds, "
    "resolution_seconds, resolution_business_seconds, sla_handling_start, sla_handling_start_due, "
    "sla_first_response, sla_first_response_due, sla_periodic_update, sla_periodic_update_due, "
    "sla_resolution, sla_resolution_due, rated, efficiency, attitude, effectiveness, next_due_at";
/// How many there are.
inline constexpr int kFactsColumnCount = 37;
/// The column of sla_handling_start (counted from 0); each SLA target has two: outcome, due.
inline constexpr int kFactsFirstSla = 24;

}  // namespace ticketcore::detail
