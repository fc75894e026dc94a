// The built-in desks: each loads as one checked document, built from the same texts as the
// older preset functions, and the standard one holds the time-based escalation once.
#include "config/desk_fixtures.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore::config_test;

TEST_CASE("config presets: every preset loads with the preset teams and no people") {
  CHECK(DeskConfig::preset_names() ==
        std::vector<std::string>{"standard", "urgent_important_general", "high_medium_low"});
  for (const std::string& name : DeskConfig::preset_names()) {
    INFO(name);
    const DeskConfig c = DeskConfig::preset(name);
    CHECK(c.version() == name + "-2026.1");
    CHECK(c.teams() == detail::preset_teams());
    CHECK(c.agents().empty());
    CHECK(c.rules().warnings().empty());
    CHECK(c.calendars().default_id == "cn-standard");
    CHECK(c.ticket_numbers().pattern() == "{yyyy}{mm}-{serial:3}");
    CHECK(c.customer_numbers().pattern() == "C{yyyy}{mm}{dd}{serial:3}");
    CHECK(c.retention().closed_ticket_days == 1096);
    CHECK(c.find_team("technical_support") != nullptr);
    CHECK(c.find_team("ghosts") == nullptr);
    CHECK(c.find_agent("anyone") == nullptr);
  }
}

TEST_CASE("config presets: an unknown preset name is not_found") {
  try {
    (void)DeskConfig::preset("p5");
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
}

TEST_CASE("config presets: the parts are those of the older preset functions") {
  for (const std::string& name : DeskConfig::preset_names()) {
    INFO(name);
    const DeskConfig c = DeskConfig::preset(name);
    const SlaConfig sla = detail::sla_preset(name);
    CHECK(c.sla().escalations == sla.escalations);
    REQUIRE(c.sla().policies.size() == sla.policies.size());
    for (std::size_t i = 0; i < sla.policies.size(); ++i) CHECK(c.sla().policies[i] == sla.policies[i]);
    CHECK(c.sla().priority_scheme.to_json_text() == detail::priority_preset(name).to_json_text());
    CHECK(c.escalation_levels() == detail::preset_escalation_policy());
    REQUIRE(c.assignment().strategies().size() == detail::preset_assignment_config().strategies().size());
    const RuleSet rules = RuleSet::from_json_text(detail::preset_rules_json(name), detail::preset_directory());
    CHECK(c.rules().version() == rules.version());
    CHECK(c.rules().references() == rules.references());
  }
  CHECK(DeskConfig::preset("standard").rules().version() == detail::preset_rule_set().version());
  CHECK(detail::preset_rules_json("standard") == detail::preset_rules_json());
}

TEST_CASE("config presets: major incidents go to each scheme's top level") {
  const std::pair<const char*, const char*> tops[] = {
      {"standard", "P1"}, {"urgent_important_general", "urgent"}, {"high_medium_low", "high"}};
  for (const auto& [name, top] : tops) {
    INFO(name);
    Ticket t;
    t.id = "202603-001";
    t.request_type = RequestType::technical_support;
    t.impact.users_affected = 150;
    EvaluationContext ctx;
    CHECK(DeskConfig::preset(name).rules().route(t, ctx).priority == top);
  }
}

TEST_CASE("config presets: time-based escalation has one owner - the SLA escalation") {
  for (const std::string& name : DeskConfig::preset_names()) {
    INFO(name);
    const DeskConfig c = DeskConfig::preset(name);
    REQUIRE(c.sla().escalations.size() == 1);
    CHECK(c.sla().escalations[0].id == "technical-lead");
    CHECK(c.sla().escalations[0].team == "technical_support");
    // No rule escalates: a rule over hours_without_progress would do it again at every evaluation.
    const json rules = json::parse(c.to_json_text())["rules"]["rules"];
    for (const json& rule : rules)
      for (const json& action : rule["then"]) CHECK_FALSE(action.contains("escalate"));
  }
}
