// Export and import of a whole store as JSON lines; the format is in docs/storage.md
// ("Export format"). Lines are written with "type" first and the other members in name
// order, so equal data gives equal bytes.
#include "ticketcore/store/export.hpp"

#include <istream>
#include <limits>
#include <ostream>

#include "metrics/facts_json.hpp"
#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {
namespace {

using nlohmann::json;
namespace jr = detail::json_read;

constexpr std::size_t kPage = 1000;
// A published configuration is a whole desk document, far longer than a comment.
constexpr jr::MaxLength kDocument{64u << 20};

json instant_or_null(const std::optional<Instant>& t) { return t ? json(format_instant(*t)) : json(nullptr); }

// One line: {"type":TYPE, then the body's members in name order}.
void write_line(std::ostream& out, std::string_view type, const json& body) {
  out << "{\"type\":" << json(type).dump();
  for (const auto& [key, value] : body.items()) out << ',' << json(key).dump() << ':' << value.dump();
  out << "}\n";
}

void export_ticket(StoreTransaction& tx, std::ostream& out, const Ticket& t) {
  const auto s = tx.schedule(t.id);
  write_line(out, "ticket",
             {{"ticket", t},
              {"schedule", {{"due_at", instant_or_null(s.due_at)}, {"next_action_at", instant_or_null(s.next_action_at)}}}});
  for (const auto& e : tx.events(t.id)) write_line(out, "event", {{"event", e}});
  for (const auto& k : tx.handed_out(t.id))
    write_line(out, "key", {{"key", k.key}, {"ticket_id", k.ticket_id}, {"at", format_instant(k.at)}});
  // The ticket's report row: the scan of the second it was created in holds it.
  tx.scan_facts(FactsScan{t.created_at, t.created_at + std::chrono::seconds(1), {}}, [&](const TicketFacts& f) {
    if (f.id == t.id) write_line(out, "facts", {{"facts", detail::facts_value(f)}});
  });
}

bool store_is_empty(StoreTransaction& tx) {
  CustomerQuery one_customer;
  one_customer.limit = 1;
  one_customer.include_merged = true;
  TicketQuery one_ticket;
  one_ticket.order = TicketOrder::id;
  one_ticket.limit = 1;
  AuditQuery one_entry;
  one_entry.limit = 1;
  return tx.audit(one_entry).entries.empty() && tx.config_history().empty() && tx.teams().empty() && tx.agents().empty() &&
         tx.customers(one_customer).customers.empty() && tx.tickets(one_ticket).tickets.empty() &&
         tx.counters().empty() && tx.workload().last_assigned.empty() && tx.purges().empty();
}

// Reads the model value in member `key` of a line (errors under "/lines/N/KEY").
template <class T>
T read_member(jr::ObjectReader& r, std::string_view key) {
  const json* v = r.take(key);
  const auto path = jr::child(r.path(), key);
  if (!v) throw_invalid(path, "missing required field");
  return jr::nested(path, [&] { return v->get<T>(); });
}

// Runs a store write for a line, putting the member's path in front of its errors.
template <class F>
void write_for(const std::string& path, F&& f) {
  jr::nested(path, std::forward<F>(f));
}

// Appends one event of a line; the append names the event by its place in the call
// ("/events/0/sequence"), which becomes the line's "/event/sequence".
template <class F>
void append_for(const std::string& path, std::string_view call_prefix, F&& append) {
  try {
    append();
  } catch (const Error& e) {
    std::string_view inner = e.path();
    if (inner.starts_with(call_prefix)) inner.remove_prefix(call_prefix.size());
    throw Error(e.code(), path + "/event" + std::string(inner), e.message());
  }
}

class Importer {
 public:
  explicit Importer(StoreTransaction& tx) : tx_(tx) {}

