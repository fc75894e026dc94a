#pragma once
// The preset rule set: DOMAIN.md's dispatch as data, shipped with the library.

#include <string_view>

#include "ticketcore/routing/rules.hpp"

namespace ticketcore {

/// The preset rule set's JSON text (also shown in docs/rules.md).
std::string_view preset_rules_json();
/// The team ids the preset names.
RoutingDirectory preset_directory();
/// The preset rule set, loaded against preset_directory().
RuleSet preset_rule_set();

}  // namespace ticketcore
