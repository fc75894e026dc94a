#include "presets.hpp"

#include "ticketcore/error.hpp"

namespace ticketcore::detail {

namespace {

// Mon-Fri 09:00-18:00 in Shanghai with China's 2026 statutory holidays and make-up
// working days (State Council notice of 2025-11-04; data/cn-holidays-2026.json).
constexpr std::string_view kCnStandard2026 = R"({
  "id": "cn-standard", "name": "Mon-Fri 09:00-18:00, China 2026", "time_zone": "Asia/Shanghai",
  "weekly_hours": {
    "monday": [{"from": "09:00", "to": "18:00"}], "tuesday": [{"from": "09:00", "to": "18:00"}],
    "wednesday": [{"from": "09:00", "to": "18:00"}], "thursday": [{"from": "09:00", "to": "18:00"}],
    "friday": [{"from": "09:00", "to": "18:00"}]},
  "holidays": [
    {"from": "2026-01-01", "to": "2026-01-03", "name": "New Year's Day"},
    {"from": "2026-02-15", "to": "2026-02-23", "name": "Spring Festival"},
    {"from": "2026-04-04", "to": "2026-04-06", "name": "Qingming Festival"},
    {"from": "2026-05-01", "to": "2026-05-05", "name": "Labour Day"},
    {"from": "2026-06-19", "to": "2026-06-21", "name": "Dragon Boat Festival"},
    {"from": "2026-09-25", "to": "2026-09-27", "name": "Mid-Autumn Festival"},
    {"from": "2026-10-01", "to": "2026-10-07", "name": "National Day"}],
  "extra_working_days": [
    {"date": "2026-01-04", "weekday": "Sunday", "for": "New Year's Day"},
    {"date": "2026-02-14", "weekday": "Saturday", "for": "Spring Festival"},
    {"date": "2026-02-28", "weekday": "Saturday", "for": "Spring Festival"},
    {"date": "2026-05-09", "weekday": "Saturday", "for": "Labour Day"},
    {"date": "2026-09-20", "weekday": "Sunday", "for": "National Day"},
    {"date": "2026-10-10", "weekday": "Saturday", "for": "National Day"}]
})";

// Impact classes shared by the three schemes: bands of users affected.
constexpr std::string_view kImpactClasses = R"([
    {"id": "single", "min_users_affected": 0}, {"id": "several", "min_users_affected": 2},
    {"id": "many", "min_users_affected": 20}, {"id": "widespread", "min_users_affected": 100}])";

// DOMAIN.md section 2: P1 for >= 100 users, a loss over 100,000 CNY or core business down;
// an escalated complaint (a complaint or "other" ticket tagged "escalated") at least `second`.
std::string forcing_rules(std::string_view top, std::string_view second) {
  const std::string t(top), s(second);
  return R"([
    {"id": "mass_outage", "when": {"users_affected_at_least": 100}, "at_least": ")" +
         t + R"("},
    {"id": "major_loss", "when": {"estimated_loss_above": {"amount": 100000, "currency": "CNY"}}, "at_least": ")" +
         t + R"("},
    {"id": "core_business_down", "when": {"core_business_down": true}, "at_least": ")" +
         t + R"("},
    {"id": "escalated_complaint", "when": {"request_types": ["complaint", "other"], "any_tag": ["escalated"]},
     "at_least": ")" +
         s + R"("}])";
}

std::string scheme(std::string_view levels, std::string_view matrix, std::string_view top,
                   std::string_view second) {
  return "{\"levels\": " + std::string(levels) + ", \"impact_classes\": " + std::string(kImpactClasses) +
         ", \"matrix\": " + std::string(matrix) + ", \"rules\": " + forcing_rules(top, second) +
         R"(, "tier_steps": {"normal": 0, "vip": 1, "strategic": 1}})";
}

std::string standard_scheme() {
  return scheme(
      R"([{"id": "P1", "name": "urgent"}, {"id": "P2", "name": "high"}, {"id": "P3", "name": "medium"},
                    {"id": "P4", "name": "low"}])",
      R"({
      "single": {"low": "P4", "medium": "P3", "high": "P3", "critical": "P2"},
      "several": {"low": "P4", "medium": "P3", "high": "P2", "critical": "P2"},
      "many": {"low": "P3", "medium": "P2", "high": "P2", "critical": "P1"},
      "widespread": {"low": "P1", "medium": "P1", "high": "P1", "critical": "P1"}})",
      "P1", "P2");
}

