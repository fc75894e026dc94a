#include "sla_outcomes.hpp"

#include "ticketcore/sla/due.hpp"

namespace ticketcore::detail {

namespace {

SlaOutcome outcome_of(TimerState state) {
  switch (state) {
    case TimerState::running:
    case TimerState::warning:
    case TimerState::paused: return SlaOutcome::pending;
    case TimerState::met: return SlaOutcome::met;
    case TimerState::breached: return SlaOutcome::breached;
    case TimerState::stopped: break;  // withdrawn before it was decided
  }
  return SlaOutcome::not_applicable;
}

// The calendars named by the targets, resolution first: the one a person means by
// "business time" for this ticket.
constexpr std::array<SlaTarget, 4> kCalendarPreference{SlaTarget::resolution, SlaTarget::first_response,
                                                       SlaTarget::periodic_update, SlaTarget::handling_start};

}  // namespace

SlaFacts sla_facts(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  const SlaStatus status = sla_status(subject, config, now);
  SlaFacts out;
  for (const TargetStatus& t : status.targets) {
    TargetOutcome& o = out.outcomes[static_cast<std::size_t>(t.target)];
    o.outcome = outcome_of(t.state);
    if (t.state == TimerState::running || t.state == TimerState::warning) o.due_at = t.due_at;
  }
  for (const DueAction& a : due_actions_until(subject, config, now)) {
    const bool missed = a.kind == DueActionKind::sla_breach || a.kind == DueActionKind::progress_update_owed;
    if (!missed || !a.target) continue;
    TargetOutcome& o = out.outcomes[static_cast<std::size_t>(*a.target)];
    o.outcome = SlaOutcome::breached;
    o.due_at.reset();
  }
  out.next_due_at = earliest_due(status);
  for (SlaTarget wanted : kCalendarPreference)
    for (const TargetStatus& t : status.targets)
      if (t.target == wanted && !t.calendar.empty() && out.calendar.empty()) out.calendar = t.calendar;
  return out;
}

}  // namespace ticketcore::detail
