// SLA timers replayed from event histories: met, breached, warning, pause/resume,
// reopen (restart and continue), re-target on priority change, and DOMAIN.md's scenarios.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using namespace ticketcore::sla_testing;
using nlohmann::json;

namespace {

}  // namespace

TEST_CASE("scenario standard P2: created Friday 17:00, first response due Monday 10:00",
          "[timers][scenario]") {
  History h("202603-001", sh("2026-03-06T17:00"), "P2");
  const auto s = sla_status(h.subject(), standard(), sh("2026-03-06T17:30"));
  CHECK(s.priority == "P2");
  CHECK(s.policy == "p2");
  const auto fr = target_of(s, SlaTarget::first_response);
  CHECK(fr.due_at == sh("2026-03-09T10:00"));
  CHECK(fr.state == TimerState::running);
  CHECK(fr.budget_seconds == 7200);
  CHECK(fr.elapsed_seconds == 1800);
  CHECK(fr.remaining_seconds == 5400);
  CHECK(fr.percent_used == Approx(25.0));
  CHECK(fr.calendar == "cn-standard");
  // The weekend costs nothing: at Monday 09:30 half of the budget is used.
  const auto monday =
      target_of(sla_status(h.subject(), standard(), sh("2026-03-09T09:30")), SlaTarget::first_response);
  CHECK(monday.elapsed_seconds == 5400);
  CHECK(monday.due_at == sh("2026-03-09T10:00"));
  // 24 h read as one working day: due Monday 17:00.
  CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-03-09T17:00"));
}

TEST_CASE("scenario standard P3: 3 working days across National Day, due on the make-up Saturday",
          "[timers][scenario]") {
  History h("202609-001", sh("2026-09-30T10:00"), "P3");
  const auto s = sla_status(h.subject(), standard(), sh("2026-09-30T10:00"));
  const auto res = target_of(s, SlaTarget::resolution);
  CHECK(res.due_at == sh("2026-10-10T10:00"));
  CHECK(res.budget_seconds == 27 * 3600);
  CHECK(res.state == TimerState::running);
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-09-30T14:00"));
  // Resolved on the Saturday at 09:59: met with a minute to spare.
  h.status(sh("2026-10-10T09:59"), "new", "resolved");
  const auto done =
      target_of(sla_status(h.subject(), standard(), sh("2026-10-12T10:00")), SlaTarget::resolution);
  CHECK(done.state == TimerState::met);
  CHECK(done.met_at == sh("2026-10-10T09:59"));
  CHECK(done.remaining_seconds == 60);
  CHECK_FALSE(done.breached_at);
}

TEST_CASE("scenario standard P1: handling starts within 15 minutes, around the clock", "[timers][scenario]") {
  History h("202603-002", sh("2026-03-07T03:00"), "P1");  // a Saturday night
  auto s = sla_status(h.subject(), standard(), sh("2026-03-07T03:05"));
  CHECK(target_of(s, SlaTarget::handling_start).due_at == sh("2026-03-07T03:15"));
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-03-07T03:15"));
  CHECK(target_of(s, SlaTarget::handling_start).clock == SlaClock::calendar);
  h.assign(sh("2026-03-07T03:10"));
  s = sla_status(h.subject(), standard(), sh("2026-03-07T03:20"));
  CHECK(target_of(s, SlaTarget::handling_start).state == TimerState::met);
  CHECK(target_of(s, SlaTarget::handling_start).met_at == sh("2026-03-07T03:10"));
  const auto fr = target_of(s, SlaTarget::first_response);
  CHECK(fr.state == TimerState::breached);
  CHECK(fr.breached_at == sh("2026-03-07T03:15"));
  CHECK(fr.remaining_seconds == -300);
  for (const auto& t : s.targets) CHECK(t.target != SlaTarget::resolution);  // "as fast as possible"
}

TEST_CASE("scenario standard P4: 8 business hours to respond, 5 working days to resolve",
          "[timers][scenario]") {
  History h("202603-003", sh("2026-03-09T09:00"), "P4");
  const auto s = sla_status(h.subject(), standard(), sh("2026-03-09T09:00"));
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-03-09T17:00"));
  CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-03-16T09:00"));
}

