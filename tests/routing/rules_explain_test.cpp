// Explain (every rule tried, every condition with the value seen, the actions) and dry runs.
#include <catch2/catch.hpp>

#include "routing/rules_support.hpp"
#include "ticketcore/routing/dry_run.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

json rules_v1() {
  return json{
      {"version", "v1"},
      {"rules",
       {
           {{"id", "vip"},
            {"name", "VIP complaints"},
            {"when",
             {{"all", {cond("customer.tier", "eq", "vip"), cond("request_type", "eq", "complaint")}}}},
            {"then", {{{"set_team", "senior_specialists"}}}},
            {"stop", true}},
           {{"id", "off"},
            {"name", "Off"},
            {"enabled", false},
            {"when", {{"all", json::array()}}},
            {"then", {{{"add_tag", "never"}}}}},
           {{"id", "tech"},
            {"name", "Technical"},
            {"when",
             {{"any", {cond("request_type", "eq", "technical_support"), {{"not", cond("tags", "exists")}}}}}},
            {"then", {{{"set_team", "technical_support"}}, {{"assign_by", "skills"}}}},
            {"stop", true}},
           {{"id", "rest"},
            {"name", "Rest"},
            {"when", {{"all", json::array()}}},
            {"then", {{{"set_team", "product_specialists"}}}}},
       }}};
}

}  // namespace

TEST_CASE("rules explain: every rule tried, each condition with the value it saw, the actions") {
  Context c;
  const RuleSet rs = load(rules_v1());
  const Explanation e = rs.explain(ticket(), c.ctx);
  CHECK(e.version == "v1");
  REQUIRE(e.rules.size() == 3);  // "rest" is never tried: "tech" stopped
  const RuleTrace& vip = e.rules[0];
  CHECK(vip.rule_id == "vip");
  CHECK_FALSE(vip.matched);
  REQUIRE(vip.conditions.size() == 3);
  CHECK(vip.conditions[0].group == "all");
  CHECK(vip.conditions[0].path == "/rules/0/when");
  CHECK_FALSE(vip.conditions[0].passed);
  CHECK(vip.conditions[1].path == "/rules/0/when/all/0");
  CHECK(vip.conditions[1].depth == 1);
  CHECK(vip.conditions[1].field == "customer.tier");
  CHECK(vip.conditions[1].op == "eq");
  CHECK(vip.conditions[1].expected == "\"vip\"");
  CHECK(vip.conditions[1].seen == "\"vip\"");
  CHECK(vip.conditions[1].passed);
  // Every condition is evaluated, also after the first failure.
  CHECK(vip.conditions[2].seen == "\"technical_support\"");
  CHECK_FALSE(vip.conditions[2].passed);
  CHECK(vip.actions.empty());

  CHECK_FALSE(e.rules[1].enabled);
  CHECK(e.rules[1].conditions.empty());

  const RuleTrace& tech = e.rules[2];
  CHECK(tech.matched);
  CHECK(tech.stopped);
  REQUIRE(tech.conditions.size() == 4);
  CHECK(tech.conditions[2].group == "not");
  CHECK_FALSE(tech.conditions[2].passed);
  CHECK(tech.conditions[3].field == "tags");
  CHECK(tech.conditions[3].seen == "[\"hardware\",\"router\"]");
  CHECK(tech.conditions[3].expected.empty());
  CHECK(tech.actions == std::vector<std::string>{"set_team technical_support", "assign_by skills"});
  CHECK(e.decision.team == "technical_support");
  CHECK(e.decision.version == "v1");

  const std::string text = e.to_text();
  CHECK_THAT(text, Catch::Contains("rule vip (VIP complaints): not matched"));
  CHECK_THAT(text, Catch::Contains("[fail] request_type eq \"complaint\", saw \"technical_support\""));
  CHECK_THAT(text, Catch::Contains("rule off (Off): disabled"));
  CHECK_THAT(text, Catch::Contains("rule tech (Technical): matched, stop"));
  CHECK_THAT(text, Catch::Contains("-> assign_by skills"));
  CHECK_THAT(text, Catch::Contains("team: technical_support"));
}

