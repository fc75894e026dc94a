#pragma once
// The SLA engine's one algorithm: replay a ticket's history up to `now`, segment by
// segment between events, and find every threshold crossed on the way. Both
// sla_status() and due() are views of this replay, so they always agree.
//
// Its parts, one concern per file:
//   countdown.hpp          clock arithmetic across pauses: elapsed time, due instants, budgets
//   clocks.hpp             the state carried from event to event: every clock of the ticket
//   event_effects.hpp      what each kind of event does to the clocks
//   thresholds.hpp         what time does: the warnings, breaches, updates owed, escalations,
//                          surveys and auto-closes that fall due between events
//   action_keys.hpp        the due actions' keys, a contract with the host
//   status_projection.hpp  the status view (sla_status)

#include <optional>
#include <vector>

#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// What a replay up to `now` found.
struct Replay {
  SlaStatus status;                // the targets at `now`
  std::vector<DueAction> actions;  // every action due at or before `now`, in the order found
  std::optional<Instant> earliest;  // with earliest_only: the earliest due of those actions
};

/// Replays a ticket's events at or before `now`; `actions` lists only the actions due after
/// `actions_after` (none when it is empty: a status needs no actions). With `earliest_only`
/// it gives only their earliest due instant in `earliest`, and `actions` stays empty.
Replay replay(const SlaSubject& subject, const SlaConfig& config, Instant now,
              std::optional<Instant> actions_after, bool earliest_only = false);

}  // namespace ticketcore::detail
