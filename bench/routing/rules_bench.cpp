// How fast compiled routing rules decide: the preset rule set and a generated
// 50-rule set over 1,000,000 generated tickets (made once, fixed seed), computed
// facts included; against the tree-walking reference interpreter for scale; and a
// 50-rule set over custom attributes, the way a CRM maps its own fields.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <random>

#include "figures.hpp"
#include "routing/reference_interpreter.hpp"
#include "routing/presets.hpp"
#include "ticketcore/routing/rules.hpp"

namespace {

using namespace ticketcore;
using json = nlohmann::json;
using Rng = std::mt19937_64;

constexpr std::size_t kTickets = 1'000'000;
constexpr std::size_t kCustomers = 10'000;

const std::vector<std::string> kTeams = {"technical_support", "customer_relations", "product_specialists",
                                         "senior_specialists", "supervisors"};

template <class T>
const T& pick(Rng& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

// One desk's workload: customers with histories, tickets with their evaluation contexts.
struct Workload {
  std::vector<Customer> customers;
  std::vector<std::vector<Instant>> histories;
  std::vector<Ticket> tickets;
  std::vector<EvaluationContext> contexts;

  Workload() {
    Rng rng(20260501);
    const Instant now = *parse_instant("2026-05-01T06:00:00Z");
    const std::vector<std::string> industries = {"C39", "F51", "I65", "K66"};
    const std::vector<std::string> customer_tags = {"frequent buyer", "price sensitive",
                                                    "cares about after-sales", "enterprise"};
    customers.resize(kCustomers);
    histories.resize(kCustomers);
    for (std::size_t i = 0; i < kCustomers; ++i) {
      Customer& c = customers[i];
      c.id = std::string("C").append(std::to_string(20240000000 + i));
      c.kind = static_cast<CustomerKind>(rng() % 3);
      const auto tier = rng() % 20;
      c.tier = tier < 16 ? CustomerTier::normal : tier < 19 ? CustomerTier::vip : CustomerTier::strategic;
      c.industry = pick(rng, industries);
      if (rng() % 2) c.tags.push_back(pick(rng, customer_tags));
      if (rng() % 3 == 0) c.attributes["credit"] = static_cast<std::int64_t>(rng() % 10);
      const int n = static_cast<int>(rng() % 6);
      for (int k = 0; k < n; ++k)
        histories[i].push_back(now - Seconds{static_cast<long>(rng() % (90 * 86400))});
      std::sort(histories[i].begin(), histories[i].end());
    }
    const std::vector<std::string> subjects = {"Router reboots", "Refund please", "Invoice wrong",
                                               "How to export",  "Printer jams",  "Login fails",
                                               "Delivery late"};
    const std::vector<std::string> tags = {"hardware", "router", "billing", "delivery", "urgent", "app"};
    const std::vector<std::string> subtypes = {"hardware_fault", "software", "usage", "delivery", "billing"};
    const std::vector<std::string> regions = {"east", "west", "north", "south"};
    tickets.resize(kTickets);
    contexts.resize(kTickets);
    for (std::size_t i = 0; i < kTickets; ++i) {
      Ticket& t = tickets[i];
      const std::size_t ci = rng() % kCustomers;
      t.id = std::string("T").append(std::to_string(i));
      t.customer_id = customers[ci].id;
      // About 70% by phone, 30% online (DOMAIN.md).
      t.channel = rng() % 10 < 7 ? Channel::phone : static_cast<Channel>(1 + rng() % 6);
      t.request_type = static_cast<RequestType>(rng() % 4);
      t.subtype = pick(rng, subtypes);
      t.subject = pick(rng, subjects);
      t.urgency = static_cast<Urgency>(rng() % 4);
      t.impact.users_affected = static_cast<std::int64_t>(rng() % 100 == 0 ? 150 : rng() % 20);
      if (rng() % 4 == 0) t.impact.estimated_loss = Money{static_cast<double>(rng() % 200000), "CNY"};
      t.impact.core_business_down = rng() % 50 == 0;
      t.status = static_cast<Status>(rng() % 4);
      if (t.status != Status::new_ticket) {
        t.team = pick(rng, kTeams);
        t.assignee = std::string("a-").append(std::to_string(rng() % 40));
      }
      const int ntags = static_cast<int>(rng() % 3);
      for (int k = 0; k < ntags; ++k) t.tags.push_back(pick(rng, tags));
      if (rng() % 2) t.attributes["region"] = pick(rng, regions);
      t.created_at = now - Seconds{static_cast<long>(rng() % (72 * 3600))};
      t.updated_at = t.created_at + (now - t.created_at) / 2;

      EvaluationContext& ctx = contexts[i];
      ctx.now = now;
      ctx.customer = rng() % 20 ? &customers[ci] : nullptr;
      ctx.customer_ticket_created_at = histories[ci];
      if (rng() % 2) ctx.last_customer_message_at = now - Seconds{static_cast<long>(rng() % (24 * 3600))};
      if (t.status != Status::new_ticket) {
        ctx.assigned_at = now - Seconds{static_cast<long>(rng() % (6 * 3600))};
        if (rng() % 2) ctx.last_progress_at = now - Seconds{static_cast<long>(rng() % (3 * 3600))};
      }
      for (auto& s : ctx.sla)
        if (rng() % 4)
          s = SlaSnapshot{true, static_cast<double>(rng() % 130),
                          Seconds{static_cast<long>(rng() % 86400) - 3600}};
    }
  }
};

const Workload& workload() {
  static const Workload w;
  return w;
}

RoutingDirectory directory() { return RoutingDirectory{kTeams, {}}; }

// A desk's 50 rules: dispatch by type, tier and channel, tags, text patterns, time and
// SLA conditions, history; ending in a catch-all. `stop` on every rule or on none.
json generated_rules(bool stop) {
  Rng rng(50);
  const std::vector<std::string> types = {"consultation", "technical_support", "complaint", "other"};
  const std::vector<std::string> tiers = {"normal", "vip", "strategic"};
  const std::vector<std::string> channels = {"phone", "chat", "email", "portal", "wechat", "app"};
  const std::vector<std::string> tags = {"hardware", "router", "billing", "delivery", "urgent", "app"};
  const std::vector<std::string> patterns = {"(?i)refund|invoice", "^Router", "jams$"};
  json rules = json::array();
  for (int i = 0; i < 49; ++i) {
    json all = json::array();
    all.push_back({{"field", "request_type"}, {"op", "eq"}, {"value", pick(rng, types)}});
    switch (i % 7) {
      case 0:
        all.push_back(
            {{"field", "customer.tier"}, {"op", "in"}, {"value", {pick(rng, tiers), pick(rng, tiers)}}});
        break;
      case 1: all.push_back({{"field", "channel"}, {"op", "eq"}, {"value", pick(rng, channels)}}); break;
      case 2: all.push_back({{"field", "tags"}, {"op", "contains"}, {"value", pick(rng, tags)}}); break;
      case 3:
        all.push_back(
            {{"field", "hours_since_created"}, {"op", "gt"}, {"value", static_cast<int>(rng() % 48)}});
        all.push_back({{"field", "status"}, {"op", "in"}, {"value", {"assigned", "in_progress"}}});
        break;
      case 4:
        all.push_back({{"field", "sla.resolution.percent_used"},
                       {"op", "gte"},
                       {"value", 50 + static_cast<int>(rng() % 60)}});
        break;
      case 5:
        all.push_back({{"field", "customer.tickets_opened"},
                       {"op", "gte"},
                       {"days", 30},
                       {"value", 2 + static_cast<int>(rng() % 3)}});
        all.push_back({{"field", "attributes.region"}, {"op", "eq"}, {"value", "east"}});
        break;
      case 6:
        all.push_back({{"any",
                        {{{"field", "subject"}, {"op", "matches"}, {"value", pick(rng, patterns)}},
                         {{"field", "impact.users_affected"}, {"op", "gte"}, {"value", 100}}}}});
        break;
    }
    json then = {{{"set_team", pick(rng, kTeams)}}, {{"assign_by", i % 2 ? "least_loaded" : "round_robin"}}};
    if (i % 5 == 0) then.push_back({{"add_tag", std::string("rule-").append(std::to_string(i))}});
    if (i % 11 == 0) then.push_back({{"notify", {{"template", "alert"}, {"recipients", {"supervisor"}}}}});
    rules.push_back({{"id", std::string("r").append(std::to_string(i))},
                     {"name", "generated"},
                     {"when", {{"all", all}}},
                     {"then", then},
                     {"stop", stop}});
  }
  rules.push_back({{"id", "catch-all"},
                   {"name", "the rest"},
                   {"when", {{"all", json::array()}}},
                   {"then", {{{"set_team", "supervisors"}}}},
                   {"stop", stop}});
  return json{{"version", stop ? "generated-first" : "generated-all"}, {"rules", rules}};
}

const RuleSet& first_match_rules() {
  static const RuleSet r = RuleSet::from_json_text(generated_rules(true).dump(), directory());
  return r;
}
const RuleSet& all_match_rules() {
  static const RuleSet r = RuleSet::from_json_text(generated_rules(false).dump(), directory());
  return r;
}

void route_all(benchmark::State& state, const RuleSet& rules) {
  const Workload& w = workload();
  Decision d;
  std::size_t i = 0;
  for (auto _ : state) {
    rules.route(w.tickets[i], w.contexts[i], d);
    benchmark::DoNotOptimize(d.team.data());
    if (++i == kTickets) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

// A CRM's own fields as custom attributes: 200,000 tickets carrying category, region,
// tier, language and product as text (plus fields no rule reads), and 50 first-match
// rules whose conditions mostly read those attributes, with tags, priority and impact.
const std::vector<std::string> kCategories = {"billing", "hardware", "software",
                                              "network", "account",  "delivery"};
const std::vector<std::string> kRegions = {"east", "west", "north", "south", "central"};
const std::vector<std::string> kTiers = {"bronze", "silver", "gold", "platinum"};
const std::vector<std::string> kLanguages = {"zh", "en", "ja", "ko"};
const std::vector<std::string> kProducts = {"router", "switch", "printer", "laptop",
                                            "phone",  "tablet", "camera",  "server"};
const std::vector<std::string> kPriorities = {"P1", "P2", "P3", "P4"};
const std::vector<std::string> kTicketTags = {"hardware", "router", "billing", "delivery", "urgent", "app"};

struct AttributeWorkload {
  static constexpr std::size_t kCount = 200'000;
  std::vector<Ticket> tickets;
  EvaluationContext context;

  AttributeWorkload() {
    Rng rng(20260502);
    context.now = *parse_instant("2026-05-01T06:00:00Z");
    tickets.resize(kCount);
    for (std::size_t i = 0; i < kCount; ++i) {
      Ticket& t = tickets[i];
      t.id = std::string("T").append(std::to_string(i));
      t.priority = pick(rng, kPriorities);
      t.impact.users_affected = static_cast<std::int64_t>(rng() % 100 == 0 ? 150 : rng() % 20);
      t.impact.core_business_down = rng() % 50 == 0;
      const int ntags = static_cast<int>(rng() % 3);
      for (int k = 0; k < ntags; ++k) t.tags.push_back(pick(rng, kTicketTags));
      t.attributes["category"] = pick(rng, kCategories);
      t.attributes["region"] = pick(rng, kRegions);
      t.attributes["tier"] = pick(rng, kTiers);
      if (rng() % 10) t.attributes["language"] = pick(rng, kLanguages);
      t.attributes["product"] = pick(rng, kProducts);
      t.attributes["crm_id"] = static_cast<std::int64_t>(rng() % 1'000'000);
      t.attributes["account_manager"] = std::string("am-").append(std::to_string(rng() % 50));
      t.created_at = context.now - Seconds{static_cast<long>(rng() % (72 * 3600))};
      t.updated_at = t.created_at;
    }
  }
};

const AttributeWorkload& attribute_workload() {
  static const AttributeWorkload w;
  return w;
}

json attribute_rules() {
  Rng rng(51);
  auto attr = [](const char* name, const char* op, json value) {
    return json{{"field", std::string("attributes.").append(name)}, {"op", op}, {"value", std::move(value)}};
  };
  auto two = [&](const std::vector<std::string>& v) { return json{pick(rng, v), pick(rng, v)}; };
  json rules = json::array();
  for (int i = 0; i < 49; ++i) {
    json all = json::array();
    switch (i % 8) {
      case 0:
        all.push_back(attr("category", "eq", pick(rng, kCategories)));
        all.push_back(attr("region", "in", two(kRegions)));
        break;
      case 1:
        all.push_back(attr("category", "in", two(kCategories)));
        all.push_back(attr("tier", "eq", pick(rng, kTiers)));
        all.push_back({{"field", "priority"}, {"op", "in"}, {"value", {"P1", "P2"}}});
        break;
      case 2:
        all.push_back(attr("product", "eq", pick(rng, kProducts)));
        all.push_back({{"field", "tags"}, {"op", "contains"}, {"value", pick(rng, kTicketTags)}});
        break;
      case 3:
        all.push_back(attr("tier", "in", {"gold", "platinum"}));
        all.push_back(attr("language", "eq", pick(rng, kLanguages)));
        all.push_back(attr("region", "ne", pick(rng, kRegions)));
        break;
      case 4:
        all.push_back(attr("category", "eq", pick(rng, kCategories)));
        all.push_back(
            {{"field", "impact.users_affected"}, {"op", "gte"}, {"value", 5 + static_cast<int>(rng() % 10)}});
        break;
      case 5:
        all.push_back(attr("product", "in", two(kProducts)));
        all.push_back(attr("region", "eq", pick(rng, kRegions)));
        all.push_back(attr("language", "ne", "zh"));
        break;
      case 6:
        all.push_back(attr("language", "eq", pick(rng, kLanguages)));
        all.push_back(attr("category", "eq", pick(rng, kCategories)));
        all.push_back({{"any",
                        {{{"field", "impact.core_business_down"}, {"op", "eq"}, {"value", true}},
                         {{"field", "priority"}, {"op", "eq"}, {"value", "P1"}}}}});
        break;
      case 7:
        all.push_back(attr("region", "eq", pick(rng, kRegions)));
        all.push_back(attr("category", "not_in", two(kCategories)));
        all.push_back(
            attr("product", "in", {pick(rng, kProducts), pick(rng, kProducts), pick(rng, kProducts)}));
        break;
    }
    json then = {{{"set_team", pick(rng, kTeams)}}, {{"assign_by", i % 2 ? "least_loaded" : "round_robin"}}};
    if (i % 5 == 0) then.push_back({{"add_tag", std::string("rule-").append(std::to_string(i))}});
    rules.push_back({{"id", std::string("a").append(std::to_string(i))},
                     {"name", "generated"},
                     {"when", {{"all", all}}},
                     {"then", then},
                     {"stop", true}});
  }
  rules.push_back({{"id", "catch-all"},
                   {"name", "the rest"},
                   {"when", {{"all", json::array()}}},
                   {"then", {{{"set_team", "supervisors"}}}},
                   {"stop", true}});
  return json{{"version", "generated-attributes"}, {"rules", rules}};
}

void BM_rules_first_match_50_attributes(benchmark::State& state) {
  const AttributeWorkload& w = attribute_workload();
  static const RuleSet rules = RuleSet::from_json_text(attribute_rules().dump(), directory());
  Decision d;
  std::size_t i = 0;
  for (auto _ : state) {
    rules.route(w.tickets[i], w.context, d);
    benchmark::DoNotOptimize(d.team.data());
    if (++i == AttributeWorkload::kCount) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_rules_first_match_50_attributes);

void BM_rules_preset(benchmark::State& state) { route_all(state, detail::preset_rule_set()); }
BENCHMARK(BM_rules_preset);

void BM_rules_first_match_50(benchmark::State& state) { route_all(state, first_match_rules()); }
BENCHMARK(BM_rules_first_match_50);

void BM_rules_all_match_50(benchmark::State& state) { route_all(state, all_match_rules()); }
BENCHMARK(BM_rules_all_match_50);

void BM_rules_explain_50(benchmark::State& state) {
  const Workload& w = workload();
  const RuleSet& rules = first_match_rules();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rules.explain(w.tickets[i], w.contexts[i]));
    if (++i == kTickets) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_rules_explain_50);

void BM_rules_first_match_50_reference(benchmark::State& state) {
  const Workload& w = workload();
  reference::Interpreter ref(generated_rules(true));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ref.run(w.tickets[i], w.contexts[i]));
    if (++i == kTickets) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_rules_first_match_50_reference);

const bool registered = bench::add_figures({
    {"routing.first_match_per_s", "BM_rules_first_match_50", "", "tickets/s"},
    {"routing.all_match_per_s", "BM_rules_all_match_50", "", "tickets/s"},
    {"routing.explain_per_s", "BM_rules_explain_50", "", "tickets/s"},
    {"routing.preset_per_s", "BM_rules_preset", "", "tickets/s"},
    {"routing.first_match_vs_reference", "BM_rules_first_match_50", "BM_rules_first_match_50_reference", "x"},
    {"routing.first_match_attributes_per_s", "BM_rules_first_match_50_attributes", "", "tickets/s"},
});

}  // namespace
