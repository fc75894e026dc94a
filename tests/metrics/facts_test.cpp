// facts_of on tickets told event by event, on the standard desk (cn-standard: Mon-Fri
// 09:00-18:00 Shanghai, China's 2026 holidays; P2/P3 policies as in docs/sla.md).
#include <catch2/catch.hpp>

#include "commands/desk_fixture.hpp"
#include "metrics/ticket_story.hpp"
#include "ticketcore/metrics/facts.hpp"

using namespace ticketcore;
using metrics_testing::sh;
using metrics_testing::Story;

namespace {

const DeskConfig& desk() {
  static const DeskConfig config = fixture::standard_desk();
  return config;
}

TicketFacts facts(const Story& s, Instant now, CustomerTier tier = CustomerTier::normal) {
  return facts_of(s.ticket, s.events, desk(), tier, now);
}

constexpr std::int64_t kHour = 3600, kDay = 24 * kHour;

}  // namespace

TEST_CASE("facts over a weekend: business time counts Friday's last hour and Monday's first") {
  // P2 taken in Friday 2026-03-06 17:00; first response due 2 business hours later, Monday 10:00.
  Story s("202603-001", sh("2026-03-06T17:00"), "P2");
  s.assign(sh("2026-03-06T17:05"), "t-01")
      .reply(sh("2026-03-09T10:00"))
      .move(sh("2026-03-09T10:01"), Status::in_progress);
  s.move(sh("2026-03-09T16:00"), Status::resolved);
  const TicketFacts f = facts(s, sh("2026-03-09T16:00"), CustomerTier::vip);

  CHECK(f.id == "202603-001");
  CHECK(f.tier == CustomerTier::vip);
  CHECK(f.resolved);
  CHECK_FALSE(f.open);
  // Friday 17:00 to Monday 10:00 is 65 wall-clock hours; open time is 17-18 Friday and 9-10 Monday.
  CHECK(f.first_response_seconds == 65 * kHour);
  CHECK(f.first_response_business_seconds == 2 * kHour);
  // To Monday 16:00: 71 wall-clock hours; open 1 h Friday + 7 h Monday.
  CHECK(f.resolution_seconds == 71 * kHour);
  CHECK(f.resolution_business_seconds == 8 * kHour);
  // Answered exactly at its due instant: met. Resolution due one working day on, Monday 17:00: met.
  CHECK(f.outcome(SlaTarget::first_response).outcome == SlaOutcome::met);
  CHECK(f.outcome(SlaTarget::resolution).outcome == SlaOutcome::met);
  CHECK(f.outcome(SlaTarget::periodic_update).outcome == SlaOutcome::met);
  // P2 sets no handling-start target.
  CHECK(f.outcome(SlaTarget::handling_start).outcome == SlaOutcome::not_applicable);
  CHECK(f.first_contact_resolution);
  CHECK(f.reopens == 0);
  CHECK(f.reassignments == 0);
  CHECK(f.escalations == 0);
  CHECK_FALSE(f.next_due_at);
}

TEST_CASE("facts across National Day: the holiday week is closed time - first response breached") {
  // P3 taken in Wednesday 2026-09-30 10:00, answered 2026-10-08 09:30 (10-01..10-07 are holidays).
  Story s("202609-001", sh("2026-09-30T10:00"), "P3");
  s.assign(sh("2026-09-30T10:05"), "t-01").reply(sh("2026-10-08T09:30"));
  s.move(sh("2026-10-08T11:00"), Status::resolved);
  const TicketFacts f = facts(s, sh("2026-10-08T11:00"));

  // 8 days less half an hour; open: 10:00-18:00 on 09-30 and 09:00-09:30 on 10-08.
  CHECK(f.first_response_seconds == 8 * kDay - kHour / 2);
  CHECK(f.first_response_business_seconds == 8 * kHour + kHour / 2);
  // 8 days and an hour; open: 8 h on 09-30 and 09:00-11:00 on 10-08.
  CHECK(f.resolution_seconds == 8 * kDay + kHour);
  CHECK(f.resolution_business_seconds == 10 * kHour);
  // First response was due 4 business hours on, 09-30 14:00.
  CHECK(f.outcome(SlaTarget::first_response).outcome == SlaOutcome::breached);
  // Resolution was due 3 working days on: 10-08, 10-09, the make-up Saturday 10-10, at 10:00.
  CHECK(f.outcome(SlaTarget::resolution).outcome == SlaOutcome::met);
  // One working day after creation is 10-08 10:00; the 09:30 reply was the update in time.
  CHECK(f.outcome(SlaTarget::periodic_update).outcome == SlaOutcome::met);
  CHECK(f.first_contact_resolution);
}

