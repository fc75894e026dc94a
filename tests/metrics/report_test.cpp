// A report over seven hand-made rows, every expected figure derived by hand.
#include <catch2/catch.hpp>

#include "ticketcore/metrics/report.hpp"
#include "ticketcore/metrics/report_json.hpp"

using namespace ticketcore;

namespace {

Instant utc(const char* text) { return *parse_instant(text); }

TargetOutcome met() { return {SlaOutcome::met, std::nullopt}; }
TargetOutcome breached() { return {SlaOutcome::breached, std::nullopt}; }
TargetOutcome pending(const char* due) { return {SlaOutcome::pending, utc(due)}; }

TicketFacts row(const char* id, const char* team, const char* agent, const char* subtype,
                const char* created) {
  TicketFacts f;
  f.id = id;
  f.team = team;
  f.assignee = agent;
  f.subtype = subtype;
  f.created_at = utc(created);
  f.priority = "P3";
  return f;
}

void resolved(TicketFacts& f, std::int64_t response, std::int64_t response_business, std::int64_t resolution,
              std::int64_t resolution_business) {
  f.status = Status::resolved;
  f.resolved = true;
  f.first_response_seconds = response;
  f.first_response_business_seconds = response_business;
  f.resolution_seconds = resolution;
  f.resolution_business_seconds = resolution_business;
}

void rated(TicketFacts& f, std::uint8_t efficiency, std::uint8_t attitude, std::uint8_t effectiveness) {
  f.rated = true;
  f.efficiency = efficiency;
  f.attitude = attitude;
  f.effectiveness = effectiveness;
}

// March 2026; as_of 2026-04-02T00:00Z. Team A: R1-R4, team B: R5-R7; two rows outside the period.
std::vector<TicketFacts> march() {
  std::vector<TicketFacts> rows;
  // R1: resolved at first contact; both targets met; 5/5/4 stars.
  TicketFacts r1 = row("R1", "A", "a1", "printer", "2026-03-02T00:00:00Z");
  resolved(r1, 600, 600, 7200, 3600);
  r1.first_contact_resolution = true;
  r1.sla[1] = met();
  r1.sla[3] = met();
  rated(r1, 5, 5, 4);
  rows.push_back(r1);
  // R2: a complaint, reopened once, resolution breached; 2/3/1 stars.
  TicketFacts r2 = row("R2", "A", "a1", "billing", "2026-03-03T00:00:00Z");
  resolved(r2, 1200, 1200, 86400, 32400);
  r2.request_type = RequestType::complaint;
  r2.complaint = true;
  r2.reopens = 1;
  r2.sla[1] = met();
  r2.sla[3] = breached();
  rated(r2, 2, 3, 1);
  rows.push_back(r2);
  // R3: open, unanswered, 3 days old at as_of; first response due 2 h after as_of (due soon).
  TicketFacts r3 = row("R3", "A", "a2", "printer", "2026-03-30T00:00:00Z");
  r3.open = true;
  r3.status = Status::assigned;
  r3.sla[1] = pending("2026-04-02T02:00:00Z");
  r3.sla[3] = pending("2026-04-05T00:00:00Z");
  r3.next_due_at = utc("2026-04-02T02:00:00Z");
  rows.push_back(r3);
  // R4: open, answered (0 business seconds: at night), resolution due 12 h before as_of: overdue.
  TicketFacts r4 = row("R4", "A", "a2", "printer", "2026-03-31T12:00:00Z");
  r4.open = true;
  r4.status = Status::in_progress;
  r4.first_response_seconds = 3600;
  r4.first_response_business_seconds = 0;
  r4.sla[1] = met();
  r4.sla[3] = pending("2026-04-01T12:00:00Z");
  r4.next_due_at = utc("2026-04-01T12:00:00Z");
  rows.push_back(r4);
  // R5: a complaint, closed at first contact; 4/4/4 stars.
  TicketFacts r5 = row("R5", "B", "b1", "printer", "2026-03-10T00:00:00Z");
  resolved(r5, 300, 300, 3600, 3600);
  r5.status = Status::closed;
  r5.request_type = RequestType::complaint;
  r5.complaint = true;
  r5.first_contact_resolution = true;
  r5.sla[1] = met();
  r5.sla[3] = met();
  rated(r5, 4, 4, 4);
  rows.push_back(r5);
  // R6: cancelled: withdrawn, no targets decided.
  TicketFacts r6 = row("R6", "B", "b1", "printer", "2026-03-11T00:00:00Z");
  r6.status = Status::cancelled;
  rows.push_back(r6);
  // R7: open and unassigned, 25 hours old at as_of.
  TicketFacts r7 = row("R7", "B", "", "printer", "2026-03-31T23:00:00Z");
  r7.open = true;
  rows.push_back(r7);
  // Outside [from, to): the last second of February and `to` itself.
  TicketFacts before = row("X1", "A", "a1", "printer", "2026-02-28T23:59:59Z");
  before.open = true;
  rows.push_back(before);
  TicketFacts after = row("X2", "B", "b1", "printer", "2026-04-01T00:00:00Z");
  after.open = true;
  rows.push_back(after);
  return rows;
}

ReportQuery march_query(std::int64_t min_tickets) {
  ReportQuery q;
  q.from = utc("2026-03-01T00:00:00Z");
  q.to = utc("2026-04-01T00:00:00Z");
  q.as_of = utc("2026-04-02T00:00:00Z");
  q.group_by = {GroupDimension::team};
  q.bottleneck_min_tickets = min_tickets;
  q.bottleneck_factor = 1.5;
  return q;
}

Report report(std::int64_t min_tickets) {
  ReportBuilder b(march_query(min_tickets));
  for (const TicketFacts& f : march()) b.add(f);
  return b.finish();
}

}  // namespace

