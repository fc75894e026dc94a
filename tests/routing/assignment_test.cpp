// Assignment strategies: filters, choosers, the fallback chain, the queue, and
// that the same state always gives the same answer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include "routing/assignment_fixtures.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/routing/assignment.hpp"

using namespace ticketcore;
using namespace ticketcore;
using ticketcore::testing::agent;
using ticketcore::testing::team;
using ticketcore::testing::ticket;

namespace {

// The reason a given agent was set aside at a step, or nullopt when it was not.
std::optional<RejectReason> rejected(const Assignment& a, std::string_view id, std::size_t step = 0) {
  for (const auto& r : a.rejections)
    if (r.step == step && r.agent == id) return r.reason;
  return std::nullopt;
}

// The rejections in a canonical order (step, agent id, filter), to compare runs over reordered agent lists.
std::vector<Rejection> sorted(std::vector<Rejection> rejections) {
  std::sort(rejections.begin(), rejections.end(), [](const Rejection& x, const Rejection& y) {
    return std::tie(x.step, x.agent, x.filter) < std::tie(y.step, y.agent, y.filter);
  });
  return rejections;
}

struct Staff {
  std::vector<Agent> agents;
  std::vector<Team> teams;
  CalendarRegistry calendars;

  Assignment run(const AssignmentConfig& config, std::string_view strategy, const Ticket& t, Workload w = {},
                 CustomerTier tier = CustomerTier::normal, Instant now = testing::weekday_morning()) const {
    return assign(config, strategy, AssignmentRequest{t, tier, std::make_shared<const std::vector<Agent>>(agents), teams, calendars, now}, std::move(w));
  }
};

Staff seven_agents() {
  Staff d;
  d.teams = {team("support")};
  for (const char* id : {"a3", "a1", "a7", "a5", "a2", "a6", "a4"}) d.agents.push_back(agent(id, "support"));
  d.agents.push_back(agent("x1", "other"));
  return d;
}

const char* kRoundRobin = R"({"strategies": [
  {"id": "rr", "filters": [{"kind": "team", "team": "support"}, {"kind": "availability"}], "chooser": "round_robin"}
]})";

}  // namespace

TEST_CASE("round robin spreads 1,000 tickets over 7 agents to within 1 of each other") {
  const auto config = AssignmentConfig::from_json_text(kRoundRobin);
  const Staff desk = seven_agents();
  const Ticket t = ticket(RequestType::consultation);
  Workload w;
  std::map<std::string, int> count;
  for (int i = 0; i < 1000; ++i) {
    Assignment a = desk.run(config, "rr", t, std::move(w));
    REQUIRE_FALSE(a.queued());
    ++count[a.agent];
    w = std::move(a.workload);
  }
  REQUIRE(count.size() == 7);
  auto [lo, hi] = std::minmax_element(count.begin(), count.end(),
                                      [](const auto& x, const auto& y) { return x.second < y.second; });
  CHECK(hi->second - lo->second <= 1);
  CHECK(count["a1"] == 143);  // 1000 = 6 * 143 + 142: the rotation starts at the lowest id
  CHECK(count["a7"] == 142);
  CHECK(w.open_tickets["a1"] == 143);
  CHECK(w.last_assigned["support"] == "a6");  // the 1000th pick: 1000 mod 7 = 6
}

TEST_CASE("round robin follows agent ids after the team's cursor and wraps") {
  const auto config = AssignmentConfig::from_json_text(kRoundRobin);
  Staff desk = seven_agents();
  const Ticket t = ticket(RequestType::consultation);
  Workload w;
  w.last_assigned["support"] = "a3";
  CHECK(desk.run(config, "rr", t, w).agent == "a4");
  w.last_assigned["support"] = "a7";
  CHECK(desk.run(config, "rr", t, w).agent == "a1");
  // A cursor naming an agent who has since been filtered out still moves on by id.
  desk.agents[0].away = true;  // a3
  w.last_assigned["support"] = "a2";
  const Assignment a = desk.run(config, "rr", t, w);
  CHECK(a.agent == "a4");
  CHECK(a.workload.last_assigned.at("support") == "a4");
  // Another team's cursor is its own.
  w.last_assigned["other"] = "a5";
  CHECK(desk.run(config, "rr", t, w).agent == "a4");
}

