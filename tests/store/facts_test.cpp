// Contract: a ticket's report row is stored beside it (put_facts), streamed by created_at
// period and by the asking actor's scope (scan_facts), and goes with the ticket in a purge.
#include <catch2/catch.hpp>

#include <algorithm>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

// A facts row with every kind of value set, so a backend that drops one is caught.
TicketFacts facts_for(const Ticket& t, const std::string& team, const std::string& assignee) {
  TicketFacts f;
  f.id = t.id;
  f.created_at = t.created_at;
  f.first_response_at = t.created_at + std::chrono::minutes(5);
  f.resolved_at = t.created_at + std::chrono::hours(2);
  f.status = Status::resolved;
  f.resolved = true;
  f.team = team;
  f.assignee = assignee;
  f.request_type = RequestType::complaint;
  f.subtype = "billing";
  f.priority = "P2";
  f.channel = Channel::email;
  f.tier = CustomerTier::vip;
  f.complaint = true;
  f.reopens = 1;
  f.reassignments = 2;
  f.escalations = 3;
  f.first_response_seconds = 300;
  f.first_response_business_seconds = 240;
  f.resolution_seconds = 7200;
  f.resolution_business_seconds = 3600;
  f.sla[0] = {SlaOutcome::met, std::nullopt};
  f.sla[1] = {SlaOutcome::breached, std::nullopt};
  f.sla[2] = {SlaOutcome::not_applicable, std::nullopt};
  f.sla[3] = {SlaOutcome::pending, t.created_at + std::chrono::hours(8)};
  f.rated = true;
  f.efficiency = 4;
  f.attitude = 5;
  f.effectiveness = 3;
  f.next_due_at = t.created_at + std::chrono::hours(8);
  return f;
}

std::vector<TicketFacts> scan(Store& store, const FactsScan& s) {
  std::vector<TicketFacts> out;
  read(store, [&](StoreTransaction& tx) { tx.scan_facts(s, [&](const TicketFacts& f) { out.push_back(f); }); });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

std::vector<std::string> ids_of(const std::vector<TicketFacts>& rows) {
  std::vector<std::string> out;
  for (const auto& f : rows) out.push_back(f.id);
  return out;
}

// Four tickets at minutes 10, 20, 30, 40: two customers, two teams, two agents.
template <class Backend>
std::unique_ptr<Store> store_with_facts() {
  auto store = store_with_customers<Backend>();
  write(*store, [](StoreTransaction& tx) {
    const struct {
      const char* id;
      const char* customer;
      int minute;
      const char* team;
      const char* agent;
    } rows[] = {{"T1", "C001", 10, "t-net", "ann"},
                {"T2", "C001", 20, "t-hw", "bob"},
                {"T3", "C002", 30, "t-net", "bob"},
                {"T4", "C002", 40, "t-hw", ""}};
    for (const auto& r : rows) {
      const auto t = ticket(r.id, r.customer, minute(r.minute));
      tx.insert_ticket(t, {});
      tx.put_facts(facts_for(t, r.team, r.agent));
    }
  });
  return store;
}

}  // namespace

TEMPLATE_TEST_CASE("facts: a stored row reads back equal, and a second put replaces it", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_facts<TestType>();
  const auto t1 = ticket("T1", "C001", minute(10));
  CHECK(scan(*store, {minute(10), minute(11), {}}) == std::vector<TicketFacts>{facts_for(t1, "t-net", "ann")});
  auto changed = facts_for(t1, "t-hw", "");
  changed.status = Status::in_progress;
  changed.resolved = false;
  changed.open = true;
  changed.resolved_at.reset();
  changed.resolution_seconds.reset();
  changed.resolution_business_seconds.reset();
  changed.sla[3] = {SlaOutcome::pending, std::nullopt};
  changed.rated = false;
  changed.efficiency = changed.attitude = changed.effectiveness = 0;
  write(*store, [&](StoreTransaction& tx) { tx.put_facts(changed); });
  CHECK(scan(*store, {minute(0), minute(100), {}}).size() == 4);
  CHECK(scan(*store, {minute(10), minute(11), {}}) == std::vector<TicketFacts>{changed});
}

TEMPLATE_TEST_CASE("facts: the scan takes the rows created from its start up to its end", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_facts<TestType>();
  CHECK(ids_of(scan(*store, {minute(0), minute(100), {}})) == std::vector<std::string>{"T1", "T2", "T3", "T4"});
  CHECK(ids_of(scan(*store, {minute(20), minute(40), {}})) == std::vector<std::string>{"T2", "T3"});
  CHECK(ids_of(scan(*store, {minute(21), minute(41), {}})) == std::vector<std::string>{"T3", "T4"});
  CHECK(scan(*store, {minute(40), minute(40), {}}).empty());
  CHECK(scan(*store, {minute(41), minute(100), {}}).empty());
}

TEMPLATE_TEST_CASE("facts: the scan keeps to the scope", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_facts<TestType>();
  const FactsScan period{minute(0), minute(100), {}};
  auto scoped = [&](QueryScope scope) {
    FactsScan s = period;
    s.scope = std::move(scope);
    return ids_of(scan(*store, s));
  };
  CHECK(scoped({"bob", std::nullopt, ""}) == std::vector<std::string>{"T2", "T3"});
  CHECK(scoped({std::nullopt, std::vector<std::string>{"t-net"}, ""}) == std::vector<std::string>{"T1", "T3"});
  CHECK(scoped({std::nullopt, std::vector<std::string>{"t-net", "t-hw"}, ""}) ==
        std::vector<std::string>{"T1", "T2", "T3", "T4"});
  CHECK(scoped({std::nullopt, std::vector<std::string>{}, ""}).empty());  // no teams: nothing
  CHECK(scoped({std::nullopt, std::nullopt, "C002"}) == std::vector<std::string>{"T3", "T4"});
  CHECK(scoped({"bob", std::vector<std::string>{"t-hw"}, "C001"}) == std::vector<std::string>{"T2"});
}

TEMPLATE_TEST_CASE("facts: a row for an unknown ticket is refused and nothing is written", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_facts<TestType>();
  auto tx = store->write();
  try {
    tx->put_facts(facts_for(ticket("nope", "C001", minute(50)), "t-net", "ann"));
    FAIL("put_facts accepted an unknown ticket");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
    CHECK(e.path() == "/ticket_id");
  }
  std::size_t rows = 0;
  tx->scan_facts({minute(0), minute(100), {}}, [&](const TicketFacts&) { ++rows; });
  CHECK(rows == 4);
}

TEMPLATE_TEST_CASE("facts: a purge deletes the purged tickets' rows and keeps the others", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_facts<TestType>();
  write(*store, [](StoreTransaction& tx) {
    auto t = *tx.ticket("T2");
    t.status = Status::closed;
    t.closed_at = minute(50);
    t.version = 2;
    tx.update_ticket(t, {});
  });
  Purge record;
  write(*store, [&](StoreTransaction& tx) { record = tx.purge(minute(60), minute(500)); });
  CHECK(record.tickets == 1);
  CHECK(ids_of(scan(*store, {minute(0), minute(100), {}})) == std::vector<std::string>{"T1", "T3", "T4"});
}
