// The compiled evaluator against the plain tree-walking reference interpreter, on
// random rule sets and random tickets (fixed seeds): 4 x 25,000 tickets.
#include <catch2/catch.hpp>

#include <random>

#include "routing/reference_interpreter.hpp"
#include "routing/rules_support.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

using Rng = std::mt19937_64;

enum class Kind { enumeration, text, tags, number, boolean, instant, dynamic };

struct FieldSpec {
  const char* name;
  Kind kind;
  std::vector<json> values;  // the pool rule values and ticket values are drawn from
};

const std::vector<json> kInstants = {"2026-05-01T00:00:00Z", "2026-05-01T06:00:00Z", "2026-05-02T00:00:00Z",
                                     "2026-04-20T12:00:00Z"};

// 100 texts and 2 numbers: more than a slot has codes for (63), so long in-lists spill over.
std::vector<json> codes() {
  std::vector<json> out;
  for (int i = 0; i < 100; ++i) out.push_back("c" + std::to_string(i));
  out.push_back(7);
  out.push_back(7.5);
  return out;
}

const std::vector<FieldSpec>& fields() {
  static const std::vector<FieldSpec> f = {
      {"channel", Kind::enumeration, {"phone", "chat", "email", "portal", "wechat", "app", "other"}},
      {"request_type", Kind::enumeration, {"consultation", "technical_support", "complaint", "other"}},
      {"urgency", Kind::enumeration, {"low", "medium", "high", "critical"}},
      {"status", Kind::enumeration, {"new", "assigned", "in_progress", "resolved"}},
      {"stage", Kind::enumeration, {"intake", "diagnosis", "execution"}},
      {"responsibility.party", Kind::enumeration, {"company", "customer", "third_party"}},
      {"customer.tier", Kind::enumeration, {"normal", "vip", "strategic"}},
      {"customer.kind", Kind::enumeration, {"individual", "enterprise", "partner"}},
      {"subtype", Kind::text, {"hardware_fault", "software", "delivery", ""}},
      {"subject", Kind::text, {"Router reboots", "Refund please", "router down", ""}},
      {"priority", Kind::text, {"P1", "P2", "P3", ""}},
      {"team", Kind::text, {"technical_support", "customer_relations", ""}},
      {"assignee", Kind::text, {"a-li", "a-wang", ""}},
      {"customer.industry", Kind::text, {"C39", "F51", ""}},
      {"description", Kind::text, {"Since Monday", "tried a reboot", ""}},
      {"customer.company", Kind::text, {"Lianhe", "Lianhe Manufacturing", ""}},
      {"impact.estimated_loss.currency", Kind::text, {"CNY", "USD"}},
      {"tags", Kind::tags, {"vip", "hardware", "router", "billing"}},
      {"customer.tags", Kind::tags, {"vip", "frequent buyer", "price sensitive"}},
      {"impact.users_affected", Kind::number, {0, 5, 12, 100, 150}},
      {"impact.estimated_loss.amount", Kind::number, {0, 5000, 100000, 200000.5}},
      {"impact.core_business_down", Kind::boolean, {true, false}},
      {"hours_since_created", Kind::number, {0, 1, 2.5, 24, 48}},
      {"hours_since_updated", Kind::number, {0, 1, 2.5, 24}},
      {"hours_since_customer_message", Kind::number, {0, 0.5, 1, 3}},
      {"hours_without_progress", Kind::number, {0, 1, 1.5, 4}},
      {"hours_since_assigned", Kind::number, {0, 1, 2}},
      {"hours_since_progress", Kind::number, {0, 1, 2.5}},
      {"sla.handling_start.percent_used", Kind::number, {0, 80, 100}},
      {"sla.periodic_update.business_hours_remaining", Kind::number, {-0.5, 0, 4}},
      {"sla.resolution.percent_used", Kind::number, {0, 50, 80, 100}},
      {"sla.first_response.business_hours_remaining", Kind::number, {-1, 0, 2, 8}},
      {"customer.tickets_opened", Kind::number, {0, 1, 2, 3}},
      {"calendar_open", Kind::boolean, {true, false}},
      {"created_at", Kind::instant, kInstants},
      {"expected_resolution_at", Kind::instant, kInstants},
      {"resolved_at", Kind::instant, kInstants},
      {"customer.created_at", Kind::instant, kInstants},
      {"customer.in_warranty", Kind::boolean, {true, false}},
      {"attributes.region", Kind::dynamic, {"east", "west", 3, 2.5, true}},
      {"attributes.floor", Kind::dynamic, {1, 3, 4.5, "3"}},
      {"attributes.category", Kind::dynamic, {"billing", "Billing", "billing ", "", "hardware", 1, false}},
      {"attributes.product", Kind::dynamic, {"router", "rout", "switch", "路由", 2.5}},  // halves stay UTF-8
      {"attributes.code", Kind::dynamic, codes()},
      {"customer.attributes.credit", Kind::dynamic, {5, 0, "high", false}},
      {"customer.attributes.region", Kind::dynamic, {"east", "north", 3}},
  };
  return f;
}

