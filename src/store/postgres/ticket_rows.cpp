// A PostgresTransaction's tickets and events: the row with its indexed columns, its tags,
// its search row and its assignee's load, written together (transaction.hpp).
#include <limits>
#include <map>

#include "store/postgres/search_rows.hpp"
#include "store/postgres/transaction.hpp"
#include "store/records.hpp"
#include "store/search_match.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::postgres {
namespace {

// The columns of tickets after id, in the order the INSERT and UPDATE bind them from $2.
Params ticket_params(const Ticket& t, const TicketSchedule& schedule) {
  Params p;
  p.text(t.id)
      .text(t.customer_id)
      .text(to_string(t.status))
      .text(t.team)
      .text(t.assignee)
      .text(t.priority)
      .text(to_string(t.channel))
      .integer(to_unix(t.created_at))
      .integer(to_unix(t.updated_at))
      .instant(t.closed_at)
      .instant(schedule.due_at)
      .instant(schedule.next_action_at)
      .integer(t.version)
      .text(entity_json(t));
  return p;
}

bool counts_as_load(Status status, const std::string& assignee) { return is_open(status) && !assignee.empty(); }

void write_tags(Connection& c, const Ticket& t, bool replace) {
  if (replace) c.send("DELETE FROM ticket_tags WHERE ticket_id = $1", Params().text(t.id));
  if (!t.tags.empty())
    c.send("INSERT INTO ticket_tags (tag, ticket_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING",
           Params().text_array(t.tags).text(t.id));
}

void check_version(const std::string& what, std::int64_t version) {
  if (version < 1) throw_invalid("/version", what + " version must be at least 1, not " + std::to_string(version));
}

std::vector<Event> event_rows(const std::string& ticket_id, const Result& r) {
  std::vector<Event> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back(read_event(ticket_id, r.integer(i, 0), r.text(i, 1), r.string(i, 2), r.integer(i, 3), r.text(i, 4)));
  return out;
}

}  // namespace

std::string all_tickets_stored(std::string_view ids) {
  return "NOT EXISTS (SELECT 1 FROM unnest(" + std::string(ids) +
         "::text[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE tickets.id = u.id))";
}

void check_tickets_stored(Connection& c, const std::vector<std::string>& ids, std::string_view field) {
  const auto r = c.exec(
      "SELECT u.n - 1 FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n) "
      "WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE tickets.id = u.id) ORDER BY u.n LIMIT 1",
      Params().text_array(ids));
  if (r.rows() == 0) return;
  const auto i = static_cast<std::size_t>(r.integer(0, 0));
  throw Error(ErrorCode::not_found, std::string("/").append(std::to_string(i)).append("/").append(field),
              "no ticket \"" + ids[i] + "\"");
}

std::optional<Ticket> PostgresTransaction::ticket(std::string_view id) {
  return reading("reading a ticket", [&](Connection& c) -> std::optional<Ticket> {
    const auto r = c.exec(std::string("SELECT json FROM tickets WHERE id = $1") + lock_clause(), Params().text(id));
    if (r.rows() == 0) return std::nullopt;
    Ticket out = read_entity<Ticket>(r.text(0, 0), "tickets");
    if (writes_) hold(out);
    return out;
  });
}

PostgresTransaction::HeldTicket& PostgresTransaction::hold(const Ticket& ticket) {
  HeldTicket& held = held_[ticket.id];
  held.version = ticket.version;
  held.status = ticket.status;
  held.assignee = ticket.assignee;
  held.customer_id = ticket.customer_id;
  return held;
}

void PostgresTransaction::insert_ticket(const Ticket& ticket, const TicketSchedule& schedule) {
  check_version("a ticket's", ticket.version);
  const SearchTokens tokens = ticket_tokens(ticket);
  // No savepoint: the INSERT, which can be refused, refuses without an error (no row for
  // a duplicate id or an unknown customer); what follows fails only with the server.
  writing_unguarded("adding a ticket", [&](Connection& c) {
    const auto r = c.exec(
        "INSERT INTO tickets (id, customer_id, status, team, assignee, priority, channel, created_at, updated_at, "
        "closed_at, due_at, next_action_at, version, json) "
        "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 "
        "WHERE EXISTS (SELECT 1 FROM customers WHERE id = $2) ON CONFLICT (id) DO NOTHING",
        ticket_params(ticket, schedule));
    if (r.changed() == 0) {
      const auto known = c.exec("SELECT 1 FROM customers WHERE id = $1", Params().text(ticket.customer_id));
      if (known.rows() == 0)
        throw Error(ErrorCode::not_found, "/customer_id", "no customer \"" + ticket.customer_id + "\"");
      throw Error(ErrorCode::conflict, "/id", "ticket \"" + ticket.id + "\" exists already");
    }
    hold(ticket).next_sequence = 1;
    write_tags(c, ticket, false);
    insert_search_row(c, ticket.id, tokens);
    if (counts_as_load(ticket.status, ticket.assignee)) add_load(ticket.assignee, 1);
  });
}

