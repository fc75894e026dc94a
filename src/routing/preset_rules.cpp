// The preset rule set: DOMAIN.md section 3's dispatch, as a service manager would write it.
// Its assign_by ids are the strategies of the preset assignment config
// (assignment_preset.cpp), so the two presets work together.
#include "ticketcore/routing/preset_rules.hpp"

namespace ticketcore {

namespace {

// Kept in step with the copy in docs/rules.md.
constexpr std::string_view kPreset = R"json({
  "version": "preset-2026.1",
  "description": "DOMAIN.md dispatch: request type, priority, customer tier",
  "rules": [
    {
      "id": "technical-no-progress",
      "name": "Technical ticket without progress 1 h after assignment goes to the technical lead",
      "when": {"all": [
        {"field": "request_type", "op": "eq", "value": "technical_support"},
        {"field": "status", "op": "in", "value": ["assigned", "in_progress"]},
        {"field": "hours_without_progress", "op": "gte", "value": 1}
      ]},
      "then": [
        {"escalate": {"level": 2, "reason": "no progress 1 h after assignment"}},
        {"notify": {"template": "escalation_technical_lead", "recipients": ["handler", "supervisor"]}},
        {"add_tag": "escalated"}
      ],
      "stop": true
    },
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
      "name": "Large outage, core business down or major loss is P1",
      "when": {"any": [
        {"field": "impact.users_affected", "op": "gte", "value": 100},
        {"field": "impact.estimated_loss.amount", "op": "gt", "value": 100000},
        {"field": "impact.core_business_down", "op": "eq", "value": true}
      ]},
      "then": [
        {"set_priority": {"level": "P1", "reason": ">= 100 users, loss > 100,000 or core business down"}},
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

}  // namespace

std::string_view preset_rules_json() { return kPreset; }

RoutingDirectory preset_directory() {
  return RoutingDirectory{
      {"product_specialists", "technical_support", "customer_relations", "senior_specialists", "supervisors"},
      {}};
}

RuleSet preset_rule_set() { return RuleSet::from_json_text(kPreset, preset_directory()); }

}  // namespace ticketcore
