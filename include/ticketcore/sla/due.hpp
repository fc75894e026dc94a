#pragma once
// Time-driven actions: what became due between two sweeps, each handed out once.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/sla/timers.hpp"

namespace ticketcore {

/// What a due action asks the host to do.
enum class DueActionKind : std::uint8_t {
  sla_warning,           ///< a target passed a warning threshold
  sla_breach,            ///< a target ran past its due time
  progress_update_owed,  ///< the periodic update (every 24 h) is owed
  escalation,            ///< no progress since assignment: escalate to a level and team
  satisfaction_survey,   ///< the survey is owed after resolution
  auto_close,            ///< resolved without customer reply long enough: close it
};

/// One action that became due.
struct DueAction {
  std::string ticket_id;                            ///< the ticket it concerns
  DueActionKind kind = DueActionKind::sla_warning;  ///< what to do
  std::optional<SlaTarget> target;                  ///< for warnings, breaches and updates owed
  int threshold_percent = 0;                        ///< for warnings: 75, 90
  std::optional<EscalationLevel> escalation_level;  ///< for escalations: the level
  std::string team;                                 ///< for escalations: the team escalated to
  std::string rule;                                 ///< for escalations: the rule id
  Instant due_at{};                                 ///< the instant it became due
  /// Stable idempotency key: the same action always has the same key, and no two actions of a
  /// ticket share one ("202603-001/resolution/cycle0/warning75"; the grammar is in docs/sla.md,
  /// "Due actions"). Store and compare it; the fields above carry what it says.
  std::string key;
};

/// The actions that became due in (last_sweep, now], ordered by due_at, then ticket, then key.
/// Consecutive sweeps (a, b], (b, c] hand out every action exactly once, as long as
/// events are recorded no later than the sweep that follows them.
std::vector<DueAction> due(std::span<const SlaSubject> tickets, const SlaConfig& config, Instant last_sweep,
                           Instant now);

/// due() without the actions whose key is in `reported` (the keys the host recorded as
/// handed out), so that repeated or overlapping sweeps hand nothing out twice.
std::vector<DueAction> due(std::span<const SlaSubject> tickets, const SlaConfig& config, Instant last_sweep,
                           Instant now, const std::set<std::string, std::less<>>& reported);

/// Every action of one ticket that became due at or before `now`, in order (for replay and audit).
std::vector<DueAction> due_actions_until(const SlaSubject& subject, const SlaConfig& config, Instant now);

/// How far next_action_at looks ahead: past it, the ticket is looked at again anyway.
inline constexpr std::chrono::seconds kScheduleHorizon = std::chrono::hours(24 * 31);

/// The first instant after `now` at which an action of this ticket falls due if nothing
/// else happens to it: what a store indexes so that a sweep reads only due tickets. A
/// ticket whose SLA is still running but owes nothing within kScheduleHorizon gets
/// now + kScheduleHorizon (look again then); nullopt when its clocks have all stopped.
std::optional<Instant> next_action_at(const SlaSubject& subject, const SlaConfig& config, Instant now);

/// The earliest due instant among the targets still counting (running, warning or
/// paused) at `now`: what queues sort by; nullopt when none is.
std::optional<Instant> earliest_due(const SlaStatus& status);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::DueActionKind, "sla_warning", "sla_breach", "progress_update_owed",
                      "escalation", "satisfaction_survey", "auto_close");
