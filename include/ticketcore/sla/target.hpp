#pragma once
// The SLA targets a policy can set, shared by the SLA engine and routing facts.

#include <cstdint>

#include "ticketcore/model/enum_names.hpp"

namespace ticketcore {

/// What an SLA target measures.
enum class SlaTarget : std::uint8_t {
  handling_start,   ///< an agent starts working on it (P1: 15 min)
  first_response,   ///< the first public reply to the customer
  periodic_update,  ///< a progress update at least every interval (24 h)
  resolution,       ///< the ticket is resolved
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::SlaTarget, "handling_start", "first_response", "periodic_update",
                      "resolution");
