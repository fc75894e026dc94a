// A SqliteTransaction's life cycle, people, counters, keys, configurations and purges
// (transaction.hpp).
#include "store/sqlite/transaction.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "store/records.hpp"
#include "store/sqlite/search_rows.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::sqlite {

SqliteTransaction::SqliteTransaction(std::shared_ptr<Pool> pool, bool writes)
    : pool_(std::move(pool)),
      writer_(writes ? std::unique_lock(pool_->writer_turn()) : std::unique_lock<std::mutex>()),
      connection_(pool_->acquire()),
      writes_(writes) {
  // SQLite answers BUSY at once, without its busy handler, in some WAL states (another
  // connection recovering or checkpointing the log): keep trying until the busy timeout.
  const auto deadline = std::chrono::steady_clock::now() + pool_->busy_timeout();
  for (;;) {
    try {
      connection_->statement(writes_ ? "BEGIN IMMEDIATE" : "BEGIN")->exec();
      break;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) == SQLITE_BUSY && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::microseconds(500));
        continue;
      }
      const bool healthy = connection_->autocommit();
      pool_->release(std::move(connection_), healthy);
      throw_storage(writes_ ? "beginning a write transaction" : "beginning a read transaction", e);
    }
  }
  open_ = true;
}

SqliteTransaction::~SqliteTransaction() {
  if (open_) abandon();
  pool_->release(std::move(connection_), healthy_);
}

void SqliteTransaction::abandon() noexcept {
  open_ = false;
  try {
    if (!connection_->autocommit()) connection_->statement("ROLLBACK")->exec();
  } catch (const SQLite::Exception&) {
    healthy_ = false;
  }
}

Connection& SqliteTransaction::live() {
  if (!open_)
    throw Error(ErrorCode::storage, "",
                "the transaction has finished (committed, or rolled back by SQLite after an error)");
  return *connection_;
}

void SqliteTransaction::notice_rollback() {
  if (open_ && connection_->autocommit()) open_ = false;
}

void SqliteTransaction::commit() {
  Connection& c = live();
  try {
    c.statement("COMMIT")->exec();
  } catch (const SQLite::Exception& e) {
    notice_rollback();
    throw_storage("committing", e);
  }
  open_ = false;
}

// ---- The desk's people and the assignment state ----

namespace {

template <class T>
std::vector<T> all_entities(Connection& c, const char* table) {
  auto s = c.statement(std::string("SELECT json FROM ") + table + " ORDER BY id");
  std::vector<T> out;
  while (s->executeStep()) out.push_back(read_entity<T>(s->getColumn(0).getString(), table));
  return out;
}

template <class T>
void put_entity(Connection& c, const char* table, const T& value) {
  auto s = c.statement(std::string("INSERT INTO ") + table +
                       " (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json");
  s->bind(1, value.id);
  s->bind(2, entity_json(value));
  s->exec();
}

}  // namespace

std::vector<Team> SqliteTransaction::teams() {
  return reading("reading teams", [&](Connection& c) { return all_entities<Team>(c, "teams"); });
}

void SqliteTransaction::put_team(const Team& team) {
  writing("writing a team", [&](Connection& c) { put_entity(c, "teams", team); });
}

std::vector<Agent> SqliteTransaction::agents() {
  return reading("reading agents", [&](Connection& c) { return all_entities<Agent>(c, "agents"); });
}

void SqliteTransaction::put_agent(const Agent& agent) {
  writing("writing an agent", [&](Connection& c) { put_entity(c, "agents", agent); });
}

Workload SqliteTransaction::workload() {
  return reading("reading the workload", [&](Connection& c) {
    Workload w;
    {
      auto s = c.statement("SELECT agent, open_tickets FROM agent_load");
      while (s->executeStep())
        w.open_tickets.emplace(s->getColumn(0).getString(), s->getColumn(1).getInt64());
    }
    auto s = c.statement("SELECT team, agent FROM cursors");
    while (s->executeStep())
      w.last_assigned.emplace(s->getColumn(0).getString(), s->getColumn(1).getString());
    return w;
  });
}

void SqliteTransaction::save_cursors(const Workload& workload) {
  writing("saving the round-robin cursors", [&](Connection& c) {
    c.statement("DELETE FROM cursors")->exec();
    auto s = c.statement("INSERT INTO cursors (team, agent) VALUES (?, ?)");
    for (const auto& [team, agent] : workload.last_assigned) {
      s->reset();
      s->bind(1, team);
      s->bind(2, agent);
      s->exec();
    }
  });
}

