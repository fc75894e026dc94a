#pragma once
// What a tc_desk is: the C++ Desk and, when the host sets the time, its manual clock.

#include <memory>

#include "errors.hpp"
#include "ticketcore.h"
#include "ticketcore/desk.hpp"

struct tc_desk {
  std::unique_ptr<ticketcore::Desk> desk;
  std::shared_ptr<ticketcore::ManualClock> manual_clock;  // null with the system clock
};

namespace ticketcore::capi {

/// The desk behind a handle; a NULL handle is TC_INVALID.
inline Desk& desk_arg(tc_desk* desk) {
  if (!desk) throw ArgumentError("desk", Error(ErrorCode::invalid_input, "", "must not be NULL"));
  return *desk->desk;
}

}  // namespace ticketcore::capi