TEST_CASE(
    "facts count reopens and reassignments and escalations - any of them loses first-contact resolution") {
  Story s("202603-002", sh("2026-03-09T10:00"), "P3");
  s.assign(sh("2026-03-09T10:05"), "t-01").move(sh("2026-03-09T10:10"), Status::in_progress);
  s.reply(sh("2026-03-09T10:30")).assign(sh("2026-03-09T11:00"), "t-02").escalate(sh("2026-03-09T11:30"));
  s.move(sh("2026-03-10T10:00"), Status::resolved).move(sh("2026-03-10T15:00"), Status::in_progress);
  s.move(sh("2026-03-11T11:00"), Status::resolved);
  const TicketFacts f = facts(s, sh("2026-03-11T11:00"));

  CHECK(f.reopens == 1);
  CHECK(f.reassignments == 1);
  CHECK(f.escalations == 1);
  CHECK(f.resolved);
  CHECK_FALSE(f.first_contact_resolution);
  CHECK(f.assignee == "t-02");
  // From creation to the last resolution, Wednesday 11:00: 2 days and 1 hour; open time
  // 8 h Monday + 9 h Tuesday + 2 h Wednesday (the resolved spell counts: it is elapsed time).
  CHECK(f.resolved_at == sh("2026-03-11T11:00"));
  CHECK(f.resolution_seconds == 2 * kDay + kHour);
  CHECK(f.resolution_business_seconds == 19 * kHour);
  // Cycle 0 met Tuesday 10:00 (due Thursday 10:00); cycle 1 restarted Tuesday 15:00, met Wednesday.
  CHECK(f.outcome(SlaTarget::resolution).outcome == SlaOutcome::met);
}

TEST_CASE("facts: reassignment counts people - not spells in the team queue") {
  Story s("202603-003", sh("2026-03-09T10:00"), "P3");
  s.assign(sh("2026-03-09T10:05"), "t-01").assign(sh("2026-03-09T10:10"), "");
  s.assign(sh("2026-03-09T10:20"), "t-01");
  CHECK(facts(s, sh("2026-03-09T10:20")).reassignments == 0);
  s.assign(sh("2026-03-09T10:30"), "")
      .assign(sh("2026-03-09T10:40"), "t-02")
      .assign(sh("2026-03-09T10:50"), "t-01");
  CHECK(facts(s, sh("2026-03-09T10:50")).reassignments == 2);
  // Events after `now` are not seen.
  CHECK(facts(s, sh("2026-03-09T10:45")).reassignments == 1);
}

TEST_CASE("facts: a breach in a cycle before a reopen stays a breach") {
  // P2 resolution is due one working day on, Tuesday 10:00; resolved at noon: late.
  Story s("202603-004", sh("2026-03-09T10:00"), "P2");
  s.assign(sh("2026-03-09T10:05"), "t-01").reply(sh("2026-03-09T10:10"));
  s.move(sh("2026-03-10T12:00"), Status::resolved).move(sh("2026-03-10T13:00"), Status::in_progress);
  s.move(sh("2026-03-10T14:00"), Status::resolved);
  const TicketFacts f = facts(s, sh("2026-03-10T14:00"));
  // The new cycle (due Wednesday 13:00) was met, which is all sla_status shows now.
  CHECK(f.outcome(SlaTarget::resolution).outcome == SlaOutcome::breached);
  CHECK(f.outcome(SlaTarget::first_response).outcome == SlaOutcome::met);
  CHECK(f.reopens == 1);
  CHECK_FALSE(f.first_contact_resolution);
}