TEST_CASE("rules explain: the decision agrees with route, missing values show as missing") {
  Context c;
  c.ctx.customer = nullptr;
  const RuleSet rs = load(rules_v1());
  Ticket t = ticket();
  t.request_type = RequestType::consultation;
  const Explanation e = rs.explain(t, c.ctx);
  CHECK(e.rules[0].conditions[1].seen == "missing");
  CHECK(describe(e.decision) == describe(rs.route(t, c.ctx)));
  CHECK(e.rules.back().rule_id == "rest");
  CHECK(e.rules.back().actions == std::vector<std::string>{"set_team product_specialists"});
}

TEST_CASE("rules dry run: reports, ticket by ticket, what a new version changes") {
  Context c;
  const RuleSet current = load(rules_v1());
  json next = rules_v1();
  next["version"] = "v2";
  // v2 sends technical tickets to senior specialists by least load, and tags consultations.
  next["rules"][2]["then"] = {{{"set_team", "senior_specialists"}}, {{"assign_by", "least_loaded"}}};
  next["rules"][3]["then"].push_back({{"add_tag", "consult"}});
  const RuleSet proposed = load(next);

  std::vector<Ticket> tickets(3, ticket());
  tickets[0].id = "T-tech";
  tickets[1].id = "T-consult";
  tickets[1].request_type = RequestType::consultation;
  tickets[2].id = "T-vip";
  tickets[2].request_type = RequestType::complaint;

  const DryRunReport r = dry_run(current, proposed, tickets, [&](const Ticket&) { return c.ctx; });
  CHECK(r.current_version == "v1");
  CHECK(r.proposed_version == "v2");
  CHECK(r.tickets == 3);
  REQUIRE(r.changed.size() == 2);  // the VIP complaint stops at "vip" in both
  CHECK(r.changed[0].ticket_id == "T-tech");
  REQUIRE(r.changed[0].changes.size() == 2);
  CHECK(r.changed[0].changes[0].item == "team");
  CHECK(r.changed[0].changes[0].before == "technical_support");
  CHECK(r.changed[0].changes[0].after == "senior_specialists");
  CHECK(r.changed[0].changes[1].item == "assign_by");
  CHECK(r.changed[0].changes[1].after == "least_loaded");
  CHECK(r.changed[1].ticket_id == "T-consult");
  REQUIRE(r.changed[1].changes.size() == 1);
  CHECK(r.changed[1].changes[0].item == "tags_added");
  CHECK(r.changed[1].changes[0].before.empty());
  CHECK(r.changed[1].changes[0].after == "consult");
  const std::string text = r.to_text();
  CHECK_THAT(text, Catch::Contains("dry run v1 -> v2: 2 of 3 tickets change"));
  CHECK_THAT(text, Catch::Contains("tags_added: (unset) -> consult"));

  // The same version against itself changes nothing.
  CHECK(dry_run(current, current, tickets, [&](const Ticket&) { return c.ctx; }).changed.empty());
}

TEST_CASE("rules explain: values seen are shown as JSON: counts, numbers, instants, booleans") {
  Context c;
  const json when = {{"any",
                      {cond("impact.users_affected", "gt", 100), cond("attributes.weight", "gt", 3),
                       cond("created_at", "lt", "2026-01-01T00:00:00Z"),
                       cond("impact.core_business_down", "eq", true), cond("hours_since_updated", "gt", 5)}}};
  const Explanation e = load(one_rule(when)).explain(ticket(), c.ctx);
  REQUIRE(e.rules.size() == 1);
  const auto& conds = e.rules[0].conditions;
  REQUIRE(conds.size() == 6);
  CHECK(conds[1].seen == "12");
  CHECK(conds[2].seen == "2.5");
  CHECK(conds[3].seen == "\"2026-05-01T01:00:00Z\"");
  CHECK(conds[3].expected == "\"2026-01-01T00:00:00Z\"");
  CHECK(conds[4].seen == "false");
  CHECK(conds[5].seen == "3");
  CHECK_FALSE(e.rules[0].matched);
  CHECK(e.rules[0].actions.empty());
}

TEST_CASE("rules explain: texts seen are escaped as JSON strings") {
  Context c;
  Ticket t = ticket();
  t.subject = "say \"hi\" \\ now\n";
  const Explanation e = load(one_rule(cond("subject", "eq", "x"))).explain(t, c.ctx);
  REQUIRE(e.rules[0].conditions.size() == 1);
  CHECK(e.rules[0].conditions[0].seen == "\"say \\\"hi\\\" \\\\ now\\u000a\"");
  CHECK(json::parse(e.rules[0].conditions[0].seen) == t.subject);
}
