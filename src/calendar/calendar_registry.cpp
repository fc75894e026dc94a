#include "ticketcore/calendar/calendar_registry.hpp"

#include "ticketcore/error.hpp"

namespace ticketcore {

const BusinessCalendar* CalendarRegistry::find(std::string_view id) const {
  auto it = by_id.find(id.empty() ? std::string_view(default_id) : id);
  return it == by_id.end() ? nullptr : &it->second;
}

const BusinessCalendar& CalendarRegistry::get(std::string_view id) const {
  if (const BusinessCalendar* calendar = find(id)) return *calendar;
  throw Error(ErrorCode::not_found, "/calendars",
              "no calendar \"" + std::string(id.empty() ? std::string_view(default_id) : id) + "\"");
}

}  // namespace ticketcore
