#pragma once
// TicketFacts as a JSON value, for forms that embed it (the export's "facts" line).

#include <string>

#include <nlohmann/json.hpp>

#include "ticketcore/metrics/facts.hpp"

namespace ticketcore::detail {

/// The facts' JSON object: every field, absent values as null.
nlohmann::json facts_value(const TicketFacts& facts);

/// Reads the object facts_value writes, strictly; errors name the field under `path`.
TicketFacts read_facts(const nlohmann::json& j, const std::string& path);

}  // namespace ticketcore::detail
