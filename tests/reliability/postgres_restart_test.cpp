// A PostgreSQL server restarting under writing processes, first fast, then immediate (a
// crash): the writers' calls fail with storage while it is away, the writers go on by
// themselves once it is back, and nothing a call returned is lost.
#include <catch2/catch.hpp>

#ifdef TICKETCORE_WITH_POSTGRESQL

#include <fcntl.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "postgres_harness.hpp"
#include "process_harness.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace reliability;

namespace {

constexpr int kWriters = 3;
constexpr int kThreadsPerWriter = 2;
constexpr int kAcksAround = 5;  // calls each writer has returned before a restart, and after it

// steady_clock is CLOCK_MONOTONIC: one clock for every process, so the parent can tell
// which of a writer's lines came after a restart had finished.
std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// One writer process: threads taking in tickets and commenting on their own ones until
// `stop_fd` reads end of file. Every line carries the time it was written: "T ns id" and
// "C ns id text" for calls that returned, "E ns message" for a call that failed with
// storage (the server is away), "F ns message" for any other failure, which ends it.
int writer(const std::string& location, const std::vector<std::string>& customers, int process, int stop_fd, int fd) {
  std::shared_ptr<Store> store = open_store(location);
  auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
  auto stopped = [&] {
    pollfd p{stop_fd, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  };
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreadsPerWriter; ++thread) {
    threads.emplace_back([&, thread] {
      std::mt19937 rng(static_cast<unsigned>(process * 100 + thread));
      std::vector<std::string> mine;
      for (int n = 0; !stopped() && !failed; ++n) {
        try {
          if (mine.empty() || rng() % 3 == 0) {
            const std::string id = desk->take_in(kReceiver, request(customers[rng() % customers.size()], n)).ticket.id;
            say(fd, "T " + std::to_string(now_ns()) + " " + id);
            mine.push_back(id);
          } else {
            const std::string& id = mine[rng() % mine.size()];
            const std::string text = "w" + std::to_string(process) + "-t" + std::to_string(thread) + "-" + std::to_string(n);
            desk->comment(kAdmin, {id, 0}, text);
            say(fd, "C " + std::to_string(now_ns()) + " " + id + " " + text);
          }
        } catch (const Error& e) {
          // One line per report: libpq's messages span several.
          std::string what = std::string(to_string(e.code())) + ": " + std::string(e.what()).substr(0, 300);
          std::replace(what.begin(), what.end(), '\n', ' ');
          if (e.code() != ErrorCode::storage) {
            say(fd, "F " + std::to_string(now_ns()) + " " + what);
            failed = true;
            return;
          }
          say(fd, "E " + std::to_string(now_ns()) + " " + what);
          // A client backs off a little while its server is away.
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  return failed ? 1 : 0;
}

// A report line: its kind ('T', 'C', 'E', 'F'), its time, and the rest.
struct Line {
  char kind = 0;
  std::int64_t ns = 0;
  std::string rest;
};

std::vector<Line> parse(const std::string& text) {
  std::vector<Line> out;
  for (const std::string& line : lines(text)) {
    Line l;
    std::istringstream in(line);
    in >> l.kind >> l.ns;
    std::getline(in >> std::ws, l.rest);
    out.push_back(std::move(l));
  }
  return out;
}

// How many calls of a writer returned after `since`.
std::size_t acks_after(const std::string& text, std::int64_t since) {
  std::size_t n = 0;
  for (const Line& l : parse(text))
    if ((l.kind == 'T' || l.kind == 'C') && l.ns > since) ++n;
  return n;
}

// When the server last started, as it says.
std::string started_at(const PrivateServer& server) {
  ticketcore::detail::postgres::Connection c(server.conninfo(), ticketcore::PostgresOptions{});
  return c.exec("SELECT pg_postmaster_start_time()::text").string(0, 0);
}

}  // namespace

TEST_CASE("reliability: writers go on by themselves after PostgreSQL restarts and lose nothing that returned") {
  PrivateServer server("restart");
  const std::string location = server.location();
  std::vector<std::string> customers;
  {
    auto desk = Desk::open(open_store(location), fixture::standard_desk(), std::make_shared<SystemClock>());
    for (int c = 0; c < 4; ++c) customers.push_back(register_customer(*desk, c).id);
  }  // closed before any fork: a child opens its own

  // Closing the parent's end stops the writers: close-on-exec, so that the restarted
  // server, started through pg_ctl by this process, holds no copy that would keep them going.
  int stop[2];
  REQUIRE(::pipe2(stop, O_CLOEXEC) == 0);
  std::vector<Child> children;
  for (int p = 0; p < kWriters; ++p)
    children.push_back(Child::spawn([&, p](int fd) {
      ::close(stop[1]);
      return writer(location, customers, p, stop[0], fd);
    }));
  ::close(stop[0]);
  std::vector<std::string> texts(children.size());
  // Reads every writer's lines until `done` holds or a minute has passed; whether it held.
  auto pump_until = [&](auto&& done) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (!done()) {
      if (std::chrono::steady_clock::now() > give_up) return false;
      for (std::size_t c = 0; c < children.size(); ++c)
        children[c].read_until(std::chrono::steady_clock::now() + std::chrono::milliseconds(10), texts[c]);
    }
    return true;
  };
  auto every_writer_acked_after = [&](std::int64_t since) {
    return [&, since] {
      for (const std::string& text : texts)
        if (acks_after(text, since) < kAcksAround) return false;
      return true;
    };
  };

  std::int64_t mark = 0;
  for (const std::string mode : {"fast", "immediate"}) {
    INFO("restart " << mode);
    // Every writer is at work when the server goes.
    REQUIRE(pump_until(every_writer_acked_after(mark)));
    const std::string before = started_at(server);
    const std::int64_t began = now_ns();
    auto restarted = std::async(std::launch::async, [&] { return server.restart(mode); });
    pump_until([&] { return restarted.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    const int status = restarted.get();
    INFO(server.log());
    REQUIRE(status == 0);
    mark = now_ns();
    CHECK(started_at(server) != before);
    // Every writer has its calls returning again, with no help: its store reconnected.
    REQUIRE(pump_until(every_writer_acked_after(mark)));
    std::size_t errors = 0;
    for (const std::string& text : texts)
      for (const Line& l : parse(text))
        if (l.kind == 'E' && l.ns >= began && l.ns <= mark) ++errors;
    CHECK(errors > 0);  // the writers did write while the server was away
  }
  ::close(stop[1]);  // the writers stop
  for (std::size_t c = 0; c < children.size(); ++c) {
    // A writer that has not stopped a minute later fails the test instead of hanging it.
    children[c].read_until(std::chrono::steady_clock::now() + std::chrono::minutes(1), texts[c]);
    ::kill(children[c].pid, SIGKILL);  // still ours to wait for: the pid is not reused before
    children[c].read_all(texts[c]);
    const int status = children[c].wait();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  std::set<std::string> taken_in;
  std::map<std::string, std::set<std::string>> commented;  // ticket -> texts of comments that returned
  std::size_t errors = 0;
  for (const std::string& text : texts)
    for (const Line& l : parse(text)) {
      INFO(l.kind << " " << l.rest);
      CHECK(l.kind != 'F');
      if (l.kind == 'E') ++errors;
      if (l.kind == 'T') CHECK(taken_in.insert(l.rest).second);
      if (l.kind == 'C') {
        const auto space = l.rest.find(' ');
        commented[l.rest.substr(0, space)].insert(l.rest.substr(space + 1));
      }
    }
  INFO(taken_in.size() << " take-ins and " << errors << " failed calls");

  // Every call that returned is kept; a call that failed may be kept too (the server may
  // have committed it as it went), but nothing is kept twice nor half.
  auto store = open_store(location);
  auto tx = store->read();
  const std::vector<Ticket> tickets = stored_tickets(*tx);
  std::set<std::string> ids;
  for (const Ticket& t : tickets) ids.insert(t.id);
  for (const std::string& id : taken_in) CHECK(ids.count(id) == 1);
  CHECK(numbering_problem(*tx, tickets) == "");
  CHECK(load_problem(*tx, tickets) == "");
  for (const auto& [id, texts_returned] : commented) {
    INFO("ticket " << id);
    std::multiset<std::string> stored;
    const std::vector<Event> events = tx->events(id);
    for (std::size_t k = 0; k < events.size(); ++k) {
      CHECK(events[k].sequence == static_cast<std::int64_t>(k + 1));
      if (events[k].kind == EventKind::public_comment)
        stored.insert(events::read_payload<events::PublicComment>(events[k]).text);
    }
    for (const std::string& text : texts_returned) CHECK(stored.count(text) == 1);
    for (const std::string& text : stored) CHECK(stored.count(text) == 1);
  }
}

#endif  // TICKETCORE_WITH_POSTGRESQL
