#pragma once
// The full-text semantics of TicketQuery::text (docs/storage.md, "Search"), shared by
// every backend that matches in C++ (MemoryStore) and stated here once.
//
// A query splits on whitespace (ASCII whitespace and U+3000, the ideographic space)
// into terms; a ticket matches when every term matches its searchable text.
// - A term holding a CJK character (Han, kana, Hangul, CJK punctuation, fullwidth
//   forms) matches where it occurs as a substring, byte for byte: Chinese has no spaces
//   to find words by, so "打印" must find "打印机无法连接".
// - Any other term is cut into words the way the text is (maximal runs of ASCII letters
//   and digits; everything else, a CJK character included, breaks a word), and matches
//   when each of its words begins some word of the text, ignoring ASCII case: "print"
//   finds "Printer", "rx-300" finds "RX-300". A term without any word matches anything.
// The searchable text joins the fields with '\n', so no term matches across two fields.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::detail {

/// Whether a byte belongs to a word: an ASCII letter or digit.
inline bool is_word_byte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/// An ASCII letter in lower case; any other byte as it is.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// The terms of a query, in order; empty when the query is blank.
std::vector<std::string> search_terms(std::string_view query);

/// Whether the UTF-8 text holds a CJK character (invalid bytes are not CJK).
bool has_cjk(std::string_view text);

/// Whether one term matches the searchable text.
bool term_matches(std::string_view text, std::string_view term);

/// Whether every term matches the searchable text (true for no terms).
bool matches_all(std::string_view text, std::span<const std::string> terms);

/// Subject, description and the text of public comments, internal comments and progress
/// updates, joined by '\n'; an event whose text cannot be read adds nothing.
std::string searchable_text(const Ticket& ticket, std::span<const Event> events);

/// The text an event adds to its ticket's searchable text (empty for other kinds).
std::string event_search_text(const Event& event);

}  // namespace ticketcore::detail
