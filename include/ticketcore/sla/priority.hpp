#pragma once
// Priority schemes as data: ordered levels, an impact x urgency matrix, rules that
// force a minimum level, and a customer-tier adjustment; every result says why.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore {

/// One priority level ("P1", named "urgent").
struct PriorityLevel {
  std::string id;    ///< what tickets and policies carry ("P1")
  std::string name;  ///< the manual's word ("urgent"); may be empty
};

/// An impact class: a band of Ticket::impact.users_affected, from min_users_affected up.
struct ImpactClass {
  std::string id;                       ///< "single", "several", "many", "widespread"
  std::int64_t min_users_affected = 0;  ///< lower bound of the band (inclusive)
};

/// The conditions of a priority rule; every condition that is set must hold.
struct PriorityCondition {
  std::optional<std::int64_t> users_affected_at_least;  ///< impact.users_affected >= n
  std::optional<Money> estimated_loss_above;  ///< impact.estimated_loss > amount, same currency only
  std::optional<bool> core_business_down;     ///< impact.core_business_down equals this
  std::vector<RequestType> request_types;     ///< the ticket's request type is one of these
  std::vector<std::string> subtypes;          ///< the ticket's subtype is one of these
  std::vector<std::string> any_tag;           ///< the ticket carries at least one of these tags
  std::optional<bool> in_warranty;            ///< the customer's standing in_warranty equals this
};

/// What a priority reads of the ticket's customer.
struct CustomerStanding {
  CustomerTier tier = CustomerTier::normal;  ///< moves the level up by the scheme's tier steps
  bool in_warranty = false;                  ///< a purchase's warranty covers the ticket (customers/warranty.hpp)
};

/// A rule that raises the priority to at least a level when its conditions hold.
struct PriorityRule {
  std::string id;          ///< "mass_outage", "escalated_complaint"
  PriorityCondition when;  ///< what must hold
  std::string at_least;    ///< the level it forces as a minimum (the top level forces it outright)
};

/// Why a reason was recorded.
enum class PriorityReasonKind : std::uint8_t { matrix, rule, tier, override_ };

/// One step of a priority decision.
struct PriorityReason {
  PriorityReasonKind kind = PriorityReasonKind::matrix;  ///< matrix cell, rule, tier or override
  std::string id;    ///< the matrix cell ("several/high"), rule id, tier word, or "manual"
  std::string from;  ///< the level before this step (empty for the matrix cell)
  std::string to;    ///< the level after this step
  std::string text;  ///< a sentence for people
};

/// A computed (and possibly overridden) priority with its reasons.
struct PriorityDecision {
  std::string level;                    ///< the priority in force
  std::string computed_level;           ///< what the scheme computed, kept when overridden
  std::string impact_class;             ///< the impact class the ticket fell into
  std::vector<PriorityReason> reasons;  ///< matrix cell, rules, tier, override, in order
  bool overridden = false;              ///< whether a person set the level by hand
  std::string override_reason;          ///< the reason given for the override
};

/// A priority scheme. Cheap to copy; immutable once read.
class PriorityScheme {
 public:
  /// An empty scheme (no levels); compute() on it throws.
  PriorityScheme() = default;
  /// Reads and validates a scheme from JSON text (docs/sla.md); errors name the JSON path.
  static PriorityScheme from_json_text(std::string_view text);
  /// The scheme as JSON text, in the form from_json_text reads.
  std::string to_json_text() const;

  /// The levels, highest first.
  const std::vector<PriorityLevel>& levels() const { return levels_; }
  /// The impact classes, lowest band first.
  const std::vector<ImpactClass>& impact_classes() const { return impact_classes_; }
  /// The forcing rules, in order.
  const std::vector<PriorityRule>& rules() const { return rules_; }
  /// Position of a level (0 is the highest); nullopt when the scheme has no such level.
  std::optional<std::size_t> rank(std::string_view level) const;
  /// The impact class of an impact (the highest band whose lower bound it reaches).
  const ImpactClass& impact_class(const Impact& impact) const;
  /// The level of a matrix cell.
  const std::string& cell(std::string_view impact_class, Urgency urgency) const;
  /// Levels the customer tier moves a ticket up.
  int tier_steps(CustomerTier tier) const { return tier_steps_[static_cast<std::size_t>(tier)]; }

  /// The priority of a ticket for a customer of this standing: matrix cell, then rules, then tier.
  PriorityDecision compute(const Ticket& ticket, const CustomerStanding& customer) const;
  /// A manual override: the level set by hand, keeping the computed level and the reason.
  /// Throws Error naming "/priority" for an unknown level and "/reason" for an empty reason.
  PriorityDecision override_with(PriorityDecision computed, std::string_view level,
                                 std::string_view reason) const;

  /// The matrix rows (one per impact class) of levels by urgency (low..critical).
  const std::vector<std::array<std::string, 4>>& matrix() const { return matrix_; }

 private:
  std::vector<PriorityLevel> levels_;
  std::vector<ImpactClass> impact_classes_;
  std::vector<std::array<std::string, 4>> matrix_;  // [impact class][urgency]
  std::vector<PriorityRule> rules_;
  std::array<int, 3> tier_steps_{0, 1, 1};  // normal, vip, strategic
};

/// Whether a rule's conditions all hold for a ticket of a customer of this standing.
bool rule_applies(const PriorityCondition& when, const Ticket& ticket, const CustomerStanding& customer);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::PriorityReasonKind, "matrix", "rule", "tier", "override");
