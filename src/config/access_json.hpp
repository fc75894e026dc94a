#pragma once
// The "access" section of a desk document: each role's scope and permissions.

#include <nlohmann/json.hpp>

#include "ticketcore/access/rights.hpp"

namespace ticketcore::detail {

/// Reads the section at `path`: the roles it names replace their standard rights.
AccessPolicy read_access(const nlohmann::json& section, const std::string& path);
/// The section with every role written out.
nlohmann::ordered_json access_json(const AccessPolicy& policy);

}  // namespace ticketcore::detail