// The custom attributes among the fields: the compiled evaluator finds them once per
// ticket and compares texts by code, so the generator favours them.
const std::vector<const FieldSpec*>& attribute_fields() {
  static const std::vector<const FieldSpec*> f = [] {
    std::vector<const FieldSpec*> out;
    for (const auto& spec : fields())
      if (std::string_view(spec.name).find("attributes.") != std::string_view::npos) out.push_back(&spec);
    return out;
  }();
  return f;
}

const std::vector<const char*>& ops_of(Kind k) {
  static const std::vector<const char*> e = {"eq", "ne", "in", "not_in", "exists", "is_empty"};
  static const std::vector<const char*> t = {"eq",           "ne",          "in",      "not_in", "contains",
                                             "not_contains", "starts_with", "matches", "exists", "is_empty"};
  static const std::vector<const char*> g = {"contains", "not_contains", "in",
                                             "not_in",   "exists",       "is_empty"};
  static const std::vector<const char*> n = {"eq", "ne",  "in",      "not_in", "gt",      "gte",
                                             "lt", "lte", "between", "exists", "is_empty"};
  static const std::vector<const char*> b = {"eq", "ne", "exists", "is_empty"};
  static const std::vector<const char*> d = {"eq",           "ne",          "in",      "not_in", "contains",
                                             "not_contains", "starts_with", "matches", "gt",     "gte",
                                             "lt",           "lte",         "between", "exists", "is_empty"};
  switch (k) {
    case Kind::enumeration: return e;
    case Kind::text: return t;
    case Kind::tags: return g;
    case Kind::number:
    case Kind::instant: return n;
    case Kind::boolean: return b;
    case Kind::dynamic: return d;
  }
  return e;
}

const std::vector<std::string> kRegexes = {"^R", "(?i)router", "[0-9]", "e.st$", "^$", "down|please"};

