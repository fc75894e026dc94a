#pragma once
// SLA clock arithmetic across pauses. A countdown starts at an instant and counts a
// budget on a meter (open seconds on a business calendar, or wall-clock seconds). It
// stands still in the pauses that apply to it: the ticket's (while it waits for the
// customer) and its own (a resolution that continues after a reopen skips the time the
// ticket spent resolved).
//
// With the pauses in time order, the time counted from the start to t is
//
//     between(start, t) - sum over pauses p of between(p ∩ [start, t))
//
// and the instant the count reaches x walks the gaps between the pauses: the gap from
// the cursor to the next pause holds between(cursor, pause) seconds; the count lands in
// the first gap that holds what is left, by one add(). An open pause before that means
// the count is frozen short of x. A threshold's instant thus costs one add() per pause
// crossed, whatever the length of the budget.
//
// Working-day budgets (add_working_days: the same local time n working days later) are
// due at add_working_days' own instant, Monday 09:00 rather than the Friday 18:00
// closing that holds as many business seconds. In seconds the budget is the business
// time from the start to that instant; once a pause intervenes, the due time moves by
// business time like any other (exact_due then has no answer).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/calendar/business_calendar.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/policy.hpp"

namespace ticketcore::detail {

/// A span of time when clocks stand still; `to` is empty while it lasts.
struct Interval {
  Instant from{};
  std::optional<Instant> to;
};

/// How a duration is counted: on a business calendar, or in wall-clock seconds.
struct Meter {
  const BusinessCalendar* calendar = nullptr;  ///< nullptr: calendar time
  SlaClock clock = SlaClock::calendar;
  std::string calendar_id;  ///< empty for calendar time

  /// Meter seconds in [a, b).
  std::int64_t between(Instant a, Instant b) const {
    return calendar ? calendar->business_seconds_between(a, b).count() : (b - a).count();
  }
  /// The instant s meter seconds after t.
  Instant add(Instant t, std::int64_t s) const {
    return calendar ? calendar->add(t, Seconds{s}) : t + Seconds{s};
  }
};

/// The meter of a duration, its calendar looked up once (the config's default when it names none).
Meter meter_for(const SlaDuration& d, const SlaConfig& config);

/// A target in meter seconds; for working days also the instant add_working_days gives.
struct Budget {
  std::int64_t seconds = 0;
  std::optional<Instant> working_days_due;
};

/// One clock: a target's cycle, a periodic-update interval, an escalation, a survey, an auto-close.
struct Countdown {
  bool active = false;  ///< counting: neither met nor cancelled
  Instant start{};
  std::int64_t anchor = 0;           ///< sequence of the event that started it (0: creation)
  int cycle = 0;                     ///< reopens that restarted it
  std::vector<Interval> own_pauses;  ///< e.g. the time spent resolved, for a resolution that continues
  std::optional<Instant> met_at;
  std::optional<Instant> breached_at;
  std::optional<Instant> ended_at;  ///< met or cancelled
  bool cancelled = false;
  int warned = 0;                                   ///< the highest warning threshold passed
  mutable const SlaDuration* budget_for = nullptr;  ///< what `budget` was computed for; reset on re-target
  mutable Budget budget;

  /// Starts afresh at `at`, from the event `seq`, in reopen cycle `cyc`.
  void begin(Instant at, std::int64_t seq, int cyc) {
    *this = Countdown{};
    active = true;
    start = at;
    anchor = seq;
    cycle = cyc;
  }
  /// Stops it in time (a later breach is kept).
  void meet(Instant at) {
    if (!active) return;
    active = false;
    met_at = ended_at = at;
  }
  /// Stops it without meeting it (cancelled, merged, withdrawn).
  void cancel(Instant at) {
    if (!active) return;
    active = false;
    cancelled = true;
    ended_at = at;
  }
};

/// The ticket's pauses, in time order; the last one is open while the ticket is in a pausing status.
class Pauses {
 public:
  /// Whether the ticket is paused now.
  bool open() const { return !ticket_.empty() && !ticket_.back().to; }
  /// The ticket enters a pausing status.
  void begin(Instant at) { ticket_.push_back({at, std::nullopt}); }
  /// The ticket leaves its pausing status.
  void end(Instant at) {
    if (open()) ticket_.back().to = at;
  }
  /// The pauses that apply to a countdown, in time order: the ticket's, plus the countdown's
  /// own. Valid until the next call.
  std::span<const Interval> of(const Countdown& c) const;

 private:
  std::vector<Interval> ticket_;
  mutable std::vector<Interval> merged_;  // reused: only a continued resolution has pauses of its own
};

/// Meter seconds counted from the countdown's start to t, pauses excluded.
std::int64_t elapsed(const Countdown& c, const Meter& m, std::span<const Interval> pauses, Instant t);

/// The instant the countdown reaches x meter seconds; empty if it is frozen in an open pause
/// before that. Pauses from `until` on are ignored (the clock ended there).
std::optional<Instant> instant_at(const Countdown& c, const Meter& m, std::span<const Interval> pauses,
                                  std::int64_t x, std::optional<Instant> until = std::nullopt);

/// The duration in meter seconds from the countdown's start, cached on the countdown
/// (working days cost a calendar walk).
const Budget& budget(const Countdown& c, const SlaDuration& d, const Meter& m);

/// For working days: add_working_days(start, times * amount), unless a pause (before `until`)
/// moved the clock; empty for other clocks, whose due instant instant_at gives.
std::optional<Instant> exact_due(const Countdown& c, const SlaDuration& d, const Budget& b, const Meter& m,
                                 std::span<const Interval> pauses, std::int64_t times,
                                 std::optional<Instant> until = std::nullopt);

}  // namespace ticketcore::detail
