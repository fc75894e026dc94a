#include "ticketcore/model/json.hpp"

#include "model/json_read.hpp"

namespace ticketcore {

using nlohmann::json;
using namespace detail::json_read;

namespace {

constexpr MaxLength kId{limits::id};
constexpr MaxLength kName{limits::name};
constexpr MaxLength kTag{limits::tag};
constexpr MaxLength kText{limits::text};
constexpr MaxItems kList{limits::list};
constexpr Range kNonNegative{0, std::numeric_limits<std::int64_t>::max()};
constexpr Range kStars{1, 5};

template <class E>
std::string word(E e) {
  return std::string(to_string(e));
}

template <class T>
void put_optional(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

void put_instant(json& j, const char* key, const std::optional<Instant>& v) {
  if (v) j[key] = format_instant(*v);
}

}  // namespace

// Nested value types: read with a path, so errors name the field inside them.
// They live in namespace ticketcore so that json_read's templates find them by ADL.

void read(const json& j, const std::string& path, Money& m) {
  ObjectReader r(j, path);
  r.required("amount", m.amount);
  if (m.amount < 0) throw_invalid(child(path, "amount"), "must not be negative");
  r.required("currency", m.currency, MaxLength{3});
  bool iso = m.currency.size() == 3;
  for (char c : m.currency) iso = iso && c >= 'A' && c <= 'Z';
  if (!iso) throw_invalid(child(path, "currency"), "expected a three-letter ISO 4217 code");
  r.finish();
}

static void read(const json& j, const std::string& path, Address& a) {
  ObjectReader r(j, path);
  r.optional("label", a.label, kTag);
  r.required("text", a.text, MaxLength{1024});
  r.optional("postal_code", a.postal_code, MaxLength{16});
  r.finish();
}

void read(const json& j, const std::string& path, Purchase& p) {
  ObjectReader r(j, path);
  r.optional("id", p.id, kId);
  r.required("product", p.product, kName);
  r.optional("model", p.model, kName);
  r.optional("serial_number", p.serial_number, kName);
  r.optional("order_number", p.order_number, kName);
  r.optional("purchased_at", p.purchased_at);
  r.optional("warranty_until", p.warranty_until);
  r.optional("price", p.price);
  r.optional("recorded_at", p.recorded_at);
  r.finish();
}

static void read(const json& j, const std::string& path, Impact& i) {
  ObjectReader r(j, path);
  r.optional("users_affected", i.users_affected, kNonNegative);
  r.optional("estimated_loss", i.estimated_loss);
  r.optional("core_business_down", i.core_business_down);
  r.finish();
}

void read(const json& j, const std::string& path, Responsibility& x) {
  ObjectReader r(j, path);
  r.required("party", x.party);
  r.optional("note", x.note, kText);
  r.finish();
}

void read(const json& j, const std::string& path, SolutionOption& o) {
  ObjectReader r(j, path);
  r.required("id", o.id, kId);
  r.required("title", o.title, kName);
  r.optional("description", o.description, kText);
  r.optional("duration_hours", o.duration_hours, kNonNegative);
  r.optional("fee", o.fee);
  r.optional("resources", o.resources, kList, kName);
  r.finish();
}

void read(const json& j, const std::string& path, Satisfaction& s) {
  ObjectReader r(j, path);
  r.required("efficiency", s.efficiency, kStars);
  r.required("attitude", s.attitude, kStars);
  r.required("effectiveness", s.effectiveness, kStars);
  r.optional("comment", s.comment, kText);
  r.finish();
}

static void read(const json& j, const std::string& path, Attachment& a) {
  ObjectReader r(j, path);
  r.required("name", a.name, kName);
  r.required("media_type", a.media_type, kName);
  r.required("size_bytes", a.size_bytes, kNonNegative);
  r.optional("checksum", a.checksum, kName);
  r.required("storage_ref", a.storage_ref, MaxLength{1024});
  r.finish();
}

namespace {

json money_json(const Money& m) { return {{"amount", m.amount}, {"currency", m.currency}}; }

}  // namespace

// ---- The value types a call may take alone (a purchase to record, options to propose) ----

void to_json(json& j, const Purchase& p) {
  j = {{"id", p.id},
       {"product", p.product},
       {"model", p.model},
       {"serial_number", p.serial_number},
       {"order_number", p.order_number}};
  put_instant(j, "purchased_at", p.purchased_at);
  put_instant(j, "warranty_until", p.warranty_until);
  if (p.price) j["price"] = money_json(*p.price);
  j["recorded_at"] = format_instant(p.recorded_at);
}

void from_json(const json& j, Purchase& p) { read(j, "", p); }

void to_json(json& j, const SolutionOption& o) {
  j = {{"id", o.id},
       {"title", o.title},
       {"description", o.description},
       {"duration_hours", o.duration_hours},
       {"resources", o.resources}};
  if (o.fee) j["fee"] = money_json(*o.fee);
}

void from_json(const json& j, SolutionOption& o) { read(j, "", o); }

void to_json(json& j, const Responsibility& x) { j = {{"party", word(x.party)}, {"note", x.note}}; }

void from_json(const json& j, Responsibility& x) { read(j, "", x); }

void to_json(json& j, const Satisfaction& s) {
  j = {{"efficiency", s.efficiency},
       {"attitude", s.attitude},
       {"effectiveness", s.effectiveness},
       {"comment", s.comment}};
}

void from_json(const json& j, Satisfaction& s) { read(j, "", s); }

// ---- Customer ----

void to_json(json& j, const Customer& c) {
  json addresses = json::array();
  for (const auto& a : c.addresses)
    addresses.push_back({{"label", a.label}, {"text", a.text}, {"postal_code", a.postal_code}});
  j = {{"id", c.id},
       {"kind", word(c.kind)},
       {"name", c.name},
       {"company", c.company},
       {"department", c.department},
       {"phones", c.phones},
       {"emails", c.emails},
       {"addresses", std::move(addresses)},
       {"industry", c.industry},
       {"tier", word(c.tier)},
       {"tags", c.tags},
       {"gender", word(c.gender)},
       {"identity_number", c.identity_number},
       {"bank_card_number", c.bank_card_number},
       {"purchases", c.purchases},
       {"attributes", to_json_value(c.attributes)},
       {"created_at", format_instant(c.created_at)},
       {"updated_at", format_instant(c.updated_at)},
       {"version", c.version}};
  if (!c.merged_into.empty()) j["merged_into"] = c.merged_into;
  if (c.birth_date) j["birth_date"] = format_date(*c.birth_date);
}

void from_json(const json& j, Customer& c) {
  Customer out;
  ObjectReader r(j, "");
  r.optional("id", out.id, kId);
  r.optional("kind", out.kind);
  r.required("name", out.name, kName);
  r.optional("company", out.company, kName);
  r.optional("department", out.department, kName);
  r.optional("phones", out.phones, kList, kId);
  r.optional("emails", out.emails, kList, kName);
  r.optional("addresses", out.addresses, kList);
  r.optional("industry", out.industry, kName);
  r.optional("tier", out.tier);
  r.optional("tags", out.tags, kList, kTag);
  r.optional("gender", out.gender);
  r.optional("birth_date", out.birth_date);
  r.optional("identity_number", out.identity_number, kId);
  r.optional("bank_card_number", out.bank_card_number, kId);
  r.optional("purchases", out.purchases, kList);
  r.optional("attributes", out.attributes);
  r.optional("created_at", out.created_at);
  r.optional("updated_at", out.updated_at);
  r.optional("merged_into", out.merged_into, kId);
  r.optional("version", out.version, kNonNegative);
  r.finish();
  c = std::move(out);
}

// ---- Ticket ----

void to_json(json& j, const Ticket& t) {
  json impact = {{"users_affected", t.impact.users_affected},
                 {"core_business_down", t.impact.core_business_down}};
  if (t.impact.estimated_loss) impact["estimated_loss"] = money_json(*t.impact.estimated_loss);
  json attachments = json::array();
  for (const auto& a : t.attachments)
    attachments.push_back({{"name", a.name},
                           {"media_type", a.media_type},
                           {"size_bytes", a.size_bytes},
                           {"checksum", a.checksum},
                           {"storage_ref", a.storage_ref}});
  j = {{"id", t.id},
       {"customer_id", t.customer_id},
       {"channel", word(t.channel)},
       {"request_type", word(t.request_type)},
       {"subtype", t.subtype},
       {"subject", t.subject},
       {"description", t.description},
       {"urgency", word(t.urgency)},
       {"impact", std::move(impact)},
       {"priority", t.priority},
       {"status", word(t.status)},
       {"stage", word(t.stage)},
       {"team", t.team},
       {"assignee", t.assignee},
       {"solution_options", t.solution_options},
       {"chosen_solution", t.chosen_solution},
       {"tags", t.tags},
       {"attributes", to_json_value(t.attributes)},
       {"attachments", std::move(attachments)},
       {"created_at", format_instant(t.created_at)},
       {"updated_at", format_instant(t.updated_at)},
       {"version", t.version}};
  // Unset instants are left out, as every form does (docs/json.md, "Conventions").
  put_instant(j, "expected_resolution_at", t.expected_resolution_at);
  put_instant(j, "first_response_at", t.first_response_at);
  put_instant(j, "resolved_at", t.resolved_at);
  put_instant(j, "closed_at", t.closed_at);
  if (t.responsibility) j["responsibility"] = *t.responsibility;
  if (t.satisfaction) j["satisfaction"] = *t.satisfaction;
}

void from_json(const json& j, Ticket& t) {
  Ticket out;
  ObjectReader r(j, "");
  r.optional("id", out.id, kId);
  r.required("customer_id", out.customer_id, kId);
  r.optional("channel", out.channel);
  r.optional("request_type", out.request_type);
  r.optional("subtype", out.subtype, kId);
  r.required("subject", out.subject, kName);
  r.optional("description", out.description, kText);
  r.optional("urgency", out.urgency);
  r.optional("impact", out.impact);
  r.optional("priority", out.priority, kId);
  r.optional("status", out.status);
  r.optional("stage", out.stage);
  r.optional("team", out.team, kId);
  r.optional("assignee", out.assignee, kId);
  r.optional("expected_resolution_at", out.expected_resolution_at);
  r.optional("responsibility", out.responsibility);
  r.optional("solution_options", out.solution_options, MaxItems{limits::solution_options});
  r.optional("chosen_solution", out.chosen_solution, kId);
  r.optional("satisfaction", out.satisfaction);
  r.optional("tags", out.tags, kList, kTag);
  r.optional("attributes", out.attributes);
  r.optional("attachments", out.attachments, kList);
  r.optional("created_at", out.created_at);
  r.optional("first_response_at", out.first_response_at);
  r.optional("resolved_at", out.resolved_at);
  r.optional("closed_at", out.closed_at);
  r.optional("updated_at", out.updated_at);
  r.optional("version", out.version, kNonNegative);
  r.finish();
  for (std::size_t i = 0; i < out.solution_options.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (out.solution_options[i].id == out.solution_options[k].id)
        throw_invalid(child(child("/solution_options", i), "id"),
                      "duplicate option id \"" + out.solution_options[i].id + "\"");
  if (!out.chosen_solution.empty()) {
    bool known = false;
    for (const auto& o : out.solution_options) known = known || o.id == out.chosen_solution;
    if (!known)
      throw_invalid("/chosen_solution", "no solution option has id \"" + out.chosen_solution + "\"");
  }
  t = std::move(out);
}

// ---- Event and CustomerEvent: one form, named by the history's owner ----

namespace {

// The id member that names whose history an event belongs to, and its key.
constexpr std::pair<const char*, std::string Event::*> owner_of(const Event*) { return {"ticket_id", &Event::ticket_id}; }
constexpr std::pair<const char*, std::string CustomerEvent::*> owner_of(const CustomerEvent*) {
  return {"customer_id", &CustomerEvent::customer_id};
}

template <class E>
void history_event_to_json(json& j, const E& e) {
  const auto [key, owner] = owner_of(&e);
  j = {{"sequence", e.sequence}, {key, e.*owner},           {"kind", word(e.kind)},
       {"actor", e.actor},       {"at", format_instant(e.at)}, {"payload", to_json_value(e.payload)}};
}

template <class E>
void history_event_from_json(const json& j, E& e) {
  E out;
  const auto [key, owner] = owner_of(&out);
  ObjectReader r(j, "");
  r.optional("sequence", out.sequence, kNonNegative);
  r.required(key, out.*owner, kId);
  r.required("kind", out.kind);
  r.required("actor", out.actor, kId);
  r.required("at", out.at);
  r.optional("payload", out.payload);
  r.finish();
  e = std::move(out);
}

}  // namespace

void to_json(json& j, const Event& e) { history_event_to_json(j, e); }
void from_json(const json& j, Event& e) { history_event_from_json(j, e); }
void to_json(json& j, const CustomerEvent& e) { history_event_to_json(j, e); }
void from_json(const json& j, CustomerEvent& e) { history_event_from_json(j, e); }

// ---- Agent and Team ----

void to_json(json& j, const Agent& a) {
  j = {{"id", a.id},
       {"name", a.name},
       {"role", word(a.role)},
       {"team", a.team},
       {"skills", a.skills},
       {"certifications", a.certifications},
       {"languages", a.languages},
       {"seniority", word(a.seniority)},
       {"max_concurrent_tickets", a.max_concurrent_tickets},
       {"calendar", a.calendar},
       {"away", a.away},
       {"active", a.active}};
}

void from_json(const json& j, Agent& a) {
  Agent out;
  ObjectReader r(j, "");
  r.required("id", out.id, kId);
  r.required("name", out.name, kName);
  r.optional("role", out.role);
  r.optional("team", out.team, kId);
  r.optional("skills", out.skills, kList, kTag);
  r.optional("certifications", out.certifications, kList, kTag);
  r.optional("languages", out.languages, kList, kTag);
  r.optional("seniority", out.seniority);
  r.optional("max_concurrent_tickets", out.max_concurrent_tickets, Range{1, 10000});
  r.optional("calendar", out.calendar, kId);
  r.optional("away", out.away);
  r.optional("active", out.active);
  r.finish();
  a = std::move(out);
}

void to_json(json& j, const Team& t) {
  j = {{"id", t.id},
       {"name", t.name},
       {"description", t.description},
       {"calendar", t.calendar},
       {"lead", t.lead},
       {"supervisor", t.supervisor},
       {"manager", t.manager}};
}

void from_json(const json& j, Team& t) {
  Team out;
  ObjectReader r(j, "");
  r.required("id", out.id, kId);
  r.required("name", out.name, kName);
  r.optional("description", out.description, kText);
  r.optional("calendar", out.calendar, kId);
  r.optional("lead", out.lead, kId);
  r.optional("supervisor", out.supervisor, kId);
  r.optional("manager", out.manager, kId);
  r.finish();
  t = std::move(out);
}

json parse_json(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    // nlohmann reports syntax errors and invalid UTF-8 as parse_error (with the byte offset)
    // and a number too large for a double ("1e400") as out_of_range: all are bad input.
    throw Error(ErrorCode::invalid_input, "", std::string("invalid JSON: ") + e.what());
  }
}

}  // namespace ticketcore
