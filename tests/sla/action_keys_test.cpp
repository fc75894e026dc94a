// The due actions' keys are a contract with the host, which stores them to hand nothing out
// twice: their exact text is pinned here, kind by kind, so that a change shows; and every
// key of a long, eventful replay is unique and follows the grammar of docs/sla.md.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "sla/action_keys.hpp"
#include "sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using namespace ticketcore::sla_testing;

namespace {

// Two months of a technical ticket that goes through everything: two assignments without
// progress, a wait for the customer, re-targets up and down, three resolutions, two
// reopens, a customer reply, and days without an update under P1's around-the-clock interval.
History eventful_ticket() {
  History h("202603-200", sh("2026-03-02T10:00"), "P3");
  h.assign(sh("2026-03-02T10:05"));
  h.status(sh("2026-03-02T10:05"), "new", "assigned");
  h.assign(sh("2026-03-02T14:00"));
  h.status(sh("2026-03-03T10:00"), "assigned", "in_progress");
  h.reprioritize(sh("2026-03-03T11:00"), "P3", "P2");
  h.reply(sh("2026-03-04T10:00"));
  h.status(sh("2026-03-04T11:00"), "in_progress", "pending_customer");
  h.status(sh("2026-03-09T10:00"), "pending_customer", "in_progress");
  h.update(sh("2026-03-10T15:00"));
  h.status(sh("2026-03-11T10:00"), "in_progress", "resolved");
  h.status(sh("2026-03-12T10:00"), "resolved", "in_progress");
  h.reprioritize(sh("2026-03-12T11:00"), "P2", "P4");
  h.assign(sh("2026-03-13T10:00"));
  h.status(sh("2026-03-18T10:00"), "in_progress", "resolved");
  h.customer_reply(sh("2026-03-19T10:00"));
  h.status(sh("2026-03-23T10:00"), "resolved", "in_progress");
  h.reprioritize(sh("2026-03-23T10:30"), "P4", "P1");
  h.status(sh("2026-04-03T10:00"), "in_progress", "resolved");
  return h;
}

// The grammar of docs/sla.md, "Due actions", one pattern per kind.
std::regex grammar(DueActionKind kind) {
  switch (kind) {
    case DueActionKind::sla_warning:
      return std::regex(
          R"(([^/]+)/((handling_start|first_response|resolution)/cycle|periodic_update/anchor)\d+/warning\d+)");
    case DueActionKind::sla_breach:
      return std::regex(R"(([^/]+)/(handling_start|first_response|resolution)/cycle\d+/breach)");
    case DueActionKind::progress_update_owed:
      return std::regex(R"(([^/]+)/periodic_update/anchor\d+/owed[1-9]\d*)");
    case DueActionKind::escalation: return std::regex(R"(([^/]+)/escalation/.+/assignment\d+)");
    case DueActionKind::satisfaction_survey:
      return std::regex(R"(([^/]+)/satisfaction_survey/resolution\d+)");
    case DueActionKind::auto_close: return std::regex(R"(([^/]+)/auto_close/resolution\d+)");
  }
  return std::regex("");
}

}  // namespace

TEST_CASE("action keys: the exact text of each kind", "[due][keys]") {
  using namespace ticketcore::detail;
  CHECK(sla_warning_key("202603-001", SlaTarget::resolution, 0, 75) ==
        "202603-001/resolution/cycle0/warning75");
  CHECK(sla_warning_key("202603-001", SlaTarget::first_response, 2, 90) ==
        "202603-001/first_response/cycle2/warning90");
  CHECK(sla_warning_key("202603-001", SlaTarget::periodic_update, 7, 75) ==
        "202603-001/periodic_update/anchor7/warning75");
  CHECK(sla_breach_key("202603-001", SlaTarget::handling_start, 0) ==
        "202603-001/handling_start/cycle0/breach");
  CHECK(sla_breach_key("202603-001", SlaTarget::resolution, 1) == "202603-001/resolution/cycle1/breach");
  CHECK(progress_update_owed_key("202603-001", 0, 1) == "202603-001/periodic_update/anchor0/owed1");
  CHECK(progress_update_owed_key("202603-001", 12, 3) == "202603-001/periodic_update/anchor12/owed3");
  CHECK(escalation_key("202603-001", "technical-lead", 4) ==
        "202603-001/escalation/technical-lead/assignment4");
  CHECK(satisfaction_survey_key("202603-001", 6) == "202603-001/satisfaction_survey/resolution6");
  CHECK(auto_close_key("202603-001", 6) == "202603-001/auto_close/resolution6");
}

