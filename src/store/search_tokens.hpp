#pragma once
// The tokens of the full-text index of tickets, done the way Lucene's CJK bigram filter
// does it (docs/storage.md, "Search"), for every backend with an index: SQLite's FTS5
// (whose unicode61 tokenizer does not segment Chinese and whose trigram tokenizer cannot
// match terms under three characters) and PostgreSQL's tsvector both get the text cut
// into tokens here and only split them on spaces:
//   uni:   every CJK character of the text (ideographs, kana letters, Hangul syllables)
//   bi:    the overlapping pairs of each run of such characters, each run after a "z"
//          token, so that no pair sequence spans two runs or two fields
//   words: the lower-cased words (maximal runs of ASCII letters and digits)
// Each column exists twice: t_* for the subject and description (rewritten with the
// ticket), c_* for comment texts (appended to as comments arrive).
//
// A query (search_match.hpp's terms) becomes tokens that every match must hold: a Latin
// word -> a prefix of a word; one CJK character -> that unigram; two or more -> each of
// their pairs. The indexes keep no token positions (far cheaper to write), so pairs
// cannot be a phrase.
// For a Latin-only term or a CJK term of one or two indexed characters the expression
// is exact; for any other term (three or more CJK characters, CJK punctuation, fullwidth
// forms, Chinese mixed with Latin) it is a necessary condition and each candidate is
// checked with the exact matcher of search_match.hpp.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::detail {

/// Tokens of one ticket's text, ready for the three columns of one half of the index.
struct SearchTokens {
  std::string uni;    ///< CJK characters, space-separated
  std::string bi;     ///< "z" and the CJK pairs of each run, space-separated
  std::string words;  ///< lower-cased ASCII words, space-separated
};

/// Appends the tokens of one field (subject, description or one comment) to `tokens`.
void add_search_text(SearchTokens& tokens, std::string_view text);

/// The tokens of a ticket's subject and description.
SearchTokens ticket_tokens(const Ticket& ticket);

/// The tokens of the comment texts among `events` (search_match.hpp's event_search_text).
SearchTokens comment_tokens(std::span<const Event> events);

/// One token a match must hold.
struct SearchToken {
  /// Which column of the index it is looked up in.
  enum class Kind : std::uint8_t {
    word_prefix,  ///< a lower-cased word that begins some word of the text
    character,    ///< one CJK character (a unigram)
    pair,         ///< two adjacent CJK characters (a bigram)
  };
  Kind kind;         ///< where to look
  std::string text;  ///< the token's text

  friend bool operator==(const SearchToken&, const SearchToken&) = default;
};

/// What the index can say about a query.
struct SearchPlan {
  std::vector<SearchToken> tokens;  ///< a match holds every one; empty when no term narrows anything
  bool exact = true;                ///< whether the index alone decides (no candidate check needed)
};

/// The plan for the terms of a query (detail::search_terms).
SearchPlan plan_search(std::span<const std::string> terms);

}  // namespace ticketcore::detail
