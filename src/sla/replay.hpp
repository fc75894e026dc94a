#pragma once
// The SLA engine's one algorithm: replay a ticket's history up to `now`, segment by
// segment between events, and find every threshold crossed on the way. Both
// sla_status() and due() are views of this replay, so they always agree.

#include <optional>
#include <vector>

#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// What a replay up to `now` found.
struct Replay {
  SlaStatus status;                // the targets at `now`
  std::vector<DueAction> actions;  // every action due at or before `now`, in the order found
};

/// Replays a ticket's events at or before `now`; `actions` lists only the actions due after
/// `actions_after` (none when it is empty: a status needs no actions).
Replay replay(const SlaSubject& subject, const SlaConfig& config, Instant now,
              std::optional<Instant> actions_after);

}  // namespace ticketcore::detail
