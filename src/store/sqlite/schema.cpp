// The schema's migration steps (schema.hpp).
#include "store/sqlite/schema.hpp"

#include <functional>
#include <vector>

#include "store/records.hpp"
#include "store/sqlite/search_rows.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore::detail::sqlite {
namespace {

// v1: the entities, their lookup tables and the desk's bookkeeping.
void base_tables(Connection& c) {
  c.exec(R"sql(
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX customers_by_name ON customers (name);
CREATE INDEX customers_by_tier ON customers (tier, id);
CREATE TABLE customer_phones (
  phone TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  PRIMARY KEY (phone, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_phones_by_customer ON customer_phones (customer_id);
CREATE TABLE customer_emails (
  email TEXT NOT NULL,  -- lower-cased: emails compare ignoring case
  customer_id TEXT NOT NULL REFERENCES customers (id),
  PRIMARY KEY (email, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_emails_by_customer ON customer_emails (customer_id);
CREATE TABLE customer_tags (
  tag TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  PRIMARY KEY (tag, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_by_customer ON customer_tags (customer_id);

CREATE TABLE tickets (
  row INTEGER PRIMARY KEY,  -- the search index's rowid
  id TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  status TEXT NOT NULL,
  team TEXT NOT NULL,
  assignee TEXT NOT NULL,
  priority TEXT NOT NULL,
  channel TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  due_at INTEGER,
  next_action_at INTEGER,
  version INTEGER NOT NULL,
  json TEXT NOT NULL
) STRICT;
CREATE INDEX tickets_by_status_due ON tickets (status, due_at);
CREATE INDEX tickets_by_assignee_status_due ON tickets (assignee, status, due_at);
CREATE INDEX tickets_by_team_assignee_status ON tickets (team, assignee, status);
CREATE INDEX tickets_by_customer_created ON tickets (customer_id, created_at);
CREATE INDEX tickets_by_next_action ON tickets (next_action_at) WHERE next_action_at IS NOT NULL;
CREATE INDEX tickets_by_created ON tickets (created_at);
CREATE INDEX tickets_by_updated ON tickets (updated_at);
CREATE TABLE ticket_tags (
  tag TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  PRIMARY KEY (tag, ticket_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ticket_tags_by_ticket ON ticket_tags (ticket_id);

CREATE TABLE events (
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (ticket_id, sequence)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE agents (id TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE teams (id TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE cursors (team TEXT PRIMARY KEY, agent TEXT NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE agent_load (
  agent TEXT PRIMARY KEY,
  open_tickets INTEGER NOT NULL CHECK (open_tickets >= 0)  -- a row that reaches 0 is deleted
) STRICT, WITHOUT ROWID;

CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE handed_out_keys (
  key TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX handed_out_keys_by_ticket ON handed_out_keys (ticket_id, key);
CREATE TABLE configs (
  ordinal INTEGER PRIMARY KEY,  -- publication order: the highest is current
  version TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  published_at INTEGER NOT NULL
) STRICT;
)sql");
}

// v2: the full-text index (search_index.hpp), filled from the tickets and comments there are.
void search_index(Connection& c) {
  c.exec(R"sql(
CREATE VIRTUAL TABLE ticket_search USING fts5 (
  t_uni, t_bi, t_words, c_uni, c_bi, c_words,
  tokenize = 'unicode61 remove_diacritics 0',
  columnsize = 0  -- no ranking, so no per-row token counts
);
)sql");
  SQLite::Statement tickets(c.db(), "SELECT row, id, json FROM tickets");
  SQLite::Statement events(c.db(),
                           "SELECT sequence, kind, actor, at, payload FROM events WHERE ticket_id = ? "
                           "AND kind IN ('public_comment', 'internal_comment', 'progress_update') "
                           "ORDER BY sequence");
  while (tickets.executeStep()) {
    const auto id = tickets.getColumn(1).getString();
    const auto ticket = read_entity<Ticket>(tickets.getColumn(2).getString(), "tickets");
    std::vector<Event> comments;
    events.reset();
    events.bind(1, id);
    while (events.executeStep())
      comments.push_back(read_event(id, events.getColumn(0).getInt64(), events.getColumn(1).getString(),
                                    events.getColumn(2).getString(), events.getColumn(3).getInt64(),
                                    events.getColumn(4).getString()));
    insert_search_row(c, tickets.getColumn(0).getInt64(), ticket_tokens(ticket), comment_tokens(comments));
  }
}

// v3: the record of retention purges.
void purge_log(Connection& c) {
  c.exec(R"sql(
CREATE TABLE purges (
  ordinal INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  closed_before INTEGER NOT NULL,
  tickets INTEGER NOT NULL,
  events INTEGER NOT NULL
) STRICT;
)sql");
}

// v4: an agent's queue (open tickets of one assignee, the earliest due first, those without
// due_at last, then by id) as one range scan in order: a partial index over the open
// statuses whose expression column matches the ORDER BY of ticket_query.cpp. The WHERE text
// must appear word for word in a query for SQLite to use the index (ticket_query.cpp adds it).
void queue_index(Connection& c) {
  c.exec(R"sql(
CREATE INDEX tickets_open_queue ON tickets (assignee, due_at IS NULL, due_at, id)
WHERE status IN ('new', 'assigned', 'in_progress', 'pending_customer');
)sql");
}

// v5: the search index without token positions (detail=column): a phrase query is no
// longer possible, and writing a row costs a fraction (search_index.hpp). Same columns
// and rowids; the rows are copied from the old table, whose content it stores.
void search_index_without_positions(Connection& c) {
  c.exec(R"sql(
CREATE VIRTUAL TABLE ticket_search_v5 USING fts5 (
  t_uni, t_bi, t_words, c_uni, c_bi, c_words,
  tokenize = 'unicode61 remove_diacritics 0',
  columnsize = 0,
  detail = column
);
INSERT INTO ticket_search_v5 (rowid, t_uni, t_bi, t_words, c_uni, c_bi, c_words)
  SELECT rowid, t_uni, t_bi, t_words, c_uni, c_bi, c_words FROM ticket_search;
DROP TABLE ticket_search;
ALTER TABLE ticket_search_v5 RENAME TO ticket_search;
)sql");
}

// v6: the audit log (docs/access.md, "Audit"): appended to, never changed or deleted,
// and kept through ticket purges (no foreign keys to tickets or customers).
void audit_log(Connection& c) {
  c.exec(R"sql(
CREATE TABLE audit_log (
  sequence INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, sequence);
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, sequence);
CREATE INDEX audit_log_by_ticket ON audit_log (ticket_id, sequence);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql");
}

// v7: one report row per ticket (docs/sqlite.md, "ticket_facts"), written with every ticket
// write. Plain columns, not a JSON text: a month's report reads ~100,000 rows, and reading
// columns costs a fraction of parsing as many JSON objects. The scope's columns (team,
// assignee, customer_id) filter in SQL; a purge's DELETE of the ticket takes its row along.
// Tickets written before v7 get their row at their next change.
void ticket_facts(Connection& c) {
  c.exec(R"sql(
CREATE TABLE ticket_facts (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  team TEXT NOT NULL,
  assignee TEXT NOT NULL,
  first_response_at INTEGER,
  resolved_at INTEGER,
  closed_at INTEGER,
  status TEXT NOT NULL,
  open INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  request_type TEXT NOT NULL,
  subtype TEXT NOT NULL,
  priority TEXT NOT NULL,
  channel TEXT NOT NULL,
  tier TEXT NOT NULL,
  complaint INTEGER NOT NULL,
  reopens INTEGER NOT NULL,
  reassignments INTEGER NOT NULL,
  escalations INTEGER NOT NULL,
  first_contact_resolution INTEGER NOT NULL,
  first_response_seconds INTEGER,
  first_response_business_seconds INTEGER,
  resolution_seconds INTEGER,
  resolution_business_seconds INTEGER,
  sla_handling_start TEXT NOT NULL,
  sla_handling_start_due INTEGER,
  sla_first_response TEXT NOT NULL,
  sla_first_response_due INTEGER,
  sla_periodic_update TEXT NOT NULL,
  sla_periodic_update_due INTEGER,
  sla_resolution TEXT NOT NULL,
  sla_resolution_due INTEGER,
  rated INTEGER NOT NULL,
  efficiency INTEGER NOT NULL,
  attitude INTEGER NOT NULL,
  effectiveness INTEGER NOT NULL,
  next_due_at INTEGER
) STRICT;
CREATE INDEX ticket_facts_by_created ON ticket_facts (created_at);
)sql");
}

// v8: a customer record's own history (model/customer_event.hpp), append-only like a
// ticket's events, and the merged records marked so that lookups find the kept one.
void customer_history(Connection& c) {
  c.exec(R"sql(
ALTER TABLE customers ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';
CREATE TABLE customer_events (
  customer_id TEXT NOT NULL REFERENCES customers (id),
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (customer_id, sequence)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER customer_events_append_only BEFORE UPDATE ON customer_events
BEGIN SELECT RAISE(ABORT, 'customer events are append-only'); END;
)sql");
}

const std::vector<std::function<void(Connection&)>>& steps() {
  static const std::vector<std::function<void(Connection&)>> list{base_tables, search_index, purge_log,
                                                                  queue_index,
                                                                  search_index_without_positions, audit_log,
                                                                  ticket_facts, customer_history};
  return list;
}

}  // namespace

int latest_schema_version() { return static_cast<int>(steps().size()); }

int schema_version(Connection& c) {
  return storage_errors("reading the schema version",
                        [&] { return c.db().execAndGet("PRAGMA user_version").getInt(); });
}

void migrate(Connection& c, int target) {
  const auto file = c.db().getFilename();
  storage_errors("migrating the schema", [&] {
    for (;;) {
      c.exec("BEGIN IMMEDIATE");  // read the version under the write lock: one process migrates
      try {
        const int version = c.db().execAndGet("PRAGMA user_version").getInt();
        if (version > target)
          throw Error(ErrorCode::storage, "",
                      file + ": the schema version is " + std::to_string(version) + ", newer than the " +
                          std::to_string(latest_schema_version()) +
                          " this ticketcore knows; open it with the ticketcore that wrote it");
        if (version == target) {
          c.exec("COMMIT");
          return;
        }
        if (version == 0 && c.db().execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
          throw Error(ErrorCode::storage, "",
                      file + ": not a ticketcore database (it has tables but no schema version)");
        steps()[static_cast<std::size_t>(version)](c);
        c.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        c.exec("COMMIT");
      } catch (...) {
        if (!c.autocommit()) c.exec("ROLLBACK");
        throw;
      }
    }
  });
}

}  // namespace ticketcore::detail::sqlite
