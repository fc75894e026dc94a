// Contract: published configurations form a history; the latest is current.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

TEMPLATE_TEST_CASE("config: the latest published version is current and the history is oldest first", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = TestType::make();
  CHECK_FALSE(read(*store, [](StoreTransaction& tx) { return tx.current_config(); }).has_value());
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.config_history(); }).empty());
  const StoredConfig v1{"2026-05-01.1", R"({"version":"2026-05-01.1"})", minute(0)};
  const StoredConfig v2{"2026-05-02.1", R"({"version":"2026-05-02.1","note":"工作日"})", minute(60)};
  write(*store, [&](StoreTransaction& tx) { tx.publish_config(v1); });
  CHECK(read(*store, [](StoreTransaction& tx) { return tx.current_config(); }) == v1);
  write(*store, [&](StoreTransaction& tx) { tx.publish_config(v2); });
  auto tx = store->read();
  CHECK(tx->current_config() == v2);
  CHECK(tx->config_history() == std::vector<StoredConfig>{v1, v2});
}

TEMPLATE_TEST_CASE("config: a version is published once", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  const StoredConfig v1{"v1", "{}", minute(0)};
  write(*store, [&](StoreTransaction& tx) { tx.publish_config(v1); });
  auto tx = store->write();
  const auto e = error_of([&] { tx->publish_config({"v1", R"({"other":true})", minute(5)}); });
  CHECK(e.code() == ErrorCode::conflict);
  CHECK(tx->config_history() == std::vector<StoredConfig>{v1});
  CHECK(tx->current_config() == v1);
}

TEMPLATE_TEST_CASE("people: teams and agents are put by id and listed by id", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  auto lead = samples::agent();
  Agent other;
  other.id = "a-01";
  other.name = "Wang Fang";
  const auto support = samples::team();
  Team billing{"billing", "Billing", "", "", "", "", ""};
  write(*store, [&](StoreTransaction& tx) {
    tx.put_agent(lead);
    tx.put_agent(other);
    tx.put_team(support);
    tx.put_team(billing);
  });
  lead.away = false;
  write(*store, [&](StoreTransaction& tx) { tx.put_agent(lead); });  // replaces
  auto tx = store->read();
  CHECK(tx->agents() == std::vector<Agent>{other, lead});
  CHECK(tx->teams() == std::vector<Team>{billing, support});
}
