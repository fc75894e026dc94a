// A PostgresTransaction's life cycle, people, counters, keys, configurations, purges and
// audit log (transaction.hpp).
#include "store/postgres/transaction.hpp"

#include <set>

#include "store/records.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::postgres {

PostgresTransaction::PostgresTransaction(std::shared_ptr<Pool> pool, bool writes)
    : pool_(std::move(pool)), writes_(writes) {
  const char* begin = writes_ ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                              : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
  connection_ = pool_->acquire();
  try {
    connection_->send(begin);  // goes with the first statement, in its round trip
  } catch (const PqError& e) {
    connection_.reset();
    throw_storage(writes_ ? "beginning a write transaction" : "beginning a read transaction", e);
  }
  open_ = true;
}

PostgresTransaction::~PostgresTransaction() {
  if (open_) abandon();
  pool_->release(std::move(connection_));
}

void PostgresTransaction::abandon() noexcept {
  open_ = false;
  try {
    if (connection_->in_transaction()) connection_->run("ROLLBACK");
  } catch (...) {
    // The connection is broken or lost; release() does not pool it again.
  }
}

Connection& PostgresTransaction::live() {
  if (!open_)
    throw Error(ErrorCode::storage, "",
                "the transaction has finished (committed, or rolled back after an error of the server)");
  return *connection_;
}

void PostgresTransaction::require_writes(const char* what) const {
  if (!writes_)
    throw Error(ErrorCode::storage, "", std::string("a read transaction cannot write (") + what + ")");
}

void PostgresTransaction::rethrow(const char* what) {
  try {
    throw;
  } catch (const PqError& e) {
    abandon();
    throw_storage(what, e);
  }
}

void PostgresTransaction::commit() {
  Connection& c = live();
  try {
    c.run("COMMIT");
  } catch (const PqError& e) {
    abandon();
    throw_storage("committing", e);
  }
  open_ = false;
}

// ---- The desk's people and the assignment state ----

namespace {

template <class T>
std::vector<T> all_entities(Connection& c, const char* table) {
  const auto r = c.exec(std::string("SELECT json FROM ") + table + " ORDER BY id");
  std::vector<T> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_entity<T>(r.text(i, 0), table));
  return out;
}

template <class T>
void put_entity(Connection& c, const char* table, const T& value) {
  c.exec(std::string("INSERT INTO ") + table +
             " (id, json) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
         Params().text(value.id).text(entity_json(value)));
}

}  // namespace

std::vector<Team> PostgresTransaction::teams() {
  return reading("reading teams", [&](Connection& c) { return all_entities<Team>(c, "teams"); });
}

void PostgresTransaction::put_team(const Team& team) {
  writing_unguarded("writing a team", [&](Connection& c) { put_entity(c, "teams", team); });
}

std::vector<Agent> PostgresTransaction::agents() {
  return reading("reading agents", [&](Connection& c) { return all_entities<Agent>(c, "agents"); });
}

void PostgresTransaction::put_agent(const Agent& agent) {
  writing_unguarded("writing an agent", [&](Connection& c) { put_entity(c, "agents", agent); });
}

namespace {

// A writer that reads the workload assigns from it: assignments across servers take turns
// here until commit, so two of them never pick from the same cursor.
constexpr const char* kAssignmentLock = "SELECT pg_advisory_xact_lock(hashtext('ticketcore assignment ' || current_schema()))";
// Both tables in one statement, sent after the lock in its round trip and run after it: its
// snapshot, taken at its start, sees what the writer before committed.
constexpr const char* kSelectWorkload =
    "SELECT true, agent, open_tickets::text FROM agent_load UNION ALL SELECT false, team, agent FROM cursors";
// The counter row stays locked by this transaction until it ends: numbers come out
// gap-free (a rollback gives the number back) and never twice, across all servers.
constexpr const char* kNextNumber =
    "INSERT INTO counters (name, value) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 "
    "RETURNING value";

Workload workload_from(const Result& r) {
  Workload w;
  for (int i = 0; i < r.rows(); ++i) {
    if (r.text(i, 0) == "t")
      w.open_tickets.emplace(r.string(i, 1), r.integer(i, 2));
    else
      w.last_assigned.emplace(r.string(i, 1), r.string(i, 2));
  }
  return w;
}

}  // namespace

Workload PostgresTransaction::workload() {
  return reading("reading the workload", [&](Connection& c) {
    if (writes_) c.send(kAssignmentLock);
    return workload_from(c.exec(kSelectWorkload));
  });
}

IntakeReads PostgresTransaction::intake_reads(std::string_view customer_id, std::string_view counter) {
  return writing_unguarded("reading for a take-in", [&](Connection& c) {
    // One round trip; the locks are taken in the order the reads one by one take them.
    c.ask(std::string(kSelectCustomer) + lock_clause(), Params().text(customer_id));
    c.ask(kSelectTicketTimes, Params().text(customer_id));
    c.ask(kNextNumber, Params().text(counter));
    c.send(kAssignmentLock);
    c.ask(kSelectWorkload);
    const std::vector<Result> r = c.results();
    return IntakeReads{customer_from(r[0]), ticket_times_from(r[1]), r[2].integer(0, 0), workload_from(r[3])};
  });
}

