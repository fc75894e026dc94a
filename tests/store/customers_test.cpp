// Contract: customers are stored whole, versioned, and listed by filters in id order.
#include <catch2/catch.hpp>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

TEMPLATE_TEST_CASE("customers: a stored customer reads back field for field", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  const auto full = samples::customer();  // every field set, version 3 as if imported
  write(*store, [&](StoreTransaction& tx) { tx.insert_customer(full); });
  CHECK(read(*store, [&](StoreTransaction& tx) { return tx.customer(full.id); }) == full);
  CHECK_FALSE(read(*store, [](StoreTransaction& tx) { return tx.customer("C404"); }).has_value());
}

TEMPLATE_TEST_CASE("customers: a second insert of an id is a conflict", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  auto tx = store->write();
  auto again = customer("C001", "Someone else");
  const auto e = error_of([&] { tx->insert_customer(again); });
  CHECK(e.code() == ErrorCode::conflict);
  CHECK(tx->customer("C001")->name == "Zhang Wei");
}

TEMPLATE_TEST_CASE("customers: a customer must be stored with version 1 or more", "[store]", TC_STORE_BACKENDS) {
  auto store = TestType::make();
  auto tx = store->write();
  auto c = customer("C001");
  c.version = 0;
  const auto e = error_of([&] { tx->insert_customer(c); });
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/version");
  CHECK_FALSE(tx->customer("C001").has_value());
}

TEMPLATE_TEST_CASE("customers: an update must carry the stored version plus one", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  auto tx = store->write();
  auto c = *tx->customer("C001");
  c.name = "Zhang Wei (renamed)";
  c.version = 1;  // not bumped: someone read version 1 and so did we
  CHECK(code_of([&] { tx->update_customer(c); }) == ErrorCode::conflict);
  c.version = 3;  // skips one
  CHECK(code_of([&] { tx->update_customer(c); }) == ErrorCode::conflict);
  CHECK(tx->customer("C001")->version == 1);
  c.version = 2;
  tx->update_customer(c);
  CHECK(tx->customer("C001") == c);
  CHECK(code_of([&] { tx->update_customer(c); }) == ErrorCode::conflict);  // 2 again is stale now
  auto stranger = customer("C404");
  stranger.version = 2;
  CHECK(code_of([&] { tx->update_customer(stranger); }) == ErrorCode::not_found);
}

namespace {

// Seven customers with phones, emails, names, tags and tiers to filter on.
template <class Backend>
std::unique_ptr<Store> customer_directory() {
  auto store = Backend::make();
  write(*store, [](StoreTransaction& tx) {
    auto add = [&](const char* id, const char* name, const char* phone, const char* email, CustomerTier tier,
                   std::vector<std::string> tags) {
      auto c = customer(id, name);
      c.phones = {phone, "400-800-0000"};
      c.emails = {email};
      c.tier = tier;
      c.tags = std::move(tags);
      tx.insert_customer(c);
    };
    add("C007", "张伟", "13800000007", "zw@Example.com", CustomerTier::vip, {"frequent buyer"});
    add("C002", "张三丰", "13800000002", "sf@example.com", CustomerTier::normal, {});
    add("C005", "Zhang Li", "13800000005", "zl@example.com", CustomerTier::strategic, {"frequent buyer"});
    add("C001", "李娜", "13800000001", "ln@example.com", CustomerTier::vip, {"price sensitive"});
    add("C004", "Zhangjiakou Steel", "13800000004", "ZJK@EXAMPLE.COM", CustomerTier::normal, {});
    add("C003", "王芳", "13800000003", "wf@example.com", CustomerTier::vip, {"frequent buyer", "vip"});
    add("C006", "zhang lower", "13800000006", "zlow@example.com", CustomerTier::normal, {});
  });
  return store;
}

// The ids a query finds; `set` fills in its filters.
template <class F>
std::vector<std::string> find(Store& store, F&& set) {
  CustomerQuery q;
  set(q);
  auto tx = store.read();
  return ids(tx->customers(q).customers);
}

}  // namespace