TEST_CASE("report of the desk: volumes and backlog and times and rates by hand") {
  const ReportFigures d = report(2).desk;
  CHECK(d.tickets_in == 7);  // R1-R7; X1 is before from, X2 is at to (excluded)
  CHECK(d.resolved == 3);    // R1, R2, R5 (closed counts as resolved)
  CHECK(d.withdrawn == 1);   // R6
  CHECK(d.open == 3);        // R3, R4, R7
  // Ages at 04-02 00:00: R7 25 h, R4 36 h, R3 exactly 3 days (the 3-7 band starts at 3 days).
  CHECK(d.backlog == BacklogAges{0, 2, 1, 0});

  // First responses: R5 300, R1 600, R2 1200, R4 3600. Mean 5700 / 4; nearest rank:
  // median rank ceil(0.5 * 4) = 2 -> 600, p90 rank ceil(0.9 * 4) = 4 -> 3600.
  CHECK(d.first_response.count == 4);
  CHECK(d.first_response.calendar == DurationSummary{1425.0, 600, 3600});
  // Business: R4 0, R5 300, R1 600, R2 1200: mean 2100 / 4, ranks 2 and 4.
  CHECK(d.first_response.business == DurationSummary{525.0, 300, 1200});
  // Resolutions: 3600, 7200, 86400: mean 97200 / 3; median rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3.
  CHECK(d.resolution.count == 3);
  CHECK(d.resolution.calendar == DurationSummary{32400.0, 7200, 86400});
  // Business: 3600, 3600, 32400: mean 39600 / 3.
  CHECK(d.resolution.business == DurationSummary{13200.0, 3600, 32400});

  CHECK(d.resolution_rate == Approx(0.5));                    // 3 resolved / (7 in - 1 withdrawn)
  CHECK(d.first_contact_resolved == 2);                       // R1, R5
  CHECK(d.first_contact_resolution_rate == Approx(2.0 / 3));  // of the 3 resolved
  CHECK(d.reopened == 1);                                     // R2
  CHECK(d.reopen_rate == Approx(1.0 / 3));                    // of the 3 ever resolved
  CHECK(d.complaints == 2);                                   // R2, R5
}