TEST_CASE("scenario urgent/important/general: response 2 h / 4 h / 1 working day", "[timers][scenario]") {
  const SlaConfig c = detail::sla_preset("urgent_important_general");
  const std::pair<const char*, const char*> cases[] = {
      {"urgent", "2026-03-09T10:00"}, {"important", "2026-03-09T12:00"}, {"general", "2026-03-09T17:00"}};
  for (const auto& [level, due] : cases) {
    History h("202603-010", sh("2026-03-06T17:00"), level);
    INFO(level);
    CHECK(target_of(sla_status(h.subject(), c, sh("2026-03-06T17:00")), SlaTarget::first_response).due_at ==
          sh(due));
  }
}

TEST_CASE("scenario high/medium/low: high responds in 4 h and resolves in 24 h across Qingming",
          "[timers][scenario]") {
  const SlaConfig c = detail::sla_preset("high_medium_low");
  History h("202604-001", sh("2026-04-03T16:00"), "high");  // Friday before the Qingming weekend
  const auto s = sla_status(h.subject(), c, sh("2026-04-03T16:00"));
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-04-07T11:00"));
  CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-04-07T16:00"));
  History medium("202604-003", sh("2026-04-03T16:00"), "medium");
  const auto ms = sla_status(medium.subject(), c, sh("2026-04-03T16:00"));
  CHECK(target_of(ms, SlaTarget::first_response).due_at == sh("2026-04-07T16:00"));
  CHECK(target_of(ms, SlaTarget::resolution).due_at == sh("2026-04-09T16:00"));
  History low("202604-002", sh("2026-04-03T16:00"), "low");
  CHECK(target_of(sla_status(low.subject(), c, sh("2026-04-03T16:00")), SlaTarget::resolution).due_at ==
        sh("2026-04-13T16:00"));
}

TEST_CASE("pausing in pending_customer moves the due time by exactly the business time paused",
          "[timers][scenario]") {
  const BusinessCalendar& cal = standard().calendars.get("cn-standard");
  History h("202603-004", sh("2026-03-09T10:00"), "P3");
  const Instant original =
      target_of(sla_status(h.subject(), standard(), sh("2026-03-09T10:00")), SlaTarget::resolution).due_at;
  CHECK(original == sh("2026-03-12T10:00"));
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:10"), "assigned", "in_progress");
  h.status(sh("2026-03-09T14:00"), "in_progress", "pending_customer");

  SECTION("while paused the clock stands still and the due time is as if resumed now") {
    const auto s = sla_status(h.subject(), standard(), sh("2026-03-10T09:30"));
    const auto res = target_of(s, SlaTarget::resolution);
    CHECK(res.state == TimerState::paused);
    CHECK(res.elapsed_seconds == 4 * 3600);
    CHECK(res.due_at == cal.add(sh("2026-03-10T09:30"), Seconds{23 * 3600}));
  }
  SECTION("resumed: moved by the paused business seconds") {
    h.status(sh("2026-03-10T11:00"), "pending_customer", "in_progress");
    const auto s = sla_status(h.subject(), standard(), sh("2026-03-10T12:00"));
    const auto res = target_of(s, SlaTarget::resolution);
    const Seconds paused = cal.business_seconds_between(sh("2026-03-09T14:00"), sh("2026-03-10T11:00"));
    CHECK(paused == Seconds{6 * 3600});
    CHECK(res.due_at == cal.add(original, paused));
    CHECK(res.due_at == sh("2026-03-12T16:00"));
    CHECK(res.state == TimerState::running);
    CHECK(res.elapsed_seconds == 5 * 3600);
  }
}

