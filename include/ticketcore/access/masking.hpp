#pragma once
// Display masking of customer data (DOMAIN.md section 6): what a role is shown of
// a phone, an email, a name, an identity or bank card number and an address.
// Pure functions: no clock, no I/O, no global mutable state; safe from any thread.
// The rules, the short-value limits and the policy's JSON form are in docs/access.md.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/enums.hpp"

namespace ticketcore {

/// How a value is shown; every rule counts in user-perceived characters (grapheme clusters).
enum class MaskRule : std::uint8_t {
  whole,            ///< shown as is
  phone,            ///< first 3 and last 4 digits: 138****5678
  email,            ///< first 3 characters of the local part, ***, the domain: exa***@example.com
  person_name,      ///< the surname with a courtesy title: 张女士, Mr. Smith
  identity_number,  ///< the last 4 characters at most
  bank_card,        ///< the last 4 digits at most
  address,          ///< down to the district: 上海市浦东新区***
  hidden,           ///< nothing: ***
};

/// A value masked by `rule` (person_name without a known gender); throws Error{invalid_input}
/// at `path` for invalid UTF-8. An empty value stays empty under every rule.
std::string mask(std::string_view value, MaskRule rule, std::string_view path = {});

/// A person's name as the surname with 先生/女士 or Mr./Ms./Mx., or with the given name
/// starred when no title fits the gender; throws Error{invalid_input} at `path` for invalid UTF-8.
std::string mask_person_name(std::string_view name, Gender gender, std::string_view path = {});

/// The rule for each masked field of a customer record, for one role.
struct FieldRules {
  MaskRule name = MaskRule::person_name;                 ///< an individual's name
  MaskRule organization_name = MaskRule::whole;          ///< an enterprise's or a partner's name
  MaskRule company = MaskRule::whole;                    ///< Customer::company
  MaskRule department = MaskRule::whole;                 ///< Customer::department
  MaskRule phones = MaskRule::phone;                     ///< every phone number
  MaskRule emails = MaskRule::email;                     ///< every email address
  MaskRule addresses = MaskRule::address;                ///< every address's text
  MaskRule postal_codes = MaskRule::hidden;              ///< every address's postal code
  MaskRule identity_number = MaskRule::identity_number;  ///< Customer::identity_number
  MaskRule bank_card_number = MaskRule::bank_card;       ///< Customer::bank_card_number

  friend bool operator==(const FieldRules&, const FieldRules&) = default;
};

/// Which rules each role is shown customer records with; a role not listed gets other_roles.
struct MaskingPolicy {
  /// Rules per role name ("agent", "supervisor", "admin", "customer", "system", or any other).
  std::map<std::string, FieldRules, std::less<>> roles;
  /// Rules for every role not in `roles`.
  FieldRules other_roles;

  /// DOMAIN.md's default: every role sees the standard masks (FieldRules{}), admins included;
  /// "customer" (a customer reading their own record) the same but with their own name whole.
  static MaskingPolicy standard();
  /// Reads a policy from JSON text (the form is in docs/access.md); throws Error naming the path.
  static MaskingPolicy from_json_text(std::string_view text);
  /// The policy as JSON text, in the form from_json_text reads.
  std::string to_json_text() const;

  /// The rules for a role: its own entry, else other_roles.
  const FieldRules& rules_for(std::string_view role) const;

  friend bool operator==(const MaskingPolicy&, const MaskingPolicy&) = default;
};

/// A copy of a customer with every field the policy covers masked for `role`; other fields are
/// copied unchanged. Throws Error{invalid_input} naming the field ("/phones/0") for invalid UTF-8.
Customer masked(const Customer& customer, const MaskingPolicy& policy, std::string_view role);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::MaskRule, "whole", "phone", "email", "person_name", "identity_number",
                      "bank_card", "address", "hidden");
