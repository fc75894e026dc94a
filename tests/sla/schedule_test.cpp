// next_action_at and earliest_due: what a store indexes so that sweeps and queues read an index.
#include <catch2/catch.hpp>

#include "sla/presets.hpp"
#include "sla_fixtures.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/due.hpp"

using namespace ticketcore;
using namespace ticketcore::sla_testing;

namespace {

// The first action due_actions_until finds after `now`, by replaying far ahead: the oracle.
std::optional<Instant> first_after(const SlaSubject& s, Instant now) {
  std::optional<Instant> first;
  for (const DueAction& a : due_actions_until(s, standard(), now + kScheduleHorizon))
    if (a.due_at >= now && (!first || a.due_at < *first)) first = a.due_at;
  return first;
}

}  // namespace

TEST_CASE("next_action_at is the first action the replay finds from now on, at every hour of a week") {
  History h("202603-100", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:05"), "new", "assigned");
  h.status(sh("2026-03-09T10:30"), "assigned", "in_progress");
  for (Instant now = sh("2026-03-09T10:30"); now < sh("2026-03-16T10:30"); now += std::chrono::hours(1)) {
    const auto next = next_action_at(h.subject(), standard(), now);
    REQUIRE(next);
    CHECK(*next >= now);
    CHECK(next == first_after(h.subject(), now));
  }
}

TEST_CASE("next_action_at: nothing once every clock has stopped, and earliest_due follows the open targets") {
  History h("202603-101", sh("2026-03-09T10:00"), "P3");
  const SlaStatus at_start = sla_status(h.subject(), standard(), sh("2026-03-09T10:00"));
  const auto due = earliest_due(at_start);
  REQUIRE(due);
  for (const TargetStatus& t : at_start.targets) CHECK(*due <= t.due_at);

  h.status(sh("2026-03-09T10:30"), "new", "cancelled");
  const Instant later = sh("2026-03-10T10:00");
  CHECK_FALSE(next_action_at(h.subject(), standard(), later));
  CHECK_FALSE(earliest_due(sla_status(h.subject(), standard(), later)));
}
