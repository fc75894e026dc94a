#pragma once
// Custom attributes: the host's own fields on a customer, ticket or event.

#include <cstdint>
#include <map>
#include <string>
#include <variant>

namespace ticketcore {

/// One custom attribute value: null, a boolean, an integer, a number or text.
using AttributeValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

/// Custom attributes by name, ordered so that JSON output is stable.
using Attributes = std::map<std::string, AttributeValue, std::less<>>;

}  // namespace ticketcore
