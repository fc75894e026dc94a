#pragma once
// A row's value in each grouping dimension, as text: ids as they are ("" for none) and
// enums as their words, so that one key type serves every combination of dimensions.

#include <span>
#include <string>
#include <string_view>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail {

/// The row's value in one dimension.
std::string_view dimension_value(const TicketFacts& f, GroupDimension d);

/// Writes the row's key for `dimensions` into `out` (reused between rows): the values,
/// each followed by the unit separator U+001F, which no id or word holds.
void write_key(std::string& out, const TicketFacts& f, std::span<const GroupDimension> dimensions);

}  // namespace ticketcore::detail
