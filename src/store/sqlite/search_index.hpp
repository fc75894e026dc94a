#pragma once
// The full-text index of tickets, done the way Lucene's CJK bigram filter does it
// (docs/sqlite.md, "Search"). FTS5's unicode61 tokenizer does not segment Chinese and
// the trigram tokenizer cannot match terms under three characters, so the text is cut
// into tokens here and FTS5 only splits them on spaces:
//   uni:   every CJK character of the text (ideographs, kana letters, Hangul syllables)
//   bi:    the overlapping pairs of each run of such characters, each run after a "z"
//          token, so that no pair sequence spans two runs or two fields
//   words: the lower-cased words (maximal runs of ASCII letters and digits)
// Each column exists twice: t_* for the subject and description (rewritten with the
// ticket), c_* for comment texts (appended to as comments arrive).
//
// A query (search_match.hpp's terms) becomes an FTS5 expression that every match
// must satisfy: a Latin word -> "word"* on the words; one CJK character -> that token
// on the unigrams; two or more -> each of their pairs on the bigrams. The index keeps no
// token positions (detail=column: far cheaper to write), so pairs cannot be a phrase.
// For a Latin-only term or a CJK term of one or two indexed characters the expression
// is exact; for any other term (three or more CJK characters, CJK punctuation, fullwidth
// forms, Chinese mixed with Latin) it is a necessary condition and each candidate is
// checked with the exact matcher of search_match.hpp.

#include <span>
#include <string>
#include <string_view>

namespace ticketcore::detail::sqlite {

/// Tokens of one ticket's text, ready for the three columns of one half of the index.
struct SearchTokens {
  std::string uni;    ///< CJK characters, space-separated
  std::string bi;     ///< "z" and the CJK pairs of each run, space-separated
  std::string words;  ///< lower-cased ASCII words, space-separated
};

/// Appends the tokens of one field (subject, description or one comment) to `tokens`.
void add_search_text(SearchTokens& tokens, std::string_view text);

/// What the index can say about a query.
struct SearchPlan {
  std::string match;  ///< the FTS5 MATCH expression; empty when no term narrows anything
  bool exact = true;  ///< whether the index alone decides (no candidate check needed)
};

/// The plan for the terms of a query (detail::search_terms).
SearchPlan plan_search(std::span<const std::string> terms);

}  // namespace ticketcore::detail::sqlite
