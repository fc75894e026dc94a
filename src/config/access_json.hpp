#pragma once
// The "access" section of a desk document: each role's scope and permissions, and what
// each role is shown of customers (masking).

#include <nlohmann/json.hpp>

#include "ticketcore/access/masking.hpp"
#include "ticketcore/access/rights.hpp"

namespace ticketcore::detail {

/// What the section holds.
struct AccessSection {
  AccessPolicy rights = AccessPolicy::standard();
  MaskingPolicy masking = MaskingPolicy::standard();
};

/// Reads the section at `path`: the roles it names replace their standard rights, and a
/// masking policy replaces the standard one.
AccessSection read_access(const nlohmann::json& section, const std::string& path);
/// The section with every role and the masking policy written out.
nlohmann::ordered_json access_json(const AccessSection& access);

}  // namespace ticketcore::detail
