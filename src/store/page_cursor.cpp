// Keyset paging cursors (page_cursor.hpp).
#include "store/page_cursor.hpp"

#include <charconv>

#include "ticketcore/error.hpp"

namespace ticketcore::detail {
namespace {

constexpr std::string_view kTicketMark = "t1.";
constexpr std::string_view kCustomerMark = "c1.";
constexpr std::string_view kAuditMark = "a1.";

[[noreturn]] void bad_cursor(std::string_view why) {
  throw_invalid("/after", "not a cursor of this query: " + std::string(why));
}

char order_letter(TicketOrder order) {
  switch (order) {
    case TicketOrder::created_at: return 'c';
    case TicketOrder::updated_at: return 'u';
    case TicketOrder::due_at: return 'd';
    case TicketOrder::id: return 'i';
  }
  return '?';
}

}  // namespace

void check_page_limit(std::size_t limit) {
  if (limit < 1 || limit > 1000)
    throw_invalid("/limit", "must be 1 to 1000, not " + std::to_string(limit));
}

std::optional<Instant> ticket_sort_key(TicketOrder order, const Ticket& ticket, const TicketSchedule& schedule) {
  switch (order) {
    case TicketOrder::created_at: return ticket.created_at;
    case TicketOrder::updated_at: return ticket.updated_at;
    case TicketOrder::due_at: return schedule.due_at;
    case TicketOrder::id: return std::nullopt;
  }
  return std::nullopt;
}

// "t1.<order><a|d>.<unix seconds or ->.<id>": the id goes last so it needs no escaping.
std::string encode_ticket_cursor(TicketOrder order, bool descending, const TicketCursor& cursor) {
  std::string text(kTicketMark);
  text += order_letter(order);
  text += descending ? 'd' : 'a';
  text += '.';
  text += cursor.key ? std::to_string(to_unix(*cursor.key)) : "-";
  text += '.';
  text += cursor.id;
  return text;
}

TicketCursor decode_ticket_cursor(std::string_view text, TicketOrder order, bool descending) {
  if (!text.starts_with(kTicketMark)) bad_cursor("unknown form");
  text.remove_prefix(kTicketMark.size());
  if (text.size() < 3 || text[0] != order_letter(order) || text[1] != (descending ? 'd' : 'a') || text[2] != '.')
    bad_cursor("made for another order or direction");
  text.remove_prefix(3);
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) bad_cursor("no id");
  const auto key_text = text.substr(0, dot);
  TicketCursor cursor;
  cursor.id = std::string(text.substr(dot + 1));
  if (cursor.id.empty()) bad_cursor("no id");
  if (key_text != "-") {
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(key_text.data(), key_text.data() + key_text.size(), seconds);
    if (ec != std::errc() || end != key_text.data() + key_text.size() || key_text.empty()) bad_cursor("bad key");
    cursor.key = from_unix(seconds);
  }
  // Only the due_at order has rows without a key, and the id order has none at all.
  if (order == TicketOrder::id ? cursor.key.has_value() : (!cursor.key && order != TicketOrder::due_at))
    bad_cursor("bad key");
  return cursor;
}

bool ticket_before(bool descending, const TicketCursor& a, const TicketCursor& b) {
  if (a.key.has_value() != b.key.has_value()) return a.key.has_value();  // keyless rows last
  if (a.key && *a.key != *b.key) return descending ? *a.key > *b.key : *a.key < *b.key;
  return descending ? a.id > b.id : a.id < b.id;
}

std::string prefix_bound(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

std::string encode_customer_cursor(std::string_view id) { return std::string(kCustomerMark) + std::string(id); }

std::string decode_customer_cursor(std::string_view text) {
  if (!text.starts_with(kCustomerMark) || text.size() == kCustomerMark.size()) bad_cursor("unknown form");
  return std::string(text.substr(kCustomerMark.size()));
}

std::string encode_audit_cursor(std::int64_t sequence) { return std::string(kAuditMark) + std::to_string(sequence); }

std::int64_t decode_audit_cursor(std::string_view text) {
  if (!text.starts_with(kAuditMark)) bad_cursor("unknown form");
  const std::string_view digits = text.substr(kAuditMark.size());
  std::int64_t sequence = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), sequence);
  if (ec != std::errc() || end != digits.data() + digits.size() || sequence < 1) bad_cursor("unknown form");
  return sequence;
}

}  // namespace ticketcore::detail