template <class T>
const T& pick(Rng& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

bool chance(Rng& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }

json leaf(Rng& rng) {
  const FieldSpec& f = chance(rng, 0.35) ? *pick(rng, attribute_fields()) : pick(rng, fields());
  const std::string op = pick(rng, ops_of(f.kind));
  json c{{"field", f.name}, {"op", op}};
  if (std::string(f.name) == "customer.tickets_opened") c["days"] = pick(rng, std::vector<int>{1, 7, 30});
  if (std::string(f.name) == "calendar_open")
    c["calendar"] = pick(rng, std::vector<std::string>{"open", "closed", "unknown"});
  if (op == "exists" || op == "is_empty") return c;
  auto text_value = [&] {
    const json& v = pick(rng, f.values);
    return v.is_string() ? v.get<std::string>() : std::string("e");
  };
  auto ordered_value = [&] {
    if (f.kind == Kind::dynamic) return json(pick(rng, std::vector<double>{0, 2.5, 3, 5}));
    return pick(rng, f.values);
  };
  if (op == "in" || op == "not_in") {
    json list = json::array();
    const bool long_list = f.kind == Kind::dynamic && chance(rng, 0.2);
    const int n = std::uniform_int_distribution<int>(1, long_list ? 80 : 3)(rng);
    for (int i = 0; i < n; ++i)
      list.push_back(f.kind == Kind::tags ? json(text_value()) : pick(rng, f.values));
    c["value"] = list;
  } else if (op == "between") {
    json a = ordered_value(), b = ordered_value();
    const bool swap = f.kind == Kind::instant
                          ? *parse_instant(a.get<std::string>()) > *parse_instant(b.get<std::string>())
                          : a.get<double>() > b.get<double>();
    c["value"] = swap ? json{b, a} : json{a, b};
  } else if (op == "matches") {
    c["value"] = pick(rng, kRegexes);
  } else if (op == "contains" || op == "not_contains" || op == "starts_with") {
    std::string s = text_value();
    if (f.kind != Kind::tags && s.size() > 2 && chance(rng, 0.5)) s = s.substr(0, s.size() / 2);
    c["value"] = s;
  } else if (op == "gt" || op == "gte" || op == "lt" || op == "lte") {
    c["value"] = ordered_value();
  } else {
    c["value"] = pick(rng, f.values);
  }
  return c;
}

json condition(Rng& rng, int depth) {
  if (depth >= 4 || chance(rng, 0.45)) return leaf(rng);
  const int kind = std::uniform_int_distribution<int>(0, 2)(rng);
  if (kind == 2) return json{{"not", condition(rng, depth + 1)}};
  json list = json::array();
  const int n = std::uniform_int_distribution<int>(0, 3)(rng);
  for (int i = 0; i < n; ++i) list.push_back(condition(rng, depth + 1));
  return json{{kind == 0 ? "all" : "any", list}};
}

json action(Rng& rng) {
  switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
    case 0: return {{"set_team", pick(rng, directory().teams)}};
    case 1: return {{"set_agent", pick(rng, directory().agents)}};
    case 2:
      return {{"assign_by", pick(rng, std::vector<std::string>{"round_robin", "least_loaded", "skills"})}};
    case 3:
      return {{"set_priority",
               {{"level", pick(rng, std::vector<std::string>{"P1", "P2", "P3"})}, {"reason", "r"}}}};
    case 4: return {{"add_tag", pick(rng, std::vector<std::string>{"x", "y", "z"})}};
    case 5: return {{"remove_tag", pick(rng, std::vector<std::string>{"x", "y", "z"})}};
    case 6: return {{"set_sla_policy", pick(rng, std::vector<std::string>{"vip", "standard"})}};
    case 7:
      return {{"escalate",
               {{"level", std::uniform_int_distribution<int>(1, 4)(rng)},
                {"reason", chance(rng, 0.5) ? "late" : "stuck"}}}};
    case 8: {
      json who = json::array();
      for (const char* r : {"customer", "supervisor", "handler"})
        if (chance(rng, 0.5)) who.push_back(r);
      if (who.empty()) who.push_back("handler");
      return {{"notify",
               {{"template", pick(rng, std::vector<std::string>{"alert", "ack"})}, {"recipients", who}}}};
    }
    default:
      return {{"require_approval",
               {{"approver", pick(rng, std::vector<std::string>{"team_lead", "supervisor", "manager"})},
                {"reason", "remedy"}}}};
  }
}

json rule_set(Rng& rng, int index) {
  json rules = json::array();
  const int n = std::uniform_int_distribution<int>(1, 20)(rng);
  for (int i = 0; i < n; ++i) {
    json then = json::array();
    const int k = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int a = 0; a < k; ++a) then.push_back(action(rng));
    json r{{"id", "r" + std::to_string(i)}, {"name", "rule"}, {"when", condition(rng, 0)}, {"then", then}};
    if (chance(rng, 0.25)) r["stop"] = true;
    if (chance(rng, 0.1)) r["enabled"] = false;
    rules.push_back(r);
  }
  return json{{"version", "random-" + std::to_string(index)}, {"rules", rules}};
}

AttributeValue attribute_value(Rng& rng, const FieldSpec& f) {
  if (chance(rng, 0.15)) return std::monostate{};
  if (chance(rng, 0.1)) return std::string("unlisted");
  const json& v = pick(rng, f.values);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<std::int64_t>();
  return v.get<double>();
}

// The calendars rules name: "closed" never opens, "open" is open around the clock, or not
// (closed_desk), and "unknown" is in neither registry.
const CalendarRegistry& open_desk() {
  static const CalendarRegistry r{{{"open", BusinessCalendar::always_open()}, {"closed", closed_calendar()}},
                                  ""};
  return r;
}
const CalendarRegistry& closed_desk() {
  static const CalendarRegistry r{{{"open", closed_calendar()}, {"closed", closed_calendar()}}, ""};
  return r;
}

// One random ticket with its customer and context; values come from the rule pools.
struct Sample {
  Customer customer;
  std::vector<Instant> history;
  Ticket ticket;
  EvaluationContext ctx;

