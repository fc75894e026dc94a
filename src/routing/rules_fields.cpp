// The field table of the rule language, and how a field's value is read and compared
// per ticket (custom attributes found once per ticket, through Evaluation).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <variant>

#include "model/json_read.hpp"
#include "routing/rules_program.hpp"

namespace ticketcore::detail {

using detail::json_read::in_quotes;

namespace {

struct NamedField {
  std::string_view name;
  FieldId id;
  FieldType type;
  std::span<const std::string_view> enum_names = {};
  FieldParameter parameter = FieldParameter::none;
};

// Fields whose name ends in a part the host or the SLA engine chooses.
struct NamedFamily {
  std::string_view word;  // the prefix, or for sla.TARGET.* the suffix
  FieldId id;
};

template <class E>
constexpr std::span<const std::string_view> names_of() {
  return EnumNames<E>::names;
}

constexpr std::array kFields = {
    NamedField{"id", FieldId::id, FieldType::text, {}},
    NamedField{"customer_id", FieldId::customer_id, FieldType::text, {}},
    NamedField{"channel", FieldId::channel, FieldType::enumeration, names_of<Channel>()},
    NamedField{"request_type", FieldId::request_type, FieldType::enumeration, names_of<RequestType>()},
    NamedField{"subtype", FieldId::subtype, FieldType::text, {}},
    NamedField{"subject", FieldId::subject, FieldType::text, {}},
    NamedField{"description", FieldId::description, FieldType::text, {}},
    NamedField{"urgency", FieldId::urgency, FieldType::enumeration, names_of<Urgency>()},
    NamedField{"priority", FieldId::priority, FieldType::text, {}},
    NamedField{"status", FieldId::status, FieldType::enumeration, names_of<Status>()},
    NamedField{"stage", FieldId::stage, FieldType::enumeration, names_of<Stage>()},
    NamedField{"team", FieldId::team, FieldType::text, {}},
    NamedField{"assignee", FieldId::assignee, FieldType::text, {}},
    NamedField{"tags", FieldId::tags, FieldType::tags, {}},
    NamedField{"impact.users_affected", FieldId::users_affected, FieldType::number, {}},
    NamedField{"impact.estimated_loss.amount", FieldId::loss_amount, FieldType::number, {}},
    NamedField{"impact.estimated_loss.currency", FieldId::loss_currency, FieldType::text, {}},
    NamedField{"impact.core_business_down", FieldId::core_business_down, FieldType::boolean, {}},
    NamedField{"responsibility.party", FieldId::responsible_party, FieldType::enumeration,
               names_of<ResponsibleParty>()},
    NamedField{"chosen_solution", FieldId::chosen_solution, FieldType::text, {}},
    NamedField{"created_at", FieldId::created_at, FieldType::instant, {}},
    NamedField{"updated_at", FieldId::updated_at, FieldType::instant, {}},
    NamedField{"expected_resolution_at", FieldId::expected_resolution_at, FieldType::instant, {}},
    NamedField{"first_response_at", FieldId::first_response_at, FieldType::instant, {}},
    NamedField{"resolved_at", FieldId::resolved_at, FieldType::instant, {}},
    NamedField{"customer.id", FieldId::customer_id_of_customer, FieldType::text, {}},
    NamedField{"customer.kind", FieldId::customer_kind, FieldType::enumeration, names_of<CustomerKind>()},
    NamedField{"customer.tier", FieldId::customer_tier, FieldType::enumeration, names_of<CustomerTier>()},
    NamedField{"customer.industry", FieldId::customer_industry, FieldType::text, {}},
    NamedField{"customer.company", FieldId::customer_company, FieldType::text, {}},
    NamedField{"customer.department", FieldId::customer_department, FieldType::text, {}},
    NamedField{"customer.tags", FieldId::customer_tags, FieldType::tags, {}},
    NamedField{"customer.created_at", FieldId::customer_created_at, FieldType::instant, {}},
    NamedField{"customer.in_warranty", FieldId::customer_in_warranty, FieldType::boolean, {}},
    NamedField{"hours_since_created", FieldId::hours_since_created, FieldType::number, {}},
    NamedField{"hours_since_updated", FieldId::hours_since_updated, FieldType::number, {}},
    NamedField{"hours_since_customer_message", FieldId::hours_since_customer_message, FieldType::number, {}},
    NamedField{"hours_since_assigned", FieldId::hours_since_assigned, FieldType::number, {}},
    NamedField{"hours_since_progress", FieldId::hours_since_progress, FieldType::number, {}},
    NamedField{"hours_without_progress", FieldId::hours_without_progress, FieldType::number, {}},
    NamedField{"customer.tickets_opened",
               FieldId::customer_tickets_opened,
               FieldType::number,
               {},
               FieldParameter::days},
    NamedField{"calendar_open", FieldId::calendar_open, FieldType::boolean, {}, FieldParameter::calendar},
};

// attributes.NAME and customer.attributes.NAME: the host's custom fields, of type dynamic.
constexpr std::array kAttributeFields = {
    NamedFamily{"customer.attributes.", FieldId::customer_attribute},
    NamedFamily{"attributes.", FieldId::attribute},
};

// sla.TARGET.WORD, numbers, for each SlaTarget.
constexpr std::array kSlaFields = {
    NamedFamily{"percent_used", FieldId::sla_percent_used},
    NamedFamily{"business_hours_remaining", FieldId::sla_business_hours_remaining},
};

constexpr double kHour = 3600.0;

double hours_between(Instant from, Instant to) { return static_cast<double>((to - from).count()) / kHour; }

Value missing() { return Value{}; }

Value text(std::string_view s) {
  Value v;
  v.kind = Value::Kind::text;
  v.text = s;
  return v;
}

Value number(double d) {
  Value v;
  v.kind = Value::Kind::number;
  v.number = d;
  return v;
}

Value boolean(bool b) {
  Value v;
  v.kind = Value::Kind::boolean;
  v.boolean = b;
  return v;
}

Value instant(Instant t) {
  Value v;
  v.kind = Value::Kind::instant;
  v.integer = to_unix(t);
  return v;
}

Value optional_instant(const std::optional<Instant>& t) { return t ? instant(*t) : missing(); }

template <class E>
Value enumeration(E e, const Leaf& leaf) {
  Value v;
  v.kind = Value::Kind::enumeration;
  v.integer = static_cast<std::int64_t>(e);
  v.enum_names = leaf.field.enum_names;
  return v;
}

Value tag_list(const std::vector<std::string>& tags) {
  Value v;
  v.kind = Value::Kind::tags;
  v.tags = &tags;
  return v;
}

Value attribute(const AttributeState& state) {
  if (!state.value) return missing();
  const AttributeValue& a = *state.value;
  if (const auto* b = std::get_if<bool>(&a)) return boolean(*b);
  if (const auto* i = std::get_if<std::int64_t>(&a)) return number(static_cast<double>(*i));
  if (const auto* d = std::get_if<double>(&a)) return number(*d);
  if (const auto* s = std::get_if<std::string>(&a)) return text(*s);
  return missing();
}

Value hours_since(const std::optional<Instant>& t, Instant now) {
  return t ? number(hours_between(*t, now)) : missing();
}

bool literal_equals(const Value& v, const Literal& l) {
  if (v.kind != l.kind) return false;
  switch (v.kind) {
    case Value::Kind::text: return v.text == l.text;
    case Value::Kind::number: return v.number == l.number;
    case Value::Kind::boolean: return v.boolean == l.boolean;
    case Value::Kind::instant:
    case Value::Kind::enumeration: return v.integer == l.integer;
    default: return false;
  }
}

bool has_tag(const std::vector<std::string>& tags, std::string_view tag) {
  for (const auto& t : tags)
    if (t.size() == tag.size() && t == tag) return true;
  return false;
}

// The ordering of a value against a literal: -1, 0, 1; 2 when they do not compare.
int order(const Value& v, const Literal& l) {
  if (v.kind == Value::Kind::number && l.kind == Value::Kind::number) {
    if (std::isnan(v.number)) return 2;
    return v.number < l.number ? -1 : v.number > l.number ? 1 : 0;
  }
  if (v.kind == Value::Kind::instant && l.kind == Value::Kind::instant)
    return v.integer < l.integer ? -1 : v.integer > l.integer ? 1 : 0;
  return 2;
}

bool positive(const Leaf& leaf, Op op, const Value& v) {
  switch (op) {
    case Op::eq:
    case Op::in:
      if (v.kind == Value::Kind::enumeration) return (leaf.test.mask >> v.integer) & 1u;
      if (v.kind == Value::Kind::tags) {
        for (const auto& l : leaf.literals)
          if (has_tag(*v.tags, l.text)) return true;
        return false;
      }
      for (const auto& l : leaf.literals)
        if (literal_equals(v, l)) return true;
      return false;
    case Op::contains:
      if (v.kind == Value::Kind::tags) return has_tag(*v.tags, leaf.literals[0].text);
      return v.kind == Value::Kind::text && v.text.find(leaf.literals[0].text) != std::string_view::npos;
    case Op::starts_with: return v.kind == Value::Kind::text && v.text.starts_with(leaf.literals[0].text);
    case Op::matches:
      return v.kind == Value::Kind::text &&
             RE2::PartialMatch(re2::StringPiece(v.text.data(), v.text.size()), *leaf.regex);
    case Op::gt: return order(v, leaf.literals[0]) == 1;
    case Op::gte: {
      int o = order(v, leaf.literals[0]);
      return o == 0 || o == 1;
    }
    case Op::lt: return order(v, leaf.literals[0]) == -1;
    case Op::lte: {
      int o = order(v, leaf.literals[0]);
      return o == 0 || o == -1;
    }
    case Op::between: {
      int lo = order(v, leaf.literals[0]);
      int hi = order(v, leaf.literals[1]);
      return (lo == 0 || lo == 1) && (hi == 0 || hi == -1);
    }
    default: return false;
  }
}

}  // namespace

std::optional<FieldInfo> resolve_field(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return FieldInfo{f.id, f.type, f.enum_names, f.parameter, -1, {}};
  auto after = [&](std::string_view prefix) -> std::optional<std::string_view> {
    if (name.size() > prefix.size() && name.starts_with(prefix)) return name.substr(prefix.size());
    return std::nullopt;
  };
  for (const auto& f : kAttributeFields)
    if (auto rest = after(f.word)) return FieldInfo{f.id, FieldType::dynamic, {}, {}, -1, std::string(*rest)};
  if (auto rest = after("sla.")) {
    auto dot = rest->find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    auto target = enum_from_string<SlaTarget>(rest->substr(0, dot));
    if (!target) return std::nullopt;
    for (const auto& f : kSlaFields)
      if (rest->substr(dot + 1) == f.word)
        return FieldInfo{f.id, FieldType::number, {}, {}, static_cast<int>(*target), {}};
  }
  return std::nullopt;
}

Evaluation::Evaluation(const RuleSet::Impl& p, const Ticket& t, const EvaluationContext& ctx)
    : program(p), ticket(t), context(ctx) {
  states_ = local_.data();
  if (p.attributes.size() > local_.size()) {
    heap_.resize(p.attributes.size());
    states_ = heap_.data();
  }
  for (std::size_t i = 0; i < p.attributes.size(); ++i) states_[i] = AttributeState{nullptr, kUnresolved};
}

void Evaluation::resolve(bool of_customer) {
  const std::vector<std::uint32_t>& slots = of_customer ? program.customer_slots : program.ticket_slots;
  for (std::uint32_t slot : slots) states_[slot] = AttributeState{nullptr, kMissing};
  const Attributes* attributes = &ticket.attributes;
  if (of_customer) attributes = context.customer ? &context.customer->attributes : nullptr;
  if (!attributes) return;
  auto found = [&](std::uint32_t slot, const AttributeValue& value) {
    if (std::holds_alternative<std::monostate>(value)) return;  // null reads as missing
    const auto* text = std::get_if<std::string>(&value);
    states_[slot] = AttributeState{
        &value, static_cast<std::int8_t>(text ? program.attributes[slot].texts.find(*text) : kOtherValue)};
  };
  // A map far larger than the names read: look each name up.
  if (attributes->size() > 8 * slots.size()) {
    for (std::uint32_t slot : slots)
      if (auto it = attributes->find(program.attributes[slot].name); it != attributes->end())
        found(slot, it->second);
    return;
  }
  // Otherwise one ordered walk of the map against the names, both sorted alike.
  auto it = attributes->begin();
  for (std::uint32_t slot : slots) {
    const std::string& name = program.attributes[slot].name;
    int order = 0;
    while (it != attributes->end() && (order = compare_text(it->first, name)) < 0) ++it;
    if (it == attributes->end()) return;
    if (order == 0) found(slot, it->second);
  }
}

Value read_value(const Leaf& leaf, Evaluation& ev) {
  const Ticket& t = ev.ticket;
  const EvaluationContext& ctx = ev.context;
  const Customer* c = ctx.customer;
  switch (leaf.field.id) {
    case FieldId::id: return text(t.id);
    case FieldId::customer_id: return text(t.customer_id);
    case FieldId::channel: return enumeration(t.channel, leaf);
    case FieldId::request_type: return enumeration(t.request_type, leaf);
    case FieldId::subtype: return text(t.subtype);
    case FieldId::subject: return text(t.subject);
    case FieldId::description: return text(t.description);
    case FieldId::urgency: return enumeration(t.urgency, leaf);
    case FieldId::priority: return text(t.priority);
    case FieldId::status: return enumeration(t.status, leaf);
    case FieldId::stage: return enumeration(t.stage, leaf);
    case FieldId::team: return text(t.team);
    case FieldId::assignee: return text(t.assignee);
    case FieldId::tags: return tag_list(t.tags);
    case FieldId::users_affected: return number(static_cast<double>(t.impact.users_affected));
    case FieldId::loss_amount:
      return t.impact.estimated_loss ? number(t.impact.estimated_loss->amount) : missing();
    case FieldId::loss_currency:
      return t.impact.estimated_loss ? text(t.impact.estimated_loss->currency) : missing();
    case FieldId::core_business_down: return boolean(t.impact.core_business_down);
    case FieldId::responsible_party:
      return t.responsibility ? enumeration(t.responsibility->party, leaf) : missing();
    case FieldId::chosen_solution: return text(t.chosen_solution);
    case FieldId::created_at: return instant(t.created_at);
    case FieldId::updated_at: return instant(t.updated_at);
    case FieldId::expected_resolution_at: return optional_instant(t.expected_resolution_at);
    case FieldId::first_response_at: return optional_instant(t.first_response_at);
    case FieldId::resolved_at: return optional_instant(t.resolved_at);
    case FieldId::attribute: return attribute(ev.attribute(leaf.slot));
    case FieldId::customer_id_of_customer: return c ? text(c->id) : missing();
    case FieldId::customer_kind: return c ? enumeration(c->kind, leaf) : missing();
    case FieldId::customer_tier: return c ? enumeration(c->tier, leaf) : missing();
    case FieldId::customer_industry: return c ? text(c->industry) : missing();
    case FieldId::customer_company: return c ? text(c->company) : missing();
    case FieldId::customer_department: return c ? text(c->department) : missing();
    case FieldId::customer_tags: return c ? tag_list(c->tags) : missing();
    case FieldId::customer_created_at: return c ? instant(c->created_at) : missing();
    case FieldId::customer_in_warranty:
      return ctx.customer_in_warranty ? boolean(*ctx.customer_in_warranty) : missing();
    case FieldId::customer_attribute: return attribute(ev.attribute(leaf.slot));
    case FieldId::hours_since_created: return number(hours_between(t.created_at, ctx.now));
    case FieldId::hours_since_updated: return number(hours_between(t.updated_at, ctx.now));
    case FieldId::hours_since_customer_message: return hours_since(ctx.last_customer_message_at, ctx.now);
    case FieldId::hours_since_assigned: return hours_since(ctx.assigned_at, ctx.now);
    case FieldId::hours_since_progress: return hours_since(ctx.last_progress_at, ctx.now);
    case FieldId::hours_without_progress: {
      // Progress is owed from the assignment on: the clock restarts at each progress update.
      if (!ctx.assigned_at) return missing();
      Instant from = *ctx.assigned_at;
      if (ctx.last_progress_at && *ctx.last_progress_at > from) from = *ctx.last_progress_at;
      return number(hours_between(from, ctx.now));
    }
    case FieldId::sla_percent_used: {
      const SlaSnapshot& s = ctx.sla[static_cast<std::size_t>(leaf.field.sla_target)];
      return s.present ? number(s.percent_used) : missing();
    }
    case FieldId::sla_business_hours_remaining: {
      const SlaSnapshot& s = ctx.sla[static_cast<std::size_t>(leaf.field.sla_target)];
      return s.present ? number(static_cast<double>(s.business_remaining.count()) / kHour) : missing();
    }
    case FieldId::customer_tickets_opened: {
      // Tickets created in (now - days, now]; the list is sorted, so two binary searches.
      const auto& created = ctx.customer_ticket_created_at;
      const Instant from = ctx.now - Seconds{leaf.days * 86400};
      auto lo = std::upper_bound(created.begin(), created.end(), from);
      auto hi = std::upper_bound(created.begin(), created.end(), ctx.now);
      return number(static_cast<double>(hi > lo ? hi - lo : 0));
    }
    case FieldId::calendar_open: {
      const BusinessCalendar* calendar = ctx.calendars ? ctx.calendars->find(leaf.calendar) : nullptr;
      return calendar ? boolean(calendar->is_open(ctx.now)) : missing();
    }
  }
  return missing();
}

bool compare(const Leaf& leaf, const Value& v) {
  switch (leaf.op) {
    case Op::exists: return v.kind != Value::Kind::missing;
    case Op::is_empty:
      return v.kind == Value::Kind::missing || (v.kind == Value::Kind::text && v.text.empty()) ||
             (v.kind == Value::Kind::tags && v.tags->empty());
    default: break;
  }
  if (v.kind == Value::Kind::missing) return false;
  // ne, not_in and not_contains negate eq, in and contains, on a value that is there.
  const Op base = word_of(leaf.op).positive;
  const bool holds = positive(leaf, base, v);
  return base == leaf.op ? holds : !holds;
}

std::string describe(const Value& v) {
  switch (v.kind) {
    case Value::Kind::missing: return "missing";
    case Value::Kind::text: return in_quotes(v.text);
    case Value::Kind::enumeration: return in_quotes(v.enum_names[static_cast<std::size_t>(v.integer)]);
    case Value::Kind::number:
      // Whole numbers read as counts ("150"), the rest as JSON numbers ("1.5").
      if (std::trunc(v.number) == v.number && std::fabs(v.number) < 1e15)
        return std::to_string(static_cast<long long>(v.number));
      return detail::json_read::json(v.number).dump();
    case Value::Kind::boolean: return v.boolean ? "true" : "false";
    case Value::Kind::tags: return detail::json_read::json(*v.tags).dump();
    case Value::Kind::instant: return detail::json_read::json(format_instant(from_unix(v.integer))).dump();
  }
  return "missing";
}

}  // namespace ticketcore::detail
