// A SqliteTransaction's tickets and events: the row with its indexed columns, its tags,
// its search row and its assignee's load, written together (transaction.hpp).
#include <limits>
#include <map>

#include <sqlite3.h>

#include "store/due_tickets.hpp"
#include "store/search_match.hpp"

#include "store/records.hpp"
#include "store/sqlite/search_rows.hpp"
#include "store/sqlite/transaction.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::sqlite {
namespace {

void bind_optional(SQLite::Statement& s, int index, const std::optional<Instant>& t) {
  if (t)
    s.bind(index, std::int64_t{to_unix(*t)});
  else
    s.bind(index);
}

std::optional<Instant> optional_instant(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return from_unix(column.getInt64());
}

// The columns of tickets after row and id, in the order the INSERT and UPDATE bind them from 2.
void bind_ticket_columns(SQLite::Statement& s, const Ticket& t, const TicketSchedule& schedule) {
  s.bind(2, t.customer_id);
  s.bind(3, std::string(to_string(t.status)));
  s.bind(4, t.team);
  s.bind(5, t.assignee);
  s.bind(6, t.priority);
  s.bind(7, std::string(to_string(t.channel)));
  s.bind(8, std::int64_t{to_unix(t.created_at)});
  s.bind(9, std::int64_t{to_unix(t.updated_at)});
  bind_optional(s, 10, t.closed_at);
  bind_optional(s, 11, schedule.due_at);
  bind_optional(s, 12, schedule.next_action_at);
  s.bind(13, t.version);
  s.bind(14, entity_json(t));
}

bool counts_as_load(Status status, const std::string& assignee) {
  return is_open(status) && !assignee.empty();
}

void require_customer(Connection& c, const std::string& customer_id) {
  auto s = c.statement("SELECT 1 FROM customers WHERE id = ?");
  s->bind(1, customer_id);
  if (!s->executeStep())
    throw Error(ErrorCode::not_found, "/customer_id", "no customer \"" + customer_id + "\"");
}

void write_tags(Connection& c, const Ticket& t, bool replace) {
  if (replace) {
    auto s = c.statement("DELETE FROM ticket_tags WHERE ticket_id = ?");
    s->bind(1, t.id);
    s->exec();
  }
  auto s = c.statement("INSERT INTO ticket_tags (tag, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  for (const auto& tag : t.tags) {
    s->reset();
    s->bind(1, tag);
    s->bind(2, t.id);
    s->exec();
  }
}

void check_version(const std::string& what, std::int64_t version) {
  if (version < 1)
    throw_invalid("/version", what + " version must be at least 1, not " + std::to_string(version));
}

}  // namespace

std::optional<Ticket> SqliteTransaction::ticket(std::string_view id) {
  return reading("reading a ticket", [&](Connection& c) -> std::optional<Ticket> {
    auto s = c.statement("SELECT json FROM tickets WHERE id = ?");
    s->bind(1, std::string(id));
    if (!s->executeStep()) return std::nullopt;
    return read_entity<Ticket>(s->getColumn(0).getString(), "tickets");
  });
}

void SqliteTransaction::insert_ticket(const Ticket& ticket, const TicketSchedule& schedule) {
  // No savepoint and no lookups: the INSERT of the row is the one statement that can be
  // refused (the UNIQUE id, the customer's FOREIGN KEY), and SQLite undoes a refused
  // statement by itself; the tags, search row and load after it can fail only for I/O or
  // memory, and then the whole transaction is rolled back (writing_unguarded).
  check_version("a ticket's", ticket.version);
  const SearchTokens tokens = ticket_tokens(ticket);
  writing_unguarded("adding a ticket", [&](Connection& c, auto written) {
    std::int64_t row = 0;
    {
      auto s = c.statement(
          "INSERT INTO tickets (id, customer_id, status, team, assignee, priority, channel, created_at, "
          "updated_at, "
          "closed_at, due_at, next_action_at, version, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
          "?10, ?11, "
          "?12, ?13, ?14)");
      s->bind(1, ticket.id);
      bind_ticket_columns(*s, ticket, schedule);
      try {
        s->exec();
        row = c.db().getLastInsertRowid();  // no RETURNING: it keeps its rows in a temporary table
      } catch (const SQLite::Exception& e) {
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
          throw Error(ErrorCode::conflict, "/id", "ticket \"" + ticket.id + "\" exists already");
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY)
          throw Error(ErrorCode::not_found, "/customer_id", "no customer \"" + ticket.customer_id + "\"");
        throw;
      }
    }
    written();
    write_tags(c, ticket, false);
    insert_search_row(c, row, tokens, SearchTokens{});
    if (counts_as_load(ticket.status, ticket.assignee)) add_load(ticket.assignee, 1);
  });
}