TEST_CASE("report of the desk: SLA compliance counts an overdue pending target as breached") {
  const ReportFigures d = report(2).desk;
  const SlaCompliance& handling = d.sla[0];
  CHECK(handling.target == SlaTarget::handling_start);
  CHECK(handling.met + handling.breached + handling.pending == 0);
  CHECK_FALSE(handling.compliance);  // nothing decided: no rate at all, not 0
  // First response: met R1, R2, R4, R5; R3 pending, due after as_of.
  const SlaCompliance& response = d.sla[1];
  CHECK(response.target == SlaTarget::first_response);
  CHECK(response.met == 4);
  CHECK(response.breached == 0);
  CHECK(response.pending == 1);
  CHECK(response.compliance == Approx(1.0));
  // Resolution: met R1, R5; breached R2 and R4 (pending, due 12 h before as_of); R3 pending.
  const SlaCompliance& resolution = d.sla[3];
  CHECK(resolution.target == SlaTarget::resolution);
  CHECK(resolution.met == 2);
  CHECK(resolution.breached == 2);
  CHECK(resolution.pending == 1);
  CHECK(resolution.compliance == Approx(0.5));
}

TEST_CASE("report of the desk: CSAT per axis") {
  const CsatFigures c = report(2).desk.csat;
  CHECK(c.rated == 3);  // R1, R2, R5
  // Efficiency 5, 2, 4: mean 11 / 3; 4 and 5 are satisfied.
  CHECK(c.efficiency.mean == Approx(11.0 / 3));
  CHECK(c.efficiency.distribution == std::array<std::int64_t, 5>{0, 1, 0, 1, 1});
  CHECK(c.efficiency.satisfied == 2);
  CHECK(c.efficiency.satisfied_share == Approx(2.0 / 3));
  // Attitude 5, 3, 4.
  CHECK(c.attitude.mean == Approx(4.0));
  CHECK(c.attitude.distribution == std::array<std::int64_t, 5>{0, 0, 1, 1, 1});
  CHECK(c.attitude.satisfied == 2);
  // Effectiveness 4, 1, 4.
  CHECK(c.effectiveness.mean == Approx(3.0));
  CHECK(c.effectiveness.distribution == std::array<std::int64_t, 5>{1, 0, 0, 2, 0});
  CHECK(c.effectiveness.satisfied_share == Approx(2.0 / 3));
}

TEST_CASE("report by team: each team's own figures - in key order") {
  const Report r = report(2);
  REQUIRE(r.groups.size() == 2);
  CHECK(r.groups[0].key == std::vector<std::string>{"A"});
  CHECK(r.groups[1].key == std::vector<std::string>{"B"});
  const ReportFigures& a = r.groups[0].figures;
  CHECK(a.tickets_in == 4);
  CHECK(a.resolved == 2);
  CHECK(a.open == 2);
  CHECK(a.backlog == BacklogAges{0, 1, 1, 0});
  // Responses 600, 1200, 3600: median rank 2, p90 rank ceil(2.7) = 3.
  CHECK(a.first_response.calendar == DurationSummary{1800.0, 1200, 3600});
  CHECK(a.first_response.business == DurationSummary{600.0, 600, 1200});  // 0, 600, 1200
  // Resolutions 7200, 86400: median rank ceil(1) = 1, p90 rank ceil(1.8) = 2.
  CHECK(a.resolution.calendar == DurationSummary{46800.0, 7200, 86400});
  CHECK(a.resolution_rate == Approx(0.5));  // 2 of 4
  CHECK(a.first_contact_resolution_rate == Approx(0.5));
  CHECK(a.reopen_rate == Approx(0.5));
  CHECK(a.sla[3].compliance == Approx(1.0 / 3));  // met R1; breached R2, R4
  CHECK(a.complaints == 1);

  const ReportFigures& b = r.groups[1].figures;
  CHECK(b.tickets_in == 3);
  CHECK(b.withdrawn == 1);
  CHECK(b.backlog == BacklogAges{0, 1, 0, 0});  // R7
  CHECK(b.first_response.calendar == DurationSummary{300.0, 300, 300});
  CHECK(b.resolution_rate == Approx(0.5));  // R5 of (3 - 1 withdrawn): R5 and the open R7
  CHECK(b.reopen_rate == Approx(0.0));
  CHECK(b.csat.rated == 1);
}

