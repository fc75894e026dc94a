// Killing a writer at random moments: whatever a call returned survives, the file stays
// sound, and numbering goes on without reusing a number.
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
int writer(const std::string& path, const std::vector<std::string>& customers, int round, int fd) {
  std::shared_ptr<Store> store = SqliteStore::open(path);
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

// What a raw connection sees of the file: PRAGMA integrity_check, the ticket numbers
// stored, and the ticket counters' sum (the counters are numbered per period).
struct RawLook {
  std::string integrity;
  std::vector<std::string> ids;
  std::int64_t counted = 0;
};

RawLook raw_look(const std::string& path) {
  RawLook out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out.integrity = std::string("cannot open: ") + sqlite3_errmsg(db);
    sqlite3_close(db);
    return out;
  }
  auto each_row = [&](const char* sql, auto&& row) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
      out.integrity += std::string(" cannot run ") + sql + ": " + sqlite3_errmsg(db);
      return;
    }
    while (sqlite3_step(s) == SQLITE_ROW) row(s);
    sqlite3_finalize(s);
  };
  each_row("PRAGMA integrity_check",
           [&](sqlite3_stmt* s) { out.integrity += reinterpret_cast<const char*>(sqlite3_column_text(s, 0)); });
  each_row("SELECT id FROM tickets",
           [&](sqlite3_stmt* s) { out.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))); });
  each_row("SELECT coalesce(sum(value), 0) FROM counters WHERE name LIKE 'ticket:%'",
           [&](sqlite3_stmt* s) { out.counted = sqlite3_column_int64(s, 0); });
  sqlite3_close(db);
  return out;
}

}  // namespace

TEST_CASE("reliability: a writer killed at random moments loses nothing that returned") {
  TempDb db("crash");
  std::vector<std::string> customers;
  {
    std::shared_ptr<Store> store = SqliteStore::open(db.path);
    auto desk = Desk::open(store, fixture::standard_desk(), std::make_shared<SystemClock>());
    for (int c = 0; c < 10; ++c) customers.push_back(register_customer(*desk, c).id);
  }  // closed before any fork

  std::mt19937 rng(20260304);
  std::map<std::string, Reported> all;  // every ticket a returned call reported, by id
  std::set<std::string> taken_in;
  std::size_t kills_mid_work = 0;
  for (int round = 0; round < 50; ++round) {
    Child child = Child::spawn([&](int fd) { return writer(db.path, customers, round, fd); });
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

    const RawLook look = raw_look(db.path);
    REQUIRE(look.integrity == "ok");
    // No number twice: every reported take-in is stored once, and the ticket counters
    // have moved past every number stored (a rolled-back take-in gives its number back).
    const std::set<std::string> stored(look.ids.begin(), look.ids.end());
    CHECK(stored.size() == look.ids.size());
    for (const std::string& id : taken_in) CHECK(stored.count(id) == 1);
    CHECK(look.counted >= static_cast<std::int64_t>(stored.size()));

    // What returned is there, with its whole history: this round's tickets, and a sample
    // of the earlier ones (the file only grows; the sample keeps the test quick).
    std::vector<std::pair<std::string, Reported>> check(round_reports.begin(), round_reports.end());
    std::sample(all.begin(), all.end(), std::back_inserter(check), 100, rng);
    std::shared_ptr<Store> store = SqliteStore::open(db.path);
    auto tx = store->read();
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
