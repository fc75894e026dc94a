#pragma once
// The PostgreSQL side of the benchmarks: the server PGHOST names (scripts/bench starts a
// throwaway one), a schema of its own per store, raw libpq for what the store does not do,
// and writers in several processes at once, as several application servers would be.

#include <libpq-fe.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pg_bench {

using Clock = std::chrono::steady_clock;

/// Why the benchmarks cannot run, or empty when PGHOST names a server.
inline std::string missing_server() {
  if (!std::getenv("PGHOST")) return "PGHOST is unset: start a server with scripts/pg-server (scripts/bench does)";
  return {};
}

/// The connection string of a store kept in `schema` (libpq takes the server from PGHOST).
inline std::string location(const std::string& schema) { return "options='-c search_path=" + schema + "'"; }

/// A libpq connection of its own: schemas, VACUUM and the raw references, never the store's rows.
class Raw {
 public:
  explicit Raw(const std::string& conninfo = "") : c_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(c_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(c_);
      PQfinish(c_);
      throw std::runtime_error("PostgreSQL: " + message);
    }
    // DROP SCHEMA ... CASCADE lists every table it drops as a notice: not the benchmark's output.
    PQsetNoticeProcessor(c_, [](void*, const char*) {}, nullptr);
  }
  ~Raw() { PQfinish(c_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  /// Runs SQL without parameters (several statements at once are fine).
  void run(const std::string& sql) { PQclear(checked(PQexec(c_, sql.c_str()), sql)); }

  /// The first value of the first row of a query, or "" when there is none.
  std::string value(const std::string& sql) {
    PGresult* r = checked(PQexec(c_, sql.c_str()), sql);
    std::string out = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return out;
  }

  /// Throws with the server's message unless `r` succeeded; returns it.
  PGresult* checked(PGresult* r, const std::string& what) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(c_);
    PQclear(r);
    throw std::runtime_error("PostgreSQL: " + message + " (" + what.substr(0, 80) + ")");
  }

  PGconn* get() { return c_; }

 private:
  PGconn* c_;
};

/// The program's connection for making and dropping schemas.
inline Raw& admin() {
  static Raw connection;
  return connection;
}

/// A fresh, empty schema for one run's store, dropped with all it holds when the run ends.
class Scratch {
 public:
  explicit Scratch(const std::string& tag) {
    static int serial = 0;
    name_ = "tc_bench_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(++serial);
    admin().run("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
  }
  ~Scratch() {
    try {
      admin().run("DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
    } catch (...) {
      // The server is gone: nothing left to drop.
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const std::string& name() const { return name_; }
  std::string location() const { return pg_bench::location(name_); }

 private:
  std::string name_;
};

/// What the clients of one window did together.
struct Together {
  std::int64_t steps = 0;  ///< summed over the clients
  double seconds = 0;      ///< from the parent's go to the last client's report
  std::string error;       ///< the first failure a client reported, or empty
};

namespace detail {

// A client's message to the parent: ready (its connections made) or done. Smaller than
// PIPE_BUF, so the clients' writes to the one pipe never interleave.
struct Message {
  std::int32_t client = 0;
  std::int32_t ready = 0;
  std::int64_t steps = 0;
  char error[256] = {};
};

inline void send(int fd, const Message& m) {
  if (::write(fd, &m, sizeof m) != static_cast<ssize_t>(sizeof m)) ::_exit(3);
}

}  // namespace detail

/// Forks `clients` processes. Client k calls prepare(k), which makes its own store and
/// connections (nothing the parent opened is used after fork) and returns one step (one
/// transaction); then it waits for the parent's go, runs steps until `window` has passed
/// and reports how many. Every client starts at the same go, so the sum over the time to
/// the last report is what they wrote together.
inline Together run_clients(int clients, std::chrono::milliseconds window,
                            const std::function<std::function<void()>(int client)>& prepare) {
  int to_parent[2];
  int go[2];
  if (::pipe(to_parent) != 0 || ::pipe(go) != 0) throw std::runtime_error("pipe failed");
  std::fflush(nullptr);  // nothing buffered twice
  std::vector<pid_t> children;
  for (int k = 0; k < clients; ++k) {
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid > 0) {
      children.push_back(pid);
      continue;
    }
    // The child: it leaves with _exit, so no destructor of the parent's objects (their
    // connections are the parent's sockets too) runs here.
    ::close(to_parent[0]);
    ::close(go[1]);
    detail::Message m;
    m.client = k;
    int code = 0;
    try {
      std::function<void()> step = prepare(k);
      m.ready = 1;
      detail::send(to_parent[1], m);
      char byte = 0;
      if (::read(go[0], &byte, 1) != 1) ::_exit(2);  // the parent is gone
      m.ready = 0;
      const auto end = Clock::now() + window;
      while (Clock::now() < end) {
        step();
        ++m.steps;
      }
    } catch (const std::exception& e) {
      std::snprintf(m.error, sizeof m.error, "client %d: %s", k, e.what());
      code = 1;
    }
    m.ready = 0;
    detail::send(to_parent[1], m);
    ::_exit(code);
  }
  ::close(to_parent[1]);
  ::close(go[0]);

  Together out;
  // A client that dies without a report leaves the others waiting: past a generous wait
  // they are all stopped and the run fails, rather than the program hanging.
  auto fail = [&](const char* why) {
    for (pid_t pid : children) ::kill(pid, SIGKILL);
    for (pid_t pid : children) ::waitpid(pid, nullptr, 0);
    ::close(to_parent[0]);
    ::close(go[1]);
    throw std::runtime_error(why);
  };
  const int patience_ms = static_cast<int>(window.count()) + 120000;
  auto receive = [&](detail::Message& m) {
    pollfd ready{to_parent[0], POLLIN, 0};
    if (::poll(&ready, 1, patience_ms) != 1) fail("a client neither reported nor ended in time");
    if (::read(to_parent[0], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) fail("a client died without a report");
    m.error[sizeof m.error - 1] = 0;
  };
  // Every client ready (or failed before it could be) before any starts.
  int reported = 0;
  for (int k = 0; k < clients; ++k) {
    detail::Message m;
    receive(m);
    if (m.ready) continue;
    ++reported;
    if (out.error.empty()) out.error = m.error;
  }
  const std::string bytes(static_cast<std::size_t>(clients), 'g');
  if (::write(go[1], bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) fail("cannot start the clients");
  const auto start = Clock::now();
  for (; reported < clients; ++reported) {
    detail::Message m;
    receive(m);
    out.steps += m.steps;
    if (m.error[0] && out.error.empty()) out.error = m.error;
  }
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ::close(to_parent[0]);
  ::close(go[1]);
  for (pid_t pid : children) ::waitpid(pid, nullptr, 0);
  return out;
}

}  // namespace pg_bench
