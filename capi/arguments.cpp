// The readers of the C calls' arguments (arguments.hpp). JSON forms are read with the
// model's strict readers (ObjectReader: unknown keys refused, paths in every error).
#include "arguments.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "model/json_read.hpp"
#include "ticketcore/metrics/report_json.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/model/limits.hpp"

namespace ticketcore::capi {

using detail::json_read::MaxItems;
using detail::json_read::MaxLength;
using detail::json_read::ObjectReader;
using detail::json_read::Range;

namespace {

[[noreturn]] void refuse(const char* name, std::string path, std::string message) {
  throw ArgumentError(name, Error(ErrorCode::invalid_input, std::move(path), std::move(message)));
}

// Runs a reader over one argument's JSON text, naming the argument in its errors.
template <class F>
auto read_json(const char* text, const char* name, F&& read) {
  const std::string_view checked = text_arg(text, name);
  try {
    return read(parse_json(checked));
  } catch (const Error& e) {
    throw ArgumentError(name, e);
  }
}

constexpr MaxLength kId{limits::id};
constexpr MaxLength kName{limits::name};
constexpr MaxLength kText{limits::text};
constexpr MaxLength kCursor{1024};  // a page cursor: the last row's sort key and id
constexpr Range kLimit{1, 1000};    // rows per page, as the store allows

// TicketOrder has no word table in the model (only queries use it).
TicketOrder order_from(const nlohmann::json& j, const std::string& path) {
  std::string word;
  detail::json_read::read(j, path, word, kId);
  if (word == "created_at") return TicketOrder::created_at;
  if (word == "updated_at") return TicketOrder::updated_at;
  if (word == "due_at") return TicketOrder::due_at;
  if (word == "id") return TicketOrder::id;
  throw_invalid(path, "unknown value \"" + word + "\" (expected one of: created_at, updated_at, due_at, id)");
}

// A page's size and the cursor it starts after, as every query reads them.
void read_page(ObjectReader& r, std::size_t& limit, std::string& after) {
  std::int64_t rows = static_cast<std::int64_t>(limit);
  r.optional("limit", rows, kLimit);
  limit = static_cast<std::size_t>(rows);
  r.optional("after", after, kCursor);
}

}  // namespace

std::string_view text_arg(const char* value, const char* name) {
  if (!value) refuse(name, "", "must not be NULL");
  const std::string_view text(value);
  if (!detail::json_read::valid_utf8(text)) refuse(name, "", "not valid UTF-8");
  return text;
}

std::string_view optional_text_arg(const char* value, const char* name) {
  return value ? text_arg(value, name) : std::string_view();
}

Actor actor_arg(const char* json) {
  return read_json(json, "actor", [](const nlohmann::json& j) {
    Actor actor;
    ObjectReader r(j, "");
    r.required("kind", actor.kind);
    r.optional("id", actor.id, kId);
    r.finish();
    if (actor.kind == ActorKind::system && !actor.id.empty()) throw_invalid("/id", "the system carries no id");
    if (actor.kind != ActorKind::system && actor.id.empty())
      throw_invalid("/id", std::string("required for a ") + std::string(to_string(actor.kind)));
    return actor;
  });
}

Customer customer_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) { return j.get<Customer>(); });
}

Ticket ticket_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) { return j.get<Ticket>(); });
}

Status status_arg(const char* word, const char* name) {
  const std::string_view text = text_arg(word, name);
  const auto status = enum_from_string<Status>(text);
  if (!status) {
    std::string allowed;
    for (auto n : EnumNames<Status>::names) allowed += (allowed.empty() ? "" : ", ") + std::string(n);
    refuse(name, "", "unknown status \"" + std::string(text) + "\" (expected one of: " + allowed + ")");
  }
  return *status;
}

EscalationLevel level_arg(int number, const char* name) {
  if (number < 1 || number > 4) refuse(name, "", "expected a level from 1 to 4, got " + std::to_string(number));
  return static_cast<EscalationLevel>(number);
}

Purchase purchase_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) { return j.get<Purchase>(); });
}

std::vector<SolutionOption> solution_options_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) {
    std::vector<SolutionOption> options;
    detail::json_read::read(j, "", options, MaxItems{limits::solution_options});
    return options;
  });
}

Responsibility responsibility_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) { return j.get<Responsibility>(); });
}

Satisfaction rating_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) { return j.get<Satisfaction>(); });
}

DeskConfig config_arg(const char* json, const char* name) {
  const std::string_view text = text_arg(json, name);
  try {
    return DeskConfig::from_json_text(text);
  } catch (const Error& e) {
    throw ArgumentError(name, e);
  }
}

HistoryQuery history_query_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) {
    HistoryQuery q;
    ObjectReader r(j, "");
    r.required("customer_id", q.customer_id, kId);
    r.optional("kinds", q.kinds, MaxItems{enum_count<HistoryKind>()});
    read_page(r, q.limit, q.after);
    r.finish();
    return q;
  });
}

