#pragma once
// The preset rule set: DOMAIN.md's dispatch as data, shipped with the library, and the
// teams every preset names.

#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/routing/rules.hpp"

namespace ticketcore {

/// The five teams the presets name (product_specialists, technical_support, customer_relations,
/// senior_specialists, supervisors), without people: hosts set leads and add agents.
std::vector<Team> preset_teams();
/// The preset rule set's JSON text for the "standard" priority scheme (also shown in docs/rules.md).
std::string_view preset_rules_json();
/// The preset rule set's JSON text for a preset priority scheme ("standard", "urgent_important_general",
/// "high_medium_low"): the same rules, major incidents raised to that scheme's top level.
/// Throws Error{not_found} for another name.
std::string preset_rules_json(std::string_view scheme);
/// The team ids the preset names: those of preset_teams().
RoutingDirectory preset_directory();
/// The preset rule set, loaded against preset_directory().
RuleSet preset_rule_set();

}  // namespace ticketcore
