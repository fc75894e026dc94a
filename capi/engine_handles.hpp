#pragma once
// What the engine handles are: a configuration, a calendar, a rule set. Each is immutable
// once opened, so one handle may be used from several threads at once.

#include <memory>
#include <optional>

#include "errors.hpp"
#include "ticketcore.h"
#include "ticketcore/calendar/business_calendar.hpp"
#include "ticketcore/config.hpp"
#include "ticketcore/routing/rules.hpp"

struct tc_config {
  ticketcore::DeskConfig config;
};

struct tc_calendar {
  ticketcore::BusinessCalendar calendar;
};

struct tc_rules {
  ticketcore::RuleSet rules;
  // The configuration the rules came from: its SLA policies and calendars give the SLA and
  // calendar facts. Absent for a rule set opened alone, whose rules then see those facts unset.
  std::optional<ticketcore::DeskConfig> config;
};

namespace ticketcore::capi {

/// The object behind an engine handle; a NULL handle is TC_INVALID naming `name`.
template <class Handle>
const Handle& handle_arg(const Handle* handle, const char* name) {
  if (!handle) throw ArgumentError(name, Error(ErrorCode::invalid_input, "", "must not be NULL"));
  return *handle;
}

}  // namespace ticketcore::capi
