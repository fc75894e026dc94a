// The JSON form of due actions: golden files, the round trip a host relies on when it
// sends stored actions back, and strict reading (unknown keys, wrong types, fields that
// the kind does not carry) with errors that name the JSON path.
// ticketcore/json.hpp comes before ticketcore/model/json.hpp here, and after it in
// model_json_together_test.cpp: both orders compile and pick the right functions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "json/golden.hpp"
#include "sla/sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using ticketcore::sla_testing::History;
using ticketcore::sla_testing::sh;

namespace {

// A technical P3 ticket that earns every kind of action under the standard preset
// (as in tests/sla/due_test.cpp): escalation, warnings, breach, updates owed, survey, auto-close.
std::vector<DueAction> every_kind() {
  static const SlaConfig config = detail::sla_preset("standard");
  History h("202603-100", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:05"), "new", "assigned");
  h.status(sh("2026-03-09T10:30"), "assigned", "in_progress");
  h.reply(sh("2026-03-10T11:00"));
  h.status(sh("2026-03-11T15:00"), "in_progress", "resolved");
  return due_actions_until(h.subject(), config, sh("2026-03-20T09:00"));
}

bool same(const DueAction& a, const DueAction& b) {
  return a.ticket_id == b.ticket_id && a.kind == b.kind && a.target == b.target &&
         a.threshold_percent == b.threshold_percent && a.escalation_level == b.escalation_level &&
         a.team == b.team && a.rule == b.rule && a.due_at == b.due_at && a.key == b.key;
}

// The error reading `text` as one due action, as "path: message".
std::string due_action_error(const std::string& text) {
  try {
    from_json_text<DueAction>(text);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path() + ": " + e.message();
  }
  return "no error";
}

const char* const kBreach =
    R"({"ticket_id": "202603-100", "kind": "sla_breach", "target": "first_response",)"
    R"( "due_at": "2026-03-09T06:00:00Z", "key": "202603-100/first_response/cycle0/breach")";

std::string breach_with(const std::string& more) { return std::string(kBreach) + more + "}"; }

}  // namespace

TEST_CASE("due actions: every kind in one sweep") {
  const auto actions = every_kind();
  std::set<DueActionKind> kinds;
  for (const auto& a : actions) kinds.insert(a.kind);
  REQUIRE(kinds.size() == enum_count<DueActionKind>());
  golden::check("due_actions", to_json_text(actions));
}

TEST_CASE("due action: an escalation carries its level as a number with team and rule") {
  const auto actions = every_kind();
  const auto it = std::find_if(actions.begin(), actions.end(),
                               [](const DueAction& a) { return a.kind == DueActionKind::escalation; });
  REQUIRE(it != actions.end());
  golden::check("due_action", to_json_text(*it));
}

TEST_CASE("due actions read back as they were handed out") {
  const auto actions = every_kind();
  for (const auto& a : actions) {
    INFO(a.key);
    const DueAction back = from_json_text<DueAction>(to_json_text(a));
    CHECK(same(back, a));
    CHECK(to_json_text(back) == to_json_text(a));
  }
  const auto all = from_json_text<std::vector<DueAction>>(to_json_text(actions));
  REQUIRE(all.size() == actions.size());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(same(all[i], actions[i]));
  CHECK(from_json_text<std::vector<DueAction>>("[]").empty());
}

TEST_CASE("due action reading: offsets are accepted and written back with Z") {
  std::string text = kBreach;
  text.replace(text.find("2026-03-09T06:00:00Z"), 20, "2026-03-09T14:00:00+08:00");
  const DueAction a = from_json_text<DueAction>(text + "}");
  CHECK(format_instant(a.due_at) == "2026-03-09T06:00:00Z");
  CHECK(due_action_error(text + "}") == "no error");
}

TEST_CASE("due action reading: unknown keys and wrong types name the path") {
  CHECK(due_action_error(breach_with("")) == "no error");
  CHECK(due_action_error(breach_with(R"(, "note": "x")")) == "/note: unknown field");
  CHECK(due_action_error(R"({"ticket_id": 7})") == "/ticket_id: expected string, got integer");
  CHECK(due_action_error(R"([])") == ": expected object, got array");
  CHECK_THAT(due_action_error(R"({"ticket_id": "t", "kind": "reminder"})"),
             Catch::StartsWith("/kind: unknown value \"reminder\""));
  CHECK(due_action_error(R"({"ticket_id": "t", "kind": "auto_close", "key": "k"})") ==
        "/due_at: missing required field");
  CHECK(due_action_error(R"({"ticket_id": "t", "kind": "auto_close", "due_at": "2026-03-09 06:00", "key": "k"})") ==
        "/due_at: not an RFC 3339 instant: \"2026-03-09 06:00\"");
  CHECK(due_action_error(R"({"ticket_id": "", "kind": "auto_close"})") == "/ticket_id: must not be empty");
  CHECK_THAT(due_action_error("{\"ticket_id\": "), Catch::StartsWith(": invalid JSON"));
}

TEST_CASE("due action reading: each kind carries its own fields and no others") {
  CHECK(due_action_error(breach_with(R"(, "threshold_percent": 75)")) ==
        "/threshold_percent: not used by sla_breach actions");
  CHECK(due_action_error(breach_with(R"(, "escalation_level": 2)")) ==
        "/escalation_level: not used by sla_breach actions");
  CHECK(
      due_action_error(
          R"({"ticket_id": "t", "kind": "sla_warning", "target": "resolution", "due_at": "2026-03-09T06:00:00Z", "key": "k"})") ==
      "/threshold_percent: required for sla_warning actions");
  CHECK(
      due_action_error(
          R"({"ticket_id": "t", "kind": "sla_warning", "threshold_percent": 90, "due_at": "2026-03-09T06:00:00Z", "key": "k"})") ==
      "/target: required for sla_warning actions");
  CHECK(
      due_action_error(
          R"({"ticket_id": "t", "kind": "escalation", "escalation_level": 2, "team": "tech", "due_at": "2026-03-09T06:00:00Z", "key": "k"})") ==
      "/rule: required for escalation actions");
  CHECK(
      due_action_error(
          R"({"ticket_id": "t", "kind": "escalation", "escalation_level": 5, "team": "tech", "rule": "r", "due_at": "2026-03-09T06:00:00Z", "key": "k"})") ==
      "/escalation_level: out of range: 5 (expected 1 to 4)");
}

TEST_CASE("due actions reading: an error inside the array names the element") {
  const auto actions = every_kind();
  std::string text = to_json_text(actions);
  const std::string second_kind = "\"kind\":\"" + std::string(to_string(actions[1].kind)) + "\"";
  const auto at = text.find(second_kind, text.find('}'));
  REQUIRE(at != std::string::npos);
  text.replace(at, second_kind.size(), "\"kind\":1");
  try {
    from_json_text<std::vector<DueAction>>(text);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.path() == "/1/kind");
    CHECK(e.message() == "expected string, got integer");
  }
}
