// Reading and writing the "access" section (access_json.hpp, docs/access.md).
#include "config/access_json.hpp"

#include "model/json_read.hpp"

namespace ticketcore::detail {

using namespace json_read;

AccessSection read_access(const nlohmann::json& section, const std::string& path) {
  AccessSection out;
  AccessPolicy& policy = out.rights;
  ObjectReader r(section, path);
  if (const json* masking = r.take("masking"); masking && !masking->is_null())
    out.masking = nested(child(path, "masking"), [&] { return MaskingPolicy::from_json_text(masking->dump()); });
  if (const json* roles = r.take("roles"); roles && !roles->is_null()) {
    const std::string roles_path = child(path, "roles");
    ObjectReader each(*roles, roles_path);
    for (std::size_t k = 0; k < enum_count<ActorKind>(); ++k) {
      const auto role = static_cast<ActorKind>(k);
      const json* entry = each.take(to_string(role));
      if (!entry || entry->is_null()) continue;
      ObjectReader rights(*entry, child(roles_path, to_string(role)));
      RoleRights read_rights;
      rights.required("scope", read_rights.scope);
      rights.required("may", read_rights.may, MaxItems{enum_count<Permission>()});
      rights.finish();
      policy.set(role, std::move(read_rights));
    }
    each.finish();
  }
  r.finish();
  return out;
}

nlohmann::ordered_json access_json(const AccessSection& access) {
  const AccessPolicy& policy = access.rights;
  nlohmann::ordered_json roles = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < enum_count<ActorKind>(); ++k) {
    const auto role = static_cast<ActorKind>(k);
    const RoleRights& rights = policy.rights(role);
    nlohmann::ordered_json may = nlohmann::ordered_json::array();
    for (Permission p : rights.may) may.push_back(std::string(to_string(p)));
    roles[std::string(to_string(role))] = {{"scope", std::string(to_string(rights.scope))}, {"may", may}};
  }
  return {{"roles", roles}, {"masking", nlohmann::ordered_json::parse(access.masking.to_json_text())}};
}

}  // namespace ticketcore::detail
