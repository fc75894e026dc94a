// DOMAIN.md's dispatch with the preset strategies: scenario tickets on a small desk.
#include <catch2/catch.hpp>

#include "routing/assignment_fixtures.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore;
using ticketcore::testing::agent;
using ticketcore::testing::team;
using ticketcore::testing::ticket;

namespace {

struct PresetDesk {
  std::vector<Team> teams = {team("product_specialists", "ps-lead"),
                             team("technical_support", "ts-lead", "ts-super"),
                             team("customer_relations", "", "cr-super"), team("senior_specialists")};
  std::vector<Agent> agents;
  CalendarRegistry calendars;  // no calendars: nobody is limited by hours here
  AssignmentConfig config = detail::preset_assignment_config();

  PresetDesk() {
    agents = {agent("ps-1", "product_specialists"),
              agent("ps-2", "product_specialists"),
              agent("ps-lead", "product_specialists", Seniority::senior),
              agent("ts-1", "technical_support"),
              agent("ts-2", "technical_support"),
              agent("ts-lead", "technical_support", Seniority::expert),
              agent("ts-super", "technical_support"),
              agent("cr-1", "customer_relations"),
              agent("cr-2", "customer_relations"),
              agent("cr-super", "customer_relations"),
              agent("ss-1", "senior_specialists", Seniority::senior),
              agent("ss-2", "senior_specialists", Seniority::expert)};
    find("ps-2").languages = {"zh", "en"};
    find("ts-1").certifications = {"X100"};
    find("ts-2").certifications = {"X100", "X200"};
    find("ts-lead").certifications = {"X200"};
    find("cr-super").role = Role::supervisor;
    find("ts-super").role = Role::supervisor;
    for (auto& a : agents) a.max_concurrent_tickets = 3;
  }
  Agent& find(std::string_view id) {
    return *std::find_if(agents.begin(), agents.end(), [&](const Agent& a) { return a.id == id; });
  }
  Assignment run(std::string_view strategy, const Ticket& t, const Workload& w = {},
                 CustomerTier tier = CustomerTier::normal) const {
    return assign(config, strategy,
                  AssignmentRequest{t, tier, std::make_shared<const std::vector<Agent>>(agents), teams, calendars, testing::weekday_morning()}, w);
  }
};

}  // namespace

TEST_CASE("the preset documents load, and every team they name is one of the four preset teams") {
  const PresetDesk desk;
  CHECK(AssignmentConfig::from_json_text(detail::preset_assignment_json(), desk.teams).strategies().size() ==
        desk.config.strategies().size());
  for (const char* id : {"consultation", "technical", "complaint", "vip_after_sales"})
    CHECK(desk.config.find(id) != nullptr);
  CHECK(detail::preset_escalation_policy() == EscalationPolicy{});
  CHECK(EscalationPolicy::from_json_text(detail::preset_escalation_json(), desk.teams) == EscalationPolicy{});
}

TEST_CASE("consultation goes round robin to product specialists, by language when they can") {
  const PresetDesk desk;
  Ticket t = ticket(RequestType::consultation);
  Assignment a = desk.run("consultation", t);
  CHECK(a.agent == "ps-1");
  CHECK(a.team == "product_specialists");
  a = desk.run("consultation", t, a.workload);
  CHECK(a.agent == "ps-2");
  a = desk.run("consultation", t, a.workload);
  CHECK(a.agent == "ps-lead");
  CHECK(desk.run("consultation", t, a.workload).agent == "ps-1");

  t.attributes["language"] = std::string("en");
  CHECK(desk.run("consultation", t).agent == "ps-2");
  // Nobody speaks French: the least loaded specialist takes it anyway.
  t.attributes["language"] = std::string("fr");
  Workload w;
  w.open_tickets = {{"ps-1", 2}, {"ps-2", 1}, {"ps-lead", 2}};
  a = desk.run("consultation", t, w);
  CHECK(a.agent == "ps-2");
  CHECK(a.steps == std::vector<std::string>{"consultation", "consultation_any_language"});
  CHECK(a.decided_by == 1);
}

