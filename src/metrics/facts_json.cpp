// TicketFacts as JSON (facts_json.hpp): written whole, absent values as null, and read back
// strictly, so a stored or exported row that does not fit the struct is refused by path.
#include "ticketcore/metrics/facts_json.hpp"

#include <limits>

#include "metrics/facts_json.hpp"
#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {
namespace detail {
namespace {

using nlohmann::json;
namespace jr = json_read;

template <class E>
json word(E value) {
  return std::string(to_string(value));
}

json instant_or_null(const std::optional<Instant>& t) { return t ? json(format_instant(*t)) : json(nullptr); }

json seconds_or_null(const std::optional<std::int64_t>& s) { return s ? json(*s) : json(nullptr); }

// Reads a field that must be there but may hold an empty text or a zero.
template <class T, class... Opts>
void present(jr::ObjectReader& r, std::string_view key, T& out, Opts... opts) {
  const json* v = r.take(key);
  if (!v) throw_invalid(jr::child(r.path(), key), "missing required field");
  jr::read(*v, jr::child(r.path(), key), out, opts...);
}

void read_count(jr::ObjectReader& r, std::string_view key, std::int32_t& out) {
  std::int64_t n = 0;
  present(r, key, n, jr::Range{0, std::numeric_limits<std::int32_t>::max()});
  out = static_cast<std::int32_t>(n);
}

void read_stars(jr::ObjectReader& r, std::string_view key, std::uint8_t& out) {
  std::int64_t n = 0;
  present(r, key, n, jr::Range{0, 5});
  out = static_cast<std::uint8_t>(n);
}

void read_seconds(jr::ObjectReader& r, std::string_view key, std::optional<std::int64_t>& out) {
  r.optional(key, out, jr::Range{0, std::numeric_limits<std::int64_t>::max()});
}

}  // namespace

json facts_value(const TicketFacts& f) {
  json sla = json::array();
  for (const TargetOutcome& t : f.sla) sla.push_back({{"outcome", word(t.outcome)}, {"due_at", instant_or_null(t.due_at)}});
  return json{{"id", f.id},
              {"created_at", format_instant(f.created_at)},
              {"first_response_at", instant_or_null(f.first_response_at)},
              {"resolved_at", instant_or_null(f.resolved_at)},
              {"closed_at", instant_or_null(f.closed_at)},
              {"status", word(f.status)},
              {"open", f.open},
              {"resolved", f.resolved},
              {"team", f.team},
              {"assignee", f.assignee},
              {"request_type", word(f.request_type)},
              {"subtype", f.subtype},
              {"priority", f.priority},
              {"channel", word(f.channel)},
              {"tier", word(f.tier)},
              {"complaint", f.complaint},
              {"reopens", f.reopens},
              {"reassignments", f.reassignments},
              {"escalations", f.escalations},
              {"first_contact_resolution", f.first_contact_resolution},
              {"first_response_seconds", seconds_or_null(f.first_response_seconds)},
              {"first_response_business_seconds", seconds_or_null(f.first_response_business_seconds)},
              {"resolution_seconds", seconds_or_null(f.resolution_seconds)},
              {"resolution_business_seconds", seconds_or_null(f.resolution_business_seconds)},
              {"sla", std::move(sla)},
              {"rated", f.rated},
              {"efficiency", f.efficiency},
              {"attitude", f.attitude},
              {"effectiveness", f.effectiveness},
              {"next_due_at", instant_or_null(f.next_due_at)}};
}

TicketFacts read_facts(const json& j, const std::string& path) {
  TicketFacts f;
  jr::ObjectReader r(j, path);
  r.required("id", f.id, jr::MaxLength{limits::id});
  r.required("created_at", f.created_at);
  r.optional("first_response_at", f.first_response_at);
  r.optional("resolved_at", f.resolved_at);
  r.optional("closed_at", f.closed_at);
  r.required("status", f.status);
  r.required("open", f.open);
  r.required("resolved", f.resolved);
  present(r, "team", f.team, jr::MaxLength{limits::id});
  present(r, "assignee", f.assignee, jr::MaxLength{limits::id});
  r.required("request_type", f.request_type);
  present(r, "subtype", f.subtype, jr::MaxLength{limits::id});
  present(r, "priority", f.priority, jr::MaxLength{limits::id});
  r.required("channel", f.channel);
  r.required("tier", f.tier);
  r.required("complaint", f.complaint);
  read_count(r, "reopens", f.reopens);
  read_count(r, "reassignments", f.reassignments);
  read_count(r, "escalations", f.escalations);
  r.required("first_contact_resolution", f.first_contact_resolution);
  read_seconds(r, "first_response_seconds", f.first_response_seconds);
  read_seconds(r, "first_response_business_seconds", f.first_response_business_seconds);
  read_seconds(r, "resolution_seconds", f.resolution_seconds);
  read_seconds(r, "resolution_business_seconds", f.resolution_business_seconds);
  const json* sla = r.take("sla");
  const auto sla_path = jr::child(path, "sla");
  if (!sla) throw_invalid(sla_path, "missing required field");
  if (!sla->is_array() || sla->size() != f.sla.size())
    throw_invalid(sla_path, std::string("must be an array of ") + std::to_string(f.sla.size()) + " target outcomes");
  for (std::size_t i = 0; i < f.sla.size(); ++i) {
    jr::ObjectReader t((*sla)[i], jr::child(sla_path, i));
    t.required("outcome", f.sla[i].outcome);
    t.optional("due_at", f.sla[i].due_at);
    t.finish();
  }
  r.required("rated", f.rated);
  read_stars(r, "efficiency", f.efficiency);
  read_stars(r, "attitude", f.attitude);
  read_stars(r, "effectiveness", f.effectiveness);
  r.optional("next_due_at", f.next_due_at);
  r.finish();
  return f;
}

}  // namespace detail

std::string to_json_text(const TicketFacts& facts) {
  return detail::facts_value(facts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <>
TicketFacts from_json_text<TicketFacts>(std::string_view text) {
  return detail::read_facts(parse_json(text), "");
}

}  // namespace ticketcore
