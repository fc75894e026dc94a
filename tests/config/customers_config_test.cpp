// The "customers" section: tier rules, tag types and the profile window, with their defaults
// when absent, written out in full and read back equal, and every refusal at its path.
#include "config/desk_fixtures.hpp"

using namespace ticketcore;
using namespace ticketcore::config_test;

namespace {

json with_customers(const json& customers) {
  json doc = small_desk();
  doc["customers"] = customers;
  return doc;
}

DeskConfig load(const json& doc) { return DeskConfig::from_json_text(doc.dump()); }

// The written section, read back: the same rules, types and window, the same text.
void require_customers_round_trip(const DeskConfig& c) {
  const std::string text = c.to_json_text();
  const DeskConfig again = DeskConfig::from_json_text(text);
  CHECK(again.to_json_text() == text);
  CHECK(again.tier_rules() == c.tier_rules());
  CHECK(again.tag_types() == c.tag_types());
  CHECK(again.profile_settings() == c.profile_settings());
  CHECK(again.default_region() == c.default_region());
}

const json kStandardSection = json::parse(R"json({
  "default_region": "CN",
  "tag_types": [
    {"id": "trait", "name": "Trait",
     "values": ["frequent_buyer", "price_sensitive", "cares_about_after_sales", "enterprise"], "single": false},
    {"id": "service_time", "name": "Preferred service time", "values": ["weekday", "weekend", "evening"],
     "single": true}],
  "tiers": {"window_days": 365,
            "vip": {"purchases": 3, "amount": {"amount": 50000, "currency": "CNY"}},
            "strategic": {"purchases": 10, "amount": {"amount": 500000, "currency": "CNY"}}},
  "profile": {"recent_days": 90}
})json");

}  // namespace

TEST_CASE("customers config: an absent section means the standard rules and types") {
  json doc = small_desk();
  doc.erase("customers");
  const DeskConfig c = load(doc);
  CHECK(c.tier_rules() == TierRules{});
  CHECK(c.tag_types() == TagTypes::standard());
  CHECK(c.profile_settings() == ProfileSettings{90, "Asia/Shanghai"});  // the default calendar's zone
  CHECK(json::parse(c.to_json_text())["customers"] == kStandardSection);
  require_customers_round_trip(c);
  // So does a section that sets only the region, or sets its parts to null.
  CHECK(load(with_customers({{"default_region", "CN"}})).tier_rules() == TierRules{});
  const DeskConfig nulls =
      load(with_customers({{"tiers", nullptr}, {"tag_types", nullptr}, {"profile", nullptr}}));
  CHECK(nulls.tier_rules() == TierRules{});
  CHECK(nulls.tag_types() == TagTypes::standard());
  CHECK(nulls.profile_settings().recent_days == 90);
}

TEST_CASE("customers config: the standard preset writes the section in full") {
  const DeskConfig c = DeskConfig::preset("standard");
  CHECK(json::parse(c.to_json_text())["customers"] == kStandardSection);
  CHECK(c.profile_settings() == ProfileSettings{90, "Asia/Shanghai"});
}

TEST_CASE("customers config: the profile zone is the default calendar's") {
  json doc = small_desk();
  doc["default_calendar"] = "24x7";
  CHECK(load(doc).profile_settings().time_zone == "UTC");
}

TEST_CASE("customers config: a section of its own is read and written back equal") {
  const json section = json::parse(R"json({
    "default_region": "US",
    "tag_types": [
      {"id": "age_band", "name": "Age band"},
      {"id": "channel", "name": "Preferred channel", "values": ["phone", "wechat"], "single": true}],
    "tiers": {"window_days": 180,
              "vip": {"purchases": 5},
              "strategic": {"amount": {"amount": 1000000.5, "currency": "USD"}}},
    "profile": {"recent_days": 60}
  })json");
  const DeskConfig c = load(with_customers(section));
  CHECK(c.default_region() == "US");
  TierRules rules = TierRules::none();
  rules.window_days = 180;
  rules.vip = TierThreshold{5, std::nullopt};
  rules.strategic = TierThreshold{std::nullopt, Money{1000000.5, "USD"}};
  CHECK(c.tier_rules() == rules);
  CHECK(c.tag_types() == TagTypes{{TagType{"age_band", "Age band", {}, false},
                                   TagType{"channel", "Preferred channel", {"phone", "wechat"}, true}}});
  CHECK(c.profile_settings() == ProfileSettings{60, "Asia/Shanghai"});
  require_customers_round_trip(c);
  const json written = json::parse(c.to_json_text())["customers"];
  CHECK(written["tiers"] == section["tiers"]);
  CHECK(written["tag_types"][0] ==
        json{{"id", "age_band"}, {"name", "Age band"}, {"values", json::array()}, {"single", false}});
  CHECK(written["profile"] == section["profile"]);
}

