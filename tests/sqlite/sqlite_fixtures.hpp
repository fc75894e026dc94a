#pragma once
// What the SQLite tests share: a scratch database file and small valid entities.

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <string>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace tc_sqlite_test {

/// A database path in the temp folder, unique per process and call; removed with its WAL files.
class TempDb {
 public:
  TempDb() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("tc_sqlite_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    remove();
  }
  ~TempDb() { remove(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;

  const std::string& path() const { return path_; }

 private:
  void remove() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  std::string path_;
};

inline ticketcore::Instant at(long long seconds) {
  return ticketcore::from_unix(1777593600 + seconds);
}  // 2026-05-01

inline ticketcore::Customer customer(const std::string& id, const std::string& name = "张三") {
  ticketcore::Customer c;
  c.id = id;
  c.name = name;
  c.phones = {"13800000000"};
  c.emails = {"Zhang.San@Example.com"};
  c.created_at = at(0);
  c.updated_at = at(0);
  c.version = 1;
  return c;
}

inline ticketcore::Ticket ticket(const std::string& id, const std::string& customer_id,
                                 const std::string& subject, long long created = 0) {
  ticketcore::Ticket t;
  t.id = id;
  t.customer_id = customer_id;
  t.subject = subject;
  t.created_at = at(created);
  t.updated_at = at(created);
  t.version = 1;
  return t;
}

inline ticketcore::Event comment(const std::string& ticket_id, std::int64_t sequence,
                                 const std::string& text) {
  ticketcore::Event e;
  e.sequence = sequence;
  e.ticket_id = ticket_id;
  e.kind = ticketcore::EventKind::public_comment;
  e.actor = "agent1";
  e.at = at(sequence);
  e.payload.emplace("text", text);
  return e;
}

}  // namespace tc_sqlite_test
