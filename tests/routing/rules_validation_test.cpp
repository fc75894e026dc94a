// Every validation error names the rule id and the JSON path of the offending field.
#include <catch2/catch.hpp>

#include "routing/rules_support.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

json rule_set(json rules) { return json{{"version", "v1"}, {"rules", std::move(rules)}}; }
// A list of rules written in braces: clang reads json{x} with one element as a copy of x,
// so the array is built explicitly.
json rule_set(std::initializer_list<json> rules) { return rule_set(json(std::vector<json>(rules))); }

json rule(const char* id, json when, json then = json::array({json{{"add_tag", "x"}}})) {
  return json{{"id", id}, {"name", id}, {"when", std::move(when)}, {"then", std::move(then)}};
}

// The error a rule set gets, checked to name the path and the rule.
void refused(const json& set, const std::string& path, const std::string& rule_id, const std::string& words) {
  INFO(set.dump());
  try {
    load(set);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == path);
    if (!rule_id.empty()) CHECK_THAT(e.message(), Catch::Contains("rule \"" + rule_id + "\""));
    CHECK_THAT(e.message(), Catch::Contains(words));
  }
}

void refused_when(const json& when, const std::string& path, const std::string& words) {
  const json ok = rule("ok", cond("channel", "eq", "phone"));
  refused(rule_set({ok, rule("bad-one", when)}), "/rules/1/when" + path, "bad-one", words);
}

void refused_action(const json& action, const std::string& path, const std::string& words) {
  refused(
      rule_set({rule("act", json{{"all", json::array()}}, json::array({json{{"add_tag", "a"}}, action}))}),
      "/rules/0/then/1" + path, "act", words);
}

}  // namespace

TEST_CASE("rules: unknown fields are refused") {
  refused_when(cond("colour", "eq", "red"), "/field", "unknown field \"colour\"");
  refused_when(json{{"all", {cond("channel", "eq", "phone"), cond("customer.shoe_size", "gt", 1)}}},
               "/all/1/field", "unknown field");
  refused_when(cond("sla.lunch.percent_used", "gt", 1), "/field", "unknown field");
  refused_when(cond("sla.resolution.percent", "gt", 1), "/field", "unknown field");
  refused_when(cond("attributes.", "eq", 1), "/field", "unknown field");
}

TEST_CASE("rules: operators that do not fit the field's type are refused") {
  refused_when(cond("channel", "gt", "phone"), "/op", "does not fit field \"channel\" (enumeration)");
  refused_when(cond("channel", "contains", "ph"), "/op", "does not fit");
  refused_when(cond("tags", "eq", "vip"), "/op", "(tags)");
  refused_when(cond("tags", "matches", "v.*"), "/op", "(tags)");
  refused_when(cond("impact.users_affected", "contains", "1"), "/op", "(number)");
  refused_when(cond("impact.core_business_down", "gt", true), "/op", "(boolean)");
  refused_when(cond("impact.core_business_down", "in", {true}), "/op", "(boolean)");
  refused_when(cond("subject", "between", {1, 2}), "/op", "(text)");
  refused_when(cond("created_at", "starts_with", "2026"), "/op", "(instant)");
  refused_when(cond("channel", "like", "phone"), "/op", "unknown operator \"like\"");
}

TEST_CASE("rules: values of the wrong type or shape are refused") {
  refused_when(cond("channel", "eq", "fax"), "/value", "unknown value \"fax\" for field \"channel\"");
  refused_when(cond("customer.tier", "in", {"vip", "gold"}), "/value/1", "unknown value \"gold\"");
  refused_when(cond("impact.users_affected", "gt", "100"), "/value", "expected number");
  refused_when(cond("impact.users_affected", "in", json::array()), "/value", "at least one");
  refused_when(cond("impact.users_affected", "in", 3), "/value", "expected array");
  refused_when(cond("impact.users_affected", "between", {5, 1}), "/value", "low is above high");
  refused_when(cond("impact.users_affected", "between", {5}), "/value", "[low, high]");
  refused_when(cond("created_at", "gt", "yesterday"), "/value", "");
  refused_when(cond("subject", "contains", 3), "/value", "expected string");
  refused_when(cond("attributes.x", "eq", json::array({1})), "/value", "string, number or boolean");
  refused_when(cond("subject", "exists", "x"), "/value", "takes no value");
  refused_when(cond("subject", "eq"), "/value", "missing required field");
  refused_when(cond("impact.core_business_down", "eq", "yes"), "/value", "expected boolean");
  json no_days = cond("customer.tickets_opened", "gt", 3);
  refused_when(no_days, "/days", "missing required field");
  no_days["days"] = 0;
  refused_when(no_days, "/days", "");
  json no_calendar = cond("calendar_open", "eq", true);
  refused_when(no_calendar, "/calendar", "missing required field");
  json extra = cond("subject", "eq", "x");
  extra["days"] = 3;
  refused_when(extra, "/days", "");
}

TEST_CASE("rules: bad regular expressions are refused at load") {
  refused_when(cond("subject", "matches", "(unclosed"), "/value", "bad regular expression");
  refused_when(cond("attributes.code", "matches", "a**"), "/value", "bad regular expression");
}

