#pragma once
// The SLA configuration: the priority scheme, a registry of business calendars,
// the policies, the automations (escalation, survey, auto-close) and the workflow.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/escalation_level.hpp"
#include "ticketcore/sla/policy.hpp"
#include "ticketcore/sla/priority.hpp"
#include "ticketcore/workflow/workflow.hpp"

namespace ticketcore {

/// An escalation: a ticket assigned this long ago without progress goes up a level.
struct EscalationRule {
  std::string id;                          ///< unique, "technical-lead"
  std::vector<RequestType> request_types;  ///< which tickets; empty = all
  std::vector<std::string> priorities;     ///< which priority levels; empty = all
  SlaDuration after;                       ///< measured from the latest assignment
  EscalationLevel level = EscalationLevel::team_lead;  ///< the level escalated to
  std::string team;                        ///< the team escalated to ("technical_support")

  friend bool operator==(const EscalationRule&, const EscalationRule&) = default;
};

/// The whole SLA configuration. Immutable once read; cheap enough to copy.
struct SlaConfig {
  PriorityScheme priority_scheme;                                  ///< levels, matrix, rules
  CalendarRegistry calendars;  ///< by id, "24x7" always; default_id: what a duration without a calendar uses
  std::vector<SlaPolicy> policies;                         ///< chosen by choose_policy
  std::vector<EscalationRule> escalations;                 ///< technical lead after 1 h without progress, ...
  std::optional<SlaDuration> survey_after_resolution;      ///< satisfaction survey owed (2 h)
  std::optional<SlaDuration> auto_close_after_resolution;  ///< resolved without customer reply this long
  Workflow workflow = Workflow::standard();                ///< which statuses pause, resolve, reopen

  /// Reads and validates a configuration from JSON text (docs/sla.md); errors name the JSON path.
  static SlaConfig from_json_text(std::string_view text);

  /// The policy for a ticket with these facts (see choose_policy).
  PolicyChoice choose(std::string_view priority, CustomerTier tier, RequestType request_type,
                      Channel channel) const;
};


}  // namespace ticketcore
