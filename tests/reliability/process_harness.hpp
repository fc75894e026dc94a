#pragma once
// Child processes for the reliability tests: fork, run a function, _exit (a child never
// runs Catch2's teardown nor flushes the parent's stdio buffers), and report lines to
// the parent over a pipe. The backends they run on (an SQLite file, a PostgreSQL schema),
// and what every test checks of a store afterwards: the numbering and the loads.
//
// The parent holds no store connection across a fork (each child opens its own); the
// one exception is the PostgreSQL scratch schemas' admin connection, which a child never
// uses and leaves with _exit.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands/desk_fixture.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/open_store.hpp"
#ifdef TICKETCORE_WITH_POSTGRESQL
#include "postgres_scratch.hpp"
#endif

namespace reliability {

using namespace ticketcore;
using fixture::at;

inline const Actor kReceiver{ActorKind::agent, "p-01"};
inline const Actor kSystem{ActorKind::system, ""};
inline const Actor kAdmin{ActorKind::admin, "m-01"};

/// A database file under $TMPDIR (or /tmp) for one test; removed with its WAL when it ends.
struct TempDb {
  std::string path;
  explicit TempDb(const std::string& tag) {
    const char* dir = std::getenv("TMPDIR");
    path = std::string(dir && *dir ? dir : "/tmp") + "/ticketcore-reliability-" + tag + "-" +
           std::to_string(getpid()) + ".db";
    remove();
  }
  ~TempDb() { remove(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
  }
};

/// The backends a test runs on, for TEMPLATE_TEST_CASE(..., TC_RELIABILITY_KINDS): each
/// gives the location every process opens with open_store, as hosts and the CLI do.
enum class Backend { sqlite, postgres };

/// An SQLite file of its own.
struct SqliteKind {
  static constexpr Backend backend = Backend::sqlite;
  TempDb file;
  std::string location = file.path;
  explicit SqliteKind(const std::string& tag) : file(tag) {}
};

#ifdef TICKETCORE_WITH_POSTGRESQL
/// A PostgreSQL schema of its own on the server PGHOST names (without PGHOST the test
/// fails with "PGHOST is unset", which CTest reports as skipped).
struct PostgresKind {
  static constexpr Backend backend = Backend::postgres;
  std::string location;
  explicit PostgresKind(const std::string&)
      : location("postgresql:///?options=-csearch_path%3D" + tc_postgres_test::scratch().next_schema()) {}
};
#define TC_RELIABILITY_KINDS SqliteKind, PostgresKind
#else
#define TC_RELIABILITY_KINDS SqliteKind
#endif

/// The seconds a timed test runs: TICKETCORE_RELIABILITY_SECONDS, else `fallback`.
inline int seconds_from_env(int fallback) {
  if (const char* env = std::getenv("TICKETCORE_RELIABILITY_SECONDS")) {
    const int s = std::atoi(env);
    if (s > 0) return s;
  }
  return fallback;
}

/// Writes one line to a pipe or file in one write(2): a line under PIPE_BUF arrives whole.
inline void say(int fd, const std::string& line) {
  const std::string text = line + "\n";
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) _exit(90);  // the parent is gone: nothing left to report to
    done += static_cast<std::size_t>(n);
  }
}

/// A child process running `body(write_fd)`; its exit code is what body returns (70 for an
/// exception, which the child also reports as an "F" line).
struct Child {
  pid_t pid = -1;
  int read_fd = -1;  // the parent's end of the child's report pipe

