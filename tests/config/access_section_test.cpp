// The "access" section of a desk document: roles it names replace the standard rights,
// the rest keep them, and a wrong entry is refused at its path.
#include "config/desk_fixtures.hpp"

using namespace ticketcore;
using namespace ticketcore::config_test;

TEST_CASE("config: without an access section a desk has the standard rights") {
  const DeskConfig c = DeskConfig::from_json_text(small_desk().dump());
  CHECK(c.access() == AccessPolicy::standard());
  const RoleRights& agent = c.access().rights(ActorKind::agent);
  CHECK(agent.scope == Scope::assigned);
  CHECK(agent.allows(Permission::handle));
  CHECK_FALSE(agent.allows(Permission::configure));
  CHECK(c.access().rights(ActorKind::customer).scope == Scope::own);
}

TEST_CASE("config: an access section replaces the roles it names and survives the round trip") {
  json doc = small_desk();
  doc["access"]["roles"]["supervisor"] = {{"scope", "all"}, {"may", {"read", "metrics", "read"}}};
  const DeskConfig c = DeskConfig::from_json_text(doc.dump());
  const RoleRights& supervisor = c.access().rights(ActorKind::supervisor);
  CHECK(supervisor.scope == Scope::all);
  CHECK(supervisor.may == std::vector<Permission>{Permission::read, Permission::metrics});  // sorted, once
  CHECK(c.access().rights(ActorKind::agent) == AccessPolicy::standard().rights(ActorKind::agent));
  const DeskConfig again = DeskConfig::from_json_text(c.to_json_text());
  CHECK(again.access() == c.access());
}

TEST_CASE("config: a wrong access entry is refused at its path") {
  json doc = small_desk();
  doc["access"]["roles"]["agent"] = {{"scope", "everything"}, {"may", json::array()}};
  require_refused(doc, "/access/roles/agent/scope", "everything");
  doc = small_desk();
  doc["access"]["roles"]["agent"] = {{"scope", "assigned"}, {"may", {"read", "fly"}}};
  require_refused(doc, "/access/roles/agent/may/1", "fly");
  doc = small_desk();
  doc["access"]["roles"]["janitor"] = {{"scope", "all"}, {"may", json::array()}};
  require_refused(doc, "/access/roles/janitor", "");
  doc = small_desk();
  doc["access"]["roles"]["agent"] = {{"scope", "all"}};
  require_refused(doc, "/access/roles/agent/may", "missing");
}
