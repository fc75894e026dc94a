#pragma once
// The outcome of running a rule set over one ticket: what the matching rules decided.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/model/escalation_level.hpp"

namespace ticketcore {

/// Who a notification goes to: bits of a RecipientSet.
enum class Recipient : std::uint8_t { handler = 1, supervisor = 2, customer = 4 };
/// A set of recipients, as bits of Recipient.
using RecipientSet = std::uint8_t;

/// A notification a rule asks for.
struct NotificationRequest {
  std::string_view rule_id;      ///< the rule that asked
  std::string_view template_id;  ///< the host's message template
  RecipientSet recipients = 0;   ///< bits of Recipient
};

/// An approval a rule requires.
struct ApprovalRequirement {
  std::string_view rule_id;                  ///< the rule that requires it
  EscalationLevel approver = EscalationLevel::supervisor;  ///< who approves: team_lead, supervisor or manager
  std::string_view reason;                   ///< why approval is needed
};

/// What a rule set decided for a ticket. The views point into the compiled rule
/// set, which the decision keeps alive. Later rules override earlier ones for
/// single values (team, agent, priority, ...).
struct Decision {
  std::string_view version;                        ///< the rule set's version id
  std::vector<std::string_view> matched_rules;     ///< ids of the rules that matched, in order
  std::string_view team;                           ///< team to set; empty: unchanged
  std::string_view agent;                          ///< agent to set; empty: unchanged
  std::string_view assign_by;                ///< strategy or chain id to assign by; empty: none
  std::string_view priority;                       ///< priority level to set; empty: unchanged
  std::string_view priority_reason;                ///< why the priority was set
  std::string_view sla_policy;                     ///< SLA policy to apply; empty: unchanged
  std::optional<EscalationLevel> escalation_level;  ///< highest level escalated to; empty: none
  std::string_view escalation_reason;              ///< why, from the rule that escalated highest
  std::vector<std::string_view> tags_added;        ///< tags to add, after later removals
  std::vector<std::string_view> tags_removed;      ///< tags to remove, after later additions
  std::vector<NotificationRequest> notifications;  ///< in rule order
  std::vector<ApprovalRequirement> approvals;      ///< in rule order
  std::shared_ptr<const void> rule_set;            ///< keeps the views valid

  /// Empties the decision, keeping the vectors' capacity for reuse.
  void clear();
};

/// The lower-case word of a recipient ("supervisor").
std::string_view to_string(Recipient r);

/// A decision as (item, value) pairs in a fixed order ("team", "technical_support"),
/// with the unset items left out: what explain and dry runs show and compare.
std::vector<std::pair<std::string, std::string>> describe(const Decision& d);

}  // namespace ticketcore
