#pragma once
// The calendar as configured: the JSON form of docs/sla.md ("Business calendars"), read
// strictly and validated, and written back in the same form.

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// Opening hours within one local day: [from, to) in seconds after local midnight.
struct CalendarTimeRange {
  int from = 0;  ///< 0 .. 86340 ("00:00" .. "23:59")
  int to = 0;    ///< 60 .. 86400 ("00:01" .. "24:00")
};

/// One "holidays" entry: a date or an inclusive date range, closed all day unless
/// `hours` (open only then) or `closed` (normal hours minus these) is given.
struct CalendarHoliday {
  std::optional<Date> date;
  std::optional<Date> from;
  std::optional<Date> to;
  std::string name;
  std::optional<std::vector<CalendarTimeRange>> hours;
  std::optional<std::vector<CalendarTimeRange>> closed;
  Date first() const { return date ? *date : *from; }
  Date last() const { return date ? *date : *to; }
};

/// One "extra_working_days" entry: a date worked with `hours`, by default the default
/// working day's hours (see default_working_hours).
struct CalendarExtraDay {
  Date date{};
  std::optional<std::string> weekday;  ///< "Saturday" as in cn-holidays-2026.json; checked
  std::string for_holiday;             ///< "for": the holiday it makes up for
  std::string name;
  std::optional<std::vector<CalendarTimeRange>> hours;
};

/// A whole calendar as configured; read_calendar_config validates everything.
struct CalendarConfig {
  std::string id;
  std::string name;
  std::string time_zone = "UTC";
  std::array<std::vector<CalendarTimeRange>, 7> week;  ///< Monday .. Sunday, sorted
  std::vector<CalendarHoliday> holidays;
  std::vector<CalendarExtraDay> extra_working_days;
};

/// Lower-case weekday names, Monday first, as the keys of "weekly_hours".
inline constexpr std::array<const char*, 7> weekday_keys = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday"};

/// Reads and validates (except the time zone, checked when compiling) a calendar at `path`.
CalendarConfig read_calendar_config(const nlohmann::json& j, const std::string& path);
/// The JSON form read_calendar_config reads.
nlohmann::json write_calendar_config(const CalendarConfig& c);

/// "09:00" -> 32400; "24:00" only when `allow_end_of_day`; nullopt when malformed.
std::optional<int> parse_clock(std::string_view text, bool allow_end_of_day);
/// 32400 -> "09:00".
std::string format_clock(int seconds);

/// The hours of an extra working day without its own: Monday's, or the first weekday's
/// (Monday to Sunday) that has hours.
const std::vector<CalendarTimeRange>& default_working_hours(const CalendarConfig& c);

}  // namespace ticketcore