TEMPLATE_TEST_CASE("customers: each filter of a customer query", "[store]", TC_STORE_BACKENDS) {
  auto store = customer_directory<TestType>();
  using V = std::vector<std::string>;
  CHECK(find(*store, [](CustomerQuery&) {}) == V{"C001", "C002", "C003", "C004", "C005", "C006", "C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.phone = "13800000005"; }) == V{"C005"});
  CHECK(find(*store, [](CustomerQuery& q) { q.phone = "1380000000"; }).empty());  // exact, not a prefix
  CHECK(find(*store, [](CustomerQuery& q) { q.phone = "400-800-0000"; }).size() == 7);
  CHECK(find(*store, [](CustomerQuery& q) { q.email = "ZW@example.COM"; }) == V{"C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.email = "zjk@example.com"; }) == V{"C004"});
  CHECK(find(*store, [](CustomerQuery& q) { q.email = "example.com"; }).empty());
  CHECK(find(*store, [](CustomerQuery& q) { q.name_prefix = "张"; }) == V{"C002", "C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.name_prefix = "张三"; }) == V{"C002"});
  CHECK(find(*store, [](CustomerQuery& q) { q.name_prefix = "Zhang"; }) == V{"C004", "C005"});  // bytes: case counts
  CHECK(find(*store, [](CustomerQuery& q) { q.tag = "frequent buyer"; }) == V{"C003", "C005", "C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.tag = "frequent"; }).empty());
  CHECK(find(*store, [](CustomerQuery& q) { q.tier = CustomerTier::vip; }) == V{"C001", "C003", "C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.tag = "frequent buyer"; q.tier = CustomerTier::vip; }) == V{"C003", "C007"});
  CHECK(find(*store, [](CustomerQuery& q) { q.phone = "13800000001"; q.tier = CustomerTier::normal; }).empty());
}

TEMPLATE_TEST_CASE("customers: pages cover every customer once in id order", "[store]", TC_STORE_BACKENDS) {
  auto store = customer_directory<TestType>();
  auto tx = store->read();
  CustomerQuery q;
  q.limit = 3;
  std::vector<std::string> seen;
  std::vector<std::size_t> sizes;
  do {
    auto page = tx->customers(q);
    sizes.push_back(page.customers.size());
    for (const auto& id : ids(page.customers)) seen.push_back(id);
    q.after = page.next_cursor;
  } while (!q.after.empty());
  CHECK(seen == std::vector<std::string>{"C001", "C002", "C003", "C004", "C005", "C006", "C007"});
  CHECK(sizes == std::vector<std::size_t>{3, 3, 1});

  CustomerQuery vip;
  vip.tier = CustomerTier::vip;
  vip.limit = 2;
  auto first = tx->customers(vip);
  CHECK(ids(first.customers) == std::vector<std::string>{"C001", "C003"});
  REQUIRE_FALSE(first.next_cursor.empty());
  vip.after = first.next_cursor;
  auto second = tx->customers(vip);
  CHECK(ids(second.customers) == std::vector<std::string>{"C007"});
  CHECK(second.next_cursor.empty());
}

TEMPLATE_TEST_CASE("customers: a full last page names no next page", "[store]", TC_STORE_BACKENDS) {
  auto store = customer_directory<TestType>();
  auto tx = store->read();
  CustomerQuery q;
  q.limit = 7;
  auto page = tx->customers(q);
  CHECK(page.customers.size() == 7);
  CHECK(page.next_cursor.empty());
}

TEMPLATE_TEST_CASE("customers: a limit outside 1 to 1000 or a foreign cursor is refused", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = customer_directory<TestType>();
  auto tx = store->read();
  for (std::size_t limit : {std::size_t{0}, std::size_t{1001}}) {
    CustomerQuery q;
    q.limit = limit;
    const auto e = error_of([&] { tx->customers(q); });
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/limit");
  }
  CustomerQuery most;
  most.limit = 1000;
  CHECK(tx->customers(most).customers.size() == 7);
  CustomerQuery foreign;
  foreign.after = "not a cursor";
  const auto e = error_of([&] { tx->customers(foreign); });
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/after");
}