TEST_CASE("least loaded picks the fewest open tickets, ties by agent id, whatever the list order") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "ll", "filters": [{"kind": "team", "team": "support"}], "chooser": "least_loaded"}]})");
  Staff desk = seven_agents();
  const Ticket t = ticket(RequestType::technical_support);
  Workload w;
  for (const auto& a : desk.agents) w.open_tickets[a.id] = 5;
  w.open_tickets["a6"] = 2;
  w.open_tickets["a4"] = 2;
  CHECK(desk.run(config, "ll", t, w).agent == "a4");
  std::mt19937 rng(7);
  for (int i = 0; i < 10; ++i) {
    std::shuffle(desk.agents.begin(), desk.agents.end(), rng);
    CHECK(desk.run(config, "ll", t, w).agent == "a4");
  }
  w.open_tickets["a6"] = 1;
  CHECK(desk.run(config, "ll", t, w).agent == "a6");
  // Agents absent from the workload have no open tickets.
  w.open_tickets.erase("a7");
  CHECK(desk.run(config, "ll", t, w).agent == "a7");
}

TEST_CASE("capacity: a full agent is skipped and all full falls back, then to the team queue") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "first", "filters": [{"kind": "team", "team": "support"}, {"kind": "capacity"}],
     "chooser": "round_robin", "fallback": "second"},
    {"id": "second", "filters": [{"kind": "team", "team": "backup"}, {"kind": "capacity"}],
     "chooser": "least_loaded"}]})");
  Staff desk;
  desk.teams = {team("support"), team("backup")};
  desk.agents = {agent("s1", "support"), agent("s2", "support"), agent("b1", "backup")};
  for (auto& a : desk.agents) a.max_concurrent_tickets = 2;
  const Ticket t = ticket(RequestType::technical_support, "support");

  Workload w;
  w.open_tickets = {{"s1", 2}, {"s2", 1}, {"b1", 0}};
  Assignment a = desk.run(config, "first", t, w);
  CHECK(a.agent == "s2");
  CHECK(rejected(a, "s1") == RejectReason::at_capacity);
  CHECK(a.workload.open_tickets.at("s2") == 2);

  // s2 is full now too: the fallback step decides.
  a = desk.run(config, "first", t, std::move(a.workload));
  CHECK(a.agent == "b1");
  CHECK(a.team == "backup");
  CHECK(a.steps == std::vector<std::string>{"first", "second"});
  CHECK(a.decided_by == 1);
  CHECK(rejected(a, "s2", 0) == RejectReason::at_capacity);

  // Everyone full: the ticket stays in the queue of the chain's first team.
  w.open_tickets = {{"s1", 2}, {"s2", 2}, {"b1", 2}};
  a = desk.run(config, "first", t, w);
  CHECK(a.queued());
  CHECK(a.team == "support");
  CHECK(a.decided_by == a.steps.size());
  CHECK(a.workload == w);  // nothing assigned, nothing counted
  CHECK(rejected(a, "b1", 1) == RejectReason::at_capacity);
}

TEST_CASE("least loaded respects capacity even without a capacity filter") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "ll", "filters": [{"kind": "team"}], "chooser": "least_loaded"}]})");
  Staff desk;
  desk.agents = {agent("a", "t"), agent("b", "t")};
  desk.agents[0].max_concurrent_tickets = 1;
  desk.agents[1].max_concurrent_tickets = 3;
  Workload w;
  w.open_tickets = {{"a", 1}, {"b", 3}};
  const Assignment a = desk.run(config, "ll", ticket(RequestType::other, "t"), w);
  CHECK(a.queued());
  CHECK(a.team == "t");  // the team filter without a team means the ticket's team
  REQUIRE(a.rejections.size() == 2);
  CHECK(a.rejections[0].filter == 1);  // the chooser, after the one filter
  CHECK(a.rejections[0].reason == RejectReason::at_capacity);
}

TEST_CASE("skills and certification: the ticket's product decides, and no certified engineer falls back") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "certified", "filters": [{"kind": "team", "team": "tech"},
       {"kind": "skills", "skills": ["hardware"]},
       {"kind": "certification", "from": "attributes.product"}],
     "chooser": "least_loaded", "fallback": "senior"},
    {"id": "senior", "filters": [{"kind": "team", "team": "tech"}, {"kind": "seniority", "at_least": "senior"}],
     "chooser": "least_loaded"},
    {"id": "by_subtype", "filters": [{"kind": "certification", "from": "subtype"}], "chooser": "least_loaded"},
    {"id": "lenient", "filters": [{"kind": "certification", "keep_if_missing": true}], "chooser": "least_loaded"}
  ]})");
  Staff desk;
  desk.agents = {agent("e1", "tech"), agent("e2", "tech"), agent("e3", "tech", Seniority::expert)};
  desk.agents[0].skills = {"hardware"};
  desk.agents[0].certifications = {"X100"};
  desk.agents[1].skills = {"hardware", "network"};
  desk.agents[1].certifications = {"X200", "router"};
  Ticket t = ticket(RequestType::technical_support, "tech");

  t.attributes["product"] = std::string("X200");
  Assignment a = desk.run(config, "certified", t);
  CHECK(a.agent == "e2");
  CHECK(rejected(a, "e1") == RejectReason::not_certified);
  CHECK(rejected(a, "e3") == RejectReason::missing_skill);

  t.attributes["product"] = std::string("Z9");
  a = desk.run(config, "certified", t);
  CHECK(a.agent == "e3");
  CHECK(a.decided_by == 1);
  CHECK(rejected(a, "e2", 1) == RejectReason::seniority);

  // No product on the ticket: nobody can be shown certified (unless keep_if_missing).
  t.attributes.erase("product");
  a = desk.run(config, "certified", t);
  CHECK(a.decided_by == 1);
  CHECK(rejected(a, "e1") == RejectReason::no_requirement);
  t.attributes["product"] = std::int64_t{200};  // not text: as if missing
  CHECK(desk.run(config, "certified", t).decided_by == 1);
  CHECK(desk.run(config, "lenient", t).agent == "e1");

  t.subtype = "router";
  CHECK(desk.run(config, "by_subtype", t).agent == "e2");
}