TEST_CASE("first response: met by an agent's public reply, not the customer's or the system's", "[timers]") {
  History h("202603-005", sh("2026-03-09T10:00"), "P3");
  h.add(EventKind::public_comment, "system", sh("2026-03-09T10:00"), {{"text", "received"}});
  h.customer_reply(sh("2026-03-09T10:30"));
  h.add(EventKind::internal_comment, "agent-1", sh("2026-03-09T10:40"));
  auto fr = target_of(sla_status(h.subject(), standard(), sh("2026-03-09T11:00")), SlaTarget::first_response);
  CHECK(fr.state == TimerState::running);
  CHECK_FALSE(fr.met_at);
  h.reply(sh("2026-03-09T13:59"));
  fr = target_of(sla_status(h.subject(), standard(), sh("2026-03-09T16:00")), SlaTarget::first_response);
  CHECK(fr.state == TimerState::met);
  CHECK(fr.met_at == sh("2026-03-09T13:59"));
  CHECK(fr.due_at == sh("2026-03-09T14:00"));
  CHECK(fr.elapsed_seconds == 3 * 3600 + 59 * 60);
  // Evaluated before the reply, the history after `now` is not seen.
  fr = target_of(sla_status(h.subject(), standard(), sh("2026-03-09T13:30")), SlaTarget::first_response);
  CHECK(fr.state == TimerState::warning);
  CHECK(fr.warned_percent == 75);
}

TEST_CASE("a reply exactly at the due instant is in time, a second later is a breach", "[timers]") {
  History on_time("202603-006", sh("2026-03-09T10:00"), "P3");
  on_time.reply(sh("2026-03-09T14:00"));
  auto fr =
      target_of(sla_status(on_time.subject(), standard(), sh("2026-03-09T15:00")), SlaTarget::first_response);
  CHECK(fr.state == TimerState::met);
  CHECK_FALSE(fr.breached_at);
  History late("202603-007", sh("2026-03-09T10:00"), "P3");
  late.reply(sh("2026-03-09T14:00") + Seconds{1});
  fr = target_of(sla_status(late.subject(), standard(), sh("2026-03-09T15:00")), SlaTarget::first_response);
  CHECK(fr.state == TimerState::breached);
  CHECK(fr.breached_at == sh("2026-03-09T14:00"));
  CHECK(fr.met_at == sh("2026-03-09T14:00") + Seconds{1});
}

TEST_CASE("warning state and percent used at the thresholds", "[timers]") {
  History h("202603-008", sh("2026-03-09T10:00"), "P3");  // first response: 4 business hours
  auto at_time = [&](const char* local) {
    return target_of(sla_status(h.subject(), standard(), sh(local)), SlaTarget::first_response);
  };
  CHECK(at_time("2026-03-09T12:59").state == TimerState::running);
  CHECK(at_time("2026-03-09T13:00").state == TimerState::warning);
  CHECK(at_time("2026-03-09T13:00").percent_used == Approx(75.0));
  CHECK(at_time("2026-03-09T13:36").warned_percent == 90);
  CHECK(at_time("2026-03-09T14:00").state == TimerState::breached);
  CHECK(at_time("2026-03-09T15:00").percent_used == Approx(125.0));
}

TEST_CASE("reopen: restart gives the full target again from the reopen", "[timers][reopen]") {
  const SlaConfig c = with_reopen("restart");
  History h("202603-009", sh("2026-03-09T10:00"), "P3");
  h.reply(sh("2026-03-09T11:00"));
  h.status(sh("2026-03-10T10:00"), "in_progress", "resolved");
  auto res = target_of(sla_status(h.subject(), c, sh("2026-03-10T12:00")), SlaTarget::resolution);
  CHECK(res.state == TimerState::met);
  CHECK(res.cycle == 0);
  h.status(sh("2026-03-11T10:00"), "resolved", "in_progress");
  const auto s = sla_status(h.subject(), c, sh("2026-03-11T11:00"));
  res = target_of(s, SlaTarget::resolution);
  CHECK(res.state == TimerState::running);
  CHECK(res.cycle == 1);
  CHECK(res.started_at == sh("2026-03-11T10:00"));
  CHECK(res.due_at == sh("2026-03-16T10:00"));
  CHECK(res.elapsed_seconds == 3600);
  // The first response stays met: it is not restarted by a reopen.
  CHECK(target_of(s, SlaTarget::first_response).state == TimerState::met);
}

