// due(): every action kind handed out exactly once across consecutive sweeps, with stable keys.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using namespace ticketcore::sla_testing;

namespace {

// A technical P3 ticket that earns every kind of action (standard preset, Shanghai times):
// escalation Mon 11:05, first response warnings 13:00 and 13:36 and breach 14:00, periodic
// warnings and an update owed Tue 10:00, another owed Wed 11:00, a resolution warning Wed 12:15,
// the survey Wed 17:00 and auto-close Mon 16 March 15:00.
History busy_ticket() {
  History h("202603-100", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:05"), "new", "assigned");
  h.status(sh("2026-03-09T10:30"), "assigned", "in_progress");
  h.reply(sh("2026-03-10T11:00"));
  h.status(sh("2026-03-11T15:00"), "in_progress", "resolved");
  return h;
}

std::vector<DueAction> sweep_all(std::span<const SlaSubject> subjects, Instant from, Instant to,
                                 const std::vector<Seconds>& steps) {
  std::vector<DueAction> out;
  Instant last = from;
  std::size_t i = 0;
  while (last < to) {
    const Instant now = std::min(to, last + steps[i++ % steps.size()]);
    for (auto& a : due(subjects, standard(), last, now)) {
      CHECK(a.due_at > last);
      CHECK(a.due_at <= now);
      out.push_back(std::move(a));
    }
    last = now;
  }
  return out;
}

const DueAction* find(const std::vector<DueAction>& actions, DueActionKind kind,
                      std::optional<SlaTarget> target = std::nullopt, int pct = 0) {
  for (const auto& a : actions)
    if (a.kind == kind && (!target || a.target == target) && a.threshold_percent == pct) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("due: every action kind, each exactly once across consecutive sweeps", "[due]") {
  const History h = busy_ticket();
  const std::vector<SlaSubject> subjects{h.subject()};
  const Instant from = sh("2026-03-09T09:00"), to = sh("2026-03-20T09:00");
  const auto actions = sweep_all(subjects, from, to, {Seconds{7 * 60}});

  std::set<std::string> keys;
  for (const auto& a : actions) {
    CHECK(keys.insert(a.key).second);
    CHECK(a.ticket_id == "202603-100");
  }
  // One sweep over the whole span finds the same actions at the same instants.
  const auto whole = due(subjects, standard(), from, to);
  REQUIRE(whole.size() == actions.size());
  std::map<std::string, Instant> by_key;
  for (const auto& a : whole) by_key[a.key] = a.due_at;
  for (const auto& a : actions) CHECK(by_key.at(a.key) == a.due_at);

  using K = DueActionKind;
  using T = SlaTarget;
  auto when = [&](K kind, std::optional<T> target = std::nullopt, int pct = 0) {
    const DueAction* a = find(actions, kind, target, pct);
    REQUIRE(a);
    return a->due_at;
  };
  CHECK(when(K::escalation) == sh("2026-03-09T11:05"));
  CHECK(find(actions, K::escalation)->escalation_level == EscalationLevel::team_lead);
  CHECK(find(actions, K::escalation)->team == "technical_support");
  CHECK(when(K::sla_warning, T::first_response, 75) == sh("2026-03-09T13:00"));
  CHECK(when(K::sla_warning, T::first_response, 90) == sh("2026-03-09T13:36"));
  CHECK(when(K::sla_breach, T::first_response) == sh("2026-03-09T14:00"));
  CHECK(when(K::sla_warning, T::periodic_update, 75) == sh("2026-03-09T16:45"));
  CHECK(when(K::progress_update_owed, T::periodic_update) == sh("2026-03-10T10:00"));
  CHECK(when(K::sla_warning, T::resolution, 75) == sh("2026-03-11T12:15"));
  CHECK(when(K::satisfaction_survey) == sh("2026-03-11T17:00"));
  CHECK(when(K::auto_close) == sh("2026-03-16T15:00"));
  CHECK_FALSE(find(actions, K::sla_breach, T::resolution));
  CHECK_FALSE(find(actions, K::sla_warning, T::resolution, 90));

  std::size_t owed = 0;
  for (const auto& a : actions) owed += a.kind == K::progress_update_owed;
  CHECK(owed == 2);  // Tuesday 10:00, and Wednesday 11:00 a working day after the reply
}

TEST_CASE("due: random sweep steps hand out the same actions exactly once", "[due]") {
  std::vector<History> histories;
  histories.push_back(busy_ticket());
  History p1("202603-101", sh("2026-03-07T03:00"), "P1");
  p1.assign(sh("2026-03-07T03:20"));
  p1.reply(sh("2026-03-07T04:00"));
  histories.push_back(p1);
  History paused("202603-102", sh("2026-03-09T10:00"), "P2", RequestType::consultation);
  paused.reply(sh("2026-03-09T10:30"));
  paused.status(sh("2026-03-09T11:00"), "new", "pending_customer");
  paused.status(sh("2026-03-10T15:00"), "pending_customer", "in_progress");
  histories.push_back(paused);
  std::vector<SlaSubject> subjects;
  for (const auto& h : histories) subjects.push_back(h.subject());

  const Instant from = sh("2026-03-06T00:00"), to = sh("2026-03-21T00:00");
  const auto reference = due(subjects, standard(), from, to);
  REQUIRE(reference.size() > 15);
  std::mt19937 rng(20260309);
  std::uniform_int_distribution<int> minutes(1, 600);
  for (int run = 0; run < 5; ++run) {
    std::vector<Seconds> steps;
    for (int i = 0; i < 64; ++i) steps.push_back(Seconds{60 * minutes(rng)});
    const auto actions = sweep_all(subjects, from, to, steps);
    std::multiset<std::string> got, want;
    for (const auto& a : actions) got.insert(a.key);
    for (const auto& a : reference) want.insert(a.key);
    CHECK(got == want);
  }
}

TEST_CASE("due: a repeated or overlapping sweep returns the same keys, an empty window nothing", "[due]") {
  const History h = busy_ticket();
  const std::vector<SlaSubject> subjects{h.subject()};
  const auto first = due(subjects, standard(), sh("2026-03-09T12:00"), sh("2026-03-09T15:00"));
  const auto again = due(subjects, standard(), sh("2026-03-09T12:00"), sh("2026-03-09T15:00"));
  REQUIRE(first.size() == 3);  // first response 75%, 90%, breach
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].key == again[i].key);
    CHECK(first[i].due_at == again[i].due_at);
  }
  // An overlapping window reports the shared action under the same key, so the host can drop it.
  const auto overlap = due(subjects, standard(), sh("2026-03-09T13:30"), sh("2026-03-09T16:00"));
  REQUIRE(overlap.size() == 2);
  CHECK(overlap[0].key == first[1].key);
  CHECK(due(subjects, standard(), sh("2026-03-09T15:00"), sh("2026-03-09T15:00")).empty());
  CHECK(due(subjects, standard(), sh("2026-03-09T16:00"), sh("2026-03-09T15:00")).empty());
  // Evaluated at the same instant, the keys do not depend on how much history came after.
  CHECK(first[2].key == "202603-100/first_response/cycle0/breach");
}

