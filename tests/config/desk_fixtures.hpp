#pragma once
// A small hand-written desk document the config tests change one field at a time, and a
// check that a document is refused at an exact JSON path.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "sla/presets.hpp"
#include "ticketcore/config.hpp"

namespace ticketcore::config_test {

using json = nlohmann::json;

/// Two teams, two agents, one calendar, three policies, two rules, one strategy: every
/// section of the document, each naming the others' ids.
inline json small_desk() {
  json doc = json::parse(R"json({
    "version": "acme-2026.3",
    "calendars": {"office": {"id": "office", "time_zone": "Asia/Shanghai", "weekly_hours": {
      "monday": [{"from": "09:00", "to": "18:00"}], "tuesday": [{"from": "09:00", "to": "18:00"}],
      "wednesday": [{"from": "09:00", "to": "18:00"}], "thursday": [{"from": "09:00", "to": "18:00"}],
      "friday": [{"from": "09:00", "to": "18:00"}]}}},
    "default_calendar": "office",
    "policies": [
      {"id": "high", "priority": "high", "targets": {"first_response": {"business_hours": 4},
                                                    "resolution": {"working_days": 1}}},
      {"id": "medium", "priority": "medium", "targets": {"first_response": {"business_hours": 8, "calendar": "office"}}},
      {"id": "low", "priority": "low", "targets": {"first_response": {"working_days": 2}}}],
    "escalations": [{"id": "lead", "after": {"business_hours": 2}, "level": 2, "team": "support"}],
    "survey_after_resolution": {"calendar_hours": 2},
    "escalation_levels": {"sla_warning": 2, "sla_breach": 3, "teams": {"support": {"sla_breach": 4}}},
    "teams": [
      {"id": "support", "name": "Support", "calendar": "office", "lead": "lee"},
      {"id": "complaints", "name": "Complaints"}],
    "agents": [
      {"id": "lee", "name": "Lee", "team": "support", "role": "supervisor"},
      {"id": "ann", "name": "Ann", "team": "support", "calendar": "24x7"}],
    "rules": {"version": "acme-rules-7", "rules": [
      {"id": "complaints", "name": "Complaints are high and go to the complaints team",
       "when": {"field": "request_type", "op": "eq", "value": "complaint"},
       "then": [{"set_team": "complaints"}, {"set_priority": {"level": "high", "reason": "a complaint"}},
                {"set_sla_policy": "high"}],
       "stop": true},
      {"id": "rest", "name": "The rest goes to support",
       "when": {"all": []},
       "then": [{"set_team": "support"}, {"assign_by": "support_any"}]}]},
    "assignment": {"strategies": [
      {"id": "support_any", "filters": [{"kind": "team", "team": "support"}, {"kind": "availability"}],
       "chooser": "least_loaded"}]},
    "numbers": {"ticket": "T{yyyy}{mm}-{serial:4}"},
    "retention": {"closed_ticket_days": 1500}
  })json");
  doc["priority_scheme"] = json::parse(detail::priority_preset("high_medium_low").to_json_text());
  return doc;
}

/// Loads a document, which must be refused with invalid_input at `path`, the message containing `words`.
inline void require_refused(const json& doc, const std::string& path, const std::string& words) {
  INFO(doc.dump());
  try {
    (void)DeskConfig::from_json_text(doc.dump());
    FAIL("accepted; expected an error at " << path);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == path);
    CHECK_THAT(e.message(), Catch::Contains(words));
  }
}

}  // namespace ticketcore::config_test
