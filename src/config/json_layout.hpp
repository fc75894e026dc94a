#pragma once
// JSON text laid out for people to read (docs/config.md prints a whole desk this way).

#include <nlohmann/json.hpp>

#include <string>

namespace ticketcore::detail {

/// The JSON text of `j`, members in their order: an object or array that fits in 100 columns
/// stays on one line ({"id": "p1", "priority": "P1"}); a longer one puts each member on its own
/// line, indented by two spaces. Parsing the text gives `j` back.
std::string layout(const nlohmann::ordered_json& j);

}  // namespace ticketcore::detail
