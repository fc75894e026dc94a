#pragma once
// The routing facts of a ticket, derived from its history and SLA status in one
// place, so that no caller fills an EvaluationContext by hand.

#include <span>

#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/facts.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore {

/// What the routing facts are taken from; the spans and pointers must outlive the context.
struct FactSources {
  const Ticket& ticket;                                 ///< the ticket
  std::span<const Event> events;                        ///< its history
  const SlaStatus& sla;                                 ///< its SLA status at `now`
  const Customer* customer = nullptr;                   ///< its customer, if known
  const CalendarRegistry* calendars = nullptr;          ///< the desk's calendars, for calendar_open
  std::span<const Instant> customer_ticket_created_at;  ///< the customer's tickets, ascending
};

/// The evaluation context at `now`: when the current assignee got the ticket, the
/// handler's last progress (an update or an agent's public comment), the customer's
/// last message, and a snapshot of every SLA target.
EvaluationContext routing_facts(const FactSources& sources, Instant now);

}  // namespace ticketcore
