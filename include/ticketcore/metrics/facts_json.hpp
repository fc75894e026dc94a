#pragma once
// The JSON form of a TicketFacts row (docs/metrics.md, "Facts"): written with every field
// in struct order, and read back strictly (unknown keys refused, the path in errors). The
// export's "facts" lines hold it.

#include <string>
#include <string_view>

#include "ticketcore/metrics/facts.hpp"

namespace ticketcore {

/// A ticket's facts as compact JSON text.
std::string to_json_text(const TicketFacts& facts);

/// Reads a value from JSON text (declared with the other forms in ticketcore/json.hpp).
template <class T>
T from_json_text(std::string_view text);

/// Reads a ticket's facts; throws Error naming the field ("/sla/1/outcome: unknown value").
template <>
TicketFacts from_json_text<TicketFacts>(std::string_view text);

}  // namespace ticketcore
