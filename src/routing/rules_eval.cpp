// Running a compiled rule set over a ticket: the fast path (route) and the
// recording one (explain), which share the rule loop's semantics.
#include <algorithm>

#include "routing/rules_program.hpp"

namespace ticketcore {

namespace detail {
namespace {

bool evaluate(Evaluation& ev, std::uint32_t n) {
  const RuleSet::Impl& p = ev.program;
  const Node& node = p.nodes[n];
  switch (node.kind) {
    case Node::Kind::leaf: {
      // Interned enum words and attribute texts: one bit test, no value to build.
      const Leaf& leaf = p.leaves[node.first];
      if (leaf.coded) return ev.passes(leaf.test);
      return compare(leaf, read_value(leaf, ev));
    }
    case Node::Kind::all:
      for (std::uint32_t i = 0; i < node.count; ++i)
        if (!evaluate(ev, p.children[node.first + i])) return false;
      return true;
    case Node::Kind::any:
      for (std::uint32_t i = 0; i < node.count; ++i)
        if (evaluate(ev, p.children[node.first + i])) return true;
      return false;
    case Node::Kind::negation: return !evaluate(ev, p.children[node.first]);
  }
  return false;
}

// Whether a rule's condition holds: its code tests, then the rest of its conditions.
bool holds(Evaluation& ev, const Rule& rule) {
  const RuleSet::Impl& p = ev.program;
  for (std::uint32_t i = rule.tests_first; i < rule.tests_first + rule.tests_count; ++i)
    if (!ev.passes(p.tests[i])) return false;
  for (std::uint32_t i = rule.rest_first; i < rule.rest_first + rule.rest_count; ++i)
    if (!evaluate(ev, p.rest[i])) return false;
  return true;
}

// Evaluates every condition (no short cut), so the explanation shows each value seen. It
// compares values in the general way, also where route() tests codes: the differential
// test's check that both decide alike covers the fast path.
bool trace(Evaluation& ev, std::uint32_t n, int depth, std::vector<ConditionTrace>& out) {
  const RuleSet::Impl& p = ev.program;
  const Node& node = p.nodes[n];
  const std::size_t at = out.size();
  out.push_back(ConditionTrace{p.node_paths[n], depth, {}, {}, {}, {}, {}, false});
  bool passed = false;
  switch (node.kind) {
    case Node::Kind::leaf: {
      const Leaf& leaf = p.leaves[node.first];
      const Value v = read_value(leaf, ev);
      passed = compare(leaf, v);
      out[at].field = leaf.field_name;
      out[at].op = std::string(to_string(leaf.op));
      out[at].expected = leaf.expected_json;
      out[at].seen = describe(v);
      break;
    }
    case Node::Kind::all:
      out[at].group = "all";
      passed = true;
      for (std::uint32_t i = 0; i < node.count; ++i)
        passed = trace(ev, p.children[node.first + i], depth + 1, out) && passed;
      break;
    case Node::Kind::any:
      out[at].group = "any";
      for (std::uint32_t i = 0; i < node.count; ++i)
        passed = trace(ev, p.children[node.first + i], depth + 1, out) || passed;
      break;
    case Node::Kind::negation:
      out[at].group = "not";
      passed = !trace(ev, p.children[node.first], depth + 1, out);
      break;
  }
  out[at].passed = passed;
  return passed;
}

void drop(std::vector<std::string_view>& list, std::string_view item) {
  list.erase(std::remove(list.begin(), list.end(), item), list.end());
}

void add_once(std::vector<std::string_view>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

void apply(const Rule& rule, Decision& d) {
  d.matched_rules.push_back(rule.id);
  for (const Action& a : rule.actions) {
    switch (a.kind) {
      case Action::Kind::set_team: d.team = a.value; break;
      case Action::Kind::set_agent: d.agent = a.value; break;
      case Action::Kind::assign_by: d.assign_by = a.value; break;
      case Action::Kind::set_priority:
        d.priority = a.value;
        d.priority_reason = a.reason;
        break;
      case Action::Kind::add_tag:
        drop(d.tags_removed, a.value);
        add_once(d.tags_added, a.value);
        break;
      case Action::Kind::remove_tag:
        drop(d.tags_added, a.value);
        add_once(d.tags_removed, a.value);
        break;
      case Action::Kind::set_sla_policy: d.sla_policy = a.value; break;
      case Action::Kind::escalate:
        if (!d.escalation_level || a.level > *d.escalation_level) {
          d.escalation_level = a.level;
          d.escalation_reason = a.reason;
        }
        break;
      case Action::Kind::notify: d.notifications.push_back({rule.id, a.value, a.recipients}); break;
      case Action::Kind::require_approval: d.approvals.push_back({rule.id, a.level, a.reason}); break;
    }
  }
}

std::string describe(const Action& a) {
  std::string out(word_of(a.kind).word);
  switch (word_of(a.kind).form) {
    case ActionForm::team:
    case ActionForm::agent:
    case ActionForm::id:
    case ActionForm::tag: return out + " " + a.value;
    case ActionForm::priority: return out + " " + a.value + " (" + a.reason + ")";
    case ActionForm::escalation:
      return out + " to level " + std::to_string(level_number(a.level)) +
             (a.reason.empty() ? "" : " (" + a.reason + ")");
    case ActionForm::notification: {
      std::string who;
      for (Recipient r : kRecipients)
        if (a.recipients & static_cast<RecipientSet>(r))
          who += (who.empty() ? "" : ", ") + std::string(to_string(r));
      return out + " " + who + " with " + a.value;
    }
    case ActionForm::approval: return out + " by " + std::string(to_string(a.level)) + " (" + a.reason + ")";
  }
  return out;
}

}  // namespace detail

void RuleSet::route(const Ticket& ticket, const EvaluationContext& context, Decision& out) const {
  const Impl& p = *impl_;
  out.clear();
  // Set only when it changes: a reused decision pays no reference count per ticket.
  if (out.rule_set != impl_) out.rule_set = impl_;
  out.version = p.version;
  detail::Evaluation ev(p, ticket, context);
  for (const detail::Rule& rule : p.rules) {
    if (!rule.enabled || !detail::holds(ev, rule)) continue;
    detail::apply(rule, out);
    if (rule.stop) break;
  }
}

Decision RuleSet::route(const Ticket& ticket, const EvaluationContext& context) const {
  Decision d;
  route(ticket, context, d);
  return d;
}

Explanation RuleSet::explain(const Ticket& ticket, const EvaluationContext& context) const {
  const Impl& p = *impl_;
  Explanation e;
  e.rules.reserve(p.rules.size());
  e.version = p.version;
  e.decision.version = p.version;
  e.decision.rule_set = impl_;
  detail::Evaluation ev(p, ticket, context);
  for (const detail::Rule& rule : p.rules) {
    RuleTrace rt;
    rt.rule_id = rule.id;
    rt.name = rule.name;
    rt.enabled = rule.enabled;
    if (rule.enabled) {
      rt.conditions.reserve(rule.nodes);
      rt.matched = detail::trace(ev, rule.root, 0, rt.conditions);
      if (rt.matched) {
        detail::apply(rule, e.decision);
        for (const auto& a : rule.actions) rt.actions.push_back(detail::describe(a));
        rt.stopped = rule.stop;
      }
    }
    e.rules.push_back(std::move(rt));
    if (e.rules.back().stopped) break;
  }
  return e;
}

std::string Explanation::to_text() const {
  std::string out = "rule set " + version + "\n";
  for (const auto& r : rules) {
    out += "rule " + r.rule_id + " (" + r.name + "): ";
    if (!r.enabled) {
      out += "disabled\n";
      continue;
    }
    out += r.matched ? (r.stopped ? "matched, stop\n" : "matched\n") : "not matched\n";
    for (const auto& c : r.conditions) {
      out += std::string(2 + 2 * static_cast<std::size_t>(c.depth), ' ');
      out += c.passed ? "[pass] " : "[fail] ";
      if (!c.group.empty()) {
        out += c.group + "\n";
        continue;
      }
      out += c.field + " " + c.op;
      if (!c.expected.empty()) out += " " + c.expected;
      out += ", saw " + c.seen + "\n";
    }
    for (const auto& a : r.actions) out += "  -> " + a + "\n";
  }
  out += "decision:";
  for (const auto& [item, value] : describe(decision)) out += "\n  " + item + ": " + value;
  out += "\n";
  return out;
}

}  // namespace ticketcore
