// The JSON form of a masking policy (docs/access.md):
//   {"roles": {"agent": {"phones": "phone", ...}, ...}, "other_roles": {...}}
// A field a role's object leaves out keeps its standard rule, and so does every field of
// other_roles when it is left out: leaving something out never unmasks it.

#include <array>
#include <utility>

#include "model/json_read.hpp"
#include "ticketcore/access/masking.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/model/limits.hpp"

namespace ticketcore {

namespace {

using detail::json_read::child;
using detail::json_read::ObjectReader;
using nlohmann::json;

// Each field's JSON key, in the order they are written.
constexpr auto kFields = std::to_array<std::pair<std::string_view, MaskRule FieldRules::*>>({
    {"name", &FieldRules::name},
    {"organization_name", &FieldRules::organization_name},
    {"company", &FieldRules::company},
    {"department", &FieldRules::department},
    {"phones", &FieldRules::phones},
    {"emails", &FieldRules::emails},
    {"addresses", &FieldRules::addresses},
    {"postal_codes", &FieldRules::postal_codes},
    {"identity_number", &FieldRules::identity_number},
    {"bank_card_number", &FieldRules::bank_card_number},
});

FieldRules read_rules(const json& j, const std::string& path) {
  FieldRules rules;
  ObjectReader r(j, path);
  for (const auto& [key, field] : kFields) r.optional(key, rules.*field);
  r.finish();
  return rules;
}

// Role names are non-empty UTF-8 of limits::id bytes at most, read or written.
void check_role_name(const std::string& role) {
  if (!detail::json_read::valid_utf8(role)) throw_invalid("/roles", "a role name is not UTF-8");
  const std::string path = child("/roles", role);
  if (role.empty()) throw_invalid(path, "a role name must not be empty");
  if (role.size() > limits::id)
    throw_invalid(path, "role name too long: " + std::to_string(role.size()) + " bytes (at most " +
                            std::to_string(limits::id) + ")");
}

json rules_json(const FieldRules& rules) {
  json j = json::object();
  for (const auto& [key, field] : kFields) j[std::string(key)] = std::string(to_string(rules.*field));
  return j;
}

}  // namespace

MaskingPolicy MaskingPolicy::from_json_text(std::string_view text) {
  const json j = parse_json(text);
  MaskingPolicy policy;
  ObjectReader r(j, "");
  const json* roles = r.take("roles");
  if (!roles) throw_invalid("/roles", "missing required field");
  if (!roles->is_object()) detail::json_read::wrong_type(*roles, "/roles", "object");
  if (roles->size() > limits::list)
    throw_invalid("/roles", "too many roles: " + std::to_string(roles->size()) + " (at most " +
                                std::to_string(limits::list) + ")");
  for (const auto& [role, rules] : roles->items()) {
    check_role_name(role);
    policy.roles.emplace(role, read_rules(rules, child("/roles", role)));
  }
  if (const json* other = r.take("other_roles"); other && !other->is_null())
    policy.other_roles = read_rules(*other, "/other_roles");
  r.finish();
  return policy;
}

std::string MaskingPolicy::to_json_text() const {
  json roles_json = json::object();
  for (const auto& [role, rules] : roles) {
    check_role_name(role);  // a policy built in code must still read back
    roles_json[role] = rules_json(rules);
  }
  json j = json::object();
  j["roles"] = std::move(roles_json);
  j["other_roles"] = rules_json(other_roles);
  return j.dump(2);
}

}  // namespace ticketcore
