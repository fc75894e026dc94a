// Killing a writer at random moments, on an SQLite file and on a PostgreSQL schema:
// whatever a call returned survives, an SQLite file stays sound, and numbering goes on
// without reusing a number or leaving a gap.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "process_harness.hpp"

using namespace reliability;

namespace {

// The writer: takes in tickets and changes them (comments, status changes), reporting
// "T|C id version last_sequence" after each call returned, "F message" for a failure.
int writer(const std::string& location, const std::vector<std::string>& customers, int round, int fd) {
  std::shared_ptr<Store> store = open_store(location);
  auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
  say(fd, "R");  // open: the work begins
  std::mt19937 rng(static_cast<unsigned>(round) * 7919u + 1);
  std::vector<std::pair<std::string, Status>> mine;  // this round's tickets and their status
  auto report = [&](char what, const Ticket& t, const std::vector<Event>& events) {
    say(fd, std::string(1, what) + " " + t.id + " " + std::to_string(t.version) + " " +
                std::to_string(events.empty() ? 0 : events.back().sequence));
  };
  for (int n = 0;; ++n) {
    try {
      if (mine.empty() || rng() % 3 == 0) {
        const TakeInResult r = desk->take_in(kReceiver, request(customers[rng() % customers.size()], n));
        report('T', r.ticket, r.events);
        mine.emplace_back(r.ticket.id, r.ticket.status);
        continue;
      }
      auto& [id, status] = mine[rng() % mine.size()];
      const Actor handler = kAdmin;  // sees every ticket, whoever holds it
      Change c;
      if (rng() % 2 == 0 && status == Status::assigned)
        c = desk->change_status(handler, {id, 0}, Status::in_progress);
      else if (rng() % 2 == 0 && status == Status::in_progress)
        c = desk->change_status(handler, {id, 0}, Status::pending_customer, "waiting for logs");
      else if (rng() % 2 == 0 && status == Status::pending_customer)
        c = desk->change_status(handler, {id, 0}, Status::in_progress);
      else
        c = desk->comment(handler, {id, 0}, "update " + std::to_string(n));
      status = c.ticket.status;
      report('C', c.ticket, c.events);
    } catch (const Error& e) {
      // A transition the workflow refuses is the command's answer, not a store failure.
      if (e.code() == ErrorCode::invalid_transition) continue;
      say(fd, std::string("F ") + std::string(to_string(e.code())) + ": " + e.what());
      return 1;
    }
  }
}

struct Reported {
  std::int64_t version = 0;
  std::int64_t last_sequence = 0;
};

// What a raw connection says of an SQLite file: PRAGMA integrity_check ("ok").
std::string sqlite_integrity(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out = std::string("cannot open: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) != SQLITE_OK) {
    out = std::string("cannot check: ") + sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(s) == SQLITE_ROW) out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

}  // namespace

TEMPLATE_TEST_CASE("reliability: a writer killed at random moments loses nothing that returned", "",
                   TC_RELIABILITY_KINDS) {
  TestType site("crash");
  std::vector<std::string> customers;
  {
    std::shared_ptr<Store> store = open_store(site.location);
    auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
    for (int c = 0; c < 10; ++c) customers.push_back(register_customer(*desk, c).id);
  }  // closed before any fork: a child opens its own

  std::mt19937 rng(20260304);
  std::map<std::string, Reported> all;  // every ticket a returned call reported, by id
  std::set<std::string> taken_in;
  std::size_t kills_mid_work = 0;
  for (int round = 0; round < 50; ++round) {
    Child child = Child::spawn([&](int fd) { return writer(site.location, customers, round, fd); });
    std::string report;
    // Half the rounds count the delay from the fork, so some kills land while the file
    // opens; half from the writer's "R", so kills land in its work however slow the
    // machine (a sanitizer build opens the desk several times slower).
    if (round % 2 == 1) {
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (report.find("R\n") == std::string::npos && report.find("F ") == std::string::npos &&
             std::chrono::steady_clock::now() < give_up)
        child.read_until(std::min(give_up, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)), report);
    }
    const auto delay = std::chrono::milliseconds(20 + rng() % 400);
    child.read_until(std::chrono::steady_clock::now() + delay, report);
    ::kill(child.pid, SIGKILL);
    child.read_all(report);
    const int status = child.wait();
    INFO("round " << round);
    // The child either was killed, or stopped on its own after reporting a failure.
    std::map<std::string, Reported> round_reports;
    for (const std::string& line : lines(report)) {
      if (line == "R") continue;
      INFO(line);
      REQUIRE(line.rfind("F ", 0) != 0);
      std::istringstream in(line);
      char what = 0;
      std::string id;
      Reported r;
      in >> what >> id >> r.version >> r.last_sequence;
      REQUIRE(in);
      if (what == 'T') {
        CHECK(taken_in.insert(id).second);  // a number handed out once only
        CHECK(r.version == 1);
      }
      round_reports[id] = r;
      all[id] = r;
    }
    REQUIRE(WIFSIGNALED(status));
    if (!round_reports.empty()) ++kills_mid_work;

    if constexpr (TestType::backend == Backend::sqlite) REQUIRE(sqlite_integrity(site.location) == "ok");
    // Whatever the kill broke off was rolled back whole: every reported take-in is stored,
    // numbers are neither twice nor skipped, and the loads are those of the tickets stored.
    std::shared_ptr<Store> store = open_store(site.location);
    auto tx = store->read();
    const std::vector<Ticket> tickets = stored_tickets(*tx);
    CHECK(numbering_problem(*tx, tickets) == "");
    CHECK(load_problem(*tx, tickets) == "");
    std::set<std::string> stored;
    for (const Ticket& t : tickets) stored.insert(t.id);
    for (const std::string& id : taken_in) CHECK(stored.count(id) == 1);

    // What returned is there, with its whole history: this round's tickets, and a sample
    // of the earlier ones (the file only grows; the sample keeps the test quick).
    std::vector<std::pair<std::string, Reported>> check(round_reports.begin(), round_reports.end());
    std::sample(all.begin(), all.end(), std::back_inserter(check), 100, rng);
    for (const auto& [id, r] : check) {
      INFO("ticket " << id);
      const auto t = tx->ticket(id);
      REQUIRE(t);
      CHECK(t->version >= r.version);
      const std::vector<Event> events = tx->events(id);
      CHECK(static_cast<std::int64_t>(events.size()) >= r.last_sequence);
      for (std::size_t k = 0; k < events.size(); ++k) CHECK(events[k].sequence == static_cast<std::int64_t>(k + 1));
    }
  }
  // Kills landed while the writer was working, not only while it opened the file.
  CHECK(kills_mid_work >= 10);
  CHECK(taken_in.size() >= 50);
}