  void line(const std::string& text, std::size_t number) {
    const auto path = "/lines/" + std::to_string(number);
    const auto j = jr::nested(path, [&] { return parse_json(text); });
    jr::ObjectReader r(j, path);
    std::string type;
    r.required("type", type, jr::MaxLength{limits::id});
    if (type == "config") {
      StoredConfig c;
      r.required("version", c.version, jr::MaxLength{limits::id});
      r.required("text", c.text, kDocument);
      r.required("published_at", c.published_at);
      r.finish();
      write_for(path, [&] { tx_.publish_config(c); });
    } else if (type == "team") {
      auto team = read_member<Team>(r, "team");
      r.finish();
      tx_.put_team(team);
    } else if (type == "agent") {
      auto agent = read_member<Agent>(r, "agent");
      r.finish();
      tx_.put_agent(agent);
    } else if (type == "customer") {
      auto customer = read_member<Customer>(r, "customer");
      r.finish();
      write_for(path + "/customer", [&] { tx_.insert_customer(customer); });
    } else if (type == "customer_event") {
      auto event = read_member<CustomerEvent>(r, "event");
      r.finish();
      append_for(path, "/customer_events/0", [&] { tx_.append_customer_events(std::span(&event, 1)); });
    } else if (type == "ticket") {
      auto ticket = read_member<Ticket>(r, "ticket");
      TicketSchedule schedule;
      const json* s = r.take("schedule");
      if (!s) throw_invalid(path + "/schedule", "missing required field");
      jr::ObjectReader sr(*s, path + "/schedule");
      sr.optional("due_at", schedule.due_at);
      sr.optional("next_action_at", schedule.next_action_at);
      sr.finish();
      r.finish();
      write_for(path + "/ticket", [&] { tx_.insert_ticket(ticket, schedule); });
    } else if (type == "event") {
      auto event = read_member<Event>(r, "event");
      r.finish();
      append_for(path, "/events/0", [&] { tx_.append_events(std::span(&event, 1)); });
    } else if (type == "key") {
      HandedOutKey key;
      r.required("key", key.key, jr::MaxLength{limits::name});
      r.required("ticket_id", key.ticket_id, jr::MaxLength{limits::id});
      r.required("at", key.at);
      r.finish();
      bool fresh = false;
      write_for(path, [&] { fresh = tx_.hand_out(key); });
      if (!fresh) throw Error(ErrorCode::conflict, path + "/key", "handed out twice: \"" + key.key + "\"");
    } else if (type == "facts") {
      const json* v = r.take("facts");
      const auto facts_path = path + "/facts";
      if (!v) throw_invalid(facts_path, "missing required field");
      const TicketFacts facts = detail::read_facts(*v, facts_path);
      r.finish();
      write_for(facts_path, [&] { tx_.put_facts(facts); });
    } else if (type == "counter") {
      std::string name;
      std::int64_t value = 0;
      r.required("name", name, jr::MaxLength{limits::name});
      r.required("value", value, jr::Range{0, std::numeric_limits<std::int64_t>::max()});
      r.finish();
      tx_.set_counter(name, value);
    } else if (type == "cursor") {
      std::string team, agent;
      r.required("team", team, jr::MaxLength{limits::id});
      r.required("agent", agent, jr::MaxLength{limits::id});
      r.finish();
      cursors_.last_assigned.insert_or_assign(team, agent);
    } else if (type == "purge") {
      Purge p;
      const jr::Range count{0, std::numeric_limits<std::int64_t>::max()};
      r.required("at", p.at);
      r.required("closed_before", p.closed_before);
      r.required("tickets", p.tickets, count);
      r.required("events", p.events, count);
      r.finish();
      tx_.record_purge(p);
    } else if (type == "audit") {
      AuditEntry e;
      r.required("sequence", e.sequence, jr::Range{1, std::numeric_limits<std::int64_t>::max()});
      r.required("at", e.at);
      r.required("actor_kind", e.actor.kind);
      r.optional("actor_id", e.actor.id, jr::MaxLength{limits::id});
      r.required("action", e.action);
      r.optional("customer_id", e.customer_id, jr::MaxLength{limits::id});
      r.optional("ticket_id", e.ticket_id, jr::MaxLength{limits::id});
      r.required("detail", e.detail, kDocument);
      r.finish();
      std::int64_t given = 0;
      write_for(path, [&] { given = tx_.append_audit(e); });
      // The log is append-only and numbered from 1: a gap or a repeat is not an export of it.
      if (given != e.sequence)
        throw Error(ErrorCode::conflict, path + "/sequence",
                    "audit entry " + std::to_string(e.sequence) + " is out of order (expected " +
                        std::to_string(given) + ")");
    } else {
      throw_invalid(path + "/type", "unknown line type \"" + type + "\"");
    }
  }

  void finish() {
    if (!cursors_.last_assigned.empty()) tx_.save_cursors(cursors_);
  }

 private:
  StoreTransaction& tx_;
  Workload cursors_;  // saved once at the end: save_cursors records the whole set
};

}  // namespace

void export_lines(StoreTransaction& tx, std::ostream& out) {
  for (const auto& c : tx.config_history())
    write_line(out, "config",
               {{"version", c.version}, {"text", c.text}, {"published_at", format_instant(c.published_at)}});
  for (const auto& t : tx.teams()) write_line(out, "team", {{"team", t}});
  for (const auto& a : tx.agents()) write_line(out, "agent", {{"agent", a}});
  CustomerQuery customers;
  customers.limit = kPage;
  customers.include_merged = true;
  do {
    auto page = tx.customers(customers);
    for (const auto& c : page.customers) {
      write_line(out, "customer", {{"customer", c}});
      for (const auto& e : tx.customer_events(c.id)) write_line(out, "customer_event", {{"event", e}});
    }
    customers.after = std::move(page.next_cursor);
  } while (!customers.after.empty());
  TicketQuery tickets;
  tickets.order = TicketOrder::id;
  tickets.limit = kPage;
  do {
    auto page = tx.tickets(tickets);
    for (const auto& t : page.tickets) export_ticket(tx, out, t);
    tickets.after = std::move(page.next_cursor);
  } while (!tickets.after.empty());
  for (const auto& [name, value] : tx.counters()) write_line(out, "counter", {{"name", name}, {"value", value}});
  for (const auto& [team, agent] : tx.workload().last_assigned)
    write_line(out, "cursor", {{"team", team}, {"agent", agent}});
  for (const auto& p : tx.purges())
    write_line(out, "purge",
               {{"at", format_instant(p.at)},
                {"closed_before", format_instant(p.closed_before)},
                {"tickets", p.tickets},
                {"events", p.events}});
  AuditQuery audit;
  audit.limit = kPage;
  do {
    auto page = tx.audit(audit);
    for (const auto& e : page.entries)
      write_line(out, "audit",
                 {{"sequence", e.sequence},
                  {"at", format_instant(e.at)},
                  {"actor_kind", std::string(to_string(e.actor.kind))},
                  {"actor_id", e.actor.id},
                  {"action", std::string(to_string(e.action))},
                  {"customer_id", e.customer_id},
                  {"ticket_id", e.ticket_id},
                  {"detail", e.detail}});
    audit.after = std::move(page.next_cursor);
  } while (!audit.after.empty());
}

void import_lines(StoreTransaction& tx, std::istream& in) {
  if (!store_is_empty(tx)) throw Error(ErrorCode::conflict, "", "import needs an empty store");
  Importer importer(tx);
  std::string text;
  for (std::size_t number = 1; std::getline(in, text); ++number)
    if (!text.empty()) importer.line(text, number);
  importer.finish();
}

}  // namespace ticketcore
