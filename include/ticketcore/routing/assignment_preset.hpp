#pragma once
// DOMAIN.md's dispatch as preset assignment strategies and escalation levels,
// shipped with the library as JSON text (docs/assignment.md lists them).

#include <string_view>

#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/escalation.hpp"

namespace ticketcore {

/// The preset strategies' JSON text: consultation, technical, complaint, vip_after_sales and their fallbacks.
std::string_view preset_assignment_json();
/// The preset strategies, validated against preset_teams().
AssignmentConfig preset_assignment_config();
/// The preset escalation policy's JSON text: warning -> team lead, breach -> supervisor.
std::string_view preset_escalation_json();
/// The preset escalation policy, validated against preset_teams().
EscalationPolicy preset_escalation_policy();

}  // namespace ticketcore