ReportQuery report_query_arg(const char* json, const char* name) {
  const std::string_view text = text_arg(json, name);
  try {
    return from_json_text<ReportQuery>(text);
  } catch (const Error& e) {
    throw ArgumentError(name, e);
  }
}

AuditQuery audit_query_arg(const char* json, const char* name) {
  if (!json) return {};
  return read_json(json, name, [](const nlohmann::json& j) {
    AuditQuery q;
    ObjectReader r(j, "");
    r.optional("actor_id", q.actor_id, kId);
    r.optional("customer_id", q.customer_id, kId);
    r.optional("ticket_id", q.ticket_id, kId);
    r.optional("action", q.action);
    r.optional("from", q.from);
    r.optional("before", q.before);
    read_page(r, q.limit, q.after);
    r.finish();
    return q;
  });
}

Subject subject_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) {
    Subject s;
    ObjectReader r(j, "");
    const nlohmann::json* ticket = r.take("ticket");
    if (!ticket) throw_invalid("/ticket", "missing required field");
    s.ticket = detail::json_read::nested("/ticket", [&] { return ticket->get<Ticket>(); });
    if (const auto* events = r.take("events"); events && !events->is_null()) {
      if (!events->is_array()) detail::json_read::wrong_type(*events, "/events", "array");
      for (std::size_t i = 0; i < events->size(); ++i)
        s.events.push_back(detail::json_read::nested(detail::json_read::child("/events", i),
                                                     [&] { return (*events)[i].get<Event>(); }));
    }
    if (const auto* customer = r.take("customer"); customer && !customer->is_null())
      s.customer = detail::json_read::nested("/customer", [&] { return customer->get<Customer>(); });
    r.optional("customer_ticket_created_at", s.customer_ticket_created_at, MaxItems{limits::list});
    r.finish();
    std::sort(s.customer_ticket_created_at.begin(), s.customer_ticket_created_at.end());
    return s;
  });
}

std::vector<Ticket> tickets_arg(const char* json, const char* name) {
  return read_json(json, name, [](const nlohmann::json& j) {
    if (!j.is_array()) detail::json_read::wrong_type(j, "", "array");
    std::vector<Ticket> tickets;
    for (std::size_t i = 0; i < j.size(); ++i)
      tickets.push_back(detail::json_read::nested(detail::json_read::child("", i), [&] { return j[i].get<Ticket>(); }));
    return tickets;
  });
}

People people_arg(const char* json, const char* name) {
  if (!json) return {};
  return read_json(json, name, [](const nlohmann::json& j) {
    People people;
    ObjectReader r(j, "");
    auto list = [&](const char* key, auto& out) {
      using Item = typename std::decay_t<decltype(out)>::value_type;
      const nlohmann::json* v = r.take(key);
      if (!v || v->is_null()) return;
      const std::string path = detail::json_read::child("", key);
      if (!v->is_array()) detail::json_read::wrong_type(*v, path, "array");
      for (std::size_t i = 0; i < v->size(); ++i)
        out.push_back(detail::json_read::nested(detail::json_read::child(path, i), [&] { return (*v)[i].template get<Item>(); }));
    };
    list("teams", people.teams);
    list("agents", people.agents);
    r.finish();
    return people;
  });
}

TicketQuery ticket_query_arg(const char* json, const char* name) {
  if (!json) return {};
  return read_json(json, name, [](const nlohmann::json& j) {
    TicketQuery q;
    ObjectReader r(j, "");
    r.optional("statuses", q.statuses, MaxItems{enum_count<Status>()});
    r.optional("team", q.team, kId);
    // "" is a value here (unassigned), so it is read as a plain string, not a required one.
    if (const auto* v = r.take("assignee"); v && !v->is_null()) {
      std::string agent;
      detail::json_read::read(*v, "/assignee", agent, kId);
      q.assignee = std::move(agent);
    }
    r.optional("customer_id", q.customer_id, kId);
    r.optional("priority", q.priority, kId);
    r.optional("tag", q.tag, MaxLength{limits::tag});
    r.optional("channel", q.channel);
    r.optional("created_from", q.created_from);
    r.optional("created_before", q.created_before);
    r.optional("updated_from", q.updated_from);
    r.optional("updated_before", q.updated_before);
    r.optional("text", q.text, kText);
    if (const auto* v = r.take("order"); v && !v->is_null()) q.order = order_from(*v, "/order");
    r.optional("descending", q.descending);
    read_page(r, q.limit, q.after);
    r.finish();
    return q;
  });
}

CustomerQuery customer_query_arg(const char* json, const char* name) {
  if (!json) return {};
  return read_json(json, name, [](const nlohmann::json& j) {
    CustomerQuery q;
    ObjectReader r(j, "");
    r.optional("phone", q.phone, kId);
    r.optional("email", q.email, kName);
    r.optional("name_prefix", q.name_prefix, kName);
    r.optional("tag", q.tag, MaxLength{limits::tag});
    r.optional("tier", q.tier);
    r.optional("include_merged", q.include_merged);
    read_page(r, q.limit, q.after);
    r.finish();
    return q;
  });
}

}  // namespace ticketcore::capi
