#pragma once
// A ticket's history: append-only events with actor, time and payload.

#include <cstdint>
#include <string>

#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// One entry of a ticket's history. The payload holds what the kind needs, as the
/// struct of that kind in event_payloads.hpp defines it (events::StatusChanged, ...).
struct Event {
  std::int64_t sequence = 0;  ///< position in the ticket's history, from 1
  std::string ticket_id;      ///< required
  EventKind kind = EventKind::created;
  std::string actor;  ///< agent id, "customer" or "system"; required
  Instant at{};
  Attributes payload;

  friend bool operator==(const Event&, const Event&) = default;
};

}  // namespace ticketcore
