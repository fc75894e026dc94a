#include "thresholds.hpp"

#include <algorithm>
#include <span>

#include "action_keys.hpp"

namespace ticketcore::detail {

// A clock as the walk reads it: the countdown, its meter, and the pauses that apply to it.
struct ThresholdWalk::Reading {
  const Countdown& c;
  const Meter& m;
  std::span<const Interval> pauses;
};

// When the clock reaches x, if that falls in the segment; a crossing before it counts at its start.
std::optional<Instant> ThresholdWalk::crossing(const Reading& r, std::int64_t x,
                                               std::optional<Instant> exact) const {
  if (paused_) {
    if (elapsed(r.c, r.m, r.pauses, seg_start_) >= x) return seg_start_;
    return std::nullopt;
  }
  const auto t = exact ? exact : instant_at(r.c, r.m, r.pauses, x);
  if (!t) return std::nullopt;
  if (*t <= seg_start_) return seg_start_;
  if (*t < seg_end_ || (last_ && *t <= seg_end_)) return *t;
  return std::nullopt;
}

bool FiredActions::contains(const ActionId& id) const {
  return std::find(listed_.begin(), listed_.end(), id) != listed_.end() || (!hashed_.empty() && hashed_.count(id) > 0);
}

void FiredActions::add(const ActionId& id) {
  if (listed_.size() < kListed)
    listed_.push_back(id);
  else
    hashed_.insert(id);
}

std::size_t FiredActions::Hash::operator()(const ActionId& id) const noexcept {
  // The run and the step vary most; kind and which take the low bits.
  const auto mixed = (static_cast<std::uint64_t>(id.run) * 0x9E3779B97F4A7C15ull) ^
                     (static_cast<std::uint64_t>(static_cast<std::uint32_t>(id.step)) << 16) ^
                     (static_cast<std::uint64_t>(id.kind) << 8) ^ id.which;
  return static_cast<std::size_t>(mixed ^ (mixed >> 29));
}

// Whether the threshold x is reached (in this segment or an earlier one); the first time,
// records it and, when due after actions_after, the action `make` builds.
template <class Make>
bool ThresholdWalk::reach(const Reading& r, std::int64_t x, std::optional<Instant> exact, const ActionId& id,
                          Make&& make) {
  if (fired_.contains(id)) return true;
  const auto when = crossing(r, x, exact);
  if (!when) return false;
  fired_.add(id);
  last_fired_at_ = *when;
  if (actions_after_ && *when > *actions_after_) {
    if (earliest_only_) {
      if (!earliest_ || *when < *earliest_) earliest_ = *when;
      return true;
    }
    DueAction a = make();
    a.kind = id.kind;
    a.ticket_id = s_.ticket.id;
    a.due_at = *when;
    actions_.push_back(std::move(a));
  }
  return true;
}

void ThresholdWalk::advance(Clocks& k, Instant s, Instant e, bool last) {
  if (s == e && !last) return;  // events at one instant: nothing can come due between them
  seg_start_ = s;
  seg_end_ = e;
  last_ = last;
  paused_ = k.pauses.open();
  if (k.choice.policy) advance_targets(k, *k.choice.policy);
  advance_escalations(k);
  advance_after_resolution(k, k.survey, c_.survey_after_resolution, k.survey_meter,
                           DueActionKind::satisfaction_survey);
  advance_after_resolution(k, k.auto_close, c_.auto_close_after_resolution, k.auto_close_meter,
                           DueActionKind::auto_close);
}

void ThresholdWalk::advance_targets(Clocks& k, const SlaPolicy& p) {
  const std::string& ticket = s_.ticket.id;
  for (SlaTarget t : kTargets) {
    const PolicyTarget* pt = p.find(t);
    Countdown& c = k.target(t);
    if (!pt || !c.active) continue;
    const Reading r{c, k.meter(t), k.pauses.of(c)};
    const Budget& b = budget(c, pt->within, r.m);
    const std::uint8_t which = static_cast<std::uint8_t>(t);
    // A periodic update's clock restarts with each update; a target's with each reopen.
    const bool periodic = t == SlaTarget::periodic_update;
    const std::int64_t run = periodic ? c.anchor : c.cycle;

    bool reached = true;
    for (int pct : p.warning_percents) {
      reached =
          reach(r, b.seconds * pct / 100, std::nullopt, {DueActionKind::sla_warning, which, pct, run}, [&] {
            DueAction a;
            a.target = t;
            a.threshold_percent = pct;
            a.key = sla_warning_key(ticket, t, run, pct);
            return a;
          });
      if (!reached) break;
      c.warned = std::max(c.warned, pct);
    }
    if (!reached) continue;

    if (!periodic) {
      if (reach(r, b.seconds, exact_due(c, pt->within, b, r.m, r.pauses, 1),
                {DueActionKind::sla_breach, which, 0, run},
                [&] {
                  DueAction a;
                  a.target = t;
                  a.key = sla_breach_key(ticket, t, run);
                  return a;
                }) &&
          !c.breached_at)
        c.breached_at = last_fired_at_;
      continue;
    }
    // One update owed per interval without one; bounded by the segment's end.
    for (int n = 1;; ++n) {
      const std::size_t before = fired_.size();
      if (!reach(r, b.seconds * n, exact_due(c, pt->within, b, r.m, r.pauses, n),
                 {DueActionKind::progress_update_owed, which, n, run}, [&] {
                   DueAction a;
                   a.target = t;
                   a.key = progress_update_owed_key(ticket, run, n);
                   return a;
                 }))
        break;
      if (!c.breached_at && fired_.size() > before) c.breached_at = last_fired_at_;
      if (b.seconds <= 0) break;
      // A status needs when the updates first fell overdue, not every one owed since: the
      // walk stops there, so a ticket untouched for years costs no more than one owed.
      if (!actions_after_ && fired_.size() > before) break;
      // The later updates owed fall due later still: none can be the earliest. Those left
      // unmarked fall due in a later segment, after this one, if at all.
      if (earliest_only_ && fired_.size() > before && earliest_ && last_fired_at_ >= *earliest_) break;
    }
  }
}

void ThresholdWalk::advance_escalations(Clocks& k) {
  for (std::size_t i = 0; i < c_.escalations.size(); ++i) {
    const EscalationRule& rule = c_.escalations[i];
    Countdown& c = k.escalations[i];
    if (!c.active || !escalation_applies(rule, k)) continue;
    const Reading r{c, k.escalation_meters[i], k.pauses.of(c)};
    const Budget& b = budget(c, rule.after, r.m);
    reach(r, b.seconds, exact_due(c, rule.after, b, r.m, r.pauses, 1),
          {DueActionKind::escalation, std::uint8_t(i), 0, c.anchor}, [&] {
            DueAction a;
            a.escalation_level = rule.level;
            a.team = rule.team;
            a.rule = rule.id;
            a.key = escalation_key(s_.ticket.id, rule.id, c.anchor);
            return a;
          });
  }
}

void ThresholdWalk::advance_after_resolution(Clocks& k, Countdown& c, const std::optional<SlaDuration>& d,
                                             const Meter& m, DueActionKind kind) {
  if (!d || !c.active) return;
  const Reading r{c, m, k.pauses.of(c)};
  const Budget& b = budget(c, *d, m);
  reach(r, b.seconds, exact_due(c, *d, b, m, r.pauses, 1), {kind, 0, 0, c.anchor}, [&] {
    DueAction a;
    a.key = kind == DueActionKind::satisfaction_survey ? satisfaction_survey_key(s_.ticket.id, c.anchor)
                                                       : auto_close_key(s_.ticket.id, c.anchor);
    return a;
  });
}

// An escalation rule covers the ticket's request type and the priority in force.
bool ThresholdWalk::escalation_applies(const EscalationRule& rule, const Clocks& k) const {
  const auto& types = rule.request_types;
  const auto& prios = rule.priorities;
  return (types.empty() || std::find(types.begin(), types.end(), s_.ticket.request_type) != types.end()) &&
         (prios.empty() || std::find(prios.begin(), prios.end(), k.priority) != prios.end());
}

}  // namespace ticketcore::detail
