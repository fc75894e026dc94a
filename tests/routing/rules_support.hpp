#pragma once
// Helpers for the rule-language tests: a directory, a typical ticket and customer,
// and one-rule sets that say whether a condition holds.

#include <nlohmann/json.hpp>

#include <string>

#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/routing/rules.hpp"

namespace ticketcore::rules_test {

using json = nlohmann::json;

inline Instant at(const char* text) { return *parse_instant(text); }

inline RoutingDirectory directory() {
  return RoutingDirectory{
      {"technical_support", "customer_relations", "product_specialists", "senior_specialists"},
      {"a-li", "a-wang", "a-zhao"}};
}

inline RuleSet load(const json& rule_set) { return RuleSet::from_json_text(rule_set.dump(), directory()); }

/// A rule set of one rule with the given condition.
inline json one_rule(const json& when) {
  return json{{"version", "t1"},
              {"rules", json::array({json{{"id", "r1"},
                                          {"name", "rule"},
                                          {"when", when},
                                          {"then", json::array({json{{"add_tag", "hit"}}})}}})}};
}

/// A leaf condition.
inline json cond(const char* field, const char* op, json value = json()) {
  json c{{"field", field}, {"op", op}};
  if (!value.is_null()) c["value"] = std::move(value);
  return c;
}

/// A calendar open one minute a week (Mondays 00:00-00:01 UTC): closed at every instant the
/// tests evaluate (a calendar needs some opening hours, so "never" is as near as it gets).
inline BusinessCalendar closed_calendar() {
  return BusinessCalendar::from_json_text(
      R"({"id": "closed", "time_zone": "UTC", "weekly_hours": {"monday": [{"from": "00:00", "to": "00:01"}]}})");
}

inline Customer customer() {
  Customer c;
  c.id = "C20260501001";
  c.kind = CustomerKind::enterprise;
  c.name = "Lianhe";
  c.company = "Lianhe Manufacturing";
  c.department = "IT";
  c.industry = "C39";
  c.tier = CustomerTier::vip;
  c.tags = {"frequent buyer", "cares about after-sales"};
  c.attributes = {{"credit", std::int64_t{5}}, {"segment", std::string("smb")}};
  c.created_at = at("2024-05-01T01:00:00Z");
  return c;
}

inline Ticket ticket() {
  Ticket t;
  t.id = "202605-001";
  t.customer_id = "C20260501001";
  t.channel = Channel::phone;
  t.request_type = RequestType::technical_support;
  t.subtype = "hardware_fault";
  t.subject = "Router RX-300 reboots every hour";
  t.description = "Since Monday; firmware updated, no change.";
  t.urgency = Urgency::high;
  t.impact.users_affected = 12;
  t.impact.estimated_loss = Money{5000, "CNY"};
  t.priority = "P2";
  t.status = Status::assigned;
  t.team = "technical_support";
  t.assignee = "a-li";
  t.tags = {"hardware", "router"};
  t.attributes = {{"region", std::string("east")},
                  {"floor", std::int64_t{3}},
                  {"weight", 2.5},
                  {"onsite", true},
                  {"note", std::monostate{}}};
  t.created_at = at("2026-05-01T01:00:00Z");
  t.updated_at = at("2026-05-01T02:00:00Z");
  return t;
}

/// A context at 2026-05-01T05:00:00Z with the customer, an SLA snapshot, history and the
/// calendars "always" (24x7) and "never" (closed_calendar()).
struct Context {
  Customer customer_record = customer();
  std::vector<Instant> history = {at("2026-03-01T00:00:00Z"), at("2026-04-20T00:00:00Z"),
                                  at("2026-04-28T00:00:00Z"), at("2026-05-01T01:00:00Z")};
  CalendarRegistry calendars{{{"always", BusinessCalendar::always_open()}, {"never", closed_calendar()}}, ""};
  EvaluationContext ctx;

  Context() {
    ctx.now = at("2026-05-01T05:00:00Z");
    ctx.customer = &customer_record;
    ctx.last_customer_message_at = at("2026-05-01T03:00:00Z");
    ctx.assigned_at = at("2026-05-01T02:00:00Z");
    ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 40.0, Seconds{7200}};
    ctx.customer_ticket_created_at = history;
    ctx.calendars = &calendars;
  }
  Context(const Context&) = delete;
};

/// Whether a condition holds for a ticket in a context.
inline bool holds(const json& when, const Ticket& t, const EvaluationContext& ctx) {
  return !load(one_rule(when)).route(t, ctx).matched_rules.empty();
}

}  // namespace ticketcore::rules_test
