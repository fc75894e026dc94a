// in_warranty: the purchases a ticket concerns, each checked against its warranty period.
#include "ticketcore/customers/warranty.hpp"

#include <optional>
#include <string>
#include <variant>

namespace ticketcore {

namespace {

// The attribute's text (an integer as its decimal digits), or nullopt when absent, empty or of another kind.
std::optional<std::string> attribute_text(const Attributes& attributes, std::string_view name) {
  auto it = attributes.find(name);
  if (it == attributes.end()) return std::nullopt;
  if (const auto* text = std::get_if<std::string>(&it->second))
    return text->empty() ? std::nullopt : std::optional<std::string>(*text);
  if (const auto* number = std::get_if<std::int64_t>(&it->second)) return std::to_string(*number);
  return std::nullopt;
}

}  // namespace

bool in_warranty(const Customer& customer, const Ticket& ticket, Instant at) {
  const std::optional<std::string> serial = attribute_text(ticket.attributes, "serial_number");
  const std::optional<std::string> order = attribute_text(ticket.attributes, "order_number");
  for (const Purchase& p : customer.purchases) {
    if (serial && p.serial_number != *serial) continue;
    if (order && p.order_number != *order) continue;
    if (!p.warranty_until || *p.warranty_until < at) continue;
    if (p.purchased_at && *p.purchased_at > at) continue;
    return true;
  }
  return false;
}

}  // namespace ticketcore
