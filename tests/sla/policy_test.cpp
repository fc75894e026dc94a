// Policy selection (specificity, ties, explanation) and SLA config validation with paths.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>

#include "sla/presets.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using nlohmann::json;

namespace {

SlaPolicy policy(std::string id, std::string priority) {
  SlaPolicy p;
  p.id = std::move(id);
  p.priority = std::move(priority);
  p.targets = {{SlaTarget::resolution, {SlaClock::business, 3600, ""}}};
  return p;
}

std::string config_error_path(const std::function<void(json&)>& change) {
  json j = json::parse(detail::config_preset_text("standard"));
  change(j);
  try {
    SlaConfig::from_json_text(j.dump());
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("policy choice: the most specific matching policy wins", "[policy]") {
  std::vector<SlaPolicy> ps;
  ps.push_back(policy("p2", "P2"));
  auto vip = policy("p2-vip", "P2");
  vip.tier = CustomerTier::vip;
  ps.push_back(vip);
  auto vip_complaint = policy("p2-vip-complaint", "P2");
  vip_complaint.tier = CustomerTier::vip;
  vip_complaint.request_type = RequestType::complaint;
  ps.push_back(vip_complaint);
  auto chat = policy("p2-chat", "P2");
  chat.channel = Channel::chat;
  ps.push_back(chat);
  ps.push_back(policy("p3", "P3"));

  auto c = choose_policy(ps, "P2", CustomerTier::normal, RequestType::consultation, Channel::phone);
  REQUIRE(c.policy);
  CHECK(c.policy->id == "p2");
  CHECK(c.candidates == std::vector<std::string>{"p2"});

  c = choose_policy(ps, "P2", CustomerTier::vip, RequestType::consultation, Channel::phone);
  CHECK(c.policy->id == "p2-vip");
  CHECK(c.candidates == std::vector<std::string>{"p2-vip", "p2"});
  CHECK(c.explanation.find("\"p2-vip\"") != std::string::npos);
  CHECK(c.explanation.find("names more criteria") != std::string::npos);

  c = choose_policy(ps, "P2", CustomerTier::vip, RequestType::complaint, Channel::phone);
  CHECK(c.policy->id == "p2-vip-complaint");
  CHECK(c.candidates.size() == 3);

  // One criterion each: tier outranks channel, whatever the listed order.
  c = choose_policy(ps, "P2", CustomerTier::vip, RequestType::consultation, Channel::chat);
  CHECK(c.policy->id == "p2-vip");
  CHECK(c.candidates == std::vector<std::string>{"p2-vip", "p2-chat", "p2"});
  CHECK(c.explanation.find("tier outranks") != std::string::npos);

  c = choose_policy(ps, "P3", CustomerTier::vip, RequestType::complaint, Channel::chat);
  CHECK(c.policy->id == "p3");

  c = choose_policy(ps, "P4", CustomerTier::normal, RequestType::other, Channel::email);
  CHECK(c.policy == nullptr);
  CHECK(c.explanation.find("no policy covers priority P4") != std::string::npos);
}

TEST_CASE("policy choice: a full tie goes to the policy listed first", "[policy]") {
  auto a = policy("email-a", "P3");
  a.channel = Channel::email;
  auto b = policy("email-b", "P3");
  b.channel = Channel::email;
  std::vector<SlaPolicy> ps{a, b};
  auto c = choose_policy(ps, "P3", CustomerTier::normal, RequestType::other, Channel::email);
  CHECK(c.policy->id == "email-a");
  CHECK(c.explanation.find("listed first") != std::string::npos);
  std::vector<SlaPolicy> reversed{b, a};
  CHECK(choose_policy(reversed, "P3", CustomerTier::normal, RequestType::other, Channel::email).policy->id ==
        "email-b");
}

TEST_CASE("presets load, with their calendars, policies and automations", "[policy][preset]") {
  for (const char* name : {"standard", "urgent_important_general", "high_medium_low"}) {
    INFO(name);
    const SlaConfig c = detail::sla_preset(name);
    CHECK(c.calendars.default_id == "cn-standard");
    CHECK(c.calendars.get("").time_zone() == "Asia/Shanghai");
    CHECK(c.calendars.by_id.count("24x7") == 1);
    CHECK(c.policies.size() == c.priority_scheme.levels().size());
    for (const auto& level : c.priority_scheme.levels())
      CHECK(c.choose(level.id, CustomerTier::normal, RequestType::other, Channel::phone).policy != nullptr);
    REQUIRE(c.escalations.size() == 1);
    CHECK(c.escalations[0].team == "technical_support");
    CHECK(c.survey_after_resolution == SlaDuration{SlaClock::calendar, 7200, ""});
    CHECK(c.auto_close_after_resolution.has_value());
  }
  const SlaConfig std_ = detail::sla_preset("standard");
  const auto* p1 = std_.choose("P1", CustomerTier::normal, RequestType::other, Channel::phone).policy;
  REQUIRE(p1);
  REQUIRE(p1->find(SlaTarget::handling_start));
  CHECK(*p1->find(SlaTarget::handling_start) ==
        PolicyTarget{SlaTarget::handling_start, {SlaClock::calendar, 900, ""}});
  const auto* p3 = std_.choose("P3", CustomerTier::normal, RequestType::other, Channel::phone).policy;
  CHECK(p3->find(SlaTarget::resolution)->within == SlaDuration{SlaClock::working_days, 3, ""});
  CHECK(p3->warning_percents == std::vector<int>{75, 90});
  const SlaConfig hml = detail::sla_preset("high_medium_low");
  const auto* high = hml.choose("high", CustomerTier::normal, RequestType::other, Channel::phone).policy;
  CHECK(high->find(SlaTarget::first_response)->within == SlaDuration{SlaClock::business, 4 * 3600, ""});
  const SlaConfig uig = detail::sla_preset("urgent_important_general");
  const auto* imp = uig.choose("important", CustomerTier::normal, RequestType::other, Channel::phone).policy;
  CHECK(imp->find(SlaTarget::first_response)->within == SlaDuration{SlaClock::business, 4 * 3600, ""});
  CHECK_THROWS_AS(detail::sla_preset("gold"), Error);
  CHECK_THROWS_AS(std_.calendars.get("mars"), Error);
}

TEST_CASE("SLA config validation names the JSON path", "[policy][validation]") {
  CHECK(config_error_path([](json& j) { j["policies"][1]["priority"] = "P7"; }) == "/policies/1/priority");
  CHECK(config_error_path([](json& j) { j["policies"][2]["id"] = "p1"; }) == "/policies/2/id");
  CHECK(config_error_path([](json& j) { j["policies"][0]["tier"] = "gold"; }) == "/policies/0/tier");
  CHECK(config_error_path([](json& j) { j["policies"][0]["channel"] = "fax"; }) == "/policies/0/channel");
  CHECK(config_error_path([](json& j) {
          j["policies"][1]["targets"]["reply"] = {{"business_hours", 1}};
        }) == "/policies/1/targets/reply");
  CHECK(config_error_path([](json& j) {
          j["policies"][1]["targets"]["resolution"] = {{"business_hours", 1}, {"working_days", 1}};
        }) == "/policies/1/targets/resolution/working_days");
  CHECK(config_error_path([](json& j) { j["policies"][1]["targets"]["resolution"] = json::object(); }) ==
        "/policies/1/targets/resolution");
  CHECK(config_error_path([](json& j) {
          j["policies"][1]["targets"]["resolution"] = {{"business_hours", 0}};
        }) == "/policies/1/targets/resolution/business_hours");
  CHECK(config_error_path([](json& j) {
          j["policies"][3]["targets"]["resolution"] = {{"working_days", 2}, {"calendar", "moon"}};
        }) == "/policies/3/targets/resolution/calendar");
  CHECK(config_error_path([](json& j) {
          j["policies"][3]["targets"]["resolution"] = {{"calendar_hours", 2}, {"calendar", "cn-standard"}};
        }) == "/policies/3/targets/resolution/calendar");
  CHECK(config_error_path([](json& j) {
          j["policies"][2]["warning_percents"] = {90, 75};
        }) == "/policies/2/warning_percents/1");
  CHECK(config_error_path([](json& j) {
          j["policies"][2]["warning_percents"] = {75, 100};
        }) == "/policies/2/warning_percents/1");
  CHECK(config_error_path([](json& j) { j["policies"][2]["on_reopen"] = "forget"; }) ==
        "/policies/2/on_reopen");
  CHECK(config_error_path([](json& j) { j["escalations"][0]["level"] = 5; }) == "/escalations/0/level");
  CHECK(config_error_path([](json& j) { j["escalations"][0]["team"] = ""; }) == "/escalations/0/team");
  CHECK(config_error_path([](json& j) {
          j["escalations"][0]["priorities"] = {"P2", "P8"};
        }) == "/escalations/0/priorities/1");
  CHECK(config_error_path([](json& j) {
          j["survey_after_resolution"] = {{"calendar_hours", -2}};
        }) == "/survey_after_resolution/calendar_hours");
  CHECK(config_error_path([](json& j) { j["default_calendar"] = "moon"; }) == "/default_calendar");
  CHECK(config_error_path([](json& j) { j["priority_scheme"]["matrix"]["single"]["low"] = "P0"; }) ==
        "/priority_scheme/matrix/single/low");
  CHECK(config_error_path([](json& j) { j["calendars"]["cn-standard"]["time_zone"] = "Mars/Olympus"; }) ==
        "/calendars/cn-standard/time_zone");
  CHECK(config_error_path([](json& j) {
          j["calendars"]["cn-standard"]["weekly_hours"]["monday"][0]["to"] = "08:00";
        }).rfind("/calendars/cn-standard/weekly_hours/monday/0", 0) == 0);
  CHECK(config_error_path([](json& j) { j.erase("policies"); }) == "/policies");
  CHECK(config_error_path([](json& j) { j["extra"] = 1; }) == "/extra");
}
