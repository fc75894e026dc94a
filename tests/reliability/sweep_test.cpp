// Several processes sweeping one file at the same instant hand each due action out once,
// and together exactly what one sweep would.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <set>
#include <thread>

#include "process_harness.hpp"

using namespace reliability;

namespace {

constexpr int kSweepers = 3;

// Sweeps in small batches until nothing is due, reporting "K key" per action handed out.
int sweeper(const std::string& path, Instant now, int go_fd, int fd) {
  std::shared_ptr<Store> store = SqliteStore::open(path);
  auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<ManualClock>(now));
  char go = 0;
  if (::read(go_fd, &go, 1) != 1) return 2;  // all sweepers start together
  for (;;) {
    const Sweep sweep = desk->due(kSystem, 3);
    for (const DueAction& a : sweep.actions) say(fd, "K " + a.key);
    if (sweep.tickets_read == 0) return 0;
  }
}

}  // namespace

TEST_CASE("reliability: processes sweeping one file at once hand out each action once") {
  TempDb db("sweep");
  TempDb copy("sweep-copy");
  const Instant start = at("2026-03-04T01:30:00Z");  // Wednesday 09:30 in Shanghai
  const Instant later = at("2026-03-09T02:00:00Z");  // the next Monday: first responses overdue
  {
    std::shared_ptr<Store> store = SqliteStore::open(db.path);
    auto clock = std::make_shared<ManualClock>(start);
    auto desk = Desk::open(store, fixture::standard_desk(), clock);
    const std::string customer = register_customer(*desk, 1).id;
    for (int n = 0; n < 40; ++n) {
      desk->take_in(kReceiver, request(customer, n));
      clock->advance(std::chrono::minutes(7));
    }
  }
  // The oracle: one sweep over a copy of the file.
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    const std::string sql = "VACUUM INTO '" + copy.path + "'";
    REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  std::set<std::string> expected;
  {
    std::shared_ptr<Store> store = SqliteStore::open(copy.path);
    auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<ManualClock>(later));
    for (const DueAction& a : desk->due(kSystem).actions) CHECK(expected.insert(a.key).second);
  }
  REQUIRE(expected.size() >= 40);  // every ticket owes at least one action by then

  int go[2];
  REQUIRE(::pipe(go) == 0);
  std::vector<Child> children;
  for (int p = 0; p < kSweepers; ++p)
    children.push_back(Child::spawn([&](int fd) {
      ::close(go[1]);
      return sweeper(db.path, later, go[0], fd);
    }));
  ::close(go[0]);
  // Give each child time to open its desk, then let all of them go at once.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const char bytes[kSweepers] = {};
  REQUIRE(::write(go[1], bytes, kSweepers) == kSweepers);
  ::close(go[1]);

  std::multiset<std::string> handed;
  for (Child& child : children) {
    std::string text;
    child.read_all(text);
    const int status = child.wait();
    for (const std::string& line : lines(text)) {
      INFO(line);
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
