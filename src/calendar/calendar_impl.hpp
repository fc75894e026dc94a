#pragma once
// The compiled calendar: day schedules in local seconds, two day ledgers (open seconds
// and working days) and the zone's offset table. A local time x (seconds since
// 1970-01-01 local) is open when its time of day lies in its date's ranges; an instant u
// is open when u + offset(u) is, so within one offset span open time is a shifted copy
// of local open time and counts by differences of cumulative(x).

#include <cstdint>
#include <vector>

#include "calendar/calendar_config.hpp"
#include "calendar/day_ledger.hpp"
#include "calendar/zone_offsets.hpp"
#include "ticketcore/calendar/business_calendar.hpp"

namespace ticketcore {

/// One local day's opening hours, merged, in seconds after local midnight.
struct DaySchedule {
  struct Range {
    std::int32_t from;
    std::int32_t to;
  };
  std::vector<Range> ranges;  ///< ascending, neither overlapping nor touching
  std::int64_t total = 0;     ///< open seconds in the day
};

struct BusinessCalendar::Impl {
  /// Compiles a validated config; throws Error at `path`/time_zone for an unknown zone.
  Impl(CalendarConfig config, const std::string& path);

  CalendarConfig config;
  ZoneOffsets offsets;
  std::array<DaySchedule, 7> week;         // Monday .. Sunday
  std::vector<std::int64_t> special_days;  // days (since 1970-01-01) with their own schedule
  std::vector<DaySchedule> special;        // their schedules
  DayLedger seconds;                       // open seconds per day
  DayLedger working;                       // 1 per working day

  /// The schedule of `day`, given seconds.exception_index(day).
  const DaySchedule& schedule(std::int64_t day, std::size_t index) const {
    return seconds.is_exception(index, day) ? special[index] : week[weekday_index(day)];
  }
  const DaySchedule& schedule(std::int64_t day) const { return schedule(day, seconds.exception_index(day)); }
  /// Open seconds of local time before x (relative to a fixed origin).
  std::int64_t cumulative(std::int64_t local) const;
  /// The first local time x with cumulative(x) >= target.
  std::int64_t local_reaching(std::int64_t target) const;
  /// Whether local time x is open.
  bool open_local(std::int64_t local) const;
};

}  // namespace ticketcore
