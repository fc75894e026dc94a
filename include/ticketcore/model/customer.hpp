#pragma once
// The customer record shared by sales, service and after-sales (DOMAIN.md section 6).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/money.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// A postal address with a label ("office", "home").
struct Address {
  std::string label;        ///< what the address is for; may be empty
  std::string text;         ///< the address as written, required
  std::string postal_code;  ///< may be empty

  friend bool operator==(const Address&, const Address&) = default;
};

/// One purchase: what warranty, after-sales and the tier rules look up.
struct Purchase {
  std::string id;                         ///< "P" + yyyymmdd + serial, given by the desk when recorded
  std::string product;                    ///< product name, required
  std::string model;                      ///< product model
  std::string serial_number;              ///< device serial number
  std::string order_number;               ///< sales order number
  std::optional<Instant> purchased_at;    ///< when it was bought
  std::optional<Instant> warranty_until;  ///< end of the warranty
  std::optional<Money> price;             ///< what the customer paid; the tier rules add it up
  Instant recorded_at{};                  ///< when the desk recorded it

  friend bool operator==(const Purchase&, const Purchase&) = default;
};

/// A customer: a person, an enterprise or a partner.
struct Customer {
  std::string id;                                ///< "C" + yyyymmdd + serial, e.g. C20240501001
  CustomerKind kind = CustomerKind::individual;  ///< individual, enterprise or partner
  std::string name;                              ///< a person's name or an enterprise's full name, required
  std::string company;                           ///< enterprise customers' company
  std::string department;                        ///< enterprise customers' department
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::vector<Address> addresses;
  std::string industry;                      ///< national industry classification code or name
  CustomerTier tier = CustomerTier::normal;  ///< normal, vip or strategic
  std::vector<std::string> tags;             ///< "frequent buyer", "price sensitive", ...
  Gender gender = Gender::unspecified;
  std::optional<Date> birth_date;
  std::string identity_number;   ///< never shown whole
  std::string bank_card_number;  ///< never shown whole
  std::vector<Purchase> purchases;
  Attributes attributes;  ///< the host's custom fields
  Instant created_at{};   ///< also the sign-up date
  Instant updated_at{};
  std::string merged_into;  ///< the kept record's id once merged into it as a duplicate; empty otherwise
  std::int64_t version = 0;  ///< bumped by every stored change, for optimistic locking

  friend bool operator==(const Customer&, const Customer&) = default;
};

}  // namespace ticketcore
