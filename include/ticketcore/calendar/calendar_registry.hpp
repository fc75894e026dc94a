#pragma once
// A desk's business calendars by id: the one registry that SLA durations, assignment
// availability and the routing fact calendar_open all read.

#include <map>
#include <string>
#include <string_view>

#include "ticketcore/calendar/business_calendar.hpp"

namespace ticketcore {

/// Business calendars by id, with the desk's default. Cheap to copy (calendars share their compiled form).
struct CalendarRegistry {
  std::map<std::string, BusinessCalendar, std::less<>> by_id;  ///< calendars by id
  std::string default_id;  ///< the calendar an empty id names; empty: none

  /// The calendar with this id (the empty id names default_id), or nullptr.
  const BusinessCalendar* find(std::string_view id) const;
  /// The calendar with this id (the empty id names default_id); throws Error{not_found}.
  const BusinessCalendar& get(std::string_view id) const;
};

}  // namespace ticketcore