void PostgresTransaction::save_cursors(const Workload& workload) {
  writing_unguarded("saving the round-robin cursors", [&](Connection& c) {
    std::vector<std::string> teams;
    std::vector<std::string> agents;
    for (const auto& [team, agent] : workload.last_assigned) {
      teams.push_back(team);
      agents.push_back(agent);
    }
    // One round trip: the teams not in the workload go, the others are set.
    c.send(
        "WITH gone AS (DELETE FROM cursors WHERE team <> ALL($1::text[])) "
        "INSERT INTO cursors (team, agent) SELECT * FROM unnest($1::text[], $2::text[]) "
        "ON CONFLICT (team) DO UPDATE SET agent = excluded.agent WHERE cursors.agent <> excluded.agent",
        Params().text_array(teams).text_array(agents));
  });
}

void PostgresTransaction::add_load(const std::string& agent, std::int64_t delta) {
  Connection& c = *connection_;
  if (delta > 0) {
    c.send(
        "INSERT INTO agent_load (agent, open_tickets) VALUES ($1, $2) "
        "ON CONFLICT (agent) DO UPDATE SET open_tickets = agent_load.open_tickets + $2",
        Params().text(agent).integer(delta));
    return;
  }
  // An agent without open tickets has no row, as a Workload has no entry. The UPDATE first:
  // it waits for another writer's change to the row and locks it, so the DELETE after it
  // sees the row as lowered (a DELETE first would skip a row another writer is lowering).
  c.send("UPDATE agent_load SET open_tickets = open_tickets + $2 WHERE agent = $1", Params().text(agent).integer(delta));
  c.send("DELETE FROM agent_load WHERE agent = $1 AND open_tickets <= 0", Params().text(agent));
}

// ---- Counters and handed-out keys ----

std::int64_t PostgresTransaction::next_number(std::string_view counter) {
  return writing_unguarded("taking the next number",
                           [&](Connection& c) { return c.exec(kNextNumber, Params().text(counter)).integer(0, 0); });
}

std::vector<std::pair<std::string, std::int64_t>> PostgresTransaction::counters() {
  return reading("reading counters", [&](Connection& c) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    const auto r = c.exec("SELECT name, value FROM counters ORDER BY name");
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.string(i, 0), r.integer(i, 1));
    return out;
  });
}

void PostgresTransaction::set_counter(std::string_view counter, std::int64_t value) {
  writing_unguarded("setting a counter", [&](Connection& c) {
    if (value < 0) throw_invalid("/value", "a counter's value must be >= 0, not " + std::to_string(value));
    c.exec("INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
           Params().text(counter).integer(value));
  });
}

std::vector<bool> PostgresTransaction::hand_out(std::span<const HandedOutKey> keys) {
  if (keys.empty()) return {};
  std::vector<std::string> names, ticket_ids, ats;
  for (const HandedOutKey& k : keys) {
    names.push_back(k.key);
    ticket_ids.push_back(k.ticket_id);
    ats.push_back(std::to_string(to_unix(k.at)));
  }
  return writing_unguarded("handing out keys", [&](Connection& c) {
    // One statement, which records nothing unless every ticket is stored: no savepoint.
    // A key another transaction is inserting makes this one wait for it: once it commits,
    // DO NOTHING; so of two sweeps, one hands the action out.
    const auto r = c.exec(
        "INSERT INTO handed_out_keys (key, ticket_id, at) "
        "SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) WHERE " + all_tickets_stored("$2") +
            " ON CONFLICT (key) DO NOTHING RETURNING key",
        Params().text_array(names).text_array(ticket_ids).text_array(ats));
    if (r.rows() == 0) check_tickets_stored(c, ticket_ids, "ticket_id");  // returns when all are stored
    std::set<std::string, std::less<>> recorded;
    for (int i = 0; i < r.rows(); ++i) recorded.insert(r.string(i, 0));
    std::vector<bool> fresh;
    for (const HandedOutKey& k : keys) fresh.push_back(recorded.erase(k.key) == 1);  // a repeat is not fresh
    return fresh;
  });
}

std::vector<HandedOutKey> PostgresTransaction::handed_out(std::string_view ticket_id) {
  return reading("reading handed-out keys", [&](Connection& c) {
    std::vector<HandedOutKey> out;
    const auto r = c.exec("SELECT key, ticket_id, at FROM handed_out_keys WHERE ticket_id = $1 ORDER BY key",
                          Params().text(ticket_id));
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.string(i, 0), r.string(i, 1), *r.instant(i, 2)});
    return out;
  });
}

// ---- Configuration history ----

