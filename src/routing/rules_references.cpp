// The ids a rule set names, with their JSON paths: what a desk checks against its
// strategies, SLA policies and priority levels, which a rule set alone cannot know.
#include "model/json_read.hpp"
#include "routing/rules_program.hpp"

namespace ticketcore {

namespace {

using detail::json_read::child;

// The kind of id a field holds when a condition compares it whole, if it names one.
std::optional<RuleReferenceKind> named_by(detail::FieldId field) {
  switch (field) {
    case detail::FieldId::team: return RuleReferenceKind::team;
    case detail::FieldId::assignee: return RuleReferenceKind::agent;
    case detail::FieldId::priority: return RuleReferenceKind::priority;
    default: return std::nullopt;
  }
}

// The ids a condition compares its field with whole (eq, ne, in, not_in); "" stands for none.
void add_condition_references(const detail::Leaf& leaf, const std::string& path, const std::string& rule_id,
                              std::vector<RuleReference>& out) {
  const auto kind = named_by(leaf.field.id);
  if (!kind) return;
  using detail::Op;
  const bool one = leaf.op == Op::eq || leaf.op == Op::ne;
  const bool set = leaf.op == Op::in || leaf.op == Op::not_in;
  if (!one && !set) return;
  const std::string value_path = child(path, "value");
  for (std::size_t i = 0; i < leaf.literals.size(); ++i) {
    const std::string& id = leaf.literals[i].text;
    if (id.empty()) continue;
    out.push_back({*kind, id, rule_id, set ? child(value_path, i) : value_path});
  }
}

// The kind of id an action names, if it names one.
std::optional<RuleReferenceKind> named_by(detail::Action::Kind kind) {
  using Kind = detail::Action::Kind;
  switch (kind) {
    case Kind::set_team: return RuleReferenceKind::team;
    case Kind::set_agent: return RuleReferenceKind::agent;
    case Kind::assign_by: return RuleReferenceKind::strategy;
    case Kind::set_sla_policy: return RuleReferenceKind::sla_policy;
    case Kind::set_priority: return RuleReferenceKind::priority;
    default: return std::nullopt;
  }
}

// The id an action names, at its action word ({"assign_by": "technical"}), or at the
// level of a set_priority ({"set_priority": {"level": "P1", ...}}).
void add_action_reference(const detail::Action& action, const std::string& path, const std::string& rule_id,
                          std::vector<RuleReference>& out) {
  const auto kind = named_by(action.kind);
  if (!kind) return;
  const detail::ActionWord& word = detail::word_of(action.kind);
  std::string at = child(path, word.word);
  if (word.form == detail::ActionForm::priority) at = child(at, "level");
  out.push_back({*kind, action.value, rule_id, at});
}

}  // namespace

std::vector<RuleReference> RuleSet::references() const {
  std::vector<RuleReference> out;
  for (std::size_t i = 0; i < impl_->rules.size(); ++i) {
    const detail::Rule& rule = impl_->rules[i];
    const std::string path = child("/rules", i);
    // A rule's condition nodes are contiguous from its root, in document order.
    for (std::uint32_t n = rule.root; n < rule.root + rule.nodes; ++n) {
      const detail::Node& node = impl_->nodes[n];
      if (node.kind == detail::Node::Kind::leaf)
        add_condition_references(impl_->leaves[node.first], impl_->node_paths[n], rule.id, out);
    }
    const std::string then_path = child(path, "then");
    for (std::size_t k = 0; k < rule.actions.size(); ++k)
      add_action_reference(rule.actions[k], child(then_path, k), rule.id, out);
  }
  return out;
}

}  // namespace ticketcore
