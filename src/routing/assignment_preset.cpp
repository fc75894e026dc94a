// DOMAIN.md section 3's dispatch as data: who takes consultation, technical
// support, complaints and VIP after-sales, and where SLA signals escalate.
#include "routing/presets.hpp"

namespace ticketcore::detail {

namespace {

// The team ids are those of preset_teams(), which the preset rule set names too
// (docs/assignment.md, docs/rules.md); loading checks them.
constexpr std::string_view kAssignmentJson = R"json({
  "strategies": [
    {
      "id": "consultation",
      "description": "Consultation goes round robin to an available product specialist who speaks the customer's language.",
      "filters": [
        {"kind": "team", "team": "product_specialists"},
        {"kind": "availability"},
        {"kind": "capacity"},
        {"kind": "language", "from": "attributes.language"}
      ],
      "chooser": "round_robin",
      "fallback": "consultation_any_language"
    },
    {
      "id": "consultation_any_language",
      "description": "No specialist speaks the language: the least loaded available product specialist.",
      "filters": [
        {"kind": "team", "team": "product_specialists"},
        {"kind": "availability"}
      ],
      "chooser": "least_loaded"
    },
    {
      "id": "technical",
      "description": "Technical support goes to the least loaded available engineer certified for the ticket's product (attributes.product); without one it waits in the queue for a supervisor.",
      "filters": [
        {"kind": "team", "team": "technical_support"},
        {"kind": "availability"},
        {"kind": "certification", "from": "attributes.product"}
      ],
      "chooser": "least_loaded"
    },
    {
      "id": "complaint",
      "description": "Complaints go to the least loaded available customer relations specialist.",
      "filters": [
        {"kind": "team", "team": "customer_relations"},
        {"kind": "role", "roles": ["agent"]},
        {"kind": "availability"}
      ],
      "chooser": "least_loaded",
      "fallback": "complaint_supervisor"
    },
    {
      "id": "complaint_supervisor",
      "description": "No specialist is free: a customer relations supervisor takes it, whatever their load.",
      "filters": [
        {"kind": "team", "team": "customer_relations"},
        {"kind": "role", "roles": ["supervisor"]},
        {"kind": "availability"}
      ],
      "chooser": "round_robin"
    },
    {
      "id": "vip_after_sales",
      "description": "VIP after-sales goes to the least loaded available senior specialist senior enough for the customer's tier.",
      "filters": [
        {"kind": "team", "team": "senior_specialists"},
        {"kind": "availability"},
        {"kind": "tier_affinity", "tiers": {"normal": "senior", "vip": "senior", "strategic": "senior"}}
      ],
      "chooser": "least_loaded",
      "fallback": "vip_any_senior"
    },
    {
      "id": "vip_any_senior",
      "description": "No senior specialist is free: any available senior or expert agent of the desk.",
      "filters": [
        {"kind": "availability"},
        {"kind": "seniority", "at_least": "senior"}
      ],
      "chooser": "least_loaded"
    }
  ]
})json";

constexpr std::string_view kEscalationJson = R"json({
  "sla_warning": 2,
  "sla_breach": 3
})json";

}  // namespace

std::string_view preset_assignment_json() { return kAssignmentJson; }
AssignmentConfig preset_assignment_config() {
  return AssignmentConfig::from_json_text(kAssignmentJson, preset_teams());
}
std::string_view preset_escalation_json() { return kEscalationJson; }
EscalationPolicy preset_escalation_policy() {
  return EscalationPolicy::from_json_text(kEscalationJson, preset_teams());
}

}  // namespace ticketcore::detail
