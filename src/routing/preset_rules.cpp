// The preset rule set: DOMAIN.md section 3's dispatch, as a service manager would write it.
// Its assign_by ids are the strategies of the preset assignment config
// (assignment_preset.cpp), and every team it names is one of preset_teams(), so the
// presets work together (DeskConfig::preset loads them as one document and checks it).
// "No progress 1 h after assignment" is not a rule here: the SLA escalation
// "technical-lead" owns it (time-based escalation is swept by due(), once per assignment).
#include "routing/presets.hpp"

#include "sla/presets.hpp"

namespace ticketcore::detail {

namespace {

// Kept in step with the copy in docs/rules.md. {version} and {top} (the scheme's most
// urgent level) are filled in per priority scheme by preset_rules_json(scheme).
constexpr std::string_view kTemplate = R"json({
  "version": "{version}",
  "description": "DOMAIN.md dispatch: request type, priority, customer tier",
  "rules": [
    {
      "id": "sla-overdue",
      "name": "Overdue tickets alert the handler and the supervisor",
      "when": {"any": [
        {"field": "sla.first_response.percent_used", "op": "gte", "value": 100},
        {"field": "sla.resolution.percent_used", "op": "gte", "value": 100}
      ]},
      "then": [
        {"notify": {"template": "sla_overdue", "recipients": ["handler", "supervisor"]}}
      ]
    },
    {
      "id": "major-impact-p1",
      "name": "Large outage, core business down or major loss is {top}",
      "when": {"any": [
        {"field": "impact.users_affected", "op": "gte", "value": 100},
        {"field": "impact.estimated_loss.amount", "op": "gt", "value": 100000},
        {"field": "impact.core_business_down", "op": "eq", "value": true}
      ]},
      "then": [
        {"set_priority": {"level": "{top}", "reason": ">= 100 users, loss > 100,000 or core business down"}},
        {"notify": {"template": "p1_opened", "recipients": ["supervisor"]}}
      ]
    },
    {
      "id": "complaint-remedy-approval",
      "name": "Complaint remedies need supervisor approval",
      "when": {"field": "request_type", "op": "eq", "value": "complaint"},
      "then": [
        {"require_approval": {"approver": "supervisor",
                              "reason": "complaint remedies (compensation, fixes, process changes)"}}
      ]
    },
    {
      "id": "vip-after-sales",
      "name": "VIP and strategic after-sales go to senior specialists",
      "when": {"all": [
        {"field": "customer.tier", "op": "in", "value": ["vip", "strategic"]},
        {"field": "request_type", "op": "in", "value": ["technical_support", "other"]}
      ]},
      "then": [
        {"set_team": "senior_specialists"},
        {"assign_by": "vip_after_sales"}
      ],
      "stop": true
    },
    {
      "id": "technical-support",
      "name": "Technical support goes to certified engineers",
      "when": {"field": "request_type", "op": "eq", "value": "technical_support"},
      "then": [
        {"set_team": "technical_support"},
        {"assign_by": "technical"}
      ],
      "stop": true
    },
    {
      "id": "complaint",
      "name": "Complaints go to customer relations",
      "when": {"field": "request_type", "op": "eq", "value": "complaint"},
      "then": [
        {"set_team": "customer_relations"},
        {"assign_by": "complaint"},
        {"add_tag": "complaint"}
      ],
      "stop": true
    },
    {
      "id": "consultation",
      "name": "Consultations go to product specialists",
      "when": {"field": "request_type", "op": "eq", "value": "consultation"},
      "then": [
        {"set_team": "product_specialists"},
        {"assign_by": "consultation"}
      ],
      "stop": true
    },
    {
      "id": "other-to-supervisors",
      "name": "Cooperation, escalated complaints and urgent matters wait in the supervisors' queue",
      "when": {"all": []},
      "then": [
        {"set_team": "supervisors"}
      ],
      "stop": true
    }
  ]
})json";

std::string replace_all(std::string text, std::string_view token, std::string_view value) {
  for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size()))
    text.replace(at, token.size(), value);
  return text;
}

}  // namespace

std::vector<Team> preset_teams() {
  auto team = [](const char* id, const char* name, const char* description) {
    Team t;
    t.id = id;
    t.name = name;
    t.description = description;
    return t;
  };
  return {
      team("product_specialists", "Product specialists", "Consultation: product features, policy, usage"),
      team("technical_support", "Technical support",
           "Faults, abnormal operation and data problems, by engineers certified per product"),
      team("customer_relations", "Customer relations", "Complaints and suggestions"),
      team("senior_specialists", "Senior specialists", "VIP and strategic after-sales"),
      team("supervisors", "Supervisors", "Cooperation, escalated complaints, urgent matters and approvals"),
  };
}

std::string_view preset_rules_json() {
  static const std::string text = preset_rules_json("standard");
  return text;
}

std::string preset_rules_json(std::string_view scheme) {
  // The scheme's own top level, so that the rule set and the scheme cannot disagree.
  const std::string top = priority_preset(scheme).levels().front().id;
  const std::string version =
      scheme == "standard" ? std::string("preset-2026.1") : "preset-2026.1-" + std::string(scheme);
  return replace_all(replace_all(std::string(kTemplate), "{version}", version), "{top}", top);
}

RoutingDirectory preset_directory() { return RoutingDirectory::from(preset_teams(), {}); }

RuleSet preset_rule_set() { return RuleSet::from_json_text(preset_rules_json(), preset_directory()); }

}  // namespace ticketcore::detail