  explicit Sample(Rng& rng) {
    auto spec = [](const char* name) -> const FieldSpec& {
      for (const auto& f : fields())
        if (std::string(f.name) == name) return f;
      throw std::logic_error(name);
    };
    auto word = [&](const char* name) { return pick(rng, spec(name).values).get<std::string>(); };
    auto hours = [&](int max) { return Seconds{std::uniform_int_distribution<int>(0, max * 2)(rng) * 1800}; };
    auto tag_list = [&](const char* name) {
      std::vector<std::string> tags;
      for (const auto& v : spec(name).values)
        if (chance(rng, 0.3)) tags.push_back(v.get<std::string>());
      return tags;
    };
    ctx.now = at("2026-05-01T06:00:00Z") + hours(48);
    Ticket& t = ticket;
    t.id = "T" + std::to_string(rng() % 100000);
    t.channel = *enum_from_string<Channel>(word("channel"));
    t.request_type = *enum_from_string<RequestType>(word("request_type"));
    t.urgency = *enum_from_string<Urgency>(word("urgency"));
    t.status = *enum_from_string<Status>(word("status"));
    t.stage = *enum_from_string<Stage>(word("stage"));
    if (chance(rng, 0.5))
      t.responsibility =
          Responsibility{*enum_from_string<ResponsibleParty>(word("responsibility.party")), ""};
    t.subtype = word("subtype");
    t.subject = word("subject");
    t.description = word("description");
    t.priority = word("priority");
    t.team = word("team");
    t.assignee = word("assignee");
    t.tags = tag_list("tags");
    t.impact.users_affected = pick(rng, spec("impact.users_affected").values).get<std::int64_t>();
    if (chance(rng, 0.6))
      t.impact.estimated_loss = Money{pick(rng, spec("impact.estimated_loss.amount").values).get<double>(),
                                      word("impact.estimated_loss.currency")};
    t.impact.core_business_down = chance(rng, 0.3);
    t.created_at =
        chance(rng, 0.3) ? *parse_instant(pick(rng, kInstants).get<std::string>()) : ctx.now - hours(48);
    t.updated_at = ctx.now - hours(24);
    if (chance(rng, 0.5)) t.expected_resolution_at = *parse_instant(pick(rng, kInstants).get<std::string>());
    if (chance(rng, 0.3)) t.resolved_at = *parse_instant(pick(rng, kInstants).get<std::string>());
    // Attributes no rule reads sit around the ones they do, before and after in the map's
    // order; sometimes so many that the evaluator looks names up instead of walking the map.
    t.attributes["aaa"] = std::string("east");
    if (chance(rng, 0.5)) t.attributes["zzz"] = std::int64_t{3};
    if (chance(rng, 0.3))
      for (int i = 0; i < 60; ++i) t.attributes["f" + std::to_string(i)] = std::string("c1");
    for (const FieldSpec* f : attribute_fields()) {
      const std::string_view name = f->name;
      if (name.starts_with("attributes.") && chance(rng, 0.8))
        t.attributes[std::string(name.substr(11))] = attribute_value(rng, *f);
    }

    customer.tier = *enum_from_string<CustomerTier>(word("customer.tier"));
    customer.kind = *enum_from_string<CustomerKind>(word("customer.kind"));
    customer.industry = word("customer.industry");
    customer.company = word("customer.company");
    customer.tags = tag_list("customer.tags");
    customer.created_at = *parse_instant(pick(rng, kInstants).get<std::string>());
    for (const FieldSpec* f : attribute_fields()) {
      const std::string_view name = f->name;
      if (name.starts_with("customer.attributes.") && chance(rng, 0.8))
        customer.attributes[std::string(name.substr(20))] = attribute_value(rng, *f);
    }
    if (chance(rng, 0.85)) ctx.customer = &customer;
    if (chance(rng, 0.6)) ctx.customer_in_warranty = chance(rng, 0.5);

    if (chance(rng, 0.7)) ctx.last_customer_message_at = ctx.now - hours(3);
    if (chance(rng, 0.7)) ctx.assigned_at = ctx.now - hours(2);
    if (chance(rng, 0.5)) ctx.last_progress_at = ctx.now - hours(4);
    for (auto& s : ctx.sla)
      if (chance(rng, 0.7))
        s = SlaSnapshot{true, pick(rng, std::vector<double>{0, 50, 80, 100, 120}),
                        Seconds{std::uniform_int_distribution<int>(-2, 16)(rng) * 1800}};
    const int n = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int i = 0; i < n; ++i)
      history.push_back(ctx.now - Seconds{std::uniform_int_distribution<int>(0, 40)(rng) * 86400});
    std::sort(history.begin(), history.end());
    ctx.customer_ticket_created_at = history;
    if (chance(rng, 0.9)) ctx.calendars = chance(rng, 0.5) ? &open_desk() : &closed_desk();
  }
  Sample(const Sample&) = delete;
};