TEST_CASE("technical support goes to an engineer certified for the product, else waits in the queue") {
  const PresetDesk desk;
  Ticket t = ticket(RequestType::technical_support);
  t.attributes["product"] = std::string("X200");
  Workload w;
  w.open_tickets = {{"ts-2", 2}, {"ts-lead", 1}};
  Assignment a = desk.run("technical", t, w);
  CHECK(a.agent == "ts-lead");
  CHECK(a.team == "technical_support");
  w.open_tickets["ts-lead"] = 3;  // full
  a = desk.run("technical", t, w);
  CHECK(a.agent == "ts-2");

  // No engineer holds the certification: the ticket waits for the supervisor to dispatch.
  t.attributes["product"] = std::string("Z9");
  a = desk.run("technical", t);
  CHECK(a.queued());
  CHECK(a.team == "technical_support");
  const std::string text = explain(a, desk.config);
  CHECK_THAT(text, Catch::Contains("ts-1: filter 3 (certification): not_certified"));
  CHECK_THAT(text, Catch::Contains("left in the queue of team \"technical_support\""));
}

TEST_CASE("complaints go to customer relations specialists, then to their supervisor") {
  PresetDesk desk;
  const Ticket t = ticket(RequestType::complaint);
  Workload w;
  w.open_tickets = {{"cr-1", 1}};
  Assignment a = desk.run("complaint", t, w);
  CHECK(a.agent == "cr-2");
  CHECK(a.team == "customer_relations");
  desk.find("cr-1").away = true;
  desk.find("cr-2").away = true;
  w.open_tickets["cr-super"] = 50;  // over capacity: the supervisor takes it anyway
  a = desk.run("complaint", t, w);
  CHECK(a.agent == "cr-super");
  CHECK(a.decided_by == 1);
  desk.find("cr-super").away = true;
  a = desk.run("complaint", t, w);
  CHECK(a.queued());
  CHECK(a.team == "customer_relations");
}

TEST_CASE("VIP after-sales goes to a senior specialist, then to any free senior of the desk") {
  const PresetDesk desk;
  Ticket t = ticket(RequestType::technical_support);
  t.subtype = "hardware_fault";
  Workload w;
  w.open_tickets = {{"ss-1", 1}};
  Assignment a = desk.run("vip_after_sales", t, w, CustomerTier::vip);
  CHECK(a.agent == "ss-2");
  CHECK(a.team == "senior_specialists");

  w.open_tickets = {{"ss-1", 3}, {"ss-2", 3}, {"ps-lead", 1}};
  a = desk.run("vip_after_sales", t, w, CustomerTier::strategic);
  CHECK(a.agent == "ts-lead");  // expert, no open tickets; ps-lead has one
  CHECK(a.team == "technical_support");
  CHECK(a.steps == std::vector<std::string>{"vip_after_sales", "vip_any_senior"});

  w.open_tickets["ts-lead"] = 3;
  w.open_tickets["ps-lead"] = 3;
  a = desk.run("vip_after_sales", t, w, CustomerTier::vip);
  CHECK(a.queued());
  CHECK(a.team == "senior_specialists");  // the chain's first team keeps it
}

TEST_CASE("a technical ticket without progress 1 h after assignment escalates to the technical lead") {
  const PresetDesk desk;
  // The rule's "escalate" action names level 2; the ticket is in technical_support.
  const Escalation e = resolve_escalation(
      {"technical_support", "ts-1", escalation_level(2), EscalationReason::rule}, desk.teams, desk.agents);
  CHECK(e.person == "ts-lead");
  CHECK(e.notify == std::vector<std::string>{"ts-lead", "ts-1"});
  // An SLA breach goes to the supervisor, with the handler told too.
  const auto policy = detail::preset_escalation_policy();
  const Escalation breach = resolve_escalation(
      {"technical_support", "ts-1", policy.level_for(EscalationReason::sla_breach, "technical_support"),
       EscalationReason::sla_breach},
      desk.teams, desk.agents);
  CHECK(breach.person == "ts-super");
}