void SqliteTransaction::update_ticket(const Ticket& ticket, const TicketSchedule& schedule) {
  writing("updating a ticket", [&](Connection& c) {
    std::int64_t row = 0;
    Status old_status{};
    std::string old_assignee;
    {
      auto s = c.statement("SELECT row, version, status, assignee, customer_id FROM tickets WHERE id = ?");
      s->bind(1, ticket.id);
      if (!s->executeStep()) throw Error(ErrorCode::not_found, "/id", "no ticket \"" + ticket.id + "\"");
      const auto stored = s->getColumn(1).getInt64();
      if (stored != ticket.version - 1)
        throw Error(ErrorCode::conflict, "/version",
                    "ticket \"" + ticket.id + "\" is at version " + std::to_string(stored) + ", so version " +
                        std::to_string(ticket.version) + " does not follow it");
      row = s->getColumn(0).getInt64();
      old_status = enum_from_string<Status>(s->getColumn(2).getString()).value_or(Status::closed);
      old_assignee = s->getColumn(3).getString();
      if (s->getColumn(4).getString() != ticket.customer_id) require_customer(c, ticket.customer_id);
    }
    {
      auto s = c.statement(
          "UPDATE tickets SET customer_id = ?2, status = ?3, team = ?4, assignee = ?5, priority = ?6, "
          "channel = ?7, "
          "created_at = ?8, updated_at = ?9, closed_at = ?10, due_at = ?11, next_action_at = ?12, version = "
          "?13, "
          "json = ?14 WHERE row = ?1 AND version = ?15");
      s->bind(1, row);
      bind_ticket_columns(*s, ticket, schedule);
      s->bind(15, ticket.version - 1);
      if (s->exec() != 1)
        throw Error(ErrorCode::conflict, "/version", "ticket \"" + ticket.id + "\" changed meanwhile");
    }
    write_tags(c, ticket, true);
    update_search_row(c, row, ticket_tokens(ticket));
    const bool was = counts_as_load(old_status, old_assignee);
    const bool is = counts_as_load(ticket.status, ticket.assignee);
    if (was && (!is || old_assignee != ticket.assignee)) add_load(old_assignee, -1);
    if (is && (!was || old_assignee != ticket.assignee)) add_load(ticket.assignee, 1);
  });
}

void SqliteTransaction::set_schedules(std::span<const ScheduledTicket> schedules) {
  // In the savepoint of writing(): an unknown ticket part way undoes those before it.
  writing("scheduling tickets", [&](Connection& c) {
    for (std::size_t i = 0; i < schedules.size(); ++i) {
      auto s = c.statement("UPDATE tickets SET due_at = ?2, next_action_at = ?3 WHERE id = ?1");
      s->bind(1, schedules[i].ticket_id);
      bind_optional(*s, 2, schedules[i].schedule.due_at);
      bind_optional(*s, 3, schedules[i].schedule.next_action_at);
      if (s->exec() != 1)
        throw Error(ErrorCode::not_found, std::string("/").append(std::to_string(i)).append("/ticket_id"),
                    "no ticket \"" + schedules[i].ticket_id + "\"");
    }
  });
}

TicketSchedule SqliteTransaction::schedule(std::string_view ticket_id) {
  return reading("reading a schedule", [&](Connection& c) {
    auto s = c.statement("SELECT due_at, next_action_at FROM tickets WHERE id = ?");
    s->bind(1, std::string(ticket_id));
    if (!s->executeStep())
      throw Error(ErrorCode::not_found, "/ticket_id", "no ticket \"" + std::string(ticket_id) + "\"");
    return TicketSchedule{optional_instant(s->getColumn(0)), optional_instant(s->getColumn(1))};
  });
}

