#pragma once
// Routing rules: a rule set written as data by a service manager (docs/rules.md),
// validated and compiled once at load, then evaluated per ticket without any
// JSON walking or field-name lookups.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/error.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/decision.hpp"
#include "ticketcore/routing/explain.hpp"
#include "ticketcore/routing/facts.hpp"

namespace ticketcore {

/// The team and agent ids rules may name; a rule naming any other is refused at load.
struct RoutingDirectory {
  std::vector<std::string> teams;   ///< team ids
  std::vector<std::string> agents;  ///< agent ids

  /// The directory of the desk's teams and agents.
  static RoutingDirectory from(std::span<const Team> teams, std::span<const Agent> agents);
};

/// What a lint warning is about.
enum class LintKind : std::uint8_t {
  shadowed,         ///< an earlier stop rule matches whenever this one would: it never fires
  contradiction,    ///< a condition can never hold (eq A and eq B on one field)
  undoing_actions,  ///< this rule's actions undo an earlier matching rule's
};

/// A warning found at load: the rule set works, but probably not as meant.
struct LintWarning {
  LintKind kind = LintKind::shadowed;  ///< what is wrong
  std::string rule_id;                 ///< the rule the warning is about
  std::string path;                    ///< JSON path of the rule or condition ("/rules/4")
  std::string message;                 ///< names the other rule where there is one
};

/// What kind of id a rule names.
enum class RuleReferenceKind : std::uint8_t {
  team,        ///< set_team, or a whole team id compared in a condition
  agent,       ///< set_agent, or a whole assignee id compared in a condition
  strategy,    ///< assign_by: an assignment strategy
  sla_policy,  ///< set_sla_policy: an SLA policy
  priority,    ///< set_priority, or a whole priority level compared in a condition
};

/// One id a rule names, so that a desk can check it against its own configuration.
struct RuleReference {
  RuleReferenceKind kind = RuleReferenceKind::team;  ///< what the id names
  std::string id;                                    ///< the id named ("technical")
  std::string rule_id;                               ///< the rule that names it
  std::string path;  ///< JSON path in the rule set document ("/rules/3/then/1/assign_by")

  friend bool operator==(const RuleReference&, const RuleReference&) = default;
};

/// A compiled rule set. Immutable; copies share the compiled form; safe to use from many threads.
class RuleSet {
 public:
  /// Reads, validates, lints and compiles a rule set from JSON text; throws Error whose
  /// path names the offending field and whose message names the rule id.
  static RuleSet from_json_text(std::string_view text, const RoutingDirectory& directory);

  /// The version id every decision records.
  const std::string& version() const;
  /// How many rules the set holds (enabled or not).
  std::size_t size() const;
  /// The lint warnings found at load, in rule order.
  const std::vector<LintWarning>& warnings() const;
  /// Every id the rules name (teams, agents, strategies, SLA policies, priority levels), in
  /// document order; the loader checks teams and agents, the desk the rest.
  std::vector<RuleReference> references() const;

  /// Runs the rules over a ticket.
  Decision route(const Ticket& ticket, const EvaluationContext& context) const;
  /// Runs the rules over a ticket into `out`, reusing its storage (the fast path).
  void route(const Ticket& ticket, const EvaluationContext& context, Decision& out) const;
  /// Runs the rules over a ticket and records every rule tried, every condition with
  /// the value it saw, and the actions taken.
  Explanation explain(const Ticket& ticket, const EvaluationContext& context) const;

  struct Impl;  ///< the compiled rules (src/routing)

 private:
  explicit RuleSet(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::RuleReferenceKind, "team", "agent", "strategy", "sla_policy", "priority");
