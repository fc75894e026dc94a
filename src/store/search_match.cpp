// The full-text matcher of TicketQuery::text; the semantics are in search_match.hpp.
#include "store/search_match.hpp"

#include <cstdint>

#include "ticketcore/model/event_payloads.hpp"

namespace ticketcore::detail {
namespace {

// One decoded code point and its length in bytes; an invalid byte reads as U+FFFD of length 1.
struct CodePoint {
  char32_t value;
  std::size_t length;
};

CodePoint decode(std::string_view s, std::size_t at) {
  const auto b0 = static_cast<unsigned char>(s[at]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (length == 0 || b0 > 0xF4 || at + length > s.size()) return {0xFFFD, 1};
  char32_t value = b0 & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[at + i]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (b & 0x3F);
  }
  return {value, length};
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF)       // radicals
         || (c >= 0x3000 && c <= 0x303F)    // CJK symbols and punctuation
         || (c >= 0x3040 && c <= 0x31FF)    // kana, bopomofo, Hangul compatibility jamo
         || (c >= 0x3400 && c <= 0x4DBF)    // Han extension A
         || (c >= 0x4E00 && c <= 0x9FFF)    // Han
         || (c >= 0xAC00 && c <= 0xD7AF)    // Hangul syllables
         || (c >= 0xF900 && c <= 0xFAFF)    // Han compatibility
         || (c >= 0xFF00 && c <= 0xFFEF)    // fullwidth forms ("，", "（")
         || (c >= 0x20000 && c <= 0x3FFFF);  // Han extensions B and later
}

bool is_space(std::string_view s, std::size_t at, std::size_t& length) {
  const char c = s[at];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return length = 1, true;
  // U+3000, the ideographic space a Chinese input method types.
  if (s.substr(at, 3) == "\xE3\x80\x80") return length = 3, true;
  return false;
}

// The words of a text: maximal runs of ASCII letters and digits. A UTF-8 byte is never
// an ASCII letter, so multi-byte characters (CJK ones included) break words unseen.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    if (!f(text.substr(i, end - i))) return;
    i = end;
  }
}

bool begins_with_ignoring_case(std::string_view word, std::string_view prefix) {
  if (prefix.size() > word.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(word[i]) != ascii_lower(prefix[i])) return false;
  return true;
}

bool some_word_begins_with(std::string_view text, std::string_view prefix) {
  bool found = false;
  for_each_word(text, [&](std::string_view word) {
    found = begins_with_ignoring_case(word, prefix);
    return !found;
  });
  return found;
}

}  // namespace

std::vector<std::string> search_terms(std::string_view query) {
  std::vector<std::string> terms;
  std::string term;
  for (std::size_t i = 0; i < query.size();) {
    std::size_t length = 0;
    if (is_space(query, i, length)) {
      if (!term.empty()) terms.push_back(std::move(term));
      term.clear();
      i += length;
    } else {
      term += query[i++];
    }
  }
  if (!term.empty()) terms.push_back(std::move(term));
  return terms;
}

bool has_cjk(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = decode(text, i);
    if (is_cjk(cp.value)) return true;
    i += cp.length;
  }
  return false;
}

bool term_matches(std::string_view text, std::string_view term) {
  if (has_cjk(term)) return text.find(term) != std::string_view::npos;
  bool all = true;
  for_each_word(term, [&](std::string_view word) {
    all = some_word_begins_with(text, word);
    return all;
  });
  return all;
}

bool matches_all(std::string_view text, std::span<const std::string> terms) {
  for (const auto& term : terms)
    if (!term_matches(text, term)) return false;
  return true;
}

std::string event_search_text(const Event& event) {
  try {
    switch (event.kind) {
      case EventKind::public_comment: return events::read_key(event, &events::PublicComment::text);
      case EventKind::internal_comment: return events::read_key(event, &events::InternalComment::text);
      case EventKind::progress_update: return events::read_key(event, &events::ProgressUpdate::text);
      default: return {};
    }
  } catch (const Error&) {
    // A malformed payload is the writer's bug; search skips it rather than failing every query.
    return {};
  }
}

std::string searchable_text(const Ticket& ticket, std::span<const Event> events) {
  std::string text = ticket.subject;
  text += '\n';
  text += ticket.description;
  for (const auto& event : events) {
    auto comment = event_search_text(event);
    if (comment.empty()) continue;
    text += '\n';
    text += comment;
  }
  return text;
}

}  // namespace ticketcore::detail
