#include "ticketcore/sla/due.hpp"

#include <algorithm>

#include "next_action.hpp"
#include "replay.hpp"

namespace ticketcore {

std::vector<DueAction> due_actions_until(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  auto actions = detail::replay(subject, config, now, Instant::min()).actions;
  std::stable_sort(actions.begin(), actions.end(),
                   [](const DueAction& a, const DueAction& b) { return a.due_at < b.due_at; });
  return actions;
}

std::vector<DueAction> due(std::span<const SlaSubject> tickets, const SlaConfig& config, Instant last_sweep,
                           Instant now) {
  std::vector<DueAction> out;
  if (now <= last_sweep) return out;
  for (const SlaSubject& subject : tickets) {
    // The replay up to `now` finds each action at the first instant it became due;
    // the window (last_sweep, now] keeps those not handed out by an earlier sweep.
    for (DueAction& a : detail::replay(subject, config, now, last_sweep).actions)
      out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const DueAction& a, const DueAction& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    if (a.ticket_id != b.ticket_id) return a.ticket_id < b.ticket_id;
    return a.key < b.key;
  });
  return out;
}

std::vector<DueAction> due(std::span<const SlaSubject> tickets, const SlaConfig& config, Instant last_sweep,
                           Instant now, const std::set<std::string, std::less<>>& reported) {
  auto out = due(tickets, config, last_sweep, now);
  std::erase_if(out, [&](const DueAction& a) { return reported.contains(a.key); });
  return out;
}

}  // namespace ticketcore

namespace ticketcore {

namespace {

// A target whose clock still counts or whose deadline is still owed (overdue, not met).
bool still_owed(const TargetStatus& t) {
  switch (t.state) {
    case TimerState::running:
    case TimerState::paused:
    case TimerState::warning: return true;
    case TimerState::breached: return !t.met_at;
    case TimerState::met:
    case TimerState::stopped: return false;
  }
  return false;
}

// The first action due at or after `now` within the horizon.
std::optional<Instant> first_action(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  // Actions due at `now` itself count: a change at `now` may make one due at once.
  const Instant horizon = now + kScheduleHorizon;
  return detail::replay(subject, config, horizon, now - std::chrono::seconds(1), true).earliest;
}

// With no action within the horizon: look again at its end while a target is still owed.
std::optional<Instant> look_again(const SlaStatus& at_now, Instant now) {
  if (std::any_of(at_now.targets.begin(), at_now.targets.end(), still_owed)) return now + kScheduleHorizon;
  return std::nullopt;
}

}  // namespace

std::optional<Instant> next_action_at(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  if (auto next = first_action(subject, config, now)) return next;
  return look_again(detail::replay(subject, config, now, std::nullopt).status, now);
}

std::optional<Instant> detail::next_action_at(const SlaSubject& subject, const SlaConfig& config, Instant now,
                                              const SlaStatus& at_now) {
  if (auto next = first_action(subject, config, now)) return next;
  return look_again(at_now, now);
}

std::optional<Instant> earliest_due(const SlaStatus& status) {
  std::optional<Instant> earliest;
  for (const TargetStatus& t : status.targets)
    if (still_owed(t) && (!earliest || t.due_at < *earliest)) earliest = t.due_at;
  return earliest;
}

}  // namespace ticketcore
