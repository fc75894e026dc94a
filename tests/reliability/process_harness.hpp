#pragma once
// Child processes for the reliability tests: fork, run a function, _exit (a child never
// runs Catch2's teardown nor flushes the parent's stdio buffers), and report lines to
// the parent over a pipe. The parent holds no SQLite connection across a fork.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands/desk_fixture.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/sqlite_store.hpp"

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
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
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

/// A customer registered through a desk on the file.
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

}  // namespace reliability
