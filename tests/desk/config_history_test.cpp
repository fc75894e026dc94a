// The configuration in the store: versions kept, a dry run before publishing.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "desk_harness.hpp"

using namespace desk_test;

namespace {

// The fixture desk under another version, with the technical rule sending tickets elsewhere.
DeskConfig next_version() {
  nlohmann::json doc = nlohmann::json::parse(fixture::standard_desk().to_json_text());
  doc["version"] = "standard-next";
  doc["rules"]["version"] = "rules-next";
  for (auto& rule : doc["rules"]["rules"])
    for (auto& action : rule["then"])
      if (action.contains("set_team") && action["set_team"] == "technical_support")
        action["set_team"] = "senior_specialists";
  return DeskConfig::from_json_text(doc.dump());
}

}  // namespace

TEST_CASE("desk: publishing keeps the old versions, and a dry run shows what would change") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult r = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  const DeskConfig next = next_version();

  const std::string before = h.dump();
  const DryRunReport report = h.desk->dry_run(kAdmin, next);
  CHECK(h.dump() == before);  // a dry run writes nothing
  CHECK(report.tickets == 1);
  REQUIRE(report.changed.size() == 1);
  CHECK(report.changed[0].ticket_id == r.ticket.id);

  h.desk->publish(Actor{ActorKind::admin, "m-01"}, next);
  CHECK(h.desk->config().version() == "standard-next");
  const auto history = h.store->read()->config_history();
  REQUIRE(history.size() == 2);
  CHECK(history[0].version == fixture::standard_desk().version());
  CHECK(history[1].version == "standard-next");
  CHECK(h.store->read()->current_config()->text == next.to_json_text());

  // Publishing the same version again is refused; reopening with it is not.
  CHECK_THROWS_AS(h.desk->publish(Actor{ActorKind::admin, "m-01"}, next), Error);
  CHECK(Desk::open(h.store, next, h.clock)->config().version() == "standard-next");
  // An old version cannot come back under its old name.
  CHECK_THROWS_AS(Desk::open(h.store, fixture::standard_desk(), h.clock), Error);
}

TEST_CASE("desk: purge removes tickets closed longer ago than the retention, and records it") {
  Harness h;
  const Customer c = h.enterprise();
  const TakeInResult old = h.desk->take_in(kReceiver, Harness::question(c, Channel::portal, "Opening hours"));
  const Actor handler{ActorKind::agent, old.ticket.assignee.empty() ? "p-01" : old.ticket.assignee};
  h.desk->change_status(handler, {old.ticket.id, 0}, Status::in_progress);
  h.desk->resolve(handler, {old.ticket.id, 0}, "answered");
  h.desk->close(handler, {old.ticket.id, 0});
  const TakeInResult open = h.desk->take_in(kReceiver, Harness::erp_fault(c));

  h.clock->advance(std::chrono::days(1000));
  CHECK(h.desk->purge(kSystem).tickets == 0);  // 1000 days < the default 1096
  h.clock->advance(std::chrono::days(100));
  const Purge p = h.desk->purge(kSystem);
  CHECK(p.tickets == 1);
  CHECK(p.events >= 3);
  CHECK_THROWS_AS(h.desk->show(kSystem, old.ticket.id), Error);
  CHECK(h.desk->show(kSystem, open.ticket.id).ticket.id == open.ticket.id);
  CHECK(h.store->read()->purges().size() == 2);
}