TEST_CASE("due: survey, auto-close and escalation are withdrawn by what happens first", "[due]") {
  SECTION("progress within the hour: no escalation; a reassignment arms it again") {
    History h("202603-103", sh("2026-03-09T10:00"), "P3");
    h.assign(sh("2026-03-09T10:05"));
    h.update(sh("2026-03-09T10:50"));
    auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-09T13:00"));
    CHECK_FALSE(find(actions, DueActionKind::escalation));
    h.assign(sh("2026-03-09T14:00"));
    actions = due_actions_until(h.subject(), standard(), sh("2026-03-09T16:00"));
    const DueAction* e = find(actions, DueActionKind::escalation);
    REQUIRE(e);
    CHECK(e->due_at == sh("2026-03-09T15:00"));
    CHECK(e->key == "202603-103/escalation/technical-lead/assignment4");
  }
  SECTION("an escalation is for technical support only, and business hours count") {
    History h("202603-104", sh("2026-03-09T17:30"), "P3", RequestType::consultation);
    h.assign(sh("2026-03-09T17:40"));
    CHECK_FALSE(
        find(due_actions_until(h.subject(), standard(), sh("2026-03-10T12:00")), DueActionKind::escalation));
    History t("202603-105", sh("2026-03-09T17:30"), "P3");
    t.assign(sh("2026-03-09T17:40"));
    const auto actions = due_actions_until(t.subject(), standard(), sh("2026-03-10T12:00"));
    const DueAction* e = find(actions, DueActionKind::escalation);
    REQUIRE(e);
    CHECK(e->due_at == sh("2026-03-10T09:40"));
  }
  SECTION("reopened before the survey is owed: no survey, no auto-close for that resolution") {
    History h("202603-106", sh("2026-03-09T10:00"), "P3", RequestType::consultation);
    h.reply(sh("2026-03-09T10:10"));
    h.status(sh("2026-03-09T11:00"), "in_progress", "resolved");
    h.status(sh("2026-03-09T12:00"), "resolved", "in_progress");
    const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-20T12:00"));
    CHECK_FALSE(find(actions, DueActionKind::satisfaction_survey));
    CHECK_FALSE(find(actions, DueActionKind::auto_close));
  }
  SECTION("a survey already sent, and a customer reply after resolution, withdraw them") {
    History h("202603-107", sh("2026-03-09T10:00"), "P3", RequestType::consultation);
    h.reply(sh("2026-03-09T10:10"));
    h.status(sh("2026-03-09T11:00"), "in_progress", "resolved");
    h.add(EventKind::survey_sent, "system", sh("2026-03-09T11:30"));
    h.customer_reply(sh("2026-03-10T09:00"));
    const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-20T12:00"));
    CHECK_FALSE(find(actions, DueActionKind::satisfaction_survey));
    CHECK_FALSE(find(actions, DueActionKind::auto_close));
  }
  SECTION("closed by the customer's confirmation: the survey is still owed, auto-close is not") {
    History h("202603-108", sh("2026-03-09T10:00"), "P3", RequestType::consultation);
    h.reply(sh("2026-03-09T10:10"));
    h.status(sh("2026-03-09T11:00"), "in_progress", "resolved");
    h.status(sh("2026-03-09T12:00"), "resolved", "closed");
    const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-20T12:00"));
    REQUIRE(find(actions, DueActionKind::satisfaction_survey));
    CHECK(find(actions, DueActionKind::satisfaction_survey)->due_at == sh("2026-03-09T13:00"));
    CHECK_FALSE(find(actions, DueActionKind::auto_close));
  }
}

