#pragma once
// Where every SLA clock of one ticket stands at a point of its replay: the state a replay
// carries from event to event. Events change it (event_effects.hpp), time carries it past
// thresholds (thresholds.hpp), and the status at `now` reads it (status_projection.hpp).

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "countdown.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/sla/policy.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore::detail {

/// Every target, in SlaTarget order (the order of SlaStatus::targets).
inline constexpr std::array<SlaTarget, 4> kTargets{SlaTarget::handling_start, SlaTarget::first_response,
                                                   SlaTarget::periodic_update, SlaTarget::resolution};

/// A ticket's SLA clocks.
struct Clocks {
  Instant created{};                   ///< when the clocks started
  Status status = Status::new_ticket;  ///< the ticket's status so far
  std::string priority;                ///< the priority in force
  PolicyChoice choice;                 ///< the policy for `priority`
  Pauses pauses;                       ///< the ticket's time in pausing statuses

  std::array<Countdown, 4> targets{};    ///< by SlaTarget
  std::array<Meter, 4> target_meters{};  ///< of the chosen policy's targets
  std::vector<Countdown> escalations;    ///< one per escalation rule of the config, armed by assignment
  std::vector<Meter> escalation_meters;  ///< one per escalation rule
  Countdown survey, auto_close;          ///< started by a resolution
  Meter survey_meter, auto_close_meter;

  Countdown& target(SlaTarget t) { return targets[static_cast<std::size_t>(t)]; }
  const Countdown& target(SlaTarget t) const { return targets[static_cast<std::size_t>(t)]; }
  const Meter& meter(SlaTarget t) const { return target_meters[static_cast<std::size_t>(t)]; }
};

}  // namespace ticketcore::detail
