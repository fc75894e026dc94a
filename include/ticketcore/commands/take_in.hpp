#pragma once
// Take-in: the whole intake pipeline of DESIGN.md as one pure function: validate,
// number, prioritize, route, assign, start the SLA, and say what the host owes people.

#include <cstdint>
#include <span>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/decision.hpp"
#include "ticketcore/sla/priority.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore {

/// What the store read for a take-in.
struct IntakeSnapshot {
  const Customer& customer;  ///< the ticket's customer (found or registered)
  std::int64_t serial = 1;   ///< the next serial of the ticket counter for `now`'s period
  Workload workload;         ///< the agents' open tickets and the round-robin cursors
  std::span<const Instant> customer_ticket_created_at;  ///< the customer's earlier tickets, ascending
};

/// Everything a take-in decided, with the ticket and its first events.
struct TakeInResult {
  Ticket ticket;                    ///< the new ticket, numbered, prioritized, routed, assigned
  std::vector<Event> events;        ///< its first events, numbered from 1
  PriorityDecision priority;        ///< how the priority was reached
  Decision routing;                 ///< what the rules decided
  Assignment assignment;            ///< who got it and why; empty steps when no strategy ran
  SlaStatus sla;                    ///< the SLA clocks as they start
  std::vector<HostAction> actions;  ///< the auto-reply with the ticket number, notifications, approvals
  Workload workload;                ///< the workload after the assignment, for the store to keep
};

/// Takes in a request: `request` carries what the customer asked (customer_id, channel,
/// request type, subtype, subject, description, urgency, impact, expected resolution,
/// tags, attributes, attachments); the fields the desk sets (id, status, stage, priority,
/// team, assignee, the timestamps, version) must be empty, or Error names them.
TakeInResult take_in(const CommandContext& context, const Ticket& request, const IntakeSnapshot& snapshot);

}  // namespace ticketcore