void SqliteTransaction::add_load(const std::string& agent, std::int64_t delta) {
  Connection& c = *connection_;
  if (delta > 0) {
    auto s = c.statement(
        "INSERT INTO agent_load (agent, open_tickets) VALUES (?1, ?2) "
        "ON CONFLICT (agent) DO UPDATE SET open_tickets = open_tickets + ?2");
    s->bind(1, agent);
    s->bind(2, delta);
    s->exec();
    return;
  }
  {
    auto s = c.statement("UPDATE agent_load SET open_tickets = open_tickets + ? WHERE agent = ?");
    s->bind(1, delta);
    s->bind(2, agent);
    s->exec();
  }
  // An agent without open tickets has no row, as a Workload has no entry.
  auto s = c.statement("DELETE FROM agent_load WHERE agent = ? AND open_tickets <= 0");
  s->bind(1, agent);
  s->exec();
}

// ---- Counters and handed-out keys ----

std::int64_t SqliteTransaction::next_number(std::string_view counter) {
  return writing("taking the next number", [&](Connection& c) {
    // The counter row is written inside this transaction, under its write lock: no two
    // transactions get one number, and a rollback gives it back.
    auto s = c.statement(
        "INSERT INTO counters (name, value) VALUES (?, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
    s->bind(1, std::string(counter));
    s->executeStep();
    const auto value = s->getColumn(0).getInt64();
    while (s->executeStep()) {
    }
    return value;
  });
}

std::vector<std::pair<std::string, std::int64_t>> SqliteTransaction::counters() {
  return reading("reading counters", [&](Connection& c) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto s = c.statement("SELECT name, value FROM counters ORDER BY name");
    while (s->executeStep()) out.emplace_back(s->getColumn(0).getString(), s->getColumn(1).getInt64());
    return out;
  });
}

void SqliteTransaction::set_counter(std::string_view counter, std::int64_t value) {
  writing("setting a counter", [&](Connection& c) {
    if (value < 0) throw_invalid("/value", "a counter's value must be >= 0, not " + std::to_string(value));
    auto s = c.statement(
        "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = "
        "excluded.value");
    s->bind(1, std::string(counter));
    s->bind(2, value);
    s->exec();
  });
}

std::vector<bool> SqliteTransaction::hand_out(std::span<const HandedOutKey> keys) {
  // In the savepoint of writing(): a key of an unknown ticket part way undoes those before it.
  return writing("handing out keys", [&](Connection& c) {
    std::vector<bool> fresh;
    fresh.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      {
        auto s = c.statement("SELECT 1 FROM tickets WHERE id = ?");
        s->bind(1, keys[i].ticket_id);
        if (!s->executeStep())
          throw Error(ErrorCode::not_found, std::string("/").append(std::to_string(i)).append("/ticket_id"),
                      "no ticket \"" + keys[i].ticket_id + "\"");
      }
      auto s = c.statement(
          "INSERT INTO handed_out_keys (key, ticket_id, at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING");
      s->bind(1, keys[i].key);
      s->bind(2, keys[i].ticket_id);
      s->bind(3, std::int64_t{to_unix(keys[i].at)});
      fresh.push_back(s->exec() == 1);
    }
    return fresh;
  });
}

std::vector<HandedOutKey> SqliteTransaction::handed_out(std::string_view ticket_id) {
  return reading("reading handed-out keys", [&](Connection& c) {
    std::vector<HandedOutKey> out;
    auto s = c.statement("SELECT key, ticket_id, at FROM handed_out_keys WHERE ticket_id = ? ORDER BY key");
    s->bind(1, std::string(ticket_id));
    while (s->executeStep())
      out.push_back(
          {s->getColumn(0).getString(), s->getColumn(1).getString(), from_unix(s->getColumn(2).getInt64())});
    return out;
  });
}

// ---- Configuration history ----

namespace {

StoredConfig config_row(SQLite::Statement& s) {
  return {s.getColumn(0).getString(), s.getColumn(1).getString(), from_unix(s.getColumn(2).getInt64())};
}

}  // namespace

