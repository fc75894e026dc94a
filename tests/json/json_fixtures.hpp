#pragma once
// Realistic inputs for the JSON form tests: a routed ticket with its context, a small
// desk of teams and agents for assignment and escalation, and rule sets for explain,
// dry runs and lint. Built here rather than borrowed, so the goldens change only when
// a form or an engine does.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/facts.hpp"
#include "routing/assignment_fixtures.hpp"
#include "routing/presets.hpp"
#include "ticketcore/routing/rules.hpp"

namespace ticketcore::json_testing {

/// An instant from RFC 3339 text.
inline Instant at(const char* text) { return *parse_instant(text); }

/// A VIP customer's hardware ticket, routed at 2026-05-06 10:00 Shanghai.
struct RoutingScene {
  Customer customer;
  Ticket ticket;
  EvaluationContext ctx;

  RoutingScene() {
    customer.id = "C20260501001";
    customer.kind = CustomerKind::enterprise;
    customer.name = "Lianhe";
    customer.company = "Lianhe Manufacturing";
    customer.tier = CustomerTier::normal;
    ticket.id = "202605-014";
    ticket.customer_id = customer.id;
    ticket.channel = Channel::phone;
    ticket.request_type = RequestType::technical_support;
    ticket.subtype = "hardware_fault";
    ticket.subject = "Router RX-300 reboots every hour";
    ticket.urgency = Urgency::high;
    ticket.impact.users_affected = 12;
    ticket.tags = {"hardware", "router"};
    ticket.created_at = ticket.updated_at = at("2026-05-06T01:00:00Z");
    ctx.now = at("2026-05-06T02:00:00Z");
    ctx.customer = &customer;
    ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 12.5, Seconds{7 * 3600}};
  }
  RoutingScene(const RoutingScene&) = delete;  // ctx points at customer
};

/// A small rule set for explain and dry runs: a VIP rule, a disabled rule, a technical
/// rule that stops, and a catch-all.
inline const char* explain_rules_v1() {
  return R"({"version": "v1", "rules": [
    {"id": "vip", "name": "VIP complaints",
     "when": {"all": [{"field": "customer.tier", "op": "eq", "value": "vip"},
                      {"field": "request_type", "op": "eq", "value": "complaint"}]},
     "then": [{"set_team": "senior_specialists"}], "stop": true},
    {"id": "off", "name": "Retired", "enabled": false, "when": {"all": []}, "then": [{"add_tag": "never"}]},
    {"id": "tech", "name": "Technical",
     "when": {"any": [{"field": "request_type", "op": "eq", "value": "technical_support"},
                      {"not": {"field": "tags", "op": "exists"}}]},
     "then": [{"set_team": "technical_support"}, {"assign_by": "technical"},
              {"escalate": {"level": 2, "reason": "hardware faults go to the lead"}}],
     "stop": true},
    {"id": "rest", "name": "Rest", "when": {"all": []}, "then": [{"set_team": "product_specialists"}]}]})";
}

/// v1 with technical tickets sent to senior specialists and consultations tagged.
inline const char* explain_rules_v2() {
  return R"({"version": "v2", "rules": [
    {"id": "vip", "name": "VIP complaints",
     "when": {"all": [{"field": "customer.tier", "op": "eq", "value": "vip"},
                      {"field": "request_type", "op": "eq", "value": "complaint"}]},
     "then": [{"set_team": "senior_specialists"}], "stop": true},
    {"id": "tech", "name": "Technical",
     "when": {"field": "request_type", "op": "eq", "value": "technical_support"},
     "then": [{"set_team": "senior_specialists"}, {"assign_by": "vip_after_sales"}], "stop": true},
    {"id": "rest", "name": "Rest", "when": {"all": []},
     "then": [{"set_team": "product_specialists"}, {"add_tag": "consult"}]}]})";
}

/// A rule set with one warning of each kind: shadowed, contradiction, undoing actions.
inline const char* lint_rules() {
  return R"({"version": "lint-demo", "rules": [
    {"id": "complaints", "name": "Complaints", "when": {"field": "request_type", "op": "eq", "value": "complaint"},
     "then": [{"set_team": "customer_relations"}, {"add_tag": "complaint"}], "stop": true},
    {"id": "angry-complaints", "name": "Angry complaints",
     "when": {"all": [{"field": "request_type", "op": "eq", "value": "complaint"},
                      {"field": "tags", "op": "in", "value": ["angry"]}]},
     "then": [{"add_tag": "priority-review"}]},
    {"id": "phone-and-email", "name": "Phone and email at once",
     "when": {"all": [{"field": "channel", "op": "eq", "value": "phone"},
                      {"field": "channel", "op": "eq", "value": "email"}]},
     "then": [{"add_tag": "impossible"}]},
    {"id": "hardware", "name": "Hardware", "when": {"field": "subtype", "op": "eq", "value": "hardware_fault"},
     "then": [{"add_tag": "onsite"}]},
    {"id": "no-onsite", "name": "No onsite visits", "when": {"all": []}, "then": [{"remove_tag": "onsite"}]}]})";
}

/// An agent of a team with room for three tickets, speaking Chinese.
inline Agent agent(std::string id, std::string team, Seniority seniority = Seniority::regular) {
  Agent a = testing::agent(std::move(id), std::move(team), seniority);
  a.max_concurrent_tickets = 3;
  return a;
}

using testing::team;

/// The preset teams with people: a desk for the preset assignment strategies.
struct Desk {
  std::vector<Team> teams = {team("product_specialists", "ps-lead"),
                             team("technical_support", "ts-lead", "ts-super", "boss"),
                             team("customer_relations", "", "cr-super", "boss"), team("senior_specialists")};
  std::vector<Agent> agents = {agent("ps-1", "product_specialists"),
                               agent("ps-lead", "product_specialists", Seniority::senior),
                               agent("ts-1", "technical_support"),
                               agent("ts-2", "technical_support"),
                               agent("ts-lead", "technical_support", Seniority::expert),
                               agent("ts-super", "technical_support"),
                               agent("cr-1", "customer_relations"),
                               agent("cr-super", "customer_relations"),
                               agent("boss", "customer_relations", Seniority::expert)};

  Desk() {
    find("ts-1").certifications = {"X100"};
    find("ts-2").certifications = {"X100", "X200"};
    find("ts-lead").certifications = {"X200"};
    find("ts-super").role = Role::supervisor;
    find("cr-super").role = Role::supervisor;
    find("boss").role = Role::supervisor;
  }
  Agent& find(std::string_view id) {
    for (auto& a : agents)
      if (a.id == id) return a;
    throw std::logic_error("no such agent in the test desk");
  }
};

}  // namespace ticketcore::json_testing
