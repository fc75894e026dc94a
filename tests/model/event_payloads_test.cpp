#include <catch2/catch.hpp>

#include "ticketcore/model/event_payloads.hpp"

using namespace ticketcore;

TEST_CASE("event payloads: a status change round-trips through the payload keys") {
  const Event e = events::make_event("202603-001", "t-01", Instant{},
                                     events::StatusChanged{Status::in_progress, Status::resolved, "fixed"});
  CHECK(e.kind == EventKind::status_changed);
  CHECK(std::get<std::string>(e.payload.at("to")) == "resolved");
  const auto back = events::read_payload<events::StatusChanged>(e);
  CHECK(back.from == Status::in_progress);
  CHECK(back.to == Status::resolved);
  CHECK(back.reason == "fixed");
}

TEST_CASE("event payloads: empty text is left out and levels are numbers") {
  const Event e = events::make_event("202603-001", "system", Instant{},
                                     events::Escalated{EscalationLevel::supervisor, "tech", "", "sla_breach", ""});
  CHECK(e.payload.count("to") == 0);
  CHECK(std::get<std::int64_t>(e.payload.at("level")) == 3);
  CHECK(events::read_payload<events::Escalated>(e).level == EscalationLevel::supervisor);
}

TEST_CASE("event payloads: a missing required key or an unknown word names the payload key") {
  Event e{1, "202603-001", EventKind::status_changed, "t-01", Instant{}, {}};
  try {
    events::read_payload<events::StatusChanged>(e);
    FAIL("no error");
  } catch (const Error& err) {
    CHECK(err.path() == "/payload/to");
  }
  e.payload["to"] = std::string("finished");
  CHECK_THROWS_WITH(events::read_payload<events::StatusChanged>(e), Catch::Contains("/payload/to"));
  e.payload["to"] = std::int64_t{3};
  CHECK_THROWS_AS(events::read_payload<events::StatusChanged>(e), Error);
}

TEST_CASE("event payloads: ratings and merges") {
  const Event rated = events::make_event("202603-001", "customer", Instant{}, events::Rated{5, 4, 3, "ok"});
  const auto r = events::read_payload<events::Rated>(rated);
  CHECK((r.efficiency == 5 && r.attitude == 4 && r.effectiveness == 3 && r.comment == "ok"));
  const Event merged = events::make_event("202603-002", "t-01", Instant{}, events::Merged{"202603-001", ""});
  CHECK(merged.kind == EventKind::merged);
  CHECK(events::read_payload<events::Merged>(merged).into == "202603-001");
}