void SqliteTransaction::publish_config(const StoredConfig& config) {
  writing("publishing a configuration", [&](Connection& c) {
    auto s = c.statement(
        "INSERT INTO configs (version, text, published_at) VALUES (?, ?, ?) ON CONFLICT (version) DO "
        "NOTHING");
    s->bind(1, config.version);
    s->bind(2, config.text);
    s->bind(3, std::int64_t{to_unix(config.published_at)});
    if (s->exec() == 0)
      throw Error(ErrorCode::conflict, "/version",
                  "configuration version \"" + config.version + "\" is published already");
  });
}

std::optional<StoredConfig> SqliteTransaction::current_config() {
  return reading("reading the current configuration", [&](Connection& c) -> std::optional<StoredConfig> {
    auto s = c.statement("SELECT version, text, published_at FROM configs ORDER BY ordinal DESC LIMIT 1");
    if (!s->executeStep()) return std::nullopt;
    return config_row(*s);
  });
}

std::vector<StoredConfig> SqliteTransaction::config_history() {
  return reading("reading the configuration history", [&](Connection& c) {
    std::vector<StoredConfig> out;
    auto s = c.statement("SELECT version, text, published_at FROM configs ORDER BY ordinal");
    while (s->executeStep()) out.push_back(config_row(*s));
    return out;
  });
}

// ---- Retention ----

namespace {

void insert_purge(Connection& c, const Purge& purge) {
  auto s = c.statement("INSERT INTO purges (at, closed_before, tickets, events) VALUES (?, ?, ?, ?)");
  s->bind(1, std::int64_t{to_unix(purge.at)});
  s->bind(2, std::int64_t{to_unix(purge.closed_before)});
  s->bind(3, purge.tickets);
  s->bind(4, purge.events);
  s->exec();
}

}  // namespace

Purge SqliteTransaction::purge(Instant closed_before, Instant now) {
  return writing("purging", [&](Connection& c) {
    Purge record{now, closed_before, 0, 0};
    std::vector<std::pair<std::int64_t, std::string>> doomed;
    {
      // Only finished tickets go; none of them counts towards an agent's load.
      auto s = c.statement(
          "SELECT row, id FROM tickets WHERE status IN ('closed', 'cancelled', 'merged') "
          "AND coalesce(closed_at, updated_at) < ?");
      s->bind(1, std::int64_t{to_unix(closed_before)});
      while (s->executeStep()) doomed.emplace_back(s->getColumn(0).getInt64(), s->getColumn(1).getString());
    }
    for (const auto& [row, id] : doomed) {
      auto remove = [&](const char* sql, const auto& key) {
        auto s = c.statement(sql);
        s->bind(1, key);
        return s->exec();
      };
      record.events += remove("DELETE FROM events WHERE ticket_id = ?", id);
      remove("DELETE FROM handed_out_keys WHERE ticket_id = ?", id);
      remove("DELETE FROM ticket_tags WHERE ticket_id = ?", id);
      delete_search_row(c, row);
      record.tickets += remove("DELETE FROM tickets WHERE row = ?", row);
    }
    insert_purge(c, record);
    return record;
  });
}

std::vector<Purge> SqliteTransaction::purges() {
  return reading("reading purges", [&](Connection& c) {
    std::vector<Purge> out;
    auto s = c.statement("SELECT at, closed_before, tickets, events FROM purges ORDER BY ordinal");
    while (s->executeStep())
      out.push_back({from_unix(s->getColumn(0).getInt64()), from_unix(s->getColumn(1).getInt64()),
                     s->getColumn(2).getInt64(), s->getColumn(3).getInt64()});
    return out;
  });
}

void SqliteTransaction::record_purge(const Purge& purge) {
  writing("recording a purge", [&](Connection& c) { insert_purge(c, purge); });
}

// ---- The audit log ----

std::int64_t SqliteTransaction::append_audit(const AuditEntry& entry) {
  return writing("appending to the audit log", [&](Connection& c) {
    auto s = c.statement(
        "INSERT INTO audit_log (at, actor_kind, actor_id, action, customer_id, ticket_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s->bind(1, std::int64_t{to_unix(entry.at)});
    s->bind(2, std::string(to_string(entry.actor.kind)));
    s->bind(3, entry.actor.id);
    s->bind(4, std::string(to_string(entry.action)));
    s->bind(5, entry.customer_id);
    s->bind(6, entry.ticket_id);
    s->bind(7, entry.detail);
    s->exec();
    return c.db().getLastInsertRowid();
  });
}

}  // namespace ticketcore::detail::sqlite