void PostgresTransaction::update_ticket(const Ticket& ticket, const TicketSchedule& schedule) {
  // No savepoint: every refusal (unknown ticket, stale version, unknown customer) is found
  // before the first write, and the writes after the row is locked fail only with the server.
  writing_unguarded("updating a ticket", [&](Connection& c) {
    // A ticket this transaction read or wrote is known as stored; any other is read (and
    // locked, and held) first.
    auto held = held_.find(ticket.id);
    if (held == held_.end() || held->second.version == 0) {
      if (!this->ticket(ticket.id)) throw Error(ErrorCode::not_found, "/id", "no ticket \"" + ticket.id + "\"");
      held = held_.find(ticket.id);
    }
    const HeldTicket& stored = held->second;
    if (stored.version != ticket.version - 1)
      throw Error(ErrorCode::conflict, "/version",
                  "ticket \"" + ticket.id + "\" is at version " + std::to_string(stored.version) + ", so version " +
                      std::to_string(ticket.version) + " does not follow it");
    if (stored.customer_id != ticket.customer_id &&
        c.exec("SELECT 1 FROM customers WHERE id = $1", Params().text(ticket.customer_id)).rows() == 0)
      throw Error(ErrorCode::not_found, "/customer_id", "no customer \"" + ticket.customer_id + "\"");
    c.send(
        "UPDATE tickets SET customer_id = $2, status = $3, team = $4, assignee = $5, priority = $6, channel = $7, "
        "created_at = $8, updated_at = $9, closed_at = $10, due_at = $11, next_action_at = $12, version = $13, "
        "json = $14 WHERE id = $1",
        ticket_params(ticket, schedule));
    write_tags(c, ticket, true);
    update_search_row(c, ticket.id, ticket_tokens(ticket));
    const bool was = counts_as_load(stored.status, stored.assignee);
    const bool is = counts_as_load(ticket.status, ticket.assignee);
    if (was && (!is || stored.assignee != ticket.assignee)) add_load(stored.assignee, -1);
    if (is && (!was || stored.assignee != ticket.assignee)) add_load(ticket.assignee, 1);
    hold(ticket);
  });
}

void PostgresTransaction::set_schedules(std::span<const ScheduledTicket> schedules) {
  if (schedules.empty()) return;
  std::vector<std::string> ids, due_ats, next_action_ats;
  const auto unix_text = [](const std::optional<Instant>& at) { return at ? std::to_string(to_unix(*at)) : ""; };
  for (const ScheduledTicket& s : schedules) {
    ids.push_back(s.ticket_id);
    due_ats.push_back(unix_text(s.schedule.due_at));
    next_action_ats.push_back(unix_text(s.schedule.next_action_at));
  }
  // One statement, which changes nothing unless every ticket is stored: no savepoint.
  writing_unguarded("scheduling tickets", [&](Connection& c) {
    const auto r = c.exec(
        "UPDATE tickets t SET due_at = NULLIF(v.due_at, '')::bigint, "
        "next_action_at = NULLIF(v.next_action_at, '')::bigint "
        "FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, due_at, next_action_at) "
        "WHERE t.id = v.id AND " + all_tickets_stored("$1"),
        Params().text_array(ids).text_array(due_ats).text_array(next_action_ats));
    if (r.changed() == 0) check_tickets_stored(c, ids, "ticket_id");
  });
}

TicketSchedule PostgresTransaction::schedule(std::string_view ticket_id) {
  return reading("reading a schedule", [&](Connection& c) {
    const auto r = c.exec("SELECT due_at, next_action_at FROM tickets WHERE id = $1", Params().text(ticket_id));
    if (r.rows() == 0)
      throw Error(ErrorCode::not_found, "/ticket_id", "no ticket \"" + std::string(ticket_id) + "\"");
    return TicketSchedule{r.instant(0, 0), r.instant(0, 1)};
  });
}

std::vector<Event> PostgresTransaction::events(std::string_view ticket_id) {
  return reading("reading events", [&](Connection& c) {
    const std::string id(ticket_id);
    auto out = event_rows(id, c.exec("SELECT sequence, kind, actor, at, payload FROM events WHERE ticket_id = $1 "
                                     "ORDER BY sequence",
                                     Params().text(id)));
    // A held ticket's events change only here: the next one follows the last read.
    if (auto held = held_.find(id); held != held_.end())
      held->second.next_sequence = out.empty() ? 1 : out.back().sequence + 1;
    return out;
  });
}