TEST_CASE("language: the ticket's language narrows the team and a ticket without one keeps everyone") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "lang", "filters": [{"kind": "language"}], "chooser": "least_loaded"},
    {"id": "strict", "filters": [{"kind": "language", "keep_if_missing": false}], "chooser": "least_loaded"}]})");
  Staff desk;
  desk.agents = {agent("a", "t"), agent("b", "t")};
  desk.agents[1].languages = {"zh", "en"};
  Ticket t = ticket(RequestType::consultation);
  CHECK(desk.run(config, "lang", t).agent == "a");
  CHECK(desk.run(config, "strict", t).queued());
  t.attributes["language"] = std::string("en");
  const Assignment a = desk.run(config, "lang", t);
  CHECK(a.agent == "b");
  CHECK(rejected(a, "a") == RejectReason::language);
  t.attributes["language"] = std::string("fr");
  CHECK(desk.run(config, "lang", t).queued());
}

TEST_CASE("tier affinity: VIP and strategic customers go to senior or expert agents") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "tiered", "filters": [{"kind": "tier_affinity"}], "chooser": "least_loaded"},
    {"id": "strict", "filters": [{"kind": "tier_affinity", "tiers": {"strategic": "expert"}}],
     "chooser": "least_loaded"}]})");
  Staff desk;
  desk.agents = {agent("a-junior", "t", Seniority::junior), agent("b-regular", "t"),
                 agent("c-senior", "t", Seniority::senior), agent("d-expert", "t", Seniority::expert)};
  const Ticket t = ticket(RequestType::technical_support);
  Workload w;
  w.open_tickets = {{"c-senior", 3}, {"d-expert", 1}};
  CHECK(desk.run(config, "tiered", t, w, CustomerTier::normal).agent == "a-junior");
  Assignment a = desk.run(config, "tiered", t, w, CustomerTier::vip);
  CHECK(a.agent == "d-expert");
  CHECK(rejected(a, "a-junior") == RejectReason::below_tier);
  CHECK(rejected(a, "b-regular") == RejectReason::below_tier);
  CHECK(desk.run(config, "tiered", t, w, CustomerTier::strategic).agent == "d-expert");
  w.open_tickets["d-expert"] = 5;
  CHECK(desk.run(config, "tiered", t, w, CustomerTier::vip).agent == "c-senior");
  CHECK(desk.run(config, "strict", t, w, CustomerTier::strategic).agent == "d-expert");
  CHECK(desk.run(config, "strict", t, w, CustomerTier::vip).agent ==
        "c-senior");  // unlisted tiers keep defaults
}

TEST_CASE("availability: inactive and away agents are set aside") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "avail", "filters": [{"kind": "availability"}], "chooser": "round_robin"}]})");
  Staff desk;
  desk.agents = {agent("a", "t"), agent("b", "t"), agent("c", "t")};
  desk.agents[0].active = false;
  desk.agents[1].away = true;
  const Assignment a = desk.run(config, "avail", ticket(RequestType::other));
  CHECK(a.agent == "c");
  CHECK(rejected(a, "a") == RejectReason::inactive);
  CHECK(rejected(a, "b") == RejectReason::away);
  desk.agents[2].away = true;
  CHECK(desk.run(config, "avail", ticket(RequestType::other)).queued());
}

