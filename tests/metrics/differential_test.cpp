// ReportBuilder against the naive report (naive_report.hpp) on thousands of random rows,
// for several groupings: every figure must agree exactly.
#include <catch2/catch.hpp>

#include <random>

#include "metrics/naive_report.hpp"
#include "ticketcore/metrics/report.hpp"
#include "ticketcore/metrics/report_json.hpp"

using namespace ticketcore;

namespace {

const Instant kFrom = *parse_instant("2026-03-01T00:00:00Z");
const Instant kTo = *parse_instant("2026-04-01T00:00:00Z");
const Instant kAsOf = *parse_instant("2026-04-03T09:00:00Z");

// Rows over March and the weeks around it; few values per dimension so that groups fill up.
// The subtype "delivery" in customer_relations runs late on purpose, so that bottlenecks exist.
std::vector<TicketFacts> random_facts(std::size_t n, std::uint32_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](auto const& list) {
    return list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)];
  };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto seconds = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const std::vector<std::string> teams{"technical_support", "customer_relations", "product_specialists", ""};
  const std::vector<std::string> agents{"t-01", "t-02", "c-01", "p-01", "v-01", ""};
  const std::vector<std::string> subtypes{"hardware_fault", "delivery", "billing", ""};
  const std::vector<std::string> priorities{"P1", "P2", "P3", "P4"};
  const std::vector<Status> statuses{Status::new_ticket,       Status::assigned, Status::in_progress,
                                     Status::pending_customer, Status::resolved, Status::closed,
                                     Status::cancelled,        Status::merged};
  const std::int64_t day = 86400;

  std::vector<TicketFacts> out;
  for (std::size_t i = 0; i < n; ++i) {
    TicketFacts f;
    f.id = "T" + std::to_string(i);
    f.created_at = kFrom + Seconds{seconds(-20 * day, 43 * day)};
    f.team = pick(teams);
    f.assignee = pick(agents);
    f.subtype = pick(subtypes);
    f.priority = pick(priorities);
    f.request_type = RequestType(seconds(0, 3));
    f.complaint = f.request_type == RequestType::complaint;
    f.channel = Channel(seconds(0, 6));
    f.tier = CustomerTier(seconds(0, 2));
    f.status = pick(statuses);
    f.resolved = f.status == Status::resolved || f.status == Status::closed;
    f.open = !f.resolved && f.status != Status::cancelled && f.status != Status::merged;
    const bool late = f.subtype == "delivery" && f.team == "customer_relations";
    f.reopens = chance(0.15) ? std::int32_t(seconds(1, 3)) : 0;
    f.reassignments = chance(0.2) ? 1 : 0;
    f.escalations = chance(0.1) ? 1 : 0;
    // Now and then a flag a well-made row would not carry: the report must still count by the rule.
    f.first_contact_resolution = (f.resolved || chance(0.05)) && f.reopens == 0 && f.reassignments == 0;
    if (chance(0.8)) {
      f.first_response_seconds = seconds(0, 3 * day);
      f.first_response_business_seconds = *f.first_response_seconds / seconds(1, 4);
    }
    if (f.resolved) {
      f.resolution_seconds = seconds(600, (late ? 20 : 6) * day);
      f.resolution_business_seconds = chance(0.97) ? std::optional(*f.resolution_seconds / 3) : std::nullopt;
    }
    for (TargetOutcome& t : f.sla) {
      const int kind = int(seconds(0, 9));
      if (kind == 0) continue;  // not applicable
      if (kind <= 2 || (late && kind <= 5)) {
        t.outcome = SlaOutcome::breached;
      } else if (kind <= 7) {
        t.outcome = SlaOutcome::met;
      } else {
        t.outcome = SlaOutcome::pending;
        if (chance(0.8)) t.due_at = kAsOf + Seconds{seconds(-2 * day, 2 * day)};  // absent: paused
      }
    }
    if (chance(0.3)) {
      f.rated = true;
      f.efficiency = std::uint8_t(seconds(1, 5));
      f.attitude = std::uint8_t(seconds(1, 5));
      f.effectiveness = std::uint8_t(chance(0.02) ? 0 : seconds(1, 5));  // off the scale: not counted
    }
    if (f.open && chance(0.9)) f.next_due_at = kAsOf + Seconds{seconds(-day, day)};
    out.push_back(std::move(f));
  }
  return out;
}

ReportQuery query(std::vector<GroupDimension> group_by, std::int64_t min_tickets, double factor) {
  ReportQuery q;
  q.from = kFrom;
  q.to = kTo;
  q.as_of = kAsOf;
  q.group_by = std::move(group_by);
  q.bottleneck_min_tickets = min_tickets;
  q.bottleneck_factor = factor;
  q.due_soon_seconds = 6 * 3600;
  return q;
}

}  // namespace

TEST_CASE("ReportBuilder agrees with the naive report on 6000 random rows") {
  const std::vector<TicketFacts> facts = random_facts(6000, 20260301);
  using D = GroupDimension;
  const std::vector<ReportQuery> queries{
      query({}, 10, 1.5),
      query({D::team}, 10, 1.5),
      query({D::agent}, 30, 1.2),
      query({D::request_type, D::priority}, 10, 1.5),
      query({D::subtype, D::team, D::channel}, 50, 1.3),
      query({D::tier, D::channel, D::priority, D::agent}, 5, 2.0),
      query({D::priority, D::tier, D::subtype, D::agent, D::team, D::request_type, D::channel}, 1, 1.0),
  };
  for (const ReportQuery& q : queries) {
    INFO("query " << to_json_text(q));
    ReportBuilder builder(q);
    for (const TicketFacts& f : facts) builder.add(f);
    const Report fast = builder.finish();
    const Report naive = metrics_testing::naive_report(facts, q);
    // The oracle's own sanity: the period holds most rows, groups and bottlenecks exist.
    CHECK(naive.desk.tickets_in > 2000);
    CHECK(naive.desk.tickets_in < 6000);
    if (!q.group_by.empty()) CHECK(naive.groups.size() > 1);
    CHECK_FALSE(naive.bottlenecks.empty());
    CHECK_FALSE(naive.agents.empty());
    CHECK(to_json_text(fast) == to_json_text(naive));
    CHECK(fast == naive);
  }
}

TEST_CASE("ReportBuilder gives the same report whatever the order of the rows") {
  std::vector<TicketFacts> facts = random_facts(3000, 7);
  const ReportQuery q = query({GroupDimension::team, GroupDimension::priority}, 10, 1.5);
  ReportBuilder forward(q), shuffled(q);
  for (const TicketFacts& f : facts) forward.add(f);
  std::shuffle(facts.begin(), facts.end(), std::mt19937(11));
  for (const TicketFacts& f : facts) shuffled.add(f);
  CHECK(forward.finish() == shuffled.finish());
}
