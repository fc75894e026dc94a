// Tokens and query plans of the ticket search index (search_tokens.hpp).
#include "store/search_tokens.hpp"

#include <vector>

#include "store/records.hpp"
#include "store/search_match.hpp"

namespace ticketcore::detail {
namespace {

// The CJK characters the index holds: those search_match.hpp calls CJK that FTS5's
// unicode61 keeps whole as token characters (checked code point by code point, see
// tests/sqlite/search_test.cpp), so that both backends index the same characters. CJK punctuation and fullwidth forms are left to the
// exact matcher.
bool indexed(char32_t c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x309D && c <= 0x309F)         // hiragana
         || (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF)      // katakana
         || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)      // Han, extension A
         || (c >= 0xAC00 && c <= 0xD7A3)                                      // Hangul syllables
         || (c >= 0xF900 && c <= 0xFAFF)                                      // Han compatibility
         || (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2EBE0)  // Han B-F
         || (c >= 0x30000 && c <= 0x3134A);                                   // Han G
}

// The length of the UTF-8 character at `at` and its code point; an invalid byte is one
// character of its own that is not indexed (the text went through JSON's UTF-8 check).
std::size_t decode(std::string_view s, std::size_t at, char32_t& value) {
  const auto b0 = static_cast<unsigned char>(s[at]);
  value = 0xFFFD;
  if (b0 < 0x80) return value = b0, 1;
  const std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (length == 0 || at + length > s.size()) return 1;
  char32_t v = b0 & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[at + i]);
    if ((b & 0xC0) != 0x80) return 1;
    v = (v << 6) | (b & 0x3F);
  }
  value = v;
  return length;
}

enum class RunKind { cjk, word, other };

// One maximal run of indexed CJK characters, of word bytes, or of anything else.
struct Run {
  RunKind kind;
  std::string_view text;
  std::vector<std::string_view> chars;  // the characters of a CJK run
};

std::vector<Run> runs(std::string_view text) {
  std::vector<Run> out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode(text, i, c);
    const RunKind kind = indexed(c)                               ? RunKind::cjk
                         : (length == 1 && is_word_byte(text[i])) ? RunKind::word
                                                                  : RunKind::other;
    if (out.empty() || out.back().kind != kind) out.push_back(Run{kind, text.substr(i, 0), {}});
    Run& run = out.back();
    run.text = std::string_view(run.text.data(), run.text.size() + length);
    if (kind == RunKind::cjk) run.chars.push_back(text.substr(i, length));
    i += length;
  }
  return out;
}

// A CJK run's one character, or each of its pairs: 打 for 打, 打印 for 打印, 打印 and 印机
// for 打印机. Without positions, for three or more characters the pairs are a necessary
// condition only (the caller marks the plan inexact).
void add_cjk_tokens(SearchPlan& plan, const Run& run) {
  if (run.chars.size() == 1) {
    plan.tokens.push_back({SearchToken::Kind::character, std::string(run.chars[0])});
    return;
  }
  for (std::size_t i = 0; i + 1 < run.chars.size(); ++i) {
    std::string pair(run.chars[i]);
    pair += run.chars[i + 1];
    plan.tokens.push_back({SearchToken::Kind::pair, std::move(pair)});
  }
}

void add_word_token(SearchPlan& plan, std::string_view word) {
  plan.tokens.push_back({SearchToken::Kind::word_prefix, ascii_lower(word)});
}

}  // namespace

void add_search_text(SearchTokens& tokens, std::string_view text) {
  for (const auto& run : runs(text)) {
    if (run.kind == RunKind::word) {
      tokens.words += ascii_lower(run.text);
      tokens.words += ' ';
    } else if (run.kind == RunKind::cjk) {
      for (auto c : run.chars) {
        tokens.uni += c;
        tokens.uni += ' ';
      }
      if (run.chars.size() < 2) continue;
      tokens.bi += "z ";  // no pair sequence runs on from the previous run
      for (std::size_t i = 0; i + 1 < run.chars.size(); ++i) {
        tokens.bi += run.chars[i];
        tokens.bi += run.chars[i + 1];
        tokens.bi += ' ';
      }
    }
  }
}

SearchTokens ticket_tokens(const Ticket& ticket) {
  SearchTokens tokens;
  add_search_text(tokens, ticket.subject);
  add_search_text(tokens, ticket.description);
  return tokens;
}

SearchTokens comment_tokens(std::span<const Event> events) {
  SearchTokens tokens;
  for (const auto& event : events) add_search_text(tokens, event_search_text(event));
  return tokens;
}

SearchPlan plan_search(std::span<const std::string> terms) {
  SearchPlan plan;
  for (const auto& term : terms) {
    const auto parts = runs(term);
    if (!has_cjk(term)) {
      // Each word of the term must begin some word of the text: exactly the prefix query.
      for (const auto& run : parts)
        if (run.kind == RunKind::word) add_word_token(plan, run.text);
      continue;
    }
    // A substring term: each CJK run of it occurs in the text, and a word run that
    // follows something in the term begins a word there (one at the start may end one).
    plan.exact = plan.exact && parts.size() == 1 && parts[0].kind == RunKind::cjk && parts[0].chars.size() <= 2;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].kind == RunKind::cjk)
        add_cjk_tokens(plan, parts[i]);
      else if (parts[i].kind == RunKind::word && i > 0)
        add_word_token(plan, parts[i].text);
    }
  }
  return plan;
}

}  // namespace ticketcore::detail
