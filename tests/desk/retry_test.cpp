// The Desk runs a use case again when the database rolled its transaction back for a
// concurrent one (RolledBack), a bounded number of times, each time from the start.
#include <catch2/catch.hpp>

#include "desk_harness.hpp"

using namespace desk_test;

namespace {

// A store whose next `failures` write transactions are rolled back before they begin,
// as PostgreSQL does to the victim of a deadlock; it counts the write transactions asked for.
class RollingBackStore : public Store {
 public:
  explicit RollingBackStore(std::shared_ptr<Store> inner) : inner_(std::move(inner)) {}
  std::unique_ptr<StoreTransaction> read() override { return inner_->read(); }
  std::unique_ptr<StoreTransaction> write() override {
    ++writes;
    if (failures > 0) {
      --failures;
      throw RolledBack("deadlock detected (a test's)");
    }
    return inner_->write();
  }
  int failures = 0;
  int writes = 0;

 private:
  std::shared_ptr<Store> inner_;
};

}  // namespace

TEST_CASE("retry: a use case rolled back twice runs a third time from its start and succeeds", "[desk][retry]") {
  auto store = std::make_shared<RollingBackStore>(MemoryStore::create());
  Harness h(store);
  const Customer c = h.enterprise();

  store->failures = 2;
  store->writes = 0;
  const TakeInResult in = h.desk->take_in(kReceiver, Harness::erp_fault(c));
  CHECK(store->writes == 3);
  CHECK(in.ticket.id == "202603-001");  // the month's first: the failed attempts used up no number

  // A customer update carries the version the caller saw: the retry must not bump it twice.
  Customer changed = h.desk->customer(kAdmin, c.id);
  changed.name = "Hangzhou Lianhe Manufacturing Group";
  store->failures = 1;
  const Customer updated = h.desk->update_customer(kAdmin, changed);
  CHECK(updated.version == c.version + 1);
  CHECK(updated.name == "Hangzhou Lianhe Manufacturing Group");

  store->failures = 1;
  const Customer second = h.enterprise("Ningbo Harbour Logistics");
  CHECK(second.id != c.id);
}

TEST_CASE("retry: a use case rolled back every time fails with busy after five attempts and writes nothing", "[desk][retry]") {
  auto store = std::make_shared<RollingBackStore>(MemoryStore::create());
  Harness h(store);
  const Customer c = h.enterprise();
  const std::string before = h.dump();

  store->failures = 100;
  store->writes = 0;
  try {
    h.desk->take_in(kReceiver, Harness::erp_fault(c));
    FAIL("take_in succeeded");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::busy);
    CHECK(dynamic_cast<const RolledBack*>(&e) != nullptr);
  }
  CHECK(store->writes == 5);
  CHECK(h.dump() == before);
}
