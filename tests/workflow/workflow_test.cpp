// The default workflow: every allowed and every refused transition, the stages
// tied to statuses, SLA pausing, and workflows read from JSON.
#include <catch2/catch.hpp>

#include <set>
#include <utility>

#include "ticketcore/error.hpp"
#include "ticketcore/workflow/workflow.hpp"

using namespace ticketcore;
using S = Status;
using G = Stage;

namespace {

// DOMAIN.md's default, written out pair by pair.
const std::set<std::pair<S, S>> kAllowed = {
    {S::new_ticket, S::assigned},
    {S::new_ticket, S::cancelled},
    {S::new_ticket, S::merged},
    {S::assigned, S::in_progress},
    {S::assigned, S::cancelled},
    {S::assigned, S::merged},
    {S::in_progress, S::pending_customer},
    {S::in_progress, S::resolved},
    {S::in_progress, S::cancelled},
    {S::in_progress, S::merged},
    {S::pending_customer, S::in_progress},
    {S::pending_customer, S::resolved},
    {S::pending_customer, S::cancelled},
    {S::pending_customer, S::merged},
    {S::resolved, S::closed},
    {S::resolved, S::in_progress},
};

std::vector<S> all_statuses() {
  std::vector<S> out;
  for (std::size_t i = 0; i < enum_count<S>(); ++i) out.push_back(S(i));
  return out;
}

}  // namespace

TEST_CASE("the default workflow allows exactly DOMAIN.md's transitions") {
  const auto w = Workflow::standard();
  for (S from : all_statuses())
    for (S to : all_statuses()) {
      INFO(to_string(from) << " -> " << to_string(to));
      const bool expected = kAllowed.contains({from, to});
      CHECK(w.allows(from, to) == expected);
      if (expected) {
        CHECK_NOTHROW(w.check_transition(from, to));
      } else {
        try {
          w.check_transition(from, to);
          FAIL("allowed");
        } catch (const Error& e) {
          CHECK(e.code() == ErrorCode::invalid_transition);
          CHECK(e.path() == "/status");
          CHECK(e.message() == "cannot move a ticket from \"" + std::string(to_string(from)) + "\" to \"" +
                                   std::string(to_string(to)) + "\"");
        }
      }
    }
}

TEST_CASE("next_statuses lists the allowed targets") {
  const auto w = Workflow::standard();
  CHECK(w.next_statuses(S::resolved) == std::vector<S>{S::in_progress, S::closed});
  CHECK(w.next_statuses(S::closed).empty());
  CHECK(w.next_statuses(S::cancelled).empty());
  CHECK(w.next_statuses(S::merged).empty());
}

TEST_CASE("pending_customer alone pauses SLA clocks and closed or cancelled or merged are final") {
  const auto w = Workflow::standard();
  for (S s : all_statuses()) {
    INFO(to_string(s));
    CHECK(w.pauses_sla(s) == (s == S::pending_customer));
    CHECK(w.is_final(s) == (s == S::closed || s == S::cancelled || s == S::merged));
    CHECK(w.is_resolved(s) == (s == S::resolved || s == S::closed));
  }
  CHECK(w.is_reopen(S::resolved, S::in_progress));
  CHECK_FALSE(w.is_reopen(S::resolved, S::closed));
  CHECK_FALSE(w.is_reopen(S::pending_customer, S::in_progress));
}

TEST_CASE("after-sales stages advance one at a time and may go back from confirmation") {
  const auto w = Workflow::standard();
  CHECK(w.allows_stage(G::intake, G::diagnosis));
  CHECK(w.allows_stage(G::follow_up, G::archived));
  CHECK_FALSE(w.allows_stage(G::intake, G::execution));
  CHECK_FALSE(w.allows_stage(G::archived, G::intake));
  CHECK(w.allows_stage(G::confirmation, G::execution));
  CHECK(w.allows_stage(G::confirmation, G::diagnosis));
  CHECK_NOTHROW(w.check_stage_change(S::in_progress, G::intake, G::diagnosis));
  try {
    w.check_stage_change(S::in_progress, G::intake, G::execution);
    FAIL("allowed");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_transition);
    CHECK(e.path() == "/stage");
    CHECK(e.message() == "cannot move a ticket from stage \"intake\" to stage \"execution\"");
  }
  // Archive needs a closed ticket.
  CHECK_THROWS_WITH(w.check_stage_change(S::resolved, G::follow_up, G::archived),
                    "/stage: stage \"archived\" does not fit status \"resolved\"");
}

