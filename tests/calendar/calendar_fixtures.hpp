#pragma once
// Calendars and instants shared by the calendar tests.

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "calendar/calendar_json.hpp"
#include "ticketcore/calendar/business_calendar.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore::testing {

/// An instant from RFC 3339 text; fails the test on bad text.
inline Instant at(const std::string& text) {
  auto t = parse_instant(text);
  if (!t) throw std::invalid_argument("bad instant in test: " + text);
  return *t;
}

/// data/cn-holidays-2026.json, parsed.
inline nlohmann::json cn_holidays_2026() {
  std::ifstream in(std::string(TICKETCORE_DATA_DIR) + "/cn-holidays-2026.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

/// Opening ranges as JSON, from {"HH:MM", "HH:MM"} pairs.
inline nlohmann::json ranges(std::initializer_list<std::pair<const char*, const char*>> list) {
  nlohmann::json out = nlohmann::json::array();
  for (auto [from, to] : list) out.push_back({{"from", from}, {"to", to}});
  return out;
}

/// Weekly hours with the same ranges on the given weekdays.
inline nlohmann::json week_of(std::initializer_list<const char*> days, const nlohmann::json& ranges) {
  nlohmann::json week = nlohmann::json::object();
  for (const char* d : days) week[d] = ranges;
  return week;
}

/// Mon-Fri 09:00-18:00 in Asia/Shanghai with China's 2026 holidays and make-up days spliced in.
inline nlohmann::json cn_standard_json() {
  const auto cn = cn_holidays_2026();
  return {{"id", "cn-standard"},
          {"time_zone", "Asia/Shanghai"},
          {"weekly_hours", week_of({"monday", "tuesday", "wednesday", "thursday", "friday"},
                                   {{{"from", "09:00"}, {"to", "18:00"}}})},
          {"holidays", cn["holidays"]},
          {"extra_working_days", cn["extra_working_days"]}};
}

inline BusinessCalendar cn_standard() { return calendar_from_json(cn_standard_json()); }

}  // namespace ticketcore::testing