TEST_CASE("due: a restarted resolution after reopen warns and breaches again under a new key",
          "[due][reopen]") {
  History h("202603-109", sh("2026-03-09T10:00"), "P2", RequestType::consultation);
  h.reply(sh("2026-03-09T10:10"));
  h.status(sh("2026-03-10T11:00"), "in_progress", "resolved");  // breached Tuesday 10:00
  h.status(sh("2026-03-10T12:00"), "resolved", "in_progress");  // cycle 1: due Wednesday 12:00
  const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-12T12:00"));
  std::vector<std::string> breaches;
  for (const auto& a : actions)
    if (a.kind == DueActionKind::sla_breach && a.target == SlaTarget::resolution) breaches.push_back(a.key);
  CHECK(breaches == std::vector<std::string>{"202603-109/resolution/cycle0/breach",
                                             "202603-109/resolution/cycle1/breach"});
  const auto res =
      target_of(sla_status(h.subject(), standard(), sh("2026-03-12T12:00")), SlaTarget::resolution);
  CHECK(res.cycle == 1);
  CHECK(res.breached_at == sh("2026-03-11T12:00"));
}

TEST_CASE("due: with the host's record of handed-out keys, overlapping sweeps hand nothing out twice",
          "[due]") {
  const History h = busy_ticket();
  const std::vector<SlaSubject> subjects{h.subject()};
  const Instant from = sh("2026-03-09T09:00"), to = sh("2026-03-20T09:00");
  std::set<std::string, std::less<>> reported;
  std::vector<std::string> handed_out;
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> step(1, 900), back(0, 600);
  Instant now = from;
  while (now < to) {
    // Each sweep starts up to 10 hours before the previous one ended: windows overlap or repeat.
    const Instant last = std::max(from, now - std::chrono::minutes(back(rng)));
    now = std::min(to, now + std::chrono::minutes(step(rng) % 3 == 0 ? 0 : step(rng)));
    for (const auto& a : due(subjects, standard(), last, now, reported)) {
      handed_out.push_back(a.key);
      reported.insert(a.key);
    }
  }
  const auto all = due(subjects, standard(), from, to);
  CHECK(handed_out.size() == all.size());
  CHECK(reported.size() == all.size());
  CHECK(due(subjects, standard(), from, to, reported).empty());
}

