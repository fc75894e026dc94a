// JSON forms of the rule language's results: decisions, explanations, dry runs and
// lint warnings (docs/json.md).
#include "json/result_json.hpp"
#include "ticketcore/json.hpp"

namespace ticketcore {

using namespace detail::json_write;

namespace {

// LintKind has no name table in routing/rules.hpp (nothing else needed its words yet);
// these are its member names, the words the other enums use.
const char* lint_kind_word(LintKind kind) {
  switch (kind) {
    case LintKind::shadowed: return "shadowed";
    case LintKind::contradiction: return "contradiction";
    case LintKind::undoing_actions: return "undoing_actions";
  }
  return "unknown";
}

// The bits of a set as words, in the fixed order handler, supervisor, customer.
json recipients(RecipientSet set) {
  json out = json::array();
  for (Recipient r : {Recipient::handler, Recipient::supervisor, Recipient::customer})
    if (set & static_cast<RecipientSet>(r)) out.push_back(std::string(to_string(r)));
  return out;
}

json decision_json(const Decision& d) {
  json j = json::object();
  j["version"] = std::string(d.version);
  j["matched_rules"] = texts(d.matched_rules);
  put_text(j, "team", d.team);
  put_text(j, "agent", d.agent);
  put_text(j, "assign_by", d.assign_by);
  put_text(j, "priority", d.priority);
  put_text(j, "priority_reason", d.priority_reason);
  put_text(j, "sla_policy", d.sla_policy);
  put_optional(j, "escalation_level", d.escalation_level, level);
  put_text(j, "escalation_reason", d.escalation_reason);
  j["tags_added"] = texts(d.tags_added);
  j["tags_removed"] = texts(d.tags_removed);
  json notifications = json::array();
  for (const auto& n : d.notifications)
    notifications.push_back({{"rule_id", std::string(n.rule_id)},
                             {"template_id", std::string(n.template_id)},
                             {"recipients", recipients(n.recipients)}});
  j["notifications"] = std::move(notifications);
  json approvals = json::array();
  for (const auto& a : d.approvals)
    approvals.push_back({{"rule_id", std::string(a.rule_id)},
                         {"approver", level(a.approver)},
                         {"reason", std::string(a.reason)}});
  j["approvals"] = std::move(approvals);
  return j;  // rule_set only keeps the views alive: nothing to show
}

json condition_json(const ConditionTrace& c) {
  json j = json::object();
  j["path"] = c.path;
  j["depth"] = c.depth;
  put_text(j, "group", c.group);  // groups have a group, comparisons the rest
  put_text(j, "field", c.field);
  put_text(j, "op", c.op);
  put_text(j, "expected", c.expected);
  put_text(j, "seen", c.seen);
  j["passed"] = c.passed;
  return j;
}

json rule_json(const RuleTrace& r) {
  json conditions = json::array();
  for (const auto& c : r.conditions) conditions.push_back(condition_json(c));
  return {{"rule_id", r.rule_id},       {"name", r.name},       {"enabled", r.enabled},
          {"matched", r.matched},       {"stopped", r.stopped}, {"conditions", std::move(conditions)},
          {"actions", texts(r.actions)}};
}

json lint_json(const LintWarning& w) {
  return {{"kind", lint_kind_word(w.kind)}, {"rule_id", w.rule_id}, {"path", w.path}, {"message", w.message}};
}

}  // namespace

json detail::json_write::value_of(const Decision& decision) { return decision_json(decision); }

std::string to_json_text(const Decision& decision) { return dump(decision_json(decision)); }

std::string to_json_text(const Explanation& explanation) {
  json rules = json::array();
  for (const auto& r : explanation.rules) rules.push_back(rule_json(r));
  return dump({{"version", explanation.version},
               {"rules", std::move(rules)},
               {"decision", decision_json(explanation.decision)}});
}

std::string to_json_text(const DryRunReport& report) {
  json changed = json::array();
  for (const auto& t : report.changed) {
    json changes = json::array();
    for (const auto& c : t.changes) {
      json cj = {{"item", c.item}};
      put_text(cj, "before", c.before);  // an empty side is unset
      put_text(cj, "after", c.after);
      changes.push_back(std::move(cj));
    }
    changed.push_back({{"ticket_id", t.ticket_id}, {"changes", std::move(changes)}});
  }
  return dump({{"current_version", report.current_version},
               {"proposed_version", report.proposed_version},
               {"tickets", report.tickets},
               {"changed", std::move(changed)}});
}

std::string to_json_text(const LintWarning& warning) { return dump(lint_json(warning)); }

std::string to_json_text(const std::vector<LintWarning>& warnings) {
  json out = json::array();
  for (const auto& w : warnings) out.push_back(lint_json(w));
  return dump(out);
}

}  // namespace ticketcore