TEST_CASE("action keys: a replay hands out every kind under its pinned key", "[due][keys]") {
  // Standard preset, P2 then reopened: every kind of action, and a second resolution cycle.
  History h("202603-201", sh("2026-03-09T10:00"), "P2");
  h.assign(sh("2026-03-09T10:05"));                             // 2: escalation armed
  h.status(sh("2026-03-09T10:05"), "new", "assigned");          // 3
  h.reply(sh("2026-03-09T13:00"));                              // 4: first response late
  h.status(sh("2026-03-10T11:00"), "assigned", "resolved");     // 5: resolution late
  h.status(sh("2026-03-10T12:00"), "resolved", "in_progress");  // 6: reopened, cycle 1
  h.status(sh("2026-03-12T10:00"), "in_progress", "resolved");  // 7: late again
  const auto actions = due_actions_until(h.subject(), standard(), sh("2026-03-20T10:00"));
  std::vector<std::string> got;
  for (const auto& a : actions) got.push_back(format_instant(a.due_at) + " " + a.key);
  // Shanghai is UTC+8: the escalation falls due at 11:05, an hour after the assignment.
  const std::vector<std::string> want{
      "2026-03-09T03:05:00Z 202603-201/escalation/technical-lead/assignment2",
      "2026-03-09T03:30:00Z 202603-201/first_response/cycle0/warning75",
      "2026-03-09T03:48:00Z 202603-201/first_response/cycle0/warning90",
      "2026-03-09T04:00:00Z 202603-201/first_response/cycle0/breach",
      "2026-03-09T08:45:00Z 202603-201/resolution/cycle0/warning75",
      "2026-03-10T01:06:00Z 202603-201/resolution/cycle0/warning90",
      "2026-03-10T02:00:00Z 202603-201/resolution/cycle0/breach",
      "2026-03-10T02:45:00Z 202603-201/periodic_update/anchor4/warning75",  // from the reply
      "2026-03-11T01:45:00Z 202603-201/periodic_update/anchor6/warning75",  // from the reopen
      "2026-03-11T01:45:00Z 202603-201/resolution/cycle1/warning75",
      "2026-03-11T03:06:00Z 202603-201/periodic_update/anchor6/warning90",
      "2026-03-11T03:06:00Z 202603-201/resolution/cycle1/warning90",
      "2026-03-11T04:00:00Z 202603-201/periodic_update/anchor6/owed1",
      "2026-03-11T04:00:00Z 202603-201/resolution/cycle1/breach",
      "2026-03-12T04:00:00Z 202603-201/satisfaction_survey/resolution7",
      "2026-03-17T02:00:00Z 202603-201/auto_close/resolution7",
  };
  CHECK(got == want);
}

TEST_CASE("action keys: unique across the actions of a long replay, and in the grammar", "[due][keys]") {
  const History h = eventful_ticket();
  for (const char* mode : {"restart", "continue"}) {
    INFO("on_reopen " << mode);
    const SlaConfig config = with_reopen(mode);
    const Instant from = sh("2026-03-01T00:00"), to = sh("2026-05-01T00:00");
    const auto actions = due_actions_until(h.subject(), config, to);
    REQUIRE(actions.size() > 30);
    std::set<std::string> keys;
    std::map<DueActionKind, int> kinds;
    for (const auto& a : actions) {
      INFO(a.key);
      CHECK(keys.insert(a.key).second);
      ++kinds[a.kind];
      std::smatch m;
      REQUIRE(std::regex_match(a.key, m, grammar(a.kind)));
      CHECK(m[1] == a.ticket_id);
      if (a.target) CHECK(a.key.find("/" + std::string(to_string(*a.target)) + "/") != std::string::npos);
      if (a.kind == DueActionKind::sla_warning)
        CHECK(a.key.ends_with("/warning" + std::to_string(a.threshold_percent)));
      if (a.kind == DueActionKind::escalation)
        CHECK(a.key.find("/escalation/" + a.rule + "/") != std::string::npos);
    }
    CHECK(kinds.size() == 6);  // every kind came due
    // Daily sweeps hand out the same keys as the whole replay.
    std::set<std::string> swept;
    const std::vector<SlaSubject> subjects{h.subject()};
    for (Instant last = from; last < to; last += std::chrono::hours{24})
      for (const auto& a : due(subjects, config, last, last + std::chrono::hours{24}))
        CHECK(swept.insert(a.key).second);
    CHECK(swept == keys);
  }
}
