#pragma once
// next_action_at for a caller that already holds the ticket's SLA status at `now` (a
// take-in has just computed it): the status replay next_action_at would redo is skipped.

#include <optional>

#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// next_action_at(subject, config, now), given `at_now` == sla_status(subject, config, now).
std::optional<Instant> next_action_at(const SlaSubject& subject, const SlaConfig& config, Instant now,
                                      const SlaStatus& at_now);

}  // namespace ticketcore::detail
