#pragma once
// Escalation: a team's levels (1 handler, 2 team lead, 3 supervisor, 4 manager),
// which level an SLA warning or breach goes to, and who a level means for a
// ticket now. Plain inputs (team id, level, reason), so the SLA engine and the
// rule language stay decoupled from it; docs/assignment.md.

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/escalation_level.hpp"

namespace ticketcore {

/// What set an escalation off.
enum class EscalationReason : std::uint8_t {
  sla_warning,  ///< an SLA target is about to be missed
  sla_breach,   ///< an SLA target was missed
  rule,         ///< a routing rule (e.g. no progress 1 h after assignment)
  manual,       ///< a person asked for it
};

/// Which level SLA warnings and breaches go to, with per-team overrides.
struct EscalationPolicy {
  /// The levels of one team (or of the desk).
  struct Levels {
    EscalationLevel on_warning = EscalationLevel::team_lead;  ///< DOMAIN.md: the lead hears first
    EscalationLevel on_breach = EscalationLevel::supervisor;  ///< DOMAIN.md: overdue alerts the supervisor

    friend bool operator==(const Levels&, const Levels&) = default;
  };
  Levels desk;                                       ///< for teams without an override
  std::map<std::string, Levels, std::less<>> teams;  ///< overrides by team id

  /// Reads {"sla_warning": 2, "sla_breach": 3, "teams": {"ID": {...}}}; every field is
  /// optional; unknown team ids are refused when known_teams is not empty.
  static EscalationPolicy from_json_text(std::string_view text, std::span<const Team> known_teams = {});

  /// The level an SLA signal escalates to for a team; reason is sla_warning or sla_breach
  /// (throws Error invalid_input for the others, which carry their own level).
  EscalationLevel level_for(EscalationReason reason, std::string_view team) const;

  friend bool operator==(const EscalationPolicy&, const EscalationPolicy&) = default;
};

/// One escalation to resolve: the ticket's team and handler, the level asked for, why.
struct EscalationRequest {
  std::string_view team;                               ///< the ticket's team id
  std::string_view handler;                            ///< the ticket's assignee; empty: none
  EscalationLevel level = EscalationLevel::team_lead;  ///< the level asked for
  EscalationReason reason = EscalationReason::rule;    ///< why
};

/// Why a level was passed over on the way up.
enum class SkipReason : std::uint8_t {
  empty,          ///< nobody holds the level (no handler, no lead, ...)
  unknown_agent,  ///< the id names no agent of the desk
  inactive,       ///< the person has left
};

/// A level passed over, and why.
struct SkippedLevel {
  EscalationLevel level;  ///< the level skipped
  std::string agent;      ///< who holds it; empty when nobody does
  SkipReason reason;      ///< why it was skipped

  friend bool operator==(const SkippedLevel&, const SkippedLevel&) = default;
};

/// Who an escalation goes to: the first active person at or above the level asked for.
struct Escalation {
  std::string team;                                        ///< the team
  EscalationLevel requested = EscalationLevel::team_lead;  ///< the level asked for
  EscalationLevel level = EscalationLevel::team_lead;      ///< the level that answered
  std::string person;                 ///< the agent id escalated to; empty: no level answered
  std::vector<SkippedLevel> skipped;  ///< levels passed over, lowest first
  std::vector<std::string> notify;    ///< who to tell: the person, then the handler when another active agent
  EscalationReason reason = EscalationReason::rule;  ///< why

  /// Whether some level had an active person.
  bool resolved() const { return !person.empty(); }
};

/// Resolves a level of a team to a person, moving up past empty, unknown and inactive
/// levels; throws Error (not_found) for an unknown team.
Escalation resolve_escalation(const EscalationRequest& request, std::span<const Team> teams,
                              std::span<const Agent> agents);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::EscalationReason, "sla_warning", "sla_breach", "rule", "manual");
TICKETCORE_ENUM_NAMES(ticketcore::SkipReason, "empty", "unknown_agent", "inactive");
