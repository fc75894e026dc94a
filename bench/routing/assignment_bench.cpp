// How fast a strategy chain assigns tickets: the preset dispatch over a desk whose
// teams have 7 to 50 agents, and one strategy over a single team of 7, 20 or 50.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "figures.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "routing/presets.hpp"

namespace {

using namespace ticketcore;

BusinessCalendar shanghai_workdays() {
  const std::string hours = R"([{"from": "09:00", "to": "12:00"}, {"from": "13:00", "to": "18:00"}])";
  return BusinessCalendar::from_json_text(
      R"({"id": "cn", "time_zone": "Asia/Shanghai", "weekly_hours": {"monday": )" + hours +
      R"(, "tuesday": )" + hours + R"(, "wednesday": )" + hours + R"(, "thursday": )" + hours +
      R"(, "friday": )" + hours + "}}");
}

// prefix + n, by appending (GCC 12 at -O3 warns falsely on "literal" + std::string temporaries).
std::string numbered(std::string_view prefix, long n) {
  std::string s(prefix);
  s += std::to_string(n);
  return s;
}

Agent make_agent(std::mt19937& rng, const std::string& team, int n) {
  Agent a;
  a.id = numbered(team + "-", 100 + n);
  a.name = a.id;
  a.team = team;
  a.seniority = static_cast<Seniority>(rng() % 4);
  a.languages = rng() % 3 == 0 ? std::vector<std::string>{"zh", "en"} : std::vector<std::string>{"zh"};
  a.certifications = {numbered("X", rng() % 5), numbered("X", rng() % 5)};
  a.away = rng() % 10 == 0;
  a.role = rng() % 8 == 0 ? Role::supervisor : Role::agent;
  a.max_concurrent_tickets = 1'000'000;  // the workload grows through the run; nobody fills up
  return a;
}

// A desk whose teams are open on a Shanghai calendar, at 10:00 on a Wednesday.
struct Desk {
  std::vector<Team> teams;
  std::vector<Agent> agents;
  CalendarRegistry calendars;
  Instant now = *parse_instant("2026-05-06T02:00:00Z");

  explicit Desk(const std::vector<std::pair<std::string, int>>& sizes) {
    calendars.by_id.emplace("cn", shanghai_workdays());
    std::mt19937 rng(11);
    for (const auto& [id, size] : sizes) {
      Team t;
      t.id = t.name = id;
      t.calendar = "cn";
      teams.push_back(t);
      for (int i = 0; i < size; ++i) agents.push_back(make_agent(rng, id, i));
    }
  }
};

struct Job {
  Ticket ticket;
  CustomerTier tier;
  const char* strategy;
};

std::vector<Job> preset_jobs() {
  std::mt19937 rng(5);
  std::vector<Job> jobs;
  const char* strategies[] = {"consultation", "technical", "complaint", "vip_after_sales"};
  for (int i = 0; i < 1024; ++i) {
    Job j{{}, static_cast<CustomerTier>(rng() % 3), strategies[rng() % 4]};
    j.ticket.id = numbered("202605-", i);
    j.ticket.attributes["product"] = numbered("X", rng() % 6);
    if (rng() % 4 == 0) j.ticket.attributes["language"] = std::string("en");
    jobs.push_back(std::move(j));
  }
  return jobs;
}

void BM_assign_preset(benchmark::State& state) {
  const Desk desk({{"product_specialists", 7},
                   {"technical_support", 50},
                   {"customer_relations", 20},
                   {"senior_specialists", 7}});
  const AssignmentConfig config = detail::preset_assignment_config();
  const std::vector<Job> jobs = preset_jobs();
  const auto agents = std::make_shared<const std::vector<Agent>>(desk.agents);
  Workload workload;
  std::size_t i = 0, queued = 0;
  for (auto _ : state) {
    const Job& job = jobs[i++ % jobs.size()];
    Assignment a =
        assign(config, job.strategy,
               AssignmentRequest{job.ticket, job.tier, agents, desk.teams, desk.calendars, desk.now},
               std::move(workload));
    queued += a.queued();
    workload = std::move(a.workload);
    benchmark::DoNotOptimize(a.agent.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["queued_share"] = static_cast<double>(queued) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_assign_preset);

// One team of N agents: team, availability, capacity, language and tier affinity, then a chooser.
void assign_team(benchmark::State& state, const char* chooser) {
  const Desk desk({{"support", static_cast<int>(state.range(0))}});
  const AssignmentConfig config = AssignmentConfig::from_json_text(
      std::string(R"({"strategies": [{"id": "s", "chooser": ")") + chooser + R"(", "filters": [
        {"kind": "team", "team": "support"}, {"kind": "availability"}, {"kind": "capacity"},
        {"kind": "language"}, {"kind": "tier_affinity"}]}]})");
  const std::vector<Job> jobs = preset_jobs();
  const auto agents = std::make_shared<const std::vector<Agent>>(desk.agents);
  Workload workload;
  std::size_t i = 0;
  for (auto _ : state) {
    const Job& job = jobs[i++ % jobs.size()];
    Assignment a =
        assign(config, "s",
               AssignmentRequest{job.ticket, job.tier, agents, desk.teams, desk.calendars, desk.now},
               std::move(workload));
    workload = std::move(a.workload);
    benchmark::DoNotOptimize(a.agent.data());
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_assign_team_least_loaded(benchmark::State& state) { assign_team(state, "least_loaded"); }
BENCHMARK(BM_assign_team_least_loaded)->Arg(7)->Arg(20)->Arg(50);
void BM_assign_team_round_robin(benchmark::State& state) { assign_team(state, "round_robin"); }
BENCHMARK(BM_assign_team_round_robin)->Arg(7)->Arg(20)->Arg(50);

const bool registered = bench::add_figures({
    {"routing.assign_per_s", "BM_assign_preset", "", "assignments/s"},
});

}  // namespace
