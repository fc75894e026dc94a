// Escalation: levels resolve to people, skipping empty and inactive levels; SLA
// signals map to levels by a configurable policy.
#include <catch2/catch.hpp>

#include "routing/assignment_fixtures.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/routing/escalation.hpp"

using namespace ticketcore;
using namespace ticketcore;
using ticketcore::testing::agent;
using ticketcore::testing::team;

namespace {

struct Org {
  std::vector<Team> teams = {team("tech", "lead", "super", "boss"), team("bare")};
  std::vector<Agent> agents = {agent("handler", "tech"), agent("lead", "tech"), agent("super", "tech"),
                               agent("boss", "tech")};

  Escalation resolve(EscalationLevel level, std::string_view handler = "handler",
                     std::string_view team_id = "tech",
                     EscalationReason reason = EscalationReason::rule) const {
    return resolve_escalation({team_id, handler, level, reason}, teams, agents);
  }
  Agent& find(std::string_view id) {
    return *std::find_if(agents.begin(), agents.end(), [&](auto& a) { return a.id == id; });
  }
};

std::string escalation_error(std::string_view text, std::span<const Team> teams = {}) {
  try {
    EscalationPolicy::from_json_text(text, teams);
  } catch (const Error& e) {
    return e.path() + ": " + e.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("each level resolves to its holder") {
  const Org org;
  Escalation e = org.resolve(EscalationLevel::handler);
  CHECK(e.person == "handler");
  CHECK(e.level == EscalationLevel::handler);
  CHECK(e.notify == std::vector<std::string>{"handler"});
  e = org.resolve(EscalationLevel::team_lead);
  CHECK(e.person == "lead");
  CHECK(e.notify == std::vector<std::string>{"lead", "handler"});
  CHECK(e.skipped.empty());
  CHECK(org.resolve(EscalationLevel::supervisor).person == "super");
  e = org.resolve(EscalationLevel::manager, "", "tech", EscalationReason::sla_breach);
  CHECK(e.person == "boss");
  CHECK(e.notify == std::vector<std::string>{"boss"});  // no handler to tell
  CHECK(e.reason == EscalationReason::sla_breach);
  CHECK(e.team == "tech");
}

TEST_CASE("empty, unknown and inactive levels are skipped to the next higher one") {
  Org org;
  org.teams[0].lead = "";
  Escalation e = org.resolve(EscalationLevel::team_lead);
  CHECK(e.requested == EscalationLevel::team_lead);
  CHECK(e.level == EscalationLevel::supervisor);
  CHECK(e.person == "super");
  CHECK(e.skipped == std::vector<SkippedLevel>{{EscalationLevel::team_lead, "", SkipReason::empty}});

  org.find("super").active = false;
  org.teams[0].manager = "ghost";
  e = org.resolve(EscalationLevel::team_lead);
  CHECK_FALSE(e.resolved());
  CHECK(e.notify.empty());
  CHECK(e.skipped ==
        std::vector<SkippedLevel>{{EscalationLevel::team_lead, "", SkipReason::empty},
                                  {EscalationLevel::supervisor, "super", SkipReason::inactive},
                                  {EscalationLevel::manager, "ghost", SkipReason::unknown_agent}});

  // Level 1 with no handler goes to the lead; an inactive handler is not told.
  org = Org{};
  e = org.resolve(EscalationLevel::handler, "");
  CHECK(e.person == "lead");
  CHECK(e.skipped == std::vector<SkippedLevel>{{EscalationLevel::handler, "", SkipReason::empty}});
  org.find("handler").active = false;
  e = org.resolve(EscalationLevel::supervisor);
  CHECK(e.notify == std::vector<std::string>{"super"});
  // An away person still holds the level: escalation tells them, it does not hand over work.
  org.find("lead").away = true;
  CHECK(org.resolve(EscalationLevel::team_lead).person == "lead");
  // The handler who is also the lead is told once.
  CHECK(org.resolve(EscalationLevel::team_lead, "lead").notify == std::vector<std::string>{"lead"});
}

TEST_CASE("a team with no holders resolves to nobody, an unknown team is not_found") {
  const Org org;
  const Escalation e = org.resolve(EscalationLevel::team_lead, "", "bare");
  CHECK_FALSE(e.resolved());
  CHECK(e.skipped.size() == 3);
  try {
    org.resolve(EscalationLevel::team_lead, "", "nowhere");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
}

TEST_CASE("level numbers and names") {
  CHECK(escalation_level(2) == EscalationLevel::team_lead);
  CHECK(to_string(escalation_level(4)) == "manager");
  CHECK_THROWS_AS(escalation_level(0), Error);
  try {
    escalation_level(5, "/rules/3/then/escalate");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.path() == "/rules/3/then/escalate");
  }
}

TEST_CASE("the policy maps SLA warnings to level 2 and breaches to level 3 unless configured") {
  const EscalationPolicy defaults;
  CHECK(defaults.level_for(EscalationReason::sla_warning, "tech") == EscalationLevel::team_lead);
  CHECK(defaults.level_for(EscalationReason::sla_breach, "tech") == EscalationLevel::supervisor);
  CHECK(EscalationPolicy::from_json_text("{}") == defaults);
  CHECK_THROWS_AS(defaults.level_for(EscalationReason::rule, "tech"), Error);

  const auto policy = EscalationPolicy::from_json_text(
      R"({"sla_warning": 1, "sla_breach": 2, "teams": {"vip": {"sla_breach": 4}}})");
  CHECK(policy.level_for(EscalationReason::sla_warning, "tech") == EscalationLevel::handler);
  CHECK(policy.level_for(EscalationReason::sla_breach, "tech") == EscalationLevel::team_lead);
  CHECK(policy.level_for(EscalationReason::sla_warning, "vip") == EscalationLevel::handler);  // from the desk
  CHECK(policy.level_for(EscalationReason::sla_breach, "vip") == EscalationLevel::manager);

  // An SLA breach in the due(now) sweep: the policy's level, then the person.
  const Org org;
  const Escalation e =
      resolve_escalation({"tech", "handler", defaults.level_for(EscalationReason::sla_breach, "tech"),
                          EscalationReason::sla_breach},
                         org.teams, org.agents);
  CHECK(e.person == "super");
  CHECK(e.notify == std::vector<std::string>{"super", "handler"});  // DOMAIN.md: handler and supervisor
}

TEST_CASE("policy validation errors name the JSON path") {
  const std::vector<Team> teams = {team("tech")};
  CHECK(escalation_error(R"({"sla_warning": 5})").starts_with("/sla_warning: "));
  CHECK(escalation_error(R"({"sla_breach": "3"})") == "/sla_breach: expected integer, got string");
  CHECK(escalation_error(R"({"sla_late": 3})").starts_with("/sla_late: "));
  CHECK(escalation_error(R"({"teams": []})").starts_with("/teams: "));
  CHECK(escalation_error(R"({"teams": {"tech": {"sla_breach": 0}}})").starts_with("/teams/tech/sla_breach: "));
  CHECK(escalation_error(R"({"teams": {"tech": {"late": 1}}})").starts_with("/teams/tech/late: "));
  CHECK(escalation_error(R"({"teams": {"sales": {}}})", teams) == "/teams/sales: unknown team \"sales\"");
  CHECK(escalation_error(R"({"teams": {"tech": {}}})", teams) == "no error");
}