TEST_CASE("stages follow status changes") {
  const auto w = Workflow::standard();
  CHECK(w.stage_after(S::assigned, G::intake) == G::intake);
  CHECK(w.stage_after(S::in_progress, G::intake) == G::intake);
  CHECK(w.stage_after(S::resolved, G::execution) == G::confirmation);
  CHECK(w.stage_after(S::closed, G::confirmation) == G::follow_up);
  CHECK(w.stage_after(S::cancelled, G::diagnosis) == G::diagnosis);
  // Reopening from follow-up goes back to the latest stage that fits work again.
  CHECK(w.stage_after(S::in_progress, G::follow_up) == G::confirmation);
}

TEST_CASE("a workflow survives a JSON round trip") {
  const auto w = Workflow::standard();
  const auto back = Workflow::from_json_text(w.to_json_text());
  CHECK(back == w);
}

TEST_CASE("a custom workflow is data") {
  const auto w = Workflow::from_json_text(R"({
    "transitions": {"new": ["in_progress"], "in_progress": ["pending_customer", "closed"],
                    "pending_customer": ["in_progress"], "closed": ["in_progress"]},
    "pausing": ["pending_customer"],
    "resolved": ["closed"],
    "final": [],
    "stages": {"intake": {"statuses": ["new", "in_progress"]}, "diagnosis": {"statuses": ["in_progress"]},
               "solution_plan": {"statuses": ["in_progress"]}, "execution": {"statuses": ["in_progress"]},
               "confirmation": {"statuses": ["in_progress"]}, "follow_up": {"statuses": ["closed"]},
               "archived": {"statuses": ["closed"]}}
  })");
  CHECK(w.allows(S::new_ticket, S::in_progress));
  CHECK_FALSE(w.allows(S::new_ticket, S::assigned));
  CHECK(w.allows(S::closed, S::in_progress));
  CHECK(w.is_reopen(S::closed, S::in_progress));
  CHECK_FALSE(w.allows_stage(G::intake, G::diagnosis));  // no "next" given: no stage moves
}

TEST_CASE("workflow JSON errors name the path") {
  auto fails_at = [](const char* text, const std::string& what) {
    INFO(text);
    CHECK_THROWS_WITH(Workflow::from_json_text(text), Catch::StartsWith(what));
  };
  const std::string stages =
      R"("stages": {"intake": {"statuses": ["new"]}, "diagnosis": {"statuses": ["new"]},
         "solution_plan": {"statuses": ["new"]}, "execution": {"statuses": ["new"]},
         "confirmation": {"statuses": ["new"]}, "follow_up": {"statuses": ["new"]},
         "archived": {"statuses": ["new"]}})";
  fails_at(("{" + stages + "}").c_str(), "/transitions: missing required field");
  fails_at(R"({"transitions": {}})", "/stages: missing required field");
  fails_at(("{\"transitions\": {\"open\": []}, " + stages + "}").c_str(),
           "/transitions/open: unknown status");
  fails_at(("{\"transitions\": {\"new\": [\"done\"]}, " + stages + "}").c_str(),
           "/transitions/new/0: unknown value \"done\"");
  fails_at(("{\"transitions\": {}, \"colour\": 1, " + stages + "}").c_str(), "/colour: unknown field");
  fails_at(R"({"transitions": {}, "stages": {"intake": {"statuses": []}}})",
           "/stages/intake: every stage needs at least one status");
  fails_at(
      ("{\"transitions\": {}, \"pausing\": [\"closed\"], \"final\": [\"closed\"], " + stages + "}").c_str(),
      "/pausing/closed: a final status cannot pause SLA clocks");
  fails_at("{", "invalid JSON");
}