TEST_CASE("customers config: empty tiers and tag types turn them off") {
  const DeskConfig c = load(with_customers({{"tiers", json::object()}, {"tag_types", json::array()}}));
  CHECK(c.tier_rules() == TierRules::none());
  CHECK(c.tag_types() == TagTypes{});
  const json written = json::parse(c.to_json_text())["customers"];
  CHECK(written["tiers"] == json{{"window_days", 365}});
  CHECK(written["tag_types"] == json::array());
  require_customers_round_trip(c);
  CHECK(DeskConfig::from_json_text(c.to_json_text()).tier_rules() == TierRules::none());
}

TEST_CASE("customers config: wrong tiers are refused at their paths") {
  auto tiers = [](const char* text) { return with_customers({{"tiers", json::parse(text)}}); };
  require_refused(tiers(R"({"window_days": 0})"), "/customers/tiers/window_days", "1 to 3650");
  require_refused(tiers(R"({"window_days": 3651})"), "/customers/tiers/window_days", "1 to 3650");
  require_refused(tiers(R"({"window_days": "365"})"), "/customers/tiers/window_days", "expected");
  require_refused(tiers(R"({"vip": {}})"), "/customers/tiers/vip", "purchases or amount");
  require_refused(tiers(R"({"vip": {"purchases": 0}})"), "/customers/tiers/vip/purchases", "at least 1");
  require_refused(tiers(R"({"vip": {"purchases": 2.5}})"), "/customers/tiers/vip/purchases",
                  "expected integer");
  require_refused(tiers(R"({"vip": {"amount": {"amount": 0, "currency": "CNY"}}})"),
                  "/customers/tiers/vip/amount/amount", "positive");
  require_refused(tiers(R"({"vip": {"amount": {"amount": -5, "currency": "CNY"}}})"),
                  "/customers/tiers/vip/amount/amount", "negative");
  require_refused(tiers(R"({"vip": {"amount": {"amount": 5, "currency": "cny"}}})"),
                  "/customers/tiers/vip/amount/currency", "ISO 4217");
  require_refused(tiers(R"({"vip": {"amount": 50000}})"), "/customers/tiers/vip/amount", "object");
  require_refused(tiers(R"({"vip": {"purchases": 3, "count": 3}})"), "/customers/tiers/vip/count",
                  "unknown field");
  require_refused(tiers(R"({"gold": {"purchases": 3}})"), "/customers/tiers/gold", "unknown field");
  require_refused(tiers(R"({"vip": {"purchases": 3}, "strategic": {"purchases": 2}})"),
                  "/customers/tiers/strategic/purchases", "below vip's (3)");
  require_refused(tiers(R"({"vip": {"amount": {"amount": 50000, "currency": "CNY"}},
                            "strategic": {"amount": {"amount": 40000, "currency": "CNY"}}})"),
                  "/customers/tiers/strategic/amount/amount", "below vip's (50000.00 CNY)");
  require_refused(tiers(R"({"strategic": {}})"), "/customers/tiers/strategic", "purchases or amount");
  require_refused(with_customers({{"tiers", json::array()}}), "/customers/tiers", "object");
}

TEST_CASE("customers config: wrong tag types are refused at their paths") {
  auto types = [](const char* text) { return with_customers({{"tag_types", json::parse(text)}}); };
  require_refused(types(R"([{"id": "trait", "name": "Trait"}, {"id": "trait", "name": "Again"}])"),
                  "/customers/tag_types/1/id", "duplicate tag type id \"trait\"");
  require_refused(types(R"([{"id": "a:b", "name": "A"}])"), "/customers/tag_types/0/id", "without ':'");
  require_refused(types(R"([{"id": "", "name": "A"}])"), "/customers/tag_types/0/id", "must not be empty");
  require_refused(types(R"([{"name": "A"}])"), "/customers/tag_types/0/id", "missing required field");
  require_refused(types(R"([{"id": "a"}])"), "/customers/tag_types/0/name", "missing required field");
  require_refused(types(R"([{"id": "a", "name": "A", "values": ["x", "x"]}])"),
                  "/customers/tag_types/0/values/1", "duplicate value \"x\"");
  require_refused(types(R"([{"id": "a", "name": "A", "values": [""]}])"), "/customers/tag_types/0/values/0",
                  "must not be empty");
  require_refused(types(R"([{"id": "a", "name": "A", "values": "x"}])"), "/customers/tag_types/0/values",
                  "array");
  require_refused(types(R"([{"id": "a", "name": "A", "single": "yes"}])"), "/customers/tag_types/0/single",
                  "expected boolean");
  require_refused(types(R"([{"id": "a", "name": "A", "colour": "red"}])"), "/customers/tag_types/0/colour",
                  "unknown field");
  require_refused(types(R"({"trait": {}})"), "/customers/tag_types", "array");
}

TEST_CASE("customers config: a wrong profile window is refused at its path") {
  require_refused(with_customers({{"profile", {{"recent_days", 0}}}}), "/customers/profile/recent_days",
                  "1 to 3650");
  require_refused(with_customers({{"profile", {{"recent_days", 3651}}}}), "/customers/profile/recent_days",
                  "1 to 3650");
  require_refused(with_customers({{"profile", {{"time_zone", "UTC"}}}}), "/customers/profile/time_zone",
                  "unknown field");
  require_refused(with_customers({{"segments", json::array()}}), "/customers/segments", "unknown field");
}
