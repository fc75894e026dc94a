#pragma once
// The masking rules on text already cut into grapheme clusters, one file per rule:
// numbers.cpp (phone, identity and bank card numbers), email.cpp, person_name.cpp,
// address.cpp. masking.cpp validates the text and picks the rule.

#include <cstddef>
#include <string>
#include <string_view>

#include "access/graphemes.hpp"
#include "ticketcore/model/enums.hpp"

namespace ticketcore::detail {

/// What stands for the hidden part of an email, an address or a hidden value.
inline constexpr std::string_view kStars = "***";

/// How many characters a short value may show, whatever its rule allows: at most half of
/// them, rounded down, and never so many that fewer than 4 stay hidden (0 for 4 or fewer).
constexpr std::size_t short_value_allowance(std::size_t characters) {
  if (characters <= 4) return 0;
  const std::size_t half = characters / 2;
  return half < characters - 4 ? half : characters - 4;
}

/// The first 3 and last 4 digits of 11 or more, fewer for a shorter number; a "+" and a country
/// code set off by a separator ("+86 ...") stay shown; separators keep their place.
std::string mask_phone(GraphemeSpan phone);
/// The last 4 characters at most (identity and bank card numbers); separators keep their place.
std::string mask_last_four(GraphemeSpan number);
/// Up to 3 characters of the local part, up to 3 stars, then "@" and the domain whole.
std::string mask_email(GraphemeSpan email);
/// The surname with a courtesy title for a known gender, else with the given name starred.
std::string mask_name(GraphemeSpan name, Gender gender);
/// The address down to its district (Chinese) or its last two locality parts (Latin), then ***.
std::string mask_address(GraphemeSpan address);

}  // namespace ticketcore::detail
