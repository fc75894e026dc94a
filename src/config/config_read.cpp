#include "config/config_read.hpp"

#include "config/access_json.hpp"
#include "config/config_write.hpp"
#include "config/cross_references.hpp"
#include "model/json_read.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/customers/profile.hpp"
#include "ticketcore/customers/tags.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::detail {

namespace {

using namespace json_read;

constexpr std::size_t kMaxTeams = limits::list;
constexpr std::size_t kMaxAgents = 10 * limits::list;
constexpr std::int64_t kMaxRetentionDays = 100 * 366;

// Teams or agents, each read by the model's JSON mapping, its errors under path/index.
template <class Person>
std::vector<Person> read_people(const json* list, const std::string& path, std::size_t max) {
  std::vector<Person> out;
  if (!list || list->is_null()) return out;
  if (!list->is_array()) wrong_type(*list, path, "array");
  if (list->size() > max)
    throw_invalid(
        path, "too many items: " + std::to_string(list->size()) + " (at most " + std::to_string(max) + ")");
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back(nested(child(path, i), [&] { return (*list)[i].get<Person>(); }));
  return out;
}

// A section every desk needs: its JSON, or an error naming it.
const json& must_have(const json* section, const std::string& path) {
  if (!section || section->is_null()) throw_invalid(path, "missing required field");
  return *section;
}

NumberFormat read_format(ObjectReader& r, std::string_view key, NumberFormat fallback) {
  std::string pattern;
  if (!r.optional(key, pattern, MaxLength{limits::id})) return fallback;
  return nested(child(r.path(), key), [&] { return NumberFormat(pattern); });
}

// What the "customers" section sets; each part has its defaults when the key is absent.
struct CustomersSection {
  std::string region = "CN";
  TierRules tiers;  // the standard rules
  TagTypes tag_types = TagTypes::standard();
  ProfileSettings profile;
};

TierThreshold read_threshold(const json& j, const std::string& path) {
  TierThreshold t;
  ObjectReader r(j, path);
  r.optional("purchases", t.purchases);
  r.optional("amount", t.amount);
  r.finish();
  return t;
}

// An object sets exactly what it lists: "tiers": {} is no automatic tiers.
TierRules read_tiers(const json& j, const std::string& path) {
  TierRules rules = TierRules::none();
  ObjectReader r(j, path);
  r.optional("window_days", rules.window_days);
  if (const json* v = r.take("vip"); v && !v->is_null()) rules.vip = read_threshold(*v, child(path, "vip"));
  if (const json* v = r.take("strategic"); v && !v->is_null())
    rules.strategic = read_threshold(*v, child(path, "strategic"));
  r.finish();
  check_tier_rules(rules, path);
  return rules;
}

// A list sets exactly its types: "tag_types": [] allows free tags only.
TagTypes read_tag_types(const json& j, const std::string& path) {
  if (!j.is_array()) wrong_type(j, path, "array");
  if (j.size() > limits::list)
    throw_invalid(path, "too many items: " + std::to_string(j.size()) + " (at most " +
                            std::to_string(limits::list) + ")");
  TagTypes types;
  for (std::size_t i = 0; i < j.size(); ++i) {
    TagType t;
    ObjectReader r(j[i], child(path, i));
    r.required("id", t.id, MaxLength{limits::id});
    r.required("name", t.name, MaxLength{limits::name});
    r.optional("values", t.values, MaxItems{limits::list}, MaxLength{limits::tag});
    r.optional("single", t.single);
    r.finish();
    types.types.push_back(std::move(t));
  }
  check_tag_types(types, path);
  return types;
}

CustomersSection read_customers(const json* section) {
  CustomersSection c;
  if (!section || section->is_null()) return c;
  ObjectReader r(*section, "/customers");
  r.optional("default_region", c.region, MaxLength{2});
  if (const json* v = r.take("tag_types"); v && !v->is_null())
    c.tag_types = read_tag_types(*v, "/customers/tag_types");
  if (const json* v = r.take("tiers"); v && !v->is_null()) c.tiers = read_tiers(*v, "/customers/tiers");
  if (const json* v = r.take("profile"); v && !v->is_null()) {
    ObjectReader p(*v, "/customers/profile");
    p.optional("recent_days", c.profile.recent_days);
    p.finish();
  }
  r.finish();
  // Refused here, not at the first phone number: normalize_phone checks the region.
  nested("/customers", [&] { (void)phone_key("", c.region); });
  return c;
}

}  // namespace

