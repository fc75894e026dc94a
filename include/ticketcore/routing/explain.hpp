#pragma once
// Explain: why a rule set decided what it did for one ticket.

#include <string>
#include <vector>

#include "ticketcore/routing/decision.hpp"

namespace ticketcore {

/// One condition as evaluated: a group (all / any / not) or a comparison.
struct ConditionTrace {
  std::string path;      ///< JSON path of the condition ("/rules/2/when/all/0")
  int depth = 0;         ///< nesting depth below `when`, for indentation
  std::string group;     ///< "all", "any" or "not" for a group; empty for a comparison
  std::string field;     ///< the field compared ("customer.tier")
  std::string op;        ///< the operator ("in")
  std::string expected;  ///< the rule's value as JSON text; empty for exists / is_empty
  std::string seen;      ///< the ticket's value as JSON text, or "missing"
  bool passed = false;   ///< whether the condition held
};

/// One rule as tried.
struct RuleTrace {
  std::string rule_id;                     ///< the rule's id
  std::string name;                        ///< the rule's name
  bool enabled = true;                     ///< a disabled rule is listed but not evaluated
  bool matched = false;                    ///< its condition held
  bool stopped = false;                    ///< it matched and ends processing
  std::vector<ConditionTrace> conditions;  ///< every condition, parents before children
  std::vector<std::string> actions;        ///< the actions taken, as text; empty when not matched
};

/// The explanation of one routing decision.
struct Explanation {
  std::string version;           ///< the rule set's version id
  std::vector<RuleTrace> rules;  ///< the rules tried, in order, up to the one that stopped
  Decision decision;             ///< the decision itself (views into the rule set)

  /// A readable, indented account for a service manager.
  std::string to_text() const;
};

}  // namespace ticketcore