namespace {

std::vector<StoredConfig> config_rows(const Result& r) {
  std::vector<StoredConfig> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.string(i, 0), r.string(i, 1), *r.instant(i, 2)});
  return out;
}

}  // namespace

void PostgresTransaction::publish_config(const StoredConfig& config) {
  writing_unguarded("publishing a configuration", [&](Connection& c) {
    // Publishers take turns until commit, so the ordinals follow the commits. The lock goes
    // with the INSERT, which runs after it (its snapshot sees the publisher before).
    c.send("LOCK TABLE configs IN SHARE ROW EXCLUSIVE MODE");
    const auto r = c.exec(
        "INSERT INTO configs (ordinal, version, text, published_at) "
        "SELECT coalesce(max(ordinal), 0) + 1, $1, $2, $3 FROM configs ON CONFLICT (version) DO NOTHING",
        Params().text(config.version).text(config.text).integer(to_unix(config.published_at)));
    if (r.changed() == 0)
      throw Error(ErrorCode::conflict, "/version",
                  "configuration version \"" + config.version + "\" is published already");
  });
}

std::optional<StoredConfig> PostgresTransaction::current_config() {
  return reading("reading the current configuration", [&](Connection& c) -> std::optional<StoredConfig> {
    auto rows = config_rows(c.exec("SELECT version, text, published_at FROM configs ORDER BY ordinal DESC LIMIT 1"));
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  });
}

std::vector<StoredConfig> PostgresTransaction::config_history() {
  return reading("reading the configuration history", [&](Connection& c) {
    return config_rows(c.exec("SELECT version, text, published_at FROM configs ORDER BY ordinal"));
  });
}

// ---- Retention ----

namespace {

void insert_purge(Connection& c, const Purge& purge) {
  c.exec("INSERT INTO purges (at, closed_before, tickets, events) VALUES ($1, $2, $3, $4)",
         Params().integer(to_unix(purge.at)).integer(to_unix(purge.closed_before)).integer(purge.tickets).integer(
             purge.events));
}

}  // namespace

Purge PostgresTransaction::purge(Instant closed_before, Instant now) {
  return writing("purging", [&](Connection& c) {
    Purge record{now, closed_before, 0, 0};
    held_.clear();  // a purged ticket is gone: what is held is checked again
    // Only finished tickets go; none of them counts towards an agent's load. Their tags,
    // search rows and facts rows go with them (ON DELETE CASCADE); the events are counted.
    const auto doomed = c.exec(
        "SELECT id FROM tickets WHERE status IN ('closed', 'cancelled', 'merged') "
        "AND coalesce(closed_at, updated_at) < $1 FOR UPDATE",
        Params().integer(to_unix(closed_before)));
    std::vector<std::string> ids;
    for (int i = 0; i < doomed.rows(); ++i) ids.push_back(doomed.string(i, 0));
    if (!ids.empty()) {
      Params list;
      list.text_array(ids);
      record.events = c.exec("DELETE FROM events WHERE ticket_id = ANY($1::text[])", list).changed();
      c.exec("DELETE FROM handed_out_keys WHERE ticket_id = ANY($1::text[])", list);
      record.tickets = c.exec("DELETE FROM tickets WHERE id = ANY($1::text[])", list).changed();
    }
    insert_purge(c, record);
    return record;
  });
}

std::vector<Purge> PostgresTransaction::purges() {
  return reading("reading purges", [&](Connection& c) {
    std::vector<Purge> out;
    const auto r = c.exec("SELECT at, closed_before, tickets, events FROM purges ORDER BY ordinal");
    for (int i = 0; i < r.rows(); ++i)
      out.push_back({*r.instant(i, 0), *r.instant(i, 1), r.integer(i, 2), r.integer(i, 3)});
    return out;
  });
}

void PostgresTransaction::record_purge(const Purge& purge) {
  writing_unguarded("recording a purge", [&](Connection& c) { insert_purge(c, purge); });
}

// ---- The audit log ----

std::int64_t PostgresTransaction::append_audit(const AuditEntry& entry) {
  return writing_unguarded("appending to the audit log", [&](Connection& c) {
    // Appenders take turns until commit (readers do not wait): the sequence is gap-free and
    // in commit order, so a reader paging by sequence never skips an entry committed later.
    // The lock goes with the INSERT, which runs after it.
    c.send("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE");
    const auto r = c.exec(
        "INSERT INTO audit_log (sequence, at, actor_kind, actor_id, action, customer_id, ticket_id, detail) "
        "SELECT coalesce(max(sequence), 0) + 1, $1, $2, $3, $4, $5, $6, $7 FROM audit_log RETURNING sequence",
        Params()
            .integer(to_unix(entry.at))
            .text(to_string(entry.actor.kind))
            .text(entry.actor.id)
            .text(to_string(entry.action))
            .text(entry.customer_id)
            .text(entry.ticket_id)
            .text(entry.detail));
    return r.integer(0, 0);
  });
}

}  // namespace ticketcore::detail::postgres