std::string urgent_important_general_scheme() {
  return scheme(R"([{"id": "urgent"}, {"id": "important"}, {"id": "general"}])", R"({
      "single": {"low": "general", "medium": "general", "high": "important", "critical": "urgent"},
      "several": {"low": "general", "medium": "important", "high": "important", "critical": "urgent"},
      "many": {"low": "important", "medium": "important", "high": "urgent", "critical": "urgent"},
      "widespread": {"low": "urgent", "medium": "urgent", "high": "urgent", "critical": "urgent"}})",
                "urgent", "important");
}

std::string high_medium_low_scheme() {
  // "Complaint escalation is always high": the second level of the rule is the top one.
  return scheme(R"([{"id": "high"}, {"id": "medium"}, {"id": "low"}])", R"({
      "single": {"low": "low", "medium": "medium", "high": "medium", "critical": "high"},
      "several": {"low": "low", "medium": "medium", "high": "high", "critical": "high"},
      "many": {"low": "medium", "medium": "high", "high": "high", "critical": "high"},
      "widespread": {"low": "high", "medium": "high", "high": "high", "critical": "high"}})",
                "high", "high");
}

// What every preset shares besides the scheme and the policies: DOMAIN.md's escalation
// to the technical lead after 1 h without progress, the survey 2 h after resolution,
// auto-close after 3 working days resolved without a customer reply. The escalation is the
// presets' one owner of it (no preset rule repeats it); its team is one of routing's
// preset_teams() (src/routing/presets.hpp), which DeskConfig::preset checks.
std::string config(const std::string& priority_scheme, std::string_view policies) {
  return "{\"priority_scheme\": " + priority_scheme +
         ", \"calendars\": {\"cn-standard\": " + std::string(kCnStandard2026) +
         "}, \"default_calendar\": \"cn-standard\", \"policies\": " + std::string(policies) + R"(,
  "escalations": [{"id": "technical-lead", "request_types": ["technical_support"], "after": {"business_hours": 1},
                   "level": 2, "team": "technical_support"}],
  "survey_after_resolution": {"calendar_hours": 2},
  "auto_close_after_resolution": {"working_days": 3}})";
}

// DOMAIN.md's table. P1 runs around the clock and has no resolution target ("as fast as
// possible"); "24 h" on a Mon-Fri desk is one working day (same local time next working day).
constexpr std::string_view kStandardPolicies = R"([
  {"id": "p1", "priority": "P1", "targets": {"handling_start": {"calendar_minutes": 15},
     "first_response": {"calendar_minutes": 15}, "periodic_update": {"calendar_hours": 24}}},
  {"id": "p2", "priority": "P2", "targets": {"first_response": {"business_hours": 2},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 1}}},
  {"id": "p3", "priority": "P3", "targets": {"first_response": {"business_hours": 4},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 3}}},
  {"id": "p4", "priority": "P4", "targets": {"first_response": {"business_hours": 8},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 5}}}])";

// Response 2 h / 4 h / 24 h as the manual says; the resolutions are ours (1 / 3 / 5 working days).
constexpr std::string_view kUrgentImportantGeneralPolicies = R"([
  {"id": "urgent", "priority": "urgent", "targets": {"first_response": {"business_hours": 2},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 1}}},
  {"id": "important", "priority": "important", "targets": {"first_response": {"business_hours": 4},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 3}}},
  {"id": "general", "priority": "general", "targets": {"first_response": {"working_days": 1},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 5}}}])";

// High: respond in 4 h, resolve in 24 h (one working day), as the manual says; medium and low are ours.
constexpr std::string_view kHighMediumLowPolicies = R"([
  {"id": "high", "priority": "high", "targets": {"first_response": {"business_hours": 4},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 1}}},
  {"id": "medium", "priority": "medium", "targets": {"first_response": {"working_days": 1},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 3}}},
  {"id": "low", "priority": "low", "targets": {"first_response": {"working_days": 2},
     "periodic_update": {"working_days": 1}, "resolution": {"working_days": 5}}}])";

[[noreturn]] void unknown(std::string_view name) {
  throw Error(ErrorCode::not_found, "/preset",
              "no preset \"" + std::string(name) +
                  "\" (expected one of: standard, urgent_important_general, high_medium_low)");
}

}  // namespace

std::string priority_preset_text(std::string_view name) {
  if (name == "standard") return standard_scheme();
  if (name == "urgent_important_general") return urgent_important_general_scheme();
  if (name == "high_medium_low") return high_medium_low_scheme();
  unknown(name);
}

std::string config_preset_text(std::string_view name) {
  if (name == "standard") return config(standard_scheme(), kStandardPolicies);
  if (name == "urgent_important_general")
    return config(urgent_important_general_scheme(), kUrgentImportantGeneralPolicies);
  if (name == "high_medium_low") return config(high_medium_low_scheme(), kHighMediumLowPolicies);
  unknown(name);
}

}  // namespace ticketcore::detail
