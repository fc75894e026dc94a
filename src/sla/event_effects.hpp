#pragma once
// What each kind of event does to a ticket's SLA clocks (docs/sla.md, "The events the
// engine reads" and "Timers"): a status change pauses, resolves, reopens or cancels; an
// assignment arms the escalations; agent work meets handling start, first response and
// restarts the periodic update; a priority change re-targets. Payloads are read through
// their key tables (model/event_payloads.hpp), and a bad one fails with the event's own
// path: "/events/<index>/payload/to".

#include "clocks.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// The clocks at `created`: every target counting from it under the policy for the priority
/// at creation, the escalations waiting for an assignment, the survey and auto-close for a
/// resolution.
Clocks start_clocks(const SlaSubject& subject, const SlaConfig& config, Instant created);

/// Applies `e`, one of subject.events, at `at` (its time, or the creation if it is earlier).
void apply_event(Clocks& clocks, const SlaSubject& subject, const SlaConfig& config, const Event& e,
                 Instant at);

}  // namespace ticketcore::detail
