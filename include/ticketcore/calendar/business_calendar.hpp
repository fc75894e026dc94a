#pragma once
// Business calendars: when a desk is open, in an IANA time zone, with holidays and
// make-up working days. Pure: no clock reads, every instant is a parameter.

#include <memory>
#include <string>
#include <string_view>

#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// A business calendar: weekly opening hours (any number of ranges per weekday),
/// holidays (whole days, date ranges, partial days) and extra working days, in
/// one IANA time zone. Immutable and cheap to copy; safe to share across threads.
/// The semantics of every operation are written down in docs/sla.md.
class BusinessCalendar {
 public:
  /// Reads and validates a calendar from JSON text (docs/sla.md gives the form);
  /// throws Error whose path names the offending field.
  static BusinessCalendar from_json_text(std::string_view text);
  /// A calendar open around the clock (24x7) in UTC.
  static BusinessCalendar always_open();

  /// The calendar's id ("cn-standard"); may be empty.
  const std::string& id() const;
  /// The IANA time zone name ("Asia/Shanghai").
  const std::string& time_zone() const;

  /// Whether the desk is open at t (an opening range includes its start, not its end).
  bool is_open(Instant t) const;
  /// t if open at t, else the next instant the desk opens.
  Instant next_open(Instant t) const;
  /// The earliest instant with `business` seconds of open time since t (t itself for 0): a start
  /// outside hours counts from the next opening, a duration ending exactly at closing is due at
  /// closing. Throws Error for a negative duration.
  Instant add(Instant t, Seconds business) const;
  /// Open seconds in [a, b); negative when b is before a.
  Seconds business_seconds_between(Instant a, Instant b) const;
  /// From next_open(t), the same local time n working days later (n < 0: earlier), moved into
  /// opening hours if needed.
  Instant add_working_days(Instant t, int n) const;
  /// The local date at t in the calendar's zone (ticket numbers count per local month).
  Date local_date(Instant t) const;
  /// Whether the local date d has any opening hours (weekly hours, holidays and extra days applied).
  bool is_working_day(Date d) const;

  /// The calendar as JSON text, in the form from_json_text reads.
  std::string to_json_text() const;

  struct Impl;  ///< the compiled calendar (src/calendar)

 private:
  friend struct CalendarAccess;  // src/calendar builds calendars from parsed JSON

  explicit BusinessCalendar(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace ticketcore