TEST_CASE("rules: unknown teams and agents are refused, in actions and conditions") {
  refused_action(json{{"set_team", "billing"}}, "/set_team", "unknown team \"billing\"");
  refused_action(json{{"set_agent", "a-nobody"}}, "/set_agent", "unknown agent \"a-nobody\"");
  refused_when(cond("team", "eq", "billing"), "/value", "unknown team");
  refused_when(cond("assignee", "in", {"a-li", "a-ghost"}), "/value/1", "unknown agent \"a-ghost\"");
}

TEST_CASE("rules: malformed actions are refused") {
  refused_action(json{{"paint", "red"}}, "", "unknown action \"paint\"");
  refused_action(json{{"set_team", "technical_support"}, {"add_tag", "x"}}, "", "exactly one key");
  refused_action(json{{"escalate", {{"level", 5}}}}, "/escalate/level", "");
  refused_action(json{{"escalate", {{"level", 0}}}}, "/escalate/level", "");
  refused_action(json{{"set_priority", {{"level", "P1"}}}}, "/set_priority/reason", "missing required field");
  refused_action(json{{"notify", {{"template", "t"}, {"recipients", {"boss"}}}}}, "/notify/recipients/0",
                 "unknown recipient");
  refused_action(json{{"notify", {{"template", "t"}, {"recipients", json::array()}}}}, "/notify/recipients",
                 "at least one");
  refused_action(json{{"require_approval", {{"approver", "ceo"}, {"reason", "x"}}}},
                 "/require_approval/approver", "unknown approver");
  refused_action(json{{"add_tag", ""}}, "/add_tag", "must not be empty");
  refused_action(json{{"assign_by", 3}}, "/assign_by", "expected string");
}

TEST_CASE("rules: malformed rules and rule sets are refused") {
  const json ok = rule("ok", cond("channel", "eq", "phone"));
  refused(rule_set({ok, ok}), "/rules/1/id", "ok", "duplicate rule id");
  json no_when = ok;
  no_when.erase("when");
  refused(rule_set({no_when}), "/rules/0/when", "ok", "missing required field");
  json extra = ok;
  extra["priority"] = 3;
  refused(rule_set({extra}), "/rules/0/priority", "ok", "");
  json no_id = ok;
  no_id.erase("id");
  refused(rule_set({ok, no_id}), "/rules/1/id", "#1", "missing required field");
  refused(rule_set({rule("g", json{{"all", json::array()}, {"any", json::array()}})}), "/rules/0/when", "g",
          "no other keys");
  refused(rule_set({rule("g", json{{"any", cond("channel", "eq", "phone")}})}), "/rules/0/when/any", "g",
          "expected array");
  refused(rule_set({rule("g", json{{"op", "eq"}})}), "/rules/0/when", "g", "expected a condition");
  refused(rule_set({rule("g", json{{"not", json::array()}})}), "/rules/0/when/not", "g", "expected object");
  refused(json{{"rules", json::array()}}, "/version", "", "missing required field");
  refused(json{{"version", ""}, {"rules", json::array()}}, "/version", "", "must not be empty");
  refused(json{{"version", "v"}}, "/rules", "", "missing required field");
  json deep = cond("channel", "eq", "phone");
  for (int i = 0; i < 70; ++i) deep = json{{"not", deep}};
  try {
    load(rule_set({rule("deep", deep)}));
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK_THAT(e.message(), Catch::Contains("nested deeper"));
    CHECK_THAT(e.path(), Catch::StartsWith("/rules/0/when/not/not"));
  }
  CHECK_THROWS_AS(RuleSet::from_json_text("{\"version\": ", directory()), Error);
}

TEST_CASE("rules: the directory comes from the desk's teams and agents") {
  std::vector<Team> teams(1);
  teams[0].id = "billing";
  std::vector<Agent> agents(1);
  agents[0].id = "a-qian";
  const RoutingDirectory d = RoutingDirectory::from(teams, agents);
  CHECK(d.teams == std::vector<std::string>{"billing"});
  CHECK(d.agents == std::vector<std::string>{"a-qian"});
  const json set = {{"version", "v"},
                    {"rules",
                     {{{"id", "r"},
                       {"name", "r"},
                       {"when", cond("team", "ne", "billing")},
                       {"then", {{{"set_team", "billing"}}, {{"set_agent", "a-qian"}}}}}}}};
  CHECK(RuleSet::from_json_text(set.dump(), d).size() == 1);
  CHECK_THROWS_AS(RuleSet::from_json_text(set.dump(), directory()), Error);
}

TEST_CASE("rules: a rule set holds at most 2,000 rules") {
  json rules = json::array();
  for (int i = 0; i < 2001; ++i)
    rules.push_back(rule(("r" + std::to_string(i)).c_str(), cond("channel", "eq", "phone"), json::array()));
  refused(rule_set(rules), "/rules", "", "too many rules");
  rules.erase(rules.size() - 1);
  CHECK(load(rule_set(rules)).size() == 2000);
}