std::shared_ptr<const DeskConfig::Impl> read_desk_config(std::string_view text) {
  const json doc = parse_json(text);
  ObjectReader r(doc, "");

  // Take every section first, so that a misspelt key is reported as such, not as a missing one.
  const json* version_id = r.take("version");
  json sla_doc = json::object();
  for (std::string_view key : kSlaKeys)
    if (const json* v = r.take(key); v && !v->is_null()) sla_doc[std::string(key)] = *v;
  const json* escalation_levels = r.take("escalation_levels");
  const json* teams = r.take("teams");
  const json* agents = r.take("agents");
  const json* rules = r.take("rules");
  const json* assignment = r.take("assignment");
  const json* numbers = r.take("numbers");
  const json* retention = r.take("retention");
  const json* access = r.take("access");
  const json* customers = r.take("customers");
  r.finish();

  std::string version;
  read(must_have(version_id, "/version"), "/version", version, MaxLength{limits::id});
  if (version.empty()) throw_invalid("/version", "must not be empty");
  SlaConfig sla = SlaConfig::from_json_text(sla_doc.dump());
  std::vector<Team> team_list = read_people<Team>(&must_have(teams, "/teams"), "/teams", kMaxTeams);
  std::vector<Agent> agent_list = read_people<Agent>(agents, "/agents", kMaxAgents);
  // The rule set checks the teams and agents it names against the desk's own.
  const std::string rules_text = must_have(rules, "/rules").dump();
  RuleSet rule_set = nested("/rules", [&] {
    return RuleSet::from_json_text(rules_text, RoutingDirectory::from(team_list, agent_list));
  });
  const std::string assignment_text = must_have(assignment, "/assignment").dump();
  AssignmentConfig strategies =
      nested("/assignment", [&] { return AssignmentConfig::from_json_text(assignment_text); });
  EscalationPolicy levels;
  if (escalation_levels && !escalation_levels->is_null())
    levels = nested("/escalation_levels",
                    [&] { return EscalationPolicy::from_json_text(escalation_levels->dump()); });

  NumberFormat ticket_numbers = NumberFormat::ticket_default();
  NumberFormat customer_numbers = NumberFormat::customer_default();
  if (numbers && !numbers->is_null()) {
    ObjectReader n(*numbers, "/numbers");
    ticket_numbers = read_format(n, "ticket", ticket_numbers);
    customer_numbers = read_format(n, "customer", customer_numbers);
    n.finish();
  }
  Retention kept;
  if (retention && !retention->is_null()) {
    ObjectReader k(*retention, "/retention");
    k.optional("closed_ticket_days", kept.closed_ticket_days, Range{1, kMaxRetentionDays});
    k.finish();
  }
  CustomersSection customer_settings = read_customers(customers);
  // Profiles read local time in the desk's default calendar's zone (checked with the calendar).
  if (const BusinessCalendar* calendar = sla.calendars.find(""))
    customer_settings.profile.time_zone = calendar->time_zone();
  check_profile_settings(customer_settings.profile, "/customers/profile");
  AccessSection rights;
  if (access && !access->is_null()) rights = read_access(*access, "/access");

  auto impl = std::make_shared<DeskConfig::Impl>(DeskConfig::Impl{
      .version = std::move(version),
      .sla = std::move(sla),
      .escalation_levels = std::move(levels),
      .rules = std::move(rule_set),
      .assignment = std::move(strategies),
      .teams = std::move(team_list),
      .agents = std::move(agent_list),
      .ticket_numbers = std::move(ticket_numbers),
      .customer_numbers = std::move(customer_numbers),
      .retention = kept,
      .access = std::move(rights),
      .default_region = std::move(customer_settings.region),
      .tier_rules = std::move(customer_settings.tiers),
      .tag_types = std::move(customer_settings.tag_types),
      .profile = std::move(customer_settings.profile),
      .text = {},
  });
  check_references(*impl);
  impl->text = canonical_text(*impl, nlohmann::ordered_json::parse(text));
  return impl;
}

}  // namespace ticketcore::detail