TEST_CASE("due: no update is owed while the ticket waits for the customer", "[due]") {
  History h("202603-110", sh("2026-03-09T10:00"), "P3", RequestType::consultation);
  h.reply(sh("2026-03-09T10:30"));
  h.status(sh("2026-03-09T11:00"), "new", "pending_customer");
  auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-13T18:00"));
  CHECK_FALSE(find(actions, DueActionKind::progress_update_owed, SlaTarget::periodic_update));
  auto pu =
      target_of(sla_status(h.subject(), standard(), sh("2026-03-13T18:00")), SlaTarget::periodic_update);
  CHECK(pu.state == TimerState::paused);
  CHECK(pu.elapsed_seconds == 1800);
  // Back in progress on Monday 09:00: the 8.5 business hours left run out at 17:30.
  h.status(sh("2026-03-16T09:00"), "pending_customer", "in_progress");
  actions = due_actions_until(h.subject(), standard(), sh("2026-03-16T18:00"));
  const DueAction* owed = find(actions, DueActionKind::progress_update_owed, SlaTarget::periodic_update);
  REQUIRE(owed);
  CHECK(owed->due_at == sh("2026-03-16T17:30"));
  CHECK(owed->key == "202603-110/periodic_update/anchor2/owed1");
}

TEST_CASE("due: an escalation by hand withdraws the automatic one", "[due]") {
  History h("202603-111", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.add(EventKind::escalated, "agent-1", sh("2026-03-09T10:45"), {{"level", std::int64_t(1)}});
  CHECK_FALSE(
      find(due_actions_until(h.subject(), standard(), sh("2026-03-09T18:00")), DueActionKind::escalation));
}

TEST_CASE("due: the history may come in any order and is read by time, then sequence", "[due]") {
  History h = busy_ticket();
  const auto in_order = due_actions_until(h.subject(), standard(), sh("2026-03-20T09:00"));
  std::reverse(h.events.begin(), h.events.end());
  const auto reversed = due_actions_until(h.subject(), standard(), sh("2026-03-20T09:00"));
  REQUIRE(in_order.size() == reversed.size());
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    CHECK(in_order[i].key == reversed[i].key);
    CHECK(in_order[i].due_at == reversed[i].due_at);
  }
}

TEST_CASE("due: a ticket left without an update for a year owes one a working day, each once", "[due]") {
  // P3's periodic update is due one working day after the last (standard preset); from
  // Monday 11:00 nobody writes again. Past a few dozen actions the replay keeps what it
  // found in a hash set: the same actions must come out, each once, in any sweep steps.
  History h("202603-103", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:05"), "new", "assigned");
  h.status(sh("2026-03-09T10:30"), "assigned", "in_progress");
  h.reply(sh("2026-03-09T11:00"));
  const std::vector<SlaSubject> subjects{h.subject()};
  const Instant from = sh("2026-03-09T00:00"), to = sh("2027-03-09T00:00");

  auto owed_keys = [](const std::vector<DueAction>& actions) {
    std::multiset<std::string> keys;
    for (const auto& a : actions)
      if (a.kind == DueActionKind::progress_update_owed) keys.insert(a.key);
    return keys;
  };
  const auto at_once = owed_keys(due(subjects, standard(), from, to));
  // One a working day of the calendar after Monday, up to and including Monday 8 March 2027.
  const BusinessCalendar& calendar = standard().calendars.get("cn-standard");
  std::size_t working_days = 0;
  for (auto d = std::chrono::sys_days{std::chrono::year{2026} / 3 / 10};
       d <= std::chrono::sys_days{std::chrono::year{2027} / 3 / 8}; d += std::chrono::days{1})
    working_days += calendar.is_working_day(Date{d});
  CHECK(at_once.size() == working_days);
  CHECK(std::set<std::string>(at_once.begin(), at_once.end()).size() == at_once.size());
  CHECK(owed_keys(sweep_all(subjects, from, to, {Seconds{7 * 86400}, Seconds{3600}})) == at_once);
}
