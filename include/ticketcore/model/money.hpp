#pragma once
// An amount of money: a ticket's estimated loss, a solution's fee, a purchase's price.

#include <string>

namespace ticketcore {

/// An amount of money in a currency (ISO 4217 code, "CNY").
struct Money {
  double amount = 0;             ///< in the currency's main unit, >= 0
  std::string currency = "CNY";  ///< three upper-case letters

  friend bool operator==(const Money&, const Money&) = default;
};

}  // namespace ticketcore
