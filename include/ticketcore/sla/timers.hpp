#pragma once
// SLA timers: a ticket's targets replayed from its event history, and their status at `now`.
// The event payload conventions read here are written down in docs/sla.md.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore {

/// A ticket with its history and its customer's tier: what the SLA engine reads.
struct SlaSubject {
  const Ticket& ticket;           ///< id, created_at, request type, channel; priority when no event says
  std::span<const Event> events;  ///< the ticket's history (any order; sorted by time, then sequence)
  CustomerTier tier = CustomerTier::normal;  ///< the customer's tier, for the policy choice
};

/// Where a target stands.
enum class TimerState : std::uint8_t {
  running,   ///< counting, below the first warning threshold
  paused,    ///< the ticket is in a pausing status (pending_customer)
  warning,   ///< counting, past a warning threshold
  met,       ///< stopped in time
  breached,  ///< ran past its due time (met_at may follow later)
  stopped,   ///< the ticket was cancelled or merged before the target was met
};

/// The status of one target at `now`.
struct TargetStatus {
  SlaTarget target = SlaTarget::resolution;  ///< what is measured
  TimerState state = TimerState::running;    ///< where it stands at `now`
  int cycle = 0;                             ///< 0, or the number of reopens that restarted this target
  Instant started_at{};                ///< when this cycle's clock started (creation, reopen, last update)
  Instant due_at{};                    ///< when the target is (or was) due; while paused: if resumed at `now`
  std::int64_t budget_seconds = 0;     ///< the target in its clock's seconds
  std::int64_t elapsed_seconds = 0;    ///< clock seconds used (pauses excluded)
  std::int64_t remaining_seconds = 0;  ///< budget - elapsed; negative when overdue
  double percent_used = 0;             ///< 100 * elapsed / budget
  int warned_percent = 0;              ///< the highest warning threshold passed, 0 if none
  std::optional<Instant> met_at;       ///< when it was met
  std::optional<Instant> breached_at;  ///< when it ran past due
  SlaClock clock = SlaClock::business;  ///< the clock the seconds are counted on
  std::string calendar;                 ///< the calendar id (empty for calendar time)
};

/// A ticket's SLA status at `now`.
struct SlaStatus {
  std::string priority;               ///< the priority in force at `now`
  std::string policy;                 ///< the chosen policy id; empty when none covers the ticket
  std::string policy_explanation;     ///< why that policy
  std::vector<TargetStatus> targets;  ///< one per target the policy sets, in SlaTarget order
};

/// The SLA status of a ticket at `now`, from the events at or before `now`.
SlaStatus sla_status(const SlaSubject& subject, const SlaConfig& config, Instant now);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::TimerState, "running", "paused", "warning", "met", "breached", "stopped");
