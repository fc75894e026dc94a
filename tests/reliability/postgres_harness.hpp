#pragma once
// PostgreSQL for the reliability tests that need more than a schema: a private
// throwaway server a test may restart, and a raw session to watch the server's lock waits.

#ifdef TICKETCORE_WITH_POSTGRESQL

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/postgres/connection.hpp"

namespace reliability {

/// Throws what CTest reads as "skipped" unless PGHOST names a server: a run without one
/// does not test the PostgreSQL backend (tests/postgres_scratch.hpp says the same).
inline void require_postgres() {
  if (!std::getenv("PGHOST"))
    throw std::runtime_error("PGHOST is unset: the PostgreSQL backend is not tested (scripts/test sets it)");
}

/// A location for open_store: the database PGHOST names, in `schema`, with the sessions
/// called `application` (pg_stat_activity.application_name) and, when given, one more
/// setting ("deadlock_timeout=5s").
inline std::string postgres_location(const std::string& schema, const std::string& application,
                                     const std::string& setting = "") {
  std::string options = "-csearch_path%3D" + schema;
  if (!setting.empty()) {
    const auto eq = setting.find('=');
    options += "%20-c" + setting.substr(0, eq) + "%3D" + setting.substr(eq + 1);
  }
  return "postgresql:///?options=" + options + "&application_name=" + application;
}

/// A PostgreSQL server of the test's own (scripts/pg-server) in a scratch directory,
/// stopped and removed with this object. A test that restarts a server restarts this
/// one: the PGHOST server is shared by every PostgreSQL test running at the same time
/// (ctest -j) and perhaps by other checkouts.
class PrivateServer {
 public:
  explicit PrivateServer(const std::string& tag) {
    require_postgres();
    const char* tmp = std::getenv("TMPDIR");
    // The socket lives in dir_: its path must stay under ~100 bytes.
    dir_ = std::string(tmp && *tmp && std::string(tmp).size() < 40 ? tmp : "/tmp") + "/ticketcore-reliability-" + tag +
           "-" + std::to_string(::getpid());
    if (shell(script() + " start " + dir_ + " >/dev/null 2>" + dir_ + ".err") != 0)
      throw std::runtime_error("scripts/pg-server could not start a server in " + dir_ + ": " + slurp(dir_ + ".err"));
    watch();
  }
  ~PrivateServer() {
    // The watcher stops the server when told to; should it be gone, stop it here.
    if (watcher_ > 0 && ::kill(watcher_, SIGTERM) == 0) {
      int status = 0;
      while (::waitpid(watcher_, &status, 0) < 0 && errno == EINTR) {
      }
    }
    shell(stop_command());
  }
  PrivateServer(const PrivateServer&) = delete;
  PrivateServer& operator=(const PrivateServer&) = delete;

  /// Its postgres database, for open_store.
  std::string location() const { return "postgresql:///postgres?host=" + dir_ + "&port=5432&user=postgres"; }
  /// Its postgres database, as a libpq connection string.
  std::string conninfo() const { return "host=" + dir_ + " port=5432 user=postgres dbname=postgres"; }

  /// Restarts it with pg_ctl (mode: "fast" ends the sessions and checkpoints, "immediate"
  /// kills it as a crash would, so that it recovers from its WAL) and waits until it
  /// accepts connections again; pg_ctl's exit status (0: restarted).
  int restart(const std::string& mode) const {
    // As root the cluster belongs to postgres (scripts/pg-server); pg_ctl restart starts
    // it with the options of the first start, its output into the server's log, never
    // into this test's (CTest would wait for the server to close it).
    return shell("bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); as=; "
                 "[ \"$(id -u)\" -ne 0 ] || as='runuser -u postgres --'; "
                 "$as \"$bin/pg_ctl\" -D " + dir_ + "/data -l " + dir_ + "/server.log -m " + mode +
                 " -w restart >>" + dir_ + ".err 2>&1 </dev/null");
  }

  /// What pg_ctl said, for a failure's message.
  std::string log() const { return slurp(dir_ + ".err"); }

 private:
  static std::string script() { return std::string(TICKETCORE_DATA_DIR) + "/../scripts/pg-server"; }
  std::string stop_command() const {
    return script() + " stop " + dir_ + " >/dev/null 2>&1 </dev/null; rm -f " + dir_ + ".err";
  }

  // Forks a watcher that stops the server on SIGTERM, which the kernel also sends it when
  // this process dies without its destructor (CTest's timeout, a SIGPIPE): in a session
  // of its own, so that a kill of this process group leaves it to do so.
  void watch() {
    const std::string command = stop_command();  // built before the fork: the child only execs
    const pid_t parent = ::getpid();
    std::fflush(nullptr);
    watcher_ = ::fork();
    if (watcher_ != 0) return;
    ::setsid();
    const int null = ::open("/dev/null", O_RDWR);  // none of the test's output pipes kept open
    for (int fd = 0; fd <= 2; ++fd) ::dup2(null, fd);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    ::sigprocmask(SIG_BLOCK, &term, nullptr);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    int got = 0;
    if (::getppid() == parent) ::sigwait(&term, &got);  // else the parent died already
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  static int shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  }
  static std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string dir_;
  pid_t watcher_ = -1;
};

/// Waits until at least `n` sessions called `application` wait for a lock; false when they
/// have not after a minute. A test provoking a deadlock takes its second lock only once
/// the other side waits, so that the order of the waits is known.
inline bool wait_for_lock_waiters(const std::string& application, int n) {
  ticketcore::detail::postgres::Connection watcher("", ticketcore::PostgresOptions{});
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (std::chrono::steady_clock::now() < give_up) {
    const auto r = watcher.exec(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
        ticketcore::detail::postgres::Params().text(application));
    if (r.integer(0, 0) >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace reliability

#endif  // TICKETCORE_WITH_POSTGRESQL
