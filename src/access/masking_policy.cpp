// The masking policy: which rules a role sees customer records with, and masked(Customer).

#include <string>

#include "ticketcore/access/masking.hpp"

namespace ticketcore {

MaskingPolicy MaskingPolicy::standard() {
  MaskingPolicy p;
  // Admins too: an unmasked read is a separate, audited call, not a role's default view.
  for (const char* role : {"agent", "supervisor", "admin", "system"}) p.roles.emplace(role, FieldRules{});
  // A customer is only ever shown their own record, and knows their own name; the numbers stay
  // masked all the same, since a shared screen or a stolen session should not reveal them.
  FieldRules own;
  own.name = MaskRule::whole;
  p.roles.emplace("customer", own);
  return p;
}

const FieldRules& MaskingPolicy::rules_for(std::string_view role) const {
  const auto it = roles.find(role);
  return it == roles.end() ? other_roles : it->second;
}

namespace {

std::string item_path(std::string_view field, std::size_t i) {
  return std::string(field) + "/" + std::to_string(i);
}

// The gender only picks a courtesy title, so only the customer's own name is given it.
std::string apply(MaskRule rule, std::string_view value, const std::string& path,
                  Gender gender = Gender::unspecified) {
  return rule == MaskRule::person_name ? mask_person_name(value, gender, path) : mask(value, rule, path);
}

}  // namespace

Customer masked(const Customer& customer, const MaskingPolicy& policy, std::string_view role) {
  const FieldRules& rules = policy.rules_for(role);
  Customer out = customer;
  const MaskRule name_rule = customer.kind == CustomerKind::individual ? rules.name : rules.organization_name;
  out.name = apply(name_rule, customer.name, "/name", customer.gender);
  out.company = apply(rules.company, customer.company, "/company");
  out.department = apply(rules.department, customer.department, "/department");
  for (std::size_t i = 0; i < out.phones.size(); ++i)
    out.phones[i] = apply(rules.phones, customer.phones[i], item_path("/phones", i));
  for (std::size_t i = 0; i < out.emails.size(); ++i)
    out.emails[i] = apply(rules.emails, customer.emails[i], item_path("/emails", i));
  for (std::size_t i = 0; i < out.addresses.size(); ++i) {
    const std::string path = item_path("/addresses", i);
    out.addresses[i].text = apply(rules.addresses, customer.addresses[i].text, path + "/text");
    out.addresses[i].postal_code =
        apply(rules.postal_codes, customer.addresses[i].postal_code, path + "/postal_code");
  }
  out.identity_number = apply(rules.identity_number, customer.identity_number, "/identity_number");
  out.bank_card_number = apply(rules.bank_card_number, customer.bank_card_number, "/bank_card_number");
  return out;
}

}  // namespace ticketcore
