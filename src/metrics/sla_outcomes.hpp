#pragma once
// Each SLA target's outcome over a ticket's whole history, for its facts row.
//
// sla_status() says where the current run of a clock stands: a resolution that breached,
// was reopened and restarted shows only the new cycle, and a periodic update shows only
// the interval since the last update. A report wants the whole story, so a target counts
// as breached when the status says so or when any breach fell due for it in the replay up
// to `now` (due_actions_until: sla_breach for the targets of a cycle, progress_update_owed
// for the periodic update). Both are views of one replay, so they agree on everything else.

#include <array>
#include <optional>
#include <string>

#include "ticketcore/metrics/facts.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// The SLA side of a facts row.
struct SlaFacts {
  std::array<TargetOutcome, 4> outcomes{};  ///< by SlaTarget
  std::optional<Instant> next_due_at;       ///< earliest_due of the status: the schedule's due_at
  std::string calendar;  ///< the business calendar the policy's targets count on; empty when none names one
};

/// The outcomes at `now` of the targets the ticket's policy sets.
SlaFacts sla_facts(const SlaSubject& subject, const SlaConfig& config, Instant now);

}  // namespace ticketcore::detail