TEST_CASE("availability: an agent's calendar names one the registry lacks") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "avail", "filters": [{"kind": "availability"}], "chooser": "round_robin"}]})");
  Staff desk;
  desk.teams = {team("t")};
  desk.agents = {agent("a", "t"), agent("b", "t")};
  desk.agents[0].calendar = "nowhere";
  Assignment a = desk.run(config, "avail", ticket(RequestType::other));
  CHECK(a.agent == "b");  // b names no calendar, nor does the team or the desk: no hours limit
  CHECK(rejected(a, "a") == RejectReason::unknown_calendar);
  desk.teams[0].calendar = "missing-too";
  CHECK(desk.run(config, "avail", ticket(RequestType::other)).queued());
}

TEST_CASE("determinism: the same state gives the same result, and a recorded run replays") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "rr", "filters": [{"kind": "team"}, {"kind": "capacity"}, {"kind": "tier_affinity"}],
     "chooser": "round_robin", "fallback": "ll"},
    {"id": "ll", "filters": [{"kind": "availability"}], "chooser": "least_loaded"}]})");
  Staff desk;
  std::mt19937 rng(42);
  for (int i = 0; i < 20; ++i) {
    Agent a = agent("agent-" + std::to_string(100 + i), "team-" + std::to_string(i % 3),
                    static_cast<Seniority>(i % 4));
    a.max_concurrent_tickets = 3 + i % 5;
    a.away = i % 7 == 0;
    desk.agents.push_back(a);
  }
  std::vector<std::pair<Ticket, CustomerTier>> tickets;
  for (int i = 0; i < 200; ++i)
    tickets.emplace_back(ticket(RequestType::other, "team-" + std::to_string(rng() % 3)),
                         static_cast<CustomerTier>(rng() % 3));

  std::vector<Assignment> first;
  Workload w;
  for (const auto& [t, tier] : tickets) {
    first.push_back(desk.run(config, "rr", t, w, tier));
    w = first.back().workload;
  }
  CHECK(std::count_if(first.begin(), first.end(), [](const Assignment& a) { return a.queued(); }) > 0);
  CHECK(std::count_if(first.begin(), first.end(), [](const Assignment& a) { return a.decided_by == 1; }) > 0);

  // Replay from the same start, with the agent list in another order: the same picks.
  std::shuffle(desk.agents.begin(), desk.agents.end(), rng);
  Workload replay;
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const Workload before = replay;
    Assignment a = desk.run(config, "rr", tickets[i].first, replay, tickets[i].second);
    CHECK(replay == before);  // the caller's state is never touched
    CHECK(a.agent == first[i].agent);
    CHECK(a.team == first[i].team);
    CHECK(a.decided_by == first[i].decided_by);
    CHECK(a.workload == first[i].workload);
    // Rejections name agents by id, so they agree too, whatever the list order.
    CHECK(sorted(a.rejections) == sorted(first[i].rejections));
    replay = std::move(a.workload);
  }
}

TEST_CASE("an unknown strategy id is a not_found error") {
  const auto config = AssignmentConfig::from_json_text(kRoundRobin);
  const Staff desk = seven_agents();
  try {
    desk.run(config, "nope", ticket(RequestType::other));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
    CHECK_THAT(e.message(), Catch::Contains("\"nope\""));
  }
}

TEST_CASE("a team filter draws the pool wherever it stands: other teams' agents are not listed") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "late_team", "filters": [{"kind": "availability"}, {"kind": "team", "team": "t"}]}]})");
  Staff desk;
  desk.agents = {agent("a", "t"), agent("b", "u"), agent("c", "t")};
  desk.agents[0].away = true;
  desk.agents[1].away = true;
  const Assignment a = desk.run(config, "late_team", ticket(RequestType::other));
  CHECK(a.agent == "c");
  REQUIRE(a.rejections.size() == 1);
  CHECK(a.rejections[0].agent == "a");
  CHECK(a.rejections[0].reason == RejectReason::away);
}

TEST_CASE("explain names each step, each rejected agent, the filter and the reason") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "first", "filters": [{"kind": "team", "team": "t"}, {"kind": "availability"}], "fallback": "second"},
    {"id": "second", "filters": [{"kind": "team", "team": "t"}, {"kind": "seniority", "at_least": "expert"}]}]})");
  Staff desk;
  desk.agents = {agent("a", "t"), agent("b", "u")};
  desk.agents[0].away = true;
  const Assignment a = desk.run(config, "first", ticket(RequestType::other));
  CHECK(a.queued());
  const std::string text = explain(a, config);
  CHECK_THAT(text, Catch::Contains("step 1 \"first\" (least_loaded): nobody fits"));
  CHECK_THAT(text, Catch::Contains("  a: filter 2 (availability): away"));
  CHECK_THAT(text, !Catch::Contains("  b:"));  // another team's agent was never a candidate
  CHECK_THAT(text, Catch::Contains("  a: filter 2 (seniority): seniority"));
  CHECK_THAT(text, Catch::Contains("left in the queue of team \"t\""));
}