reference::Outcome outcome_of(const Decision& d) {
  reference::Outcome o;
  for (auto id : d.matched_rules) o.matched_rules.emplace_back(id);
  o.team = d.team;
  o.agent = d.agent;
  o.assign = d.assign_by;
  o.priority = d.priority;
  o.priority_reason = d.priority_reason;
  o.sla_policy = d.sla_policy;
  o.escalation_level = d.escalation_level ? level_number(*d.escalation_level) : 0;
  o.escalation_reason = d.escalation_reason;
  for (auto t : d.tags_added) o.tags_added.emplace_back(t);
  for (auto t : d.tags_removed) o.tags_removed.emplace_back(t);
  for (const auto& n : d.notifications) {
    std::string who;
    for (Recipient r : {Recipient::handler, Recipient::supervisor, Recipient::customer})
      if (n.recipients & static_cast<RecipientSet>(r))
        who += (who.empty() ? "" : ",") + std::string(to_string(r));
    o.notifications.push_back(std::string(n.rule_id) + "|" + std::string(n.template_id) + "|" + who);
  }
  for (const auto& a : d.approvals)
    o.approvals.push_back(std::string(a.rule_id) + "|" + std::string(to_string(a.approver)) + "|" +
                          std::string(a.reason));
  return o;
}

void check_same(const reference::Outcome& want, const reference::Outcome& got) {
  CHECK(got.matched_rules == want.matched_rules);
  CHECK(got.team == want.team);
  CHECK(got.agent == want.agent);
  CHECK(got.assign == want.assign);
  CHECK(got.priority == want.priority);
  CHECK(got.priority_reason == want.priority_reason);
  CHECK(got.sla_policy == want.sla_policy);
  CHECK(got.escalation_level == want.escalation_level);
  CHECK(got.escalation_reason == want.escalation_reason);
  CHECK(got.tags_added == want.tags_added);
  CHECK(got.tags_removed == want.tags_removed);
  CHECK(got.notifications == want.notifications);
  CHECK(got.approvals == want.approvals);
}

// 50 random rule sets x 500 random tickets; returns how many (ticket, rule set) pairs matched a rule.
std::size_t run(std::uint64_t seed) {
  Rng rng(seed);
  std::size_t matched = 0, mismatches = 0;
  Decision d;
  for (int s = 0; s < 50; ++s) {
    const json set = rule_set(rng, s);
    const RuleSet compiled = load(set);
    reference::Interpreter ref(set);
    for (int i = 0; i < 500; ++i) {
      Sample sample(rng);
      compiled.route(sample.ticket, sample.ctx, d);
      const reference::Outcome want = ref.run(sample.ticket, sample.ctx);
      const reference::Outcome got = outcome_of(d);
      if (!d.matched_rules.empty()) ++matched;
      const bool same =
          got.matched_rules == want.matched_rules && got.team == want.team && got.agent == want.agent &&
          got.assign == want.assign && got.priority == want.priority && got.sla_policy == want.sla_policy &&
          got.escalation_level == want.escalation_level && got.escalation_reason == want.escalation_reason &&
          got.tags_added == want.tags_added && got.tags_removed == want.tags_removed &&
          got.notifications == want.notifications && got.approvals == want.approvals;
      if (!same && ++mismatches <= 3) {
        INFO("rule set: " << set.dump());
        INFO("ticket: " << sample.ticket.id << " " << to_string(sample.ticket.request_type));
        INFO(compiled.explain(sample.ticket, sample.ctx).to_text());
        check_same(want, got);
      }
      // Explain reaches the same decision as the fast path, on a sample.
      if (i % 25 == 0) CHECK(describe(compiled.explain(sample.ticket, sample.ctx).decision) == describe(d));
    }
  }
  CHECK(mismatches == 0);
  return matched;
}

}  // namespace

TEST_CASE("rules differential: compiled evaluator agrees with the reference interpreter, seed 1") {
  // Not a trivial agreement: a good share of the pairs match some rule.
  CHECK(run(1) > 5000);
}

TEST_CASE("rules differential: compiled evaluator agrees with the reference interpreter, seed 2") {
  CHECK(run(2) > 5000);
}

TEST_CASE("rules differential: compiled evaluator agrees with the reference interpreter, seed 3") {
  CHECK(run(3) > 5000);
}

TEST_CASE("rules differential: compiled evaluator agrees with the reference interpreter, seed 4") {
  CHECK(run(4) > 5000);
}
