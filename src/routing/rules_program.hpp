#pragma once
// The compiled form of a rule set (private to src/routing): fields resolved to ids,
// enum words interned as bit masks, literals parsed, regular expressions compiled.

#include <re2/re2.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/routing/rules.hpp"

namespace ticketcore::detail {

/// The type of a field's value, which decides the operators it takes.
enum class FieldType : std::uint8_t { text, enumeration, number, boolean, tags, instant, dynamic };

/// Every field rules can read, resolved once at load.
enum class FieldId : std::uint8_t {
  id,
  customer_id,
  channel,
  request_type,
  subtype,
  subject,
  description,
  urgency,
  priority,
  status,
  stage,
  team,
  assignee,
  tags,
  users_affected,
  loss_amount,
  loss_currency,
  core_business_down,
  responsible_party,
  chosen_solution,
  created_at,
  updated_at,
  expected_resolution_at,
  first_response_at,
  resolved_at,
  attribute,
  customer_id_of_customer,
  customer_kind,
  customer_tier,
  customer_industry,
  customer_company,
  customer_department,
  customer_tags,
  customer_created_at,
  customer_attribute,
  hours_since_created,
  hours_since_updated,
  hours_since_customer_message,
  hours_since_assigned,
  hours_since_progress,
  hours_without_progress,
  sla_percent_used,
  sla_business_hours_remaining,
  customer_tickets_opened,
  calendar_open,
};

/// The comparison operators.
enum class Op : std::uint8_t {
  eq,
  ne,
  in,
  not_in,
  contains,
  not_contains,
  starts_with,
  matches,
  gt,
  gte,
  lt,
  lte,
  between,
  exists,
  is_empty,
};

/// A field as the rule language names it.
struct FieldInfo {
  FieldId id;
  FieldType type;
  std::span<const std::string_view> enum_names;  // for enumeration fields
  int sla_target = -1;                           // for sla.* fields
  std::string attribute;                         // for attributes.* fields
};

/// Resolves a field name; nullopt when the rule language has no such field.
std::optional<FieldInfo> resolve_field(std::string_view name);
/// The operator of a word; nullopt for an unknown word.
std::optional<Op> op_from_string(std::string_view word);
/// The word of an operator.
std::string_view to_string(Op op);
/// Whether an operator fits a field type.
bool op_fits(Op op, FieldType type);

/// A value as a rule sees it, borrowed from the ticket, the customer or the context.
struct Value {
  enum class Kind : std::uint8_t { missing, text, enumeration, number, boolean, tags, instant };
  Kind kind = Kind::missing;
  bool boolean = false;
  double number = 0;
  std::int64_t integer = 0;  // enum index or Unix seconds
  std::string_view text;
  const std::vector<std::string>* tags = nullptr;
  std::span<const std::string_view> enum_names;
};

/// A literal of a rule: a text, number, boolean, instant or enum value.
struct Literal {
  Value::Kind kind = Value::Kind::missing;
  bool boolean = false;
  double number = 0;
  std::int64_t integer = 0;
  std::string text;
};

/// One comparison.
struct Leaf {
  FieldInfo field;
  Op op = Op::exists;
  std::uint64_t enum_mask = 0;    // enumeration eq / ne / in / not_in
  bool enum_test = false;         // the fast path: enum_mask against the enum value's index
  bool negated = false;           // with enum_test: ne / not_in
  std::vector<Literal> literals;  // eq, ne: one; in, not_in: the set; ordering: one; between: two
  std::unique_ptr<RE2> regex;     // matches
  std::int64_t days = 0;          // customer.tickets_opened
  std::string calendar;           // calendar_open
  std::string field_name;         // for explain
  std::string expected_json;      // for explain
};

/// A node of a condition tree; children are listed in Program::children.
struct Node {
  enum class Kind : std::uint8_t { all, any, negation, leaf };
  Kind kind = Kind::leaf;
  std::uint32_t first = 0;  // first index into children, or the leaf index
  std::uint32_t count = 0;  // number of children
};

/// One action, its strings owned by the program.
struct Action {
  enum class Kind : std::uint8_t {
    set_team,
    set_agent,
    assign_by,
    set_priority,
    add_tag,
    remove_tag,
    set_sla_policy,
    escalate,
    notify,
    require_approval,
  };
  Kind kind = Kind::set_team;
  std::string value;   // team, agent, strategy, level, tag, policy, template
  std::string reason;  // priority, escalation, approval
  EscalationLevel level = EscalationLevel::supervisor;  // escalate; require_approval: who approves
  RecipientSet recipients = 0;
};

/// One compiled rule.
struct Rule {
  std::string id;
  std::string name;
  bool enabled = true;
  bool stop = false;
  std::uint32_t root = 0;   // node index of `when`
  std::uint32_t nodes = 0;  // how many nodes `when` has, to size explain's trace
  std::vector<Action> actions;
  // A guard: an enum test `when` requires (the condition itself, or a child of its
  // top `all`), checked inline before the tree walk; most rules fail on it.
  bool guarded = false;
  bool guard_negated = false;
  FieldId guard_field = FieldId::id;
  std::uint64_t guard_mask = 0;
};

}  // namespace ticketcore::detail

namespace ticketcore {

/// The compiled rule set behind RuleSet.
struct RuleSet::Impl {
  std::string version;
  std::vector<detail::Rule> rules;
  std::vector<detail::Node> nodes;
  std::vector<std::string> node_paths;  // JSON path of each node, for explain
  std::vector<std::uint32_t> children;
  std::vector<detail::Leaf> leaves;
  std::vector<LintWarning> warnings;
};

}  // namespace ticketcore

namespace ticketcore::detail {

/// Reads a field's value for one ticket.
Value read_value(const Leaf& leaf, const Ticket& ticket, const EvaluationContext& context);
/// The index of an enumeration field's value, or -1 when it is missing (inline: the hot path).
inline int enum_index(FieldId field, const Ticket& t, const EvaluationContext& ctx) {
  switch (field) {
    case FieldId::channel: return static_cast<int>(t.channel);
    case FieldId::request_type: return static_cast<int>(t.request_type);
    case FieldId::urgency: return static_cast<int>(t.urgency);
    case FieldId::status: return static_cast<int>(t.status);
    case FieldId::stage: return static_cast<int>(t.stage);
    case FieldId::responsible_party: return t.responsibility ? static_cast<int>(t.responsibility->party) : -1;
    case FieldId::customer_kind: return ctx.customer ? static_cast<int>(ctx.customer->kind) : -1;
    case FieldId::customer_tier: return ctx.customer ? static_cast<int>(ctx.customer->tier) : -1;
    default: return -1;
  }
}

/// Applies a leaf's operator to a value.
bool compare(const Leaf& leaf, const Value& value);
/// A value as JSON-like text for explain ("\"vip\"", "3.5", "missing").
std::string describe(const Value& value);
/// An action as text for explain ("set_team customer_relations").
std::string describe(const Action& action);
/// Applies one rule's actions to a decision.
void apply(const Rule& rule, Decision& decision);
/// Finds the lint warnings of a rule set's JSON (already validated).
std::vector<LintWarning> lint(const nlohmann::json& rules_json);

}  // namespace ticketcore::detail
