// Several processes sweeping one store (an SQLite file, a PostgreSQL schema) at the same
// instant hand each due action out once, and together exactly what one sweep would.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "process_harness.hpp"

using namespace reliability;

namespace {

constexpr int kSweepers = 4;
const Instant kStart = at("2026-03-04T01:30:00Z");  // Wednesday 09:30 in Shanghai
const Instant kLater = at("2026-03-09T02:00:00Z");  // the next Monday: first responses overdue

// Takes in 40 tickets, 7 minutes apart from kStart. The same every time (the clock is the
// only input), so two stores seeded so hold the same tickets and owe the same actions.
void seed(const std::string& location) {
  std::shared_ptr<Store> store = open_store(location);
  auto clock = std::make_shared<ManualClock>(kStart);
  auto desk = Desk::open(store, fixture::standard_desk(), clock);
  const std::string customer = register_customer(*desk, 1).id;
  for (int n = 0; n < 40; ++n) {
    desk->take_in(kReceiver, request(customer, n));
    clock->advance(std::chrono::minutes(7));
  }
}

// Sweeps in small batches until nothing is due, reporting "R" once its desk is open, then
// "K key" per action handed out.
int sweeper(const std::string& location, Instant now, int go_fd, int fd) {
  std::shared_ptr<Store> store = open_store(location);
  auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<ManualClock>(now));
  say(fd, "R");
  char go = 0;
  if (::read(go_fd, &go, 1) != 1) return 2;  // all sweepers start together
  for (;;) {
    const Sweep sweep = desk->due(kSystem, 3);
    for (const DueAction& a : sweep.actions) say(fd, "K " + a.key);
    if (sweep.tickets_read == 0) return 0;
  }
}

}  // namespace

TEMPLATE_TEST_CASE("reliability: processes sweeping one store at once hand out each action once", "",
                   TC_RELIABILITY_KINDS) {
  TestType site("sweep");
  TestType oracle("sweep-oracle");
  seed(site.location);
  // The oracle: one sweep alone over a store seeded the same way.
  seed(oracle.location);
  std::set<std::string> expected;
  {
    std::shared_ptr<Store> store = open_store(oracle.location);
    auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<ManualClock>(kLater));
    for (const DueAction& a : desk->due(kSystem).actions) CHECK(expected.insert(a.key).second);
  }
  REQUIRE(expected.size() >= 40);  // every ticket owes at least one action by then

  int go[2];
  REQUIRE(::pipe(go) == 0);
  std::vector<Child> children;
  for (int p = 0; p < kSweepers; ++p)
    children.push_back(Child::spawn([&](int fd) {
      ::close(go[1]);
      return sweeper(site.location, kLater, go[0], fd);
    }));
  ::close(go[0]);
  // Once every child has its desk open, let all of them go at once.
  std::vector<std::string> texts(children.size());
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (std::size_t c = 0; c < children.size(); ++c)
    while (texts[c].find('\n') == std::string::npos && std::chrono::steady_clock::now() < give_up)
      children[c].read_until(std::min(give_up, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)), texts[c]);
  const char bytes[kSweepers] = {};
  REQUIRE(::write(go[1], bytes, kSweepers) == kSweepers);
  ::close(go[1]);

  std::multiset<std::string> handed;
  for (std::size_t c = 0; c < children.size(); ++c) {
    std::string& text = texts[c];
    children[c].read_all(text);
    const int status = children[c].wait();
    for (const std::string& line : lines(text)) {
      INFO(line);
      if (line == "R") continue;
      REQUIRE(line.rfind("K ", 0) == 0);
      handed.insert(line.substr(2));
    }
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  for (const std::string& key : handed) {
    INFO(key);
    CHECK(handed.count(key) == 1);
  }
  CHECK(std::set<std::string>(handed.begin(), handed.end()) == expected);
}