TEST_CASE("report: agents' open load with due soon and overdue at as_of") {
  const Report r = report(2);
  // a2 holds R3 (due 2 h after as_of: within 4 h) and R4 (due before as_of); R7 is unassigned;
  // a1 and b1 hold nothing open.
  REQUIRE(r.agents.size() == 1);
  CHECK(r.agents[0] == AgentLoad{"a2", 2, 1, 1});
}

TEST_CASE("report: bottlenecks need the minimum count - then stand out by the factor") {
  // Desk breach rate: decided R1, R2, R4, R5, breached R2, R4: 0.5. Desk mean business
  // resolution: (3600 + 32400 + 3600) / 3 = 13200. Only billing x A (R2 alone) stands out,
  // and it has one ticket: under a minimum of 2, nothing is reported.
  CHECK(report(2).bottlenecks.empty());
  // With a minimum of 1: billing x A's breach rate 1.0 > 1.5 x 0.5, its mean 32400 > 1.5 x 13200.
  // printer x A (0.5, 3600) and printer x B (0.0, 3600) do not.
  const Report r = report(1);
  REQUIRE(r.bottlenecks.size() == 2);
  CHECK(r.bottlenecks[0] == Bottleneck{BottleneckMeasure::breach_rate, "billing", "A", 1, 1.0, 0.5, 2.0});
  const Bottleneck& slow = r.bottlenecks[1];
  CHECK(slow.measure == BottleneckMeasure::mean_resolution_business_seconds);
  CHECK(slow.subtype == "billing");
  CHECK(slow.count == 1);
  CHECK(slow.value == Approx(32400.0));
  CHECK(slow.desk_value == Approx(13200.0));
  CHECK(slow.ratio == Approx(32400.0 / 13200.0));
}

TEST_CASE("report: the builder starts empty after finish and refuses a bad query") {
  ReportBuilder b(march_query(2));
  for (const TicketFacts& f : march()) b.add(f);
  const Report first = b.finish();
  CHECK(b.finish().desk.tickets_in == 0);
  for (const TicketFacts& f : march()) b.add(f);
  CHECK(b.finish() == first);

  ReportQuery q = march_query(2);
  q.to = q.from;
  CHECK_THROWS_AS(ReportBuilder(q), Error);
}

TEST_CASE("report JSON of the hand-made rows - as docs/metrics.md shows it") {
  const std::string text = to_json_text(report(1));
  const char* parts[] = {
      R"("backlog":{"under_1_day":0,"from_1_to_3_days":2,"from_3_to_7_days":1,"over_7_days":0})",
      R"("first_response":{"count":4,"calendar_seconds":{"mean":1425.0,"median":600,"p90":3600},)"
      R"("business_seconds":{"mean":525.0,"median":300,"p90":1200}})",
      R"("resolution_rate":0.5,"first_contact_resolved":2,"first_contact_resolution_rate":0.6666666666666666,)"
      R"("reopened":1,"reopen_rate":0.3333333333333333,)",
      R"({"target":"handling_start","met":0,"breached":0,"pending":0},)",
      R"({"target":"resolution","met":2,"breached":2,"pending":1,"compliance":0.5})",
      R"("efficiency":{"mean":3.6666666666666665,"distribution":[0,1,0,1,1],"satisfied":2,)"
      R"("satisfied_share":0.6666666666666666})",
      R"("groups":[{"group":{"team":"A"},"tickets_in":4,)",
      R"({"measure":"mean_resolution_business_seconds","subtype":"billing","team":"A","count":1,)"
      R"("value":32400.0,"desk_value":13200.0,"ratio":2.4545454545454546})",
      R"("agents":[{"agent":"a2","open":2,"due_soon":1,"overdue":1}]})",
  };
  for (const char* part : parts) {
    INFO(text);
    CHECK(text.find(part) != std::string::npos);
  }
}