TEST_CASE("facts of an open ticket: pending targets carry their due instants - paused ones none") {
  Story s("202603-005", sh("2026-03-09T10:00"), "P3");
  s.assign(sh("2026-03-09T10:05"), "t-01");
  const TicketFacts f = facts(s, sh("2026-03-09T11:00"));
  CHECK(f.open);
  CHECK_FALSE(f.resolved);
  CHECK_FALSE(f.first_response_seconds);
  CHECK_FALSE(f.resolution_seconds);
  const TargetOutcome& response = f.outcome(SlaTarget::first_response);
  CHECK(response.outcome == SlaOutcome::pending);
  CHECK(response.due_at == sh("2026-03-09T14:00"));                               // 4 business hours
  CHECK(f.outcome(SlaTarget::resolution).due_at == sh("2026-03-12T10:00"));       // 3 working days
  CHECK(f.outcome(SlaTarget::periodic_update).due_at == sh("2026-03-10T10:00"));  // 1 working day
  CHECK(f.next_due_at == sh("2026-03-09T14:00"));                                 // the earliest

  s.move(sh("2026-03-09T11:00"), Status::in_progress).move(sh("2026-03-09T11:30"), Status::pending_customer);
  const TicketFacts paused = facts(s, sh("2026-03-09T12:00"));
  CHECK(paused.outcome(SlaTarget::first_response).outcome == SlaOutcome::pending);
  CHECK_FALSE(paused.outcome(SlaTarget::first_response).due_at);
  // While paused the schedule's due instant is as if the clock resumed now: 2.5 h left at 12:00.
  CHECK(paused.next_due_at == sh("2026-03-09T14:30"));
}

TEST_CASE("facts of a cancelled ticket: withdrawn - its undecided targets not applicable") {
  Story s("202603-006", sh("2026-03-09T10:00"), "P3");
  s.assign(sh("2026-03-09T10:05"), "t-01").move(sh("2026-03-09T10:30"), Status::cancelled);
  const TicketFacts f = facts(s, sh("2026-03-09T10:30"));
  CHECK_FALSE(f.open);
  CHECK_FALSE(f.resolved);
  CHECK_FALSE(f.first_contact_resolution);
  for (const TargetOutcome& o : f.sla) CHECK(o.outcome == SlaOutcome::not_applicable);
  CHECK_FALSE(f.next_due_at);
}

TEST_CASE("facts of a P1 on a Saturday: calendar-clock targets - business time on the desk's calendar") {
  Story s("202603-007", sh("2026-03-07T10:00"), "P1", RequestType::complaint);
  s.reply(sh("2026-03-07T10:10"));
  const TicketFacts f = facts(s, sh("2026-03-07T10:10"));
  CHECK(f.complaint);
  CHECK(f.first_response_seconds == 600);
  CHECK(f.first_response_business_seconds == 0);  // cn-standard is closed on Saturdays
  // 15 wall-clock minutes for both; the agent's reply is handling too.
  CHECK(f.outcome(SlaTarget::first_response).outcome == SlaOutcome::met);
  CHECK(f.outcome(SlaTarget::handling_start).outcome == SlaOutcome::met);
  // P1 has no resolution target ("as fast as possible").
  CHECK(f.outcome(SlaTarget::resolution).outcome == SlaOutcome::not_applicable);
  CHECK(f.outcome(SlaTarget::periodic_update).outcome == SlaOutcome::pending);
}

TEST_CASE("facts carry the rating on 1-5 stars and leave a rating off the scale out") {
  Story s("202603-008", sh("2026-03-09T10:00"), "P4");
  s.assign(sh("2026-03-09T10:05"), "t-01")
      .reply(sh("2026-03-09T10:06"))
      .move(sh("2026-03-09T11:00"), Status::resolved);
  CHECK_FALSE(facts(s, sh("2026-03-09T11:00")).rated);
  s.rate(5, 4, 2);
  const TicketFacts f = facts(s, sh("2026-03-09T11:00"));
  CHECK(f.rated);
  CHECK(f.efficiency == 5);
  CHECK(f.attitude == 4);
  CHECK(f.effectiveness == 2);
  s.rate(5, 0, 2);
  CHECK_FALSE(facts(s, sh("2026-03-09T11:00")).rated);
}