void PostgresTransaction::append_events(std::span<const Event> events) {
  // No savepoint: each ticket's row is locked while its next sequence is read, so no other
  // writer appends in between, and every refusal comes before the one INSERT.
  writing_unguarded("appending events", [&](Connection& c) {
    // Per ticket: the sequence the next event must have, and the comments' tokens.
    struct Pending {
      std::int64_t next = 1;
      SearchTokens comments;
    };
    std::map<std::string, Pending, std::less<>> tickets;
    std::vector<std::string> ids, kinds, actors, payloads, sequences, ats;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      auto it = tickets.find(e.ticket_id);
      if (const auto held = held_.find(e.ticket_id);
          it == tickets.end() && held != held_.end() && held->second.next_sequence > 0)
        it = tickets.emplace(e.ticket_id, Pending{held->second.next_sequence, {}}).first;
      if (it == tickets.end()) {
        const auto r = c.exec(
            "SELECT coalesce((SELECT max(sequence) FROM events WHERE ticket_id = $1), 0) + 1 "
            "FROM tickets WHERE id = $1 FOR NO KEY UPDATE",
            Params().text(e.ticket_id));
        if (r.rows() == 0)
          throw Error(ErrorCode::not_found, "/events/" + std::to_string(i) + "/ticket_id",
                      "no ticket \"" + e.ticket_id + "\"");
        it = tickets.emplace(e.ticket_id, Pending{r.integer(0, 0), {}}).first;
      }
      Pending& p = it->second;
      if (e.sequence != p.next)
        throw Error(ErrorCode::conflict, "/events/" + std::to_string(i) + "/sequence",
                    "ticket \"" + e.ticket_id + "\" expects event " + std::to_string(p.next) + ", not " +
                        std::to_string(e.sequence));
      ++p.next;
      ids.push_back(e.ticket_id);
      sequences.push_back(std::to_string(e.sequence));
      kinds.emplace_back(to_string(e.kind));
      actors.push_back(e.actor);
      ats.push_back(std::to_string(to_unix(e.at)));
      payloads.push_back(payload_json(e));
      add_search_text(p.comments, event_search_text(e));
    }
    if (ids.empty()) return;
    c.send(
        "INSERT INTO events (ticket_id, sequence, kind, actor, at, payload) "
        "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[])",
        Params().text_array(ids).text_array(sequences).text_array(kinds).text_array(actors).text_array(ats).text_array(
            payloads));
    for (const auto& [id, p] : tickets) {
      append_search_comments(c, id, p.comments);
      held_[id].next_sequence = p.next;
    }
  });
}

std::vector<Instant> ticket_times_from(const Result& r) {
  std::vector<Instant> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) out.push_back(*r.instant(i, 0));
  return out;
}

std::vector<Instant> PostgresTransaction::customer_ticket_times(std::string_view customer_id) {
  return reading("reading a customer's ticket times", [&](Connection& c) {
    return ticket_times_from(c.exec(kSelectTicketTimes, Params().text(customer_id)));
  });
}

std::vector<DueTicket> PostgresTransaction::due_tickets(Instant now, std::size_t limit) {
  return reading("finding due tickets", [&](Connection& c) {
    // A sweep claims what it reads: another server's sweep skips the tickets locked here
    // and takes the next ones, so N sweeps at once share the work instead of queueing.
    // The customer's tier is read, not locked: a sweep does not hold up its customers.
    const auto r = c.exec(
        std::string("SELECT t.id, t.json, c.tier FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id "
                    "WHERE t.next_action_at IS NOT NULL AND t.next_action_at <= $1 "
                    "ORDER BY t.next_action_at, t.id LIMIT $2") +
            (writes_ ? " FOR NO KEY UPDATE OF t SKIP LOCKED" : ""),
        Params().integer(to_unix(now)).integer(
            static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()))));
    std::vector<DueTicket> out;
    std::vector<std::string> ids;
    std::map<std::string, std::size_t, std::less<>> position;
    for (int i = 0; i < r.rows(); ++i) {
      ids.push_back(r.string(i, 0));
      position.emplace(ids.back(), out.size());
      out.push_back(DueTicket{read_entity<Ticket>(r.text(i, 1), "tickets"), {},
                              r.null(i, 2) ? CustomerTier::normal : stored_word<CustomerTier>(r.text(i, 2), "customers")});
    }
    if (ids.empty()) return out;
    // Their events in one statement, not one per ticket.
    const auto events = c.exec(
        "SELECT ticket_id, sequence, kind, actor, at, payload FROM events WHERE ticket_id = ANY($1::text[]) "
        "ORDER BY ticket_id, sequence",
        Params().text_array(ids));
    for (int i = 0; i < events.rows(); ++i) {
      std::string id = events.string(i, 0);
      auto& into = out[position.find(id)->second].events;
      into.push_back(read_event(std::move(id), events.integer(i, 1), events.text(i, 2), events.string(i, 3),
                                events.integer(i, 4), events.text(i, 5)));
    }
    return out;
  });
}

}  // namespace ticketcore::detail::postgres
