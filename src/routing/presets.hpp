#pragma once
// The presets' routing parts as JSON text: DOMAIN.md's dispatch rules, the assignment
// strategies and escalation levels, and the one list of teams they all name. Internal:
// DeskConfig::preset assembles them into a desk document (docs/config.md).

#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/escalation.hpp"
#include "ticketcore/routing/rules.hpp"

namespace ticketcore::detail {

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

/// The preset strategies' JSON text: consultation, technical, complaint, vip_after_sales and their fallbacks.
std::string_view preset_assignment_json();
/// The preset strategies, validated against preset_teams().
AssignmentConfig preset_assignment_config();
/// The preset escalation policy's JSON text: warning -> team lead, breach -> supervisor.
std::string_view preset_escalation_json();
/// The preset escalation policy, validated against preset_teams().
EscalationPolicy preset_escalation_policy();

}  // namespace ticketcore::detail
