// The schema's migration steps (schema.hpp).
#include "store/postgres/schema.hpp"

#include <functional>
#include <vector>

#include "ticketcore/error.hpp"

namespace ticketcore::detail::postgres {
namespace {

// v1: everything the SQLite schema reached in its eight steps, in one. Text keys compare
// byte by byte (COLLATE "C") whatever the database's locale, so pages come in the order
// of every other backend. Instants are Unix seconds, entities the JSON of their model form.
void base_tables(Connection& c) {
  c.run(R"sql(
CREATE FUNCTION tc_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;

CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY,
  name text COLLATE "C" NOT NULL,
  tier text NOT NULL,
  version bigint NOT NULL,
  json text NOT NULL,
  merged_into text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX customers_by_name ON customers (name);
CREATE INDEX customers_by_tier ON customers (tier, id);
CREATE TABLE customer_phones (
  phone text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  PRIMARY KEY (phone, customer_id)
);
CREATE INDEX customer_phones_by_customer ON customer_phones (customer_id);
CREATE TABLE customer_emails (
  email text COLLATE "C" NOT NULL,  -- lower-cased: emails compare ignoring case
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  PRIMARY KEY (email, customer_id)
);
CREATE INDEX customer_emails_by_customer ON customer_emails (customer_id);
CREATE TABLE customer_tags (
  tag text COLLATE "C" NOT NULL,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  PRIMARY KEY (tag, customer_id)
);
CREATE INDEX customer_tags_by_customer ON customer_tags (customer_id);
CREATE TABLE customer_events (
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  sequence bigint NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  at bigint NOT NULL,
  payload text NOT NULL,
  PRIMARY KEY (customer_id, sequence)
);
CREATE TRIGGER customer_events_append_only BEFORE UPDATE ON customer_events
  FOR EACH ROW EXECUTE FUNCTION tc_append_only();

CREATE TABLE tickets (
  id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL REFERENCES customers (id),
  status text NOT NULL,
  team text COLLATE "C" NOT NULL,
  assignee text COLLATE "C" NOT NULL,
  priority text NOT NULL,
  channel text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  closed_at bigint,
  due_at bigint,
  next_action_at bigint,
  version bigint NOT NULL,
  json text NOT NULL
);
-- An agent's queue in order (ticket_query.cpp repeats the WHERE word for word).
CREATE INDEX tickets_open_queue ON tickets (assignee, (due_at IS NULL), due_at, id)
  WHERE status IN ('new', 'assigned', 'in_progress', 'pending_customer');
CREATE INDEX tickets_by_status_due ON tickets (status, due_at);
CREATE INDEX tickets_by_team_assignee_status ON tickets (team, assignee, status);
CREATE INDEX tickets_by_customer_created ON tickets (customer_id, created_at);
CREATE INDEX tickets_by_next_action ON tickets (next_action_at, id) WHERE next_action_at IS NOT NULL;
CREATE INDEX tickets_by_created ON tickets (created_at, id);
CREATE INDEX tickets_by_updated ON tickets (updated_at, id);
CREATE TABLE ticket_tags (
  tag text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  PRIMARY KEY (tag, ticket_id)
);
CREATE INDEX ticket_tags_by_ticket ON ticket_tags (ticket_id);
CREATE TABLE events (
  ticket_id text COLLATE "C" NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  sequence bigint NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  at bigint NOT NULL,
  payload text NOT NULL,
  PRIMARY KEY (ticket_id, sequence)
);
CREATE TRIGGER events_append_only BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION tc_append_only();

-- The full-text index (search_rows.hpp): the tokens of store/search_tokens.hpp as lexemes.
CREATE TABLE ticket_search (
  ticket_id text COLLATE "C" PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  ticket_tokens tsvector NOT NULL,   -- subject and description: rewritten with the ticket
  comment_tokens tsvector NOT NULL,  -- comment texts: appended to
  document tsvector GENERATED ALWAYS AS (ticket_tokens || comment_tokens) STORED
);
CREATE INDEX ticket_search_document ON ticket_search USING gin (document);

CREATE TABLE agents (id text COLLATE "C" PRIMARY KEY, json text NOT NULL);
CREATE TABLE teams (id text COLLATE "C" PRIMARY KEY, json text NOT NULL);
CREATE TABLE cursors (team text COLLATE "C" PRIMARY KEY, agent text NOT NULL);
CREATE TABLE agent_load (
  agent text COLLATE "C" PRIMARY KEY,
  open_tickets bigint NOT NULL CHECK (open_tickets >= 0)  -- a row that reaches 0 is deleted
);

-- Gap-free numbers: a row per counter, updated in the writing transaction (not a sequence).
CREATE TABLE counters (name text COLLATE "C" PRIMARY KEY, value bigint NOT NULL);
CREATE TABLE handed_out_keys (
  key text COLLATE "C" PRIMARY KEY,
  ticket_id text COLLATE "C" NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX handed_out_keys_by_ticket ON handed_out_keys (ticket_id, key);
-- Publication order, given under a table lock (transaction.cpp): commit order, so the
-- highest is the one published last.
CREATE TABLE configs (
  ordinal bigint PRIMARY KEY,
  version text COLLATE "C" NOT NULL UNIQUE,
  text text NOT NULL,
  published_at bigint NOT NULL
);
CREATE TABLE purges (
  ordinal bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  closed_before bigint NOT NULL,
  tickets bigint NOT NULL,
  events bigint NOT NULL
);

-- Appended to, never changed or deleted, kept through purges (no foreign keys). The
-- sequence is given under a table lock (transaction.cpp): 1, 2, 3, ... in commit order.
CREATE TABLE audit_log (
  sequence bigint PRIMARY KEY,
  at bigint NOT NULL,
  actor_kind text NOT NULL,
  actor_id text COLLATE "C" NOT NULL,
  action text NOT NULL,
  customer_id text COLLATE "C" NOT NULL,
  ticket_id text COLLATE "C" NOT NULL,
  detail text NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, sequence);
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, sequence);
CREATE INDEX audit_log_by_ticket ON audit_log (ticket_id, sequence);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION tc_append_only();

-- One report row per ticket (metrics/facts.hpp), written with every ticket write.
CREATE TABLE ticket_facts (
  ticket_id text COLLATE "C" PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  customer_id text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  team text COLLATE "C" NOT NULL,
  assignee text COLLATE "C" NOT NULL,
  first_response_at bigint,
  resolved_at bigint,
  closed_at bigint,
  status text NOT NULL,
  open integer NOT NULL,
  resolved integer NOT NULL,
  request_type text NOT NULL,
  subtype text NOT NULL,
  priority text NOT NULL,
  channel text NOT NULL,
  tier text NOT NULL,
  complaint integer NOT NULL,
  reopens integer NOT NULL,
  reassignments integer NOT NULL,
  escalations integer NOT NULL,
  first_contact_resolution integer NOT NULL,
  first_response_seconds bigint,
  first_response_business_seconds bigint,
  resolution_seconds bigint,
  resolution_business_seconds bigint,
  sla_handling_start text NOT NULL,
  sla_handling_start_due bigint,
  sla_first_response text NOT NULL,
  sla_first_response_due bigint,
  sla_periodic_update text NOT NULL,
  sla_periodic_update_due bigint,
  sla_resolution text NOT NULL,
  sla_resolution_due bigint,
  rated integer NOT NULL,
  efficiency integer NOT NULL,
  attitude integer NOT NULL,
  effectiveness integer NOT NULL,
  next_due_at bigint
);
CREATE INDEX ticket_facts_by_created ON ticket_facts (created_at);
)sql");
}

const std::vector<std::function<void(Connection&)>>& steps() {
  static const std::vector<std::function<void(Connection&)>> list{base_tables};
  return list;
}

// The schema the tables go to: the first of the search_path that exists.
std::string current_schema(Connection& c) {
  const auto r = c.exec("SELECT current_schema()");
  if (r.null(0, 0))
    throw Error(ErrorCode::storage, "",
                "no schema of the connection's search_path exists: create it, or name one that does");
  return r.string(0, 0);
}

int version_in(Connection& c) {
  const auto exists = c.exec("SELECT to_regclass(quote_ident(current_schema()) || '.schema_version') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  const auto r = c.exec("SELECT version FROM schema_version");
  return r.rows() == 0 ? 0 : static_cast<int>(r.integer(0, 0));
}

}  // namespace

int latest_schema_version() { return static_cast<int>(steps().size()); }

int schema_version(Connection& c) {
  try {
    return version_in(c);
  } catch (const PqError& e) {
    throw_storage("reading the schema version", e);
  }
}

void migrate(Connection& c, int target) {
  try {
    const std::string schema = current_schema(c);
    for (;;) {
      c.run("BEGIN");
      try {
        // One server migrates a schema at a time; the others read the version it left.
        c.exec("SELECT pg_advisory_xact_lock(hashtext('ticketcore schema ' || current_schema()))");
        const int version = version_in(c);
        if (version > target)
          throw Error(ErrorCode::storage, "",
                      "schema \"" + schema + "\": the schema version is " + std::to_string(version) +
                          ", newer than the " + std::to_string(latest_schema_version()) +
                          " this ticketcore knows; open it with the ticketcore that wrote it");
        if (version == target) {
          c.run("COMMIT");
          return;
        }
        if (version == 0) {
          const auto tables = c.exec("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
          if (tables.integer(0, 0) > 0)
            throw Error(ErrorCode::storage, "",
                        "schema \"" + schema + "\" is not a ticketcore schema (it has tables but no schema version)");
          c.run("CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (0)");
        }
        steps()[static_cast<std::size_t>(version)](c);
        c.exec("UPDATE schema_version SET version = $1", Params().integer(version + 1));
        c.run("COMMIT");
      } catch (...) {
        if (c.in_transaction()) c.run("ROLLBACK");
        throw;
      }
    }
  } catch (const PqError& e) {
    throw_storage("migrating the schema", e);
  }
}

}  // namespace ticketcore::detail::postgres
