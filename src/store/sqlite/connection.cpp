// Connections, their PRAGMAs and statement cache, and the pool (connection.hpp).
#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <thread>

#include "ticketcore/error.hpp"

namespace ticketcore::detail::sqlite {

StatementUse::StatementUse(SQLite::Statement& statement) : statement_(statement) {
  statement_.tryReset();
  statement_.clearBindings();
}

StatementUse::~StatementUse() { statement_.tryReset(); }

Connection::Connection(const std::string& path, const SqliteOptions& options)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX),
      busy_timeout_(options.busy_timeout),
      jitter_(static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(this) >> 4)) {
  // The busy handler first: the PRAGMAs below may wait for another connection's lock.
  sqlite3_busy_handler(db_.getHandle(), &Connection::wait_for_lock, this);
  db_.exec("PRAGMA foreign_keys = ON");   // off unless every connection asks
  db_.exec("PRAGMA secure_delete = ON");  // purged customer data is overwritten, not left in free pages
  // WAL: readers never block the writer nor it them; persistent, but a new file needs it once.
  SQLite::Statement wal(db_, "PRAGMA journal_mode = WAL");
  if (!wal.executeStep() || wal.getColumn(0).getString() != "wal")
    throw Error(ErrorCode::storage, "", path + ": cannot switch the database to WAL mode");
  // 64 MiB of page cache instead of 2: a large write transaction (an import) otherwise
  // spills its changed pages to the WAL and reads them back over and over. The cache
  // grows only as far as the pages a connection touches.
  db_.exec("PRAGMA cache_size = -65536");
  // Statement journals and the other temporary files in memory: a write statement in a
  // transaction keeps one, and as files in /var/tmp they cost ~24 write calls a ticket.
  db_.exec("PRAGMA temp_store = MEMORY");
  // A checkpoint every 10,000 log pages (~40 MiB) instead of 1,000: each one syncs the
  // file twice and copies back pages that the next commits change again; a take-in
  // writes ~22 pages, so the default checkpointed every ~45 take-ins.
  db_.exec("PRAGMA wal_autocheckpoint = 10000");
  db_.exec(options.synchronous == SqliteOptions::Sync::full ? "PRAGMA synchronous = FULL"
                                                            : "PRAGMA synchronous = NORMAL");
}

StatementUse Connection::statement(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end())
    it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  return StatementUse(*it->second);
}

// SQLite's own busy_timeout handler sleeps up to 100 ms between tries. Writers of other
// processes, which find the lock free the moment it is released, then take it in turn
// while a sleeper wakes only into held locks, and can wait out the whole timeout. Short,
// varied sleeps give every waiter a chance at each release.
int Connection::wait_for_lock(void* connection, int calls) {
  auto& self = *static_cast<Connection*>(connection);
  const auto now = std::chrono::steady_clock::now();
  if (calls == 0) self.busy_since_ = now;
  if (now - self.busy_since_ >= self.busy_timeout_) return 0;
  self.jitter_ = self.jitter_ * 1103515245u + 12345u;
  std::this_thread::sleep_for(std::chrono::microseconds(100 + (self.jitter_ >> 16) % 400));
  return 1;
}

bool Connection::autocommit() { return sqlite3_get_autocommit(db_.getHandle()) != 0; }

std::unique_ptr<Connection> Pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  // Opening a file takes a while; not under the lock.
  return storage_errors("opening the database",
                        [&] { return std::make_unique<Connection>(path_, options_); });
}

void Pool::release(std::unique_ptr<Connection> connection, bool healthy) {
  if (!connection || !healthy) return;
  std::unique_ptr<Connection> surplus;  // closed outside the lock
  std::lock_guard lock(mutex_);
  if (idle_.size() < options_.idle_connections)
    idle_.push_back(std::move(connection));
  else
    surplus = std::move(connection);
}

void throw_storage(const char* what, const std::exception& e) {
  // A lock held past the busy timeout is not a broken store: the caller may retry.
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  const int primary = sqlite ? sqlite->getErrorCode() & 0xff : SQLITE_OK;
  const bool locked = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  throw Error(locked ? ErrorCode::busy : ErrorCode::storage, "", std::string("SQLite failed ") + what + ": " + e.what());
}

}  // namespace ticketcore::detail::sqlite
