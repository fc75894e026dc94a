// Four processes of four threads on one store (an SQLite file, a PostgreSQL schema):
// numbers stay unique and gap-free, every update that returned is in the history once,
// the loads match the tickets, a stale version is Error(conflict), and waiting for a
// lock never surfaces as a failure.
#include <catch2/catch.hpp>

#include <fcntl.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "process_harness.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace reliability;

namespace {

constexpr int kProcesses = 4;
constexpr int kThreads = 4;
// Agents a hot ticket is handed to: reassignments move loads while take-ins add to them.
const std::vector<std::string> kAgents = {"t-lead", "t-01", "t-02", "p-01", "c-01", "v-01"};

// One process: one Desk shared by its threads. Each thread, until the deadline, takes in
// a ticket now and then, reassigns a shared ticket now and then, and otherwise comments on
// one of the few shared tickets with the version it has just read, so that writers of all
// processes collide. The shared tickets belong to different customers, so that on a
// backend with row locks their writers also run side by side. Reports "T id", "S id text"
// (the comment returned), "A id" (a reassignment returned), "X" (a conflict), "F message"
// (a failure).
int worker(const std::string& location, const std::vector<std::string>& hot, const std::vector<std::string>& customers,
           int process, std::chrono::steady_clock::time_point deadline, int fd) {
  std::shared_ptr<Store> store = open_store(location);
  auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
  std::mutex out_mutex;
  std::vector<std::string> out;
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      std::mt19937 rng(static_cast<unsigned>(process * 100 + thread));
      std::vector<std::string> mine;
      const Actor handler = kAdmin;  // sees every hot ticket, whoever holds it
      for (int n = 0; std::chrono::steady_clock::now() < deadline; ++n) {
        const auto began = std::chrono::steady_clock::now();
        // How long a failed call waited, for the report: a busy timeout shows as ~10 s.
        auto waited = [&] {
          return " (after " +
                 std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began).count()) +
                 " ms)";
        };
        try {
          const unsigned dice = rng() % 10;
          if (dice < 2) {
            mine.push_back("T " + desk->take_in(kReceiver, request(customers[rng() % customers.size()], n)).ticket.id);
            continue;
          }
          const std::string& id = hot[rng() % hot.size()];
          if (dice == 2) {
            try {
              desk->assign(handler, {id, 0}, kAgents[rng() % kAgents.size()]);
              mine.push_back("A " + id);
            } catch (const Error& e) {
              if (e.code() != ErrorCode::invalid_input) throw;  // it is that agent's already
            }
            continue;
          }
          const std::int64_t version = desk->store().read()->ticket(id)->version;
          const std::string text = "p" + std::to_string(process) + "-t" + std::to_string(thread) + "-" + std::to_string(n);
          desk->internal_comment(handler, {id, version}, text);
          mine.push_back("S " + id + " " + text);
        } catch (const Error& e) {
          mine.push_back(e.code() == ErrorCode::conflict ? std::string("X")
                                                         : "F " + std::string(to_string(e.code())) + ": " + e.what() + waited());
        } catch (const std::exception& e) {
          mine.push_back(std::string("F ") + e.what() + waited());
        }
      }
      std::lock_guard lock(out_mutex);
      out.insert(out.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : threads) t.join();
  for (const std::string& line : out) say(fd, line.substr(0, 3000));
  return 0;
}

}  // namespace

TEMPLATE_TEST_CASE("reliability: four processes of four threads lose no update and never fail for a busy store", "",
                   TC_RELIABILITY_KINDS) {
  TestType site("concurrency");
  std::vector<std::string> hot;
  std::vector<std::string> customers;
  {
    std::shared_ptr<Store> store = open_store(site.location);
    auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
    for (int c = 0; c < 8; ++c) customers.push_back(register_customer(*desk, c).id);
    for (int n = 0; n < 6; ++n) hot.push_back(desk->take_in(kReceiver, request(customers[n], n)).ticket.id);
  }  // closed before any fork: a child opens its own

  // 20 s, under CTest too (TICKETCORE_RELIABILITY_SECONDS changes it).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds_from_env(20));
  std::vector<Child> children;
  for (int p = 0; p < kProcesses; ++p)
    children.push_back(Child::spawn([&, p](int fd) { return worker(site.location, hot, customers, p, deadline, fd); }));
  std::vector<std::string> report;
  for (Child& child : children) {
    std::string text;
    child.read_all(text);  // the child writes its report at the end, then exits
    const int status = child.wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (std::string& line : lines(text)) report.push_back(std::move(line));
  }

  std::size_t conflicts = 0;
  std::size_t reassigned = 0;
  std::set<std::string> taken_in;
  std::map<std::string, std::multiset<std::string>> returned;  // hot ticket -> comment texts
  std::size_t successes = 0;
  for (const std::string& line : report) {
    INFO(line);
    REQUIRE(line.rfind("F ", 0) != 0);  // a busy store waits; it never fails the call
    std::istringstream in(line);
    std::string what, id, text;
    in >> what >> id >> text;
    if (what == "X") ++conflicts;
    if (what == "A") ++reassigned;
    if (what == "T") CHECK(taken_in.insert(id).second);
    if (what == "S") {
      returned[id].insert(text);
      ++successes;
    }
  }
  INFO(successes << " comments returned, " << conflicts << " conflicts, " << taken_in.size() << " take-ins, "
                 << reassigned << " reassignments");
  CHECK(successes > 0);
  CHECK(conflicts > 0);  // the versions did collide, so the check below means something
  CHECK(!taken_in.empty());
  CHECK(reassigned > 0);

  std::shared_ptr<Store> store = open_store(site.location);
  auto tx = store->read();
  for (const std::string& id : hot) {
    INFO("ticket " << id);
    std::multiset<std::string> stored;
    const std::vector<Event> events = tx->events(id);
    for (std::size_t k = 0; k < events.size(); ++k) {
      CHECK(events[k].sequence == static_cast<std::int64_t>(k + 1));
      if (events[k].kind == EventKind::internal_comment)
        stored.insert(events::read_payload<events::InternalComment>(events[k]).text);
    }
    // Exactly the comments that returned: none lost, none written twice, none written by a call that failed.
    CHECK(stored == returned[id]);
    CHECK(tx->ticket(id)->version >= static_cast<std::int64_t>(returned[id].size()) + 1);
  }
  const std::vector<Ticket> tickets = stored_tickets(*tx);
  std::set<std::string> ids;
  for (const Ticket& t : tickets) ids.insert(t.id);
  for (const std::string& id : taken_in) CHECK(ids.count(id) == 1);
  CHECK(tickets.size() == taken_in.size() + hot.size());  // no take-in that failed left a ticket
  CHECK(numbering_problem(*tx, tickets) == "");
  CHECK(load_problem(*tx, tickets) == "");
}