  template <class Body>
  static Child spawn(Body&& body) {
    int fds[2];
    // Close-on-exec: a program the parent runs (a server it restarts) keeps no end of it.
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);  // nothing buffered before the fork is written twice
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      ::close(fds[0]);
      int code = 70;
      try {
        code = body(fds[1]);
      } catch (const std::exception& e) {
        say(fds[1], std::string("F exception: ") + e.what());
      } catch (...) {
        say(fds[1], "F unknown exception");
      }
      _exit(code);
    }
    ::close(fds[1]);
    return Child{pid, fds[0]};
  }

  /// Reads what has arrived until `deadline` (or EOF), appending to `out`.
  void read_until(std::chrono::steady_clock::time_point deadline, std::string& out) {
    char buf[65536];
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return;
      pollfd p{read_fd, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      const ssize_t n = ::read(read_fd, buf, sizeof buf);
      if (n <= 0) return;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }

  /// Reads everything up to EOF (the child has exited or been killed).
  void read_all(std::string& out) {
    char buf[65536];
    for (;;) {
      const ssize_t n = ::read(read_fd, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }

  /// Waits for the child; its wait status.
  int wait() {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    ::close(read_fd);
    read_fd = -1;
    return status;
  }
};

/// The complete lines of a report (a line cut off by a kill is dropped).
inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  return out;
}

/// A customer registered through a desk.
inline Customer register_customer(Desk& desk, int n) {
  Customer c;
  c.kind = CustomerKind::enterprise;
  c.name = "Customer " + std::to_string(n);
  c.phones = {"1381234" + std::to_string(1000 + n)};
  return desk.register_customer(kReceiver, c);
}

/// A request that the standard preset routes to the technical support team.
inline Ticket request(const std::string& customer_id, int n) {
  Ticket t;
  t.customer_id = customer_id;
  t.channel = n % 2 ? Channel::phone : Channel::email;
  t.request_type = n % 3 ? RequestType::technical_support : RequestType::consultation;
  if (t.request_type == RequestType::technical_support) t.subtype = "software_fault";
  t.subject = n % 2 ? "ERP 订单模块无法登录" : "Invoice export times out";
  t.urgency = static_cast<Urgency>(n % 4);
  t.impact.users_affected = n % 40;
  t.attributes["product"] = std::string("erp");
  return t;
}

/// Every ticket stored, in id order (the store's own query, page by page).
inline std::vector<Ticket> stored_tickets(StoreTransaction& tx) {
  std::vector<Ticket> out;
  TicketQuery query;
  query.order = TicketOrder::id;
  query.limit = 1000;
  do {
    TicketPage page = tx.tickets(query);
    for (Ticket& t : page.tickets) out.push_back(std::move(t));
    query.after = page.next_cursor;
  } while (!query.after.empty());
  return out;
}

/// What is wrong with the numbers of `tickets`, every ticket `tx` holds, or "": each
/// number stored once, in each period (the id without its trailing serial) the serials
/// 1..n without a gap, and as many tickets as the ticket counters handed out numbers (a
/// rolled-back take-in gives its number back).
inline std::string numbering_problem(StoreTransaction& tx, const std::vector<Ticket>& tickets) {
  std::map<std::string, std::set<std::int64_t>> serials;  // period prefix -> serials
  for (const Ticket& t : tickets) {
    std::size_t cut = t.id.size();
    while (cut > 0 && std::isdigit(static_cast<unsigned char>(t.id[cut - 1]))) --cut;
    if (cut == t.id.size() || cut == 0) return "ticket number without a period and a serial: " + t.id;
    if (!serials[t.id.substr(0, cut)].insert(std::stoll(t.id.substr(cut))).second) return "ticket number twice: " + t.id;
  }
  for (const auto& [period, numbers] : serials)
    if (*numbers.begin() != 1 || *numbers.rbegin() != static_cast<std::int64_t>(numbers.size()))
      return "period " + period + " has " + std::to_string(numbers.size()) + " tickets numbered " +
             std::to_string(*numbers.begin()) + " to " + std::to_string(*numbers.rbegin());
  std::int64_t counted = 0;
  for (const auto& [name, value] : tx.counters())
    if (name.starts_with("ticket:")) counted += value;
  if (counted != static_cast<std::int64_t>(tickets.size()))
    return "the ticket counters handed out " + std::to_string(counted) + " numbers for " +
           std::to_string(tickets.size()) + " tickets stored";
  return "";
}

/// What is wrong with the open tickets per assignee `tx` keeps, or "": they must be those
/// of `tickets`, every ticket it holds (an agent without any: absent, or 0).
inline std::string load_problem(StoreTransaction& tx, const std::vector<Ticket>& tickets) {
  std::map<std::string, std::int64_t> counted;
  for (const Ticket& t : tickets)
    if (is_open(t.status) && !t.assignee.empty()) ++counted[t.assignee];
  std::map<std::string, std::int64_t> kept;
  for (const auto& [agent, n] : tx.workload().open_tickets)
    if (n != 0) kept.emplace(agent, n);
  if (kept == counted) return "";
  std::string out = "stored loads:";
  for (const auto& [agent, n] : kept) out += " " + agent + "=" + std::to_string(n);
  out += "; open tickets:";
  for (const auto& [agent, n] : counted) out += " " + agent + "=" + std::to_string(n);
  return out;
}

}  // namespace reliability
