#include "status_projection.hpp"

#include <algorithm>

namespace ticketcore::detail {

namespace {

TimerState state_of(const Countdown& c, bool paused) {
  // A breach stays a breach when the target is met later.
  if (c.breached_at) return TimerState::breached;
  if (c.met_at) return TimerState::met;
  if (c.cancelled) return TimerState::stopped;
  if (paused) return TimerState::paused;
  if (c.warned > 0) return TimerState::warning;
  return TimerState::running;
}

TargetStatus target_status(const Clocks& k, SlaTarget t, const PolicyTarget& pt, Instant now) {
  const Countdown& c = k.target(t);
  const Meter& m = k.meter(t);
  const Budget& b = budget(c, pt.within, m);
  const auto pauses = k.pauses.of(c);
  TargetStatus ts;
  ts.target = t;
  ts.cycle = c.cycle;
  ts.started_at = c.start;
  ts.clock = pt.within.clock;
  ts.calendar = m.calendar_id;
  ts.budget_seconds = b.seconds;
  ts.elapsed_seconds = elapsed(c, m, pauses, c.ended_at.value_or(now));
  ts.remaining_seconds = ts.budget_seconds - ts.elapsed_seconds;
  ts.percent_used = ts.budget_seconds > 0 ? 100.0 * double(ts.elapsed_seconds) / double(ts.budget_seconds)
                                          : (ts.elapsed_seconds >= 0 ? 100.0 : 0.0);
  // When it is or was due; a clock frozen in a pause is due as if it resumed at `now`.
  auto due = exact_due(c, pt.within, b, m, pauses, 1, c.ended_at);
  if (!due) due = instant_at(c, m, pauses, ts.budget_seconds, c.ended_at);
  ts.due_at = due ? *due : m.add(now, std::max<std::int64_t>(ts.remaining_seconds, 0));
  ts.met_at = c.met_at;
  ts.breached_at = c.breached_at;
  ts.warned_percent = c.warned;
  ts.state = state_of(c, k.pauses.open());
  return ts;
}

}  // namespace

SlaStatus project_status(const Clocks& k, Instant now) {
  SlaStatus out;
  out.priority = k.priority;
  out.policy_explanation = k.choice.explanation;
  if (!k.choice.policy || now < k.created) return out;
  const SlaPolicy& p = *k.choice.policy;
  out.policy = p.id;
  for (SlaTarget t : kTargets)
    if (const PolicyTarget* pt = p.find(t)) out.targets.push_back(target_status(k, t, *pt, now));
  return out;
}

}  // namespace ticketcore::detail
