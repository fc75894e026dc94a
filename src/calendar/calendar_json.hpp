#pragma once
// Calendars inside a larger JSON config (SLA policies, presets): read from an already
// parsed value so errors carry the full path ("/calendars/0/weekly_hours/monday/1").

#include <nlohmann/json.hpp>

#include <string>

#include "ticketcore/calendar/business_calendar.hpp"

namespace ticketcore {

/// Reads and validates a calendar at `path` of a parsed document; throws Error naming the field.
BusinessCalendar calendar_from_json(const nlohmann::json& j, const std::string& path = "");
/// The calendar's JSON form, as calendar_from_json reads it.
nlohmann::json calendar_to_json(const BusinessCalendar& calendar);

}  // namespace ticketcore