TEST_CASE("reopen: continue resumes the old clock without the time spent resolved", "[timers][reopen]") {
  const SlaConfig c = with_reopen("continue");
  History h("202603-011", sh("2026-03-09T10:00"), "P3");  // due Thursday 10:00 (27 business hours)
  h.reply(sh("2026-03-09T11:00"));
  h.status(sh("2026-03-10T10:00"), "in_progress", "resolved");     // 9 h used
  h.status(sh("2026-03-11T10:00"), "resolved", "in_progress");  // resolved for 9 business hours
  const auto res = target_of(sla_status(h.subject(), c, sh("2026-03-11T11:00")), SlaTarget::resolution);
  CHECK(res.cycle == 0);
  CHECK(res.state == TimerState::running);
  CHECK(res.elapsed_seconds == 10 * 3600);
  CHECK(res.due_at == sh("2026-03-13T10:00"));
}

TEST_CASE("re-target on a priority change: the new target is measured from creation", "[timers][retarget]") {
  History h("202603-012", sh("2026-03-09T10:00"), "P3");
  auto s = sla_status(h.subject(), standard(), sh("2026-03-09T10:30"));
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-03-09T14:00"));
  CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-03-12T10:00"));
  h.reprioritize(sh("2026-03-09T10:30"), "P3", "P2");
  s = sla_status(h.subject(), standard(), sh("2026-03-09T10:45"));
  CHECK(s.priority == "P2");
  CHECK(s.policy == "p2");
  CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-03-09T12:00"));
  CHECK(target_of(s, SlaTarget::first_response).started_at == sh("2026-03-09T10:00"));
  CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-03-10T10:00"));

  SECTION("raised to P1 after 20 minutes: handling start is already overdue and breaches at the change") {
    h.reprioritize(sh("2026-03-09T10:50"), "P2", "P1");
    const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-09T11:00"));
    bool breach_at_change = false;
    for (const auto& a : actions)
      if (a.kind == DueActionKind::sla_breach && a.target == SlaTarget::handling_start)
        breach_at_change = a.due_at == sh("2026-03-09T10:50");
    CHECK(breach_at_change);
    const auto hs =
        target_of(sla_status(h.subject(), standard(), sh("2026-03-09T11:00")), SlaTarget::handling_start);
    CHECK(hs.due_at == sh("2026-03-09T10:15"));
    CHECK(hs.state == TimerState::breached);
    CHECK(hs.breached_at == sh("2026-03-09T10:50"));
  }
  SECTION("lowered to P4: the targets move out again") {
    h.reprioritize(sh("2026-03-09T11:00"), "P2", "P4");
    s = sla_status(h.subject(), standard(), sh("2026-03-09T11:00"));
    CHECK(target_of(s, SlaTarget::first_response).due_at == sh("2026-03-09T18:00"));
    CHECK(target_of(s, SlaTarget::resolution).due_at == sh("2026-03-16T10:00"));
  }
}

TEST_CASE("cancelling stops the clocks, and unknown status words are refused with the event path",
          "[timers]") {
  History h("202603-013", sh("2026-03-09T10:00"), "P3");
  h.status(sh("2026-03-09T11:00"), "new", "cancelled");
  auto s = sla_status(h.subject(), standard(), sh("2026-03-20T10:00"));
  CHECK(target_of(s, SlaTarget::resolution).state == TimerState::stopped);
  CHECK(target_of(s, SlaTarget::resolution).elapsed_seconds == 3600);
  CHECK(due_actions_until(h.subject(), standard(), sh("2026-03-20T10:00")).empty());

  History bad("202603-014", sh("2026-03-09T10:00"), "P3");
  bad.status(sh("2026-03-09T11:00"), "new", "limbo");
  try {
    sla_status(bad.subject(), standard(), sh("2026-03-09T12:00"));
    FAIL("an unknown status was accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/events/1/payload/to");
  }
}

TEST_CASE("no policy for the priority: no targets, and the explanation says so", "[timers]") {
  History h("202603-015", sh("2026-03-09T10:00"), "P9");
  const auto s = sla_status(h.subject(), standard(), sh("2026-03-09T12:00"));
  CHECK(s.targets.empty());
  CHECK(s.policy.empty());
  CHECK(s.policy_explanation.find("no policy") != std::string::npos);
}
