#pragma once
// The canonical text of a desk document: what DeskConfig::to_json_text() returns.

#include <nlohmann/json.hpp>

#include <string>

#include "config/config_impl.hpp"

namespace ticketcore::detail {

/// The document in a fixed top-level order (docs/config.md): the sections other areas read
/// (SLA keys, rules, assignment) as the input gave them, the rest from their loaded values
/// with every default written out. `input` is the validated document, in its own key order.
std::string canonical_text(const DeskConfig::Impl& config, const nlohmann::ordered_json& input);

}  // namespace ticketcore::detail
