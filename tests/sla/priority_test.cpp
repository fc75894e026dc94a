// The priority scheme: matrix cells, forcing rules, tier adjustment, override, validation.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <functional>

#include "sla/presets.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/priority.hpp"

using namespace ticketcore;
using nlohmann::json;

namespace {

Ticket ticket_with(std::int64_t users, Urgency urgency) {
  Ticket t;
  t.id = "202603-001";
  t.impact.users_affected = users;
  t.urgency = urgency;
  t.request_type = RequestType::consultation;
  return t;
}

bool has_reason(const PriorityDecision& d, PriorityReasonKind kind, const std::string& id) {
  for (const auto& r : d.reasons)
    if (r.kind == kind && r.id == id) return true;
  return false;
}

// The error path of a scheme built from the standard one with one change.
std::string error_path_of(const std::function<void(json&)>& change) {
  json j = json::parse(detail::priority_preset("standard").to_json_text());
  change(j);
  try {
    PriorityScheme::from_json_text(j.dump());
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("standard matrix: every impact class x urgency cell", "[priority]") {
  const PriorityScheme s = detail::priority_preset("standard");
  // users affected in each band; rows low, medium, high, critical.
  struct Row {
    std::int64_t users;
    const char* klass;
    std::array<const char*, 4> levels;
  };
  const Row rows[] = {{1, "single", {"P4", "P3", "P3", "P2"}},
                      {5, "several", {"P4", "P3", "P2", "P2"}},
                      {20, "many", {"P3", "P2", "P2", "P1"}},
                      {99, "many", {"P3", "P2", "P2", "P1"}}};
  for (const Row& row : rows)
    for (std::size_t u = 0; u < 4; ++u) {
      const auto urgency = static_cast<Urgency>(u);
      const auto d = s.compute(ticket_with(row.users, urgency), {CustomerTier::normal});
      INFO(row.users << " users, urgency " << to_string(urgency));
      CHECK(d.impact_class == row.klass);
      CHECK(d.level == row.levels[u]);
      CHECK(d.computed_level == row.levels[u]);
      CHECK_FALSE(d.overridden);
      REQUIRE(d.reasons.size() == 1);
      CHECK(d.reasons[0].kind == PriorityReasonKind::matrix);
      CHECK(d.reasons[0].id == std::string(row.klass) + "/" + std::string(to_string(urgency)));
    }
}

TEST_CASE("forcing rules: 100 users, a loss over 100,000 CNY, core business down", "[priority]") {
  const PriorityScheme s = detail::priority_preset("standard");
  SECTION("100 users affected forces P1; 99 does not") {
    auto d = s.compute(ticket_with(100, Urgency::low), {CustomerTier::normal});
    CHECK(d.level == "P1");
    CHECK(has_reason(d, PriorityReasonKind::rule, "mass_outage"));
    d = s.compute(ticket_with(99, Urgency::low), {CustomerTier::normal});
    CHECK(d.level == "P3");
    CHECK_FALSE(has_reason(d, PriorityReasonKind::rule, "mass_outage"));
  }
  SECTION("a loss strictly above 100,000 CNY forces P1") {
    Ticket t = ticket_with(1, Urgency::low);
    t.impact.estimated_loss = Money{100000, "CNY"};
    CHECK(s.compute(t, {CustomerTier::normal}).level == "P4");
    t.impact.estimated_loss = Money{100000.01, "CNY"};
    auto d = s.compute(t, {CustomerTier::normal});
    CHECK(d.level == "P1");
    CHECK(has_reason(d, PriorityReasonKind::rule, "major_loss"));
    t.impact.estimated_loss = Money{500000, "USD"};  // no exchange rates: another currency never matches
    CHECK(s.compute(t, {CustomerTier::normal}).level == "P4");
  }
  SECTION("core business down forces P1") {
    Ticket t = ticket_with(1, Urgency::low);
    t.impact.core_business_down = true;
    auto d = s.compute(t, {CustomerTier::normal});
    CHECK(d.level == "P1");
    CHECK(has_reason(d, PriorityReasonKind::rule, "core_business_down"));
    CHECK(d.reasons.back().from == "P4");
    CHECK(d.reasons.back().to == "P1");
  }
  SECTION("an escalated complaint is at least P2, and a higher cell stays") {
    Ticket t = ticket_with(1, Urgency::low);
    t.request_type = RequestType::complaint;
    CHECK(s.compute(t, {CustomerTier::normal}).level == "P4");  // a plain complaint
    t.tags = {"delivery", "escalated"};
    auto d = s.compute(t, {CustomerTier::normal});
    CHECK(d.level == "P2");
    CHECK(has_reason(d, PriorityReasonKind::rule, "escalated_complaint"));
    t.impact.users_affected = 30;
    t.urgency = Urgency::critical;
    d = s.compute(t, {CustomerTier::normal});
    CHECK(d.level == "P1");  // the cell is higher than the rule's floor
    CHECK(d.reasons.back().from == "P1");
    CHECK(d.reasons.back().to == "P1");
    t.request_type = RequestType::consultation;  // tagged, but not a complaint
    t.urgency = Urgency::low;
    t.impact.users_affected = 1;
    CHECK(s.compute(t, {CustomerTier::normal}).level == "P4");
  }
  SECTION("high/medium/low: complaint escalation is always high") {
    const PriorityScheme hml = detail::priority_preset("high_medium_low");
    Ticket t = ticket_with(1, Urgency::low);
    t.request_type = RequestType::complaint;
    t.tags = {"escalated"};
    CHECK(hml.compute(t, {CustomerTier::normal}).level == "high");
  }
  SECTION("urgent/important/general: escalated complaint at least important, outage urgent") {
    const PriorityScheme uig = detail::priority_preset("urgent_important_general");
    Ticket t = ticket_with(1, Urgency::low);
    CHECK(uig.compute(t, {CustomerTier::normal}).level == "general");
    t.request_type = RequestType::other;
    t.tags = {"escalated"};
    CHECK(uig.compute(t, {CustomerTier::normal}).level == "important");
    t.impact.users_affected = 150;
    CHECK(uig.compute(t, {CustomerTier::normal}).level == "urgent");
  }
}

TEST_CASE("tier adjustment: VIP one level up, capped at the top", "[priority]") {
  const PriorityScheme s = detail::priority_preset("standard");
  auto d = s.compute(ticket_with(1, Urgency::medium), {CustomerTier::vip});
  CHECK(d.level == "P2");
  REQUIRE(d.reasons.size() == 2);
  CHECK(d.reasons[1].kind == PriorityReasonKind::tier);
  CHECK(d.reasons[1].id == "vip");
  CHECK(d.reasons[1].from == "P3");
  CHECK(d.reasons[1].to == "P2");

  d = s.compute(ticket_with(150, Urgency::critical), {CustomerTier::vip});
  CHECK(d.level == "P1");
  CHECK(d.reasons.back().kind == PriorityReasonKind::tier);
  CHECK(d.reasons.back().text.find("capped") != std::string::npos);

  CHECK(s.compute(ticket_with(1, Urgency::medium), {CustomerTier::normal}).level == "P3");
  CHECK(s.compute(ticket_with(1, Urgency::medium), {CustomerTier::strategic}).level == "P2");

  SECTION("strategic is configurable: two levels up, capped") {
    json j = json::parse(s.to_json_text());
    j["tier_steps"]["strategic"] = 2;
    const auto s2 = PriorityScheme::from_json_text(j.dump());
    CHECK(s2.compute(ticket_with(1, Urgency::low), {CustomerTier::strategic}).level == "P2");
    CHECK(s2.compute(ticket_with(1, Urgency::critical), {CustomerTier::strategic}).level == "P1");
    CHECK(s2.tier_steps(CustomerTier::strategic) == 2);
  }
}

TEST_CASE("a rule on the customer's warranty: true, false, and written back", "[priority]") {
  json j = json::parse(detail::priority_preset("standard").to_json_text());
  j["rules"].push_back({{"id", "under_warranty"}, {"when", {{"in_warranty", true}}}, {"at_least", "P2"}});
  j["rules"].push_back({{"id", "paid_repair"}, {"when", {{"in_warranty", false}, {"users_affected_at_least", 5}}},
                        {"at_least", "P3"}});
  const PriorityScheme s = PriorityScheme::from_json_text(j.dump());
  const Ticket one = ticket_with(1, Urgency::low);
  CHECK(s.compute(one, {CustomerTier::normal, false}).level == "P4");
  const PriorityDecision covered = s.compute(one, {CustomerTier::normal, true});
  CHECK(covered.level == "P2");
  CHECK(covered.reasons.back().id == "under_warranty");
  CHECK(s.compute(ticket_with(5, Urgency::low), {CustomerTier::normal, false}).level == "P3");
  CHECK(s.compute(ticket_with(5, Urgency::low), {CustomerTier::normal, true}).level == "P2");
  const json back = json::parse(s.to_json_text());
  CHECK(back["rules"][back["rules"].size() - 2]["when"] == json{{"in_warranty", true}});
  CHECK(PriorityScheme::from_json_text(s.to_json_text()).to_json_text() == s.to_json_text());
}

TEST_CASE("manual override keeps the computed level and the reason", "[priority]") {
  const PriorityScheme s = detail::priority_preset("standard");
  const auto computed = s.compute(ticket_with(1, Urgency::low), {CustomerTier::normal});
  const auto d = s.override_with(computed, "P2", "customer's launch is tomorrow");
  CHECK(d.level == "P2");
  CHECK(d.computed_level == "P4");
  CHECK(d.overridden);
  CHECK(d.override_reason == "customer's launch is tomorrow");
  CHECK(d.reasons.back().kind == PriorityReasonKind::override_);
  CHECK(d.reasons.back().from == "P4");
  CHECK(d.reasons.size() == computed.reasons.size() + 1);

  try {
    s.override_with(computed, "P9", "why not");
    FAIL("an unknown level was accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/priority");
  }
  try {
    s.override_with(computed, "P1", "");
    FAIL("an empty reason was accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/reason");
  }
}

TEST_CASE("priority scheme JSON round-trips and every preset loads", "[priority]") {
  for (const char* name : {"standard", "urgent_important_general", "high_medium_low"}) {
    const PriorityScheme s = detail::priority_preset(name);
    const PriorityScheme again = PriorityScheme::from_json_text(s.to_json_text());
    CHECK(again.to_json_text() == s.to_json_text());
    CHECK(again.levels().size() == s.levels().size());
  }
  CHECK(detail::priority_preset("standard").levels().front().name == "urgent");
  CHECK_THROWS_AS(detail::priority_preset("nope"), Error);
}

TEST_CASE("priority scheme validation names the JSON path", "[priority][validation]") {
  CHECK(error_path_of([](json& j) { j["matrix"]["single"]["low"] = "P9"; }) == "/matrix/single/low");
  CHECK(error_path_of([](json& j) { j["matrix"]["many"].erase("high"); }) == "/matrix/many/high");
  CHECK(error_path_of([](json& j) { j["matrix"].erase("several"); }) == "/matrix/several");
  CHECK(error_path_of([](json& j) { j["matrix"]["huge"] = j["matrix"]["many"]; }) == "/matrix/huge");
  CHECK(error_path_of([](json& j) { j["rules"][2]["at_least"] = "P0"; }) == "/rules/2/at_least");
  CHECK(error_path_of([](json& j) { j["rules"][1]["when"] = json::object(); }) == "/rules/1/when");
  CHECK(error_path_of([](json& j) { j["rules"][0]["when"]["users_affected_at_least"] = -1; }) ==
        "/rules/0/when/users_affected_at_least");
  CHECK(error_path_of([](json& j) { j["rules"][3]["when"]["request_types"][0] = "gripe"; }) ==
        "/rules/3/when/request_types/0");
  CHECK(error_path_of([](json& j) { j["rules"][1]["when"]["estimated_loss_above"]["currency"] = "yuan"; }) ==
        "/rules/1/when/estimated_loss_above/currency");
  CHECK(error_path_of([](json& j) { j["rules"][1]["id"] = "mass_outage"; }) == "/rules/1/id");
  CHECK(error_path_of([](json& j) { j["levels"][2]["id"] = "P1"; }) == "/levels/2/id");
  CHECK(error_path_of([](json& j) { j["levels"] = json::array(); }) == "/levels");
  CHECK(error_path_of([](json& j) { j["impact_classes"][2]["min_users_affected"] = 2; }) ==
        "/impact_classes/2/min_users_affected");
  CHECK(error_path_of([](json& j) { j["impact_classes"][0]["min_users_affected"] = 1; }) ==
        "/impact_classes/0/min_users_affected");
  CHECK(error_path_of([](json& j) { j["tier_steps"]["vip"] = 9; }) == "/tier_steps/vip");
  CHECK(error_path_of([](json& j) { j["tier_steps"]["gold"] = 1; }) == "/tier_steps/gold");
  CHECK(error_path_of([](json& j) { j["colour"] = "red"; }) == "/colour");
}