std::vector<Event> SqliteTransaction::events(std::string_view ticket_id) {
  return reading("reading events", [&](Connection& c) {
    std::vector<Event> out;
    const std::string id(ticket_id);
    auto s = c.statement(
        "SELECT sequence, kind, actor, at, payload FROM events WHERE ticket_id = ? ORDER BY sequence");
    s->bind(1, id);
    while (s->executeStep())
      out.push_back(read_event(id, s->getColumn(0).getInt64(), s->getColumn(1).getString(),
                               s->getColumn(2).getString(), s->getColumn(3).getInt64(),
                               s->getColumn(4).getString()));
    return out;
  });
}

void SqliteTransaction::append_events(std::span<const Event> events) {
  writing("appending events", [&](Connection& c) {
    // Per ticket: its row, the sequence the next event must have, and the comments' tokens.
    struct Pending {
      std::int64_t row = 0;
      std::int64_t next = 1;
      SearchTokens comments;
    };
    std::map<std::string, Pending, std::less<>> tickets;
    auto insert = c.statement(
        "INSERT INTO events (ticket_id, sequence, kind, actor, at, payload) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      auto it = tickets.find(e.ticket_id);
      if (it == tickets.end()) {
        Pending p;
        {
          auto s = c.statement("SELECT row FROM tickets WHERE id = ?");
          s->bind(1, e.ticket_id);
          if (!s->executeStep())
            throw Error(ErrorCode::not_found, "/events/" + std::to_string(i) + "/ticket_id",
                        "no ticket \"" + e.ticket_id + "\"");
          p.row = s->getColumn(0).getInt64();
        }
        auto s = c.statement("SELECT coalesce(max(sequence), 0) + 1 FROM events WHERE ticket_id = ?");
        s->bind(1, e.ticket_id);
        s->executeStep();
        p.next = s->getColumn(0).getInt64();
        it = tickets.emplace(e.ticket_id, std::move(p)).first;
      }
      Pending& p = it->second;
      if (e.sequence != p.next)
        throw Error(ErrorCode::conflict, "/events/" + std::to_string(i) + "/sequence",
                    "ticket \"" + e.ticket_id + "\" expects event " + std::to_string(p.next) + ", not " +
                        std::to_string(e.sequence));
      ++p.next;
      insert->reset();
      insert->bind(1, e.ticket_id);
      insert->bind(2, e.sequence);
      insert->bind(3, std::string(to_string(e.kind)));
      insert->bind(4, e.actor);
      insert->bind(5, std::int64_t{to_unix(e.at)});
      insert->bind(6, payload_json(e));
      insert->exec();
      add_search_text(p.comments, event_search_text(e));
    }
    for (const auto& [id, p] : tickets) append_search_comments(c, p.row, p.comments);
  });
}

std::vector<Instant> SqliteTransaction::customer_ticket_times(std::string_view customer_id) {
  return reading("reading a customer's ticket times", [&](Connection& c) {
    std::vector<Instant> out;
    auto s = c.statement("SELECT created_at FROM tickets WHERE customer_id = ? ORDER BY created_at");
    s->bind(1, std::string(customer_id));
    while (s->executeStep()) out.push_back(from_unix(s->getColumn(0).getInt64()));
    return out;
  });
}

std::vector<DueTicket> SqliteTransaction::due_tickets(Instant now, std::size_t limit) {
  const auto ids = reading("finding due tickets", [&](Connection& c) {
    std::vector<std::string> out;
    auto s = c.statement(
        "SELECT id FROM tickets WHERE next_action_at IS NOT NULL AND next_action_at <= ? "
        "ORDER BY next_action_at, id LIMIT ?");
    s->bind(1, std::int64_t{to_unix(now)});
    s->bind(
        2, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max())));
    while (s->executeStep()) out.push_back(s->getColumn(0).getString());
    return out;
  });
  return read_due_tickets(*this, ids);
}

}  // namespace ticketcore::detail::sqlite
