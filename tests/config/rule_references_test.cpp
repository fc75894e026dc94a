// RuleSet::references(): every id a rule names, with its kind and its path in the rule set.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ticketcore/routing/rules.hpp"

using namespace ticketcore;
using json = nlohmann::json;

TEST_CASE("rule references: actions and whole-id conditions in document order") {
  const json doc = json::parse(R"json({"version": "v1", "rules": [
    {"id": "first", "name": "first",
     "when": {"all": [{"field": "team", "op": "in", "value": ["support", ""]},
                      {"field": "priority", "op": "ne", "value": "P4"},
                      {"field": "assignee", "op": "eq", "value": "ann"},
                      {"field": "team", "op": "starts_with", "value": "sup"},
                      {"field": "priority", "op": "exists"}]},
     "then": [{"add_tag": "x"}, {"set_priority": {"level": "P2", "reason": "r"}}, {"assign_by": "fast"}]},
    {"id": "second", "name": "second", "when": {"all": []},
     "then": [{"set_team": "support"}, {"set_agent": "ann"}, {"set_sla_policy": "gold"},
              {"escalate": {"level": 2}}, {"notify": {"template": "t", "recipients": ["handler"]}}]}]})json");
  const RuleSet rules = RuleSet::from_json_text(doc.dump(), RoutingDirectory{{"support"}, {"ann"}});
  using K = RuleReferenceKind;
  const std::vector<RuleReference> expected{
      {K::team, "support", "first", "/rules/0/when/all/0/value/0"},
      {K::priority, "P4", "first", "/rules/0/when/all/1/value"},
      {K::agent, "ann", "first", "/rules/0/when/all/2/value"},
      {K::priority, "P2", "first", "/rules/0/then/1/set_priority/level"},
      {K::strategy, "fast", "first", "/rules/0/then/2/assign_by"},
      {K::team, "support", "second", "/rules/1/then/0/set_team"},
      {K::agent, "ann", "second", "/rules/1/then/1/set_agent"},
      {K::sla_policy, "gold", "second", "/rules/1/then/2/set_sla_policy"},
  };
  CHECK(rules.references() == expected);
  CHECK(to_string(K::sla_policy) == "sla_policy");
}

TEST_CASE("rule references: a rule set naming nothing has none") {
  const RuleSet rules = RuleSet::from_json_text(
      R"({"version": "v1", "rules": [{"id": "r", "name": "r", "when": {"all": []}, "then": [{"add_tag": "x"}]}]})",
      RoutingDirectory{});
  CHECK(rules.references().empty());
}
