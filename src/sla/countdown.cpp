#include "countdown.hpp"

#include <algorithm>

namespace ticketcore::detail {

Meter meter_for(const SlaDuration& d, const SlaConfig& config) {
  if (d.clock == SlaClock::calendar) return {nullptr, d.clock, ""};
  const BusinessCalendar& cal = config.calendars.get(d.calendar);
  return {&cal, d.clock, d.calendar.empty() ? config.calendars.default_id : d.calendar};
}

std::span<const Interval> Pauses::of(const Countdown& c) const {
  if (c.own_pauses.empty()) return ticket_;
  merged_ = ticket_;
  merged_.insert(merged_.end(), c.own_pauses.begin(), c.own_pauses.end());
  std::sort(merged_.begin(), merged_.end(),
            [](const Interval& a, const Interval& b) { return a.from < b.from; });
  return merged_;
}

std::int64_t elapsed(const Countdown& c, const Meter& m, std::span<const Interval> pauses, Instant t) {
  if (t <= c.start) return 0;
  std::int64_t total = m.between(c.start, t);
  for (const Interval& p : pauses) {
    const Instant a = std::max(p.from, c.start);
    const Instant b = std::min(p.to.value_or(t), t);
    if (a < b) total -= m.between(a, b);
  }
  return total;
}

std::optional<Instant> instant_at(const Countdown& c, const Meter& m, std::span<const Interval> pauses,
                                  std::int64_t x, std::optional<Instant> until) {
  Instant cursor = c.start;
  std::int64_t rest = x;
  for (const Interval& p : pauses) {
    if (until && p.from >= *until) break;
    if (p.to && *p.to <= cursor) continue;
    const Instant gap_end = std::max(p.from, cursor);
    const std::int64_t gap = m.between(cursor, gap_end);
    if (rest <= gap) return m.add(cursor, rest);
    rest -= gap;
    if (!p.to) return std::nullopt;
    cursor = *p.to;
  }
  return m.add(cursor, rest);
}

const Budget& budget(const Countdown& c, const SlaDuration& d, const Meter& m) {
  if (c.budget_for != &d) {
    c.budget_for = &d;
    c.budget = {d.amount, std::nullopt};
    if (d.clock == SlaClock::working_days) {
      c.budget.working_days_due = m.calendar->add_working_days(c.start, int(d.amount));
      c.budget.seconds = m.between(c.start, *c.budget.working_days_due);
    }
  }
  return c.budget;
}

std::optional<Instant> exact_due(const Countdown& c, const SlaDuration& d, const Budget& b, const Meter& m,
                                 std::span<const Interval> pauses, std::int64_t times,
                                 std::optional<Instant> until) {
  if (d.clock != SlaClock::working_days) return std::nullopt;
  const Instant due =
      times == 1 ? *b.working_days_due : m.calendar->add_working_days(c.start, int(d.amount * times));
  for (const Interval& p : pauses) {
    if (until && p.from >= *until) break;
    if (p.from < due && (!p.to || *p.to > c.start)) return std::nullopt;
  }
  return due;
}

}  // namespace ticketcore::detail
