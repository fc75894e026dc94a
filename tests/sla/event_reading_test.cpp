// How the replay reads event payloads: through their key tables (model/event_payloads.hpp),
// only the keys it needs, and a bad one fails with the event's path in the history.
#include <catch2/catch.hpp>

#include <string>

#include "sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using namespace ticketcore::sla_testing;

namespace {

// The path of the error the status replay throws, or "" when it reads the history.
std::string error_path(const History& h) {
  try {
    sla_status(h.subject(), standard(), sh("2026-03-09T12:00"));
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path();
  }
}

}  // namespace

TEST_CASE("event payloads: a bad key the replay needs names its event", "[timers][events]") {
  History h("202603-300", sh("2026-03-09T10:00"), "P3");
  SECTION("a status word that is no status") {
    h.add(EventKind::status_changed, "agent-1", sh("2026-03-09T11:00"), {{"to", std::string("limbo")}});
    CHECK(error_path(h) == "/events/1/payload/to");
  }
  SECTION("a status change without its status") {
    h.reply(sh("2026-03-09T10:30"));
    h.add(EventKind::status_changed, "agent-1", sh("2026-03-09T11:00"), {{"from", std::string("new")}});
    CHECK(error_path(h) == "/events/2/payload/to");
  }
  SECTION("a priority change without its level, or with a number") {
    h.add(EventKind::priority_changed, "supervisor", sh("2026-03-09T11:00"), {});
    CHECK(error_path(h) == "/events/1/payload/to");
    h.events.back().payload = {{"to", std::int64_t(2)}};
    CHECK(error_path(h) == "/events/1/payload/to");
  }
  SECTION("a priority at creation that is no text") {
    h.events.front().payload = {{"priority", std::int64_t(3)}};
    CHECK(error_path(h) == "/events/0/payload/priority");
  }
}

TEST_CASE("event payloads: keys the replay does not need are not its concern", "[timers][events]") {
  History h("202603-301", sh("2026-03-09T10:00"), "P3");
  // `from` is informational: a status change reads only where the status went.
  h.add(EventKind::status_changed, "agent-1", sh("2026-03-09T10:30"),
        {{"from", std::string("limbo")}, {"to", std::string("in_progress")}, {"note", std::string("x")}});
  const auto s = sla_status(h.subject(), standard(), sh("2026-03-09T12:00"));
  CHECK(target_of(s, SlaTarget::resolution).state == TimerState::running);
  // A created event without a priority leaves it to the ticket.
  History quiet("202603-302", sh("2026-03-09T10:00"), "P2");
  quiet.events.front().payload.clear();
  CHECK(sla_status(quiet.subject(), standard(), sh("2026-03-09T12:00")).priority == "P2");
}
