// Writing the search index rows and their queries (search_rows.hpp).
#include "store/postgres/search_rows.hpp"

namespace ticketcore::detail::postgres {
namespace {

// The longest word kept whole: PostgreSQL refuses lexemes over 2 KiB, and a prefix query
// for a longer term is cut to this and checked exactly.
constexpr std::size_t kLongestWord = 200;

// Appends each space-separated token of `list` as a quoted lexeme tagged `column`.
void add_lexemes(std::string& out, char column, std::string_view list, bool cut) {
  std::size_t at = 0;
  while (at < list.size()) {
    std::size_t end = list.find(' ', at);
    if (end == std::string_view::npos) end = list.size();
    std::string_view token = list.substr(at, end - at);
    at = end + 1;
    if (token.empty() || (column == 'b' && token == "z")) continue;  // "z" only parts runs in FTS5
    if (cut && token.size() > kLongestWord) token = token.substr(0, kLongestWord);
    if (!out.empty()) out += ' ';
    out += '\'';
    out += column;
    for (char c : token) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    out += '\'';
  }
}

}  // namespace

std::string tsvector_text(const SearchTokens& tokens) {
  std::string out;
  add_lexemes(out, 'u', tokens.uni, false);
  add_lexemes(out, 'b', tokens.bi, false);
  add_lexemes(out, 'w', tokens.words, true);
  return out;
}

std::string tsquery_text(SearchPlan& plan) {
  std::string out;
  for (const auto& token : plan.tokens) {
    std::string lexeme;
    switch (token.kind) {
      case SearchToken::Kind::word_prefix:
        if (token.text.size() > kLongestWord) plan.exact = false;
        add_lexemes(lexeme, 'w', token.text, true);
        lexeme += ":*";
        break;
      case SearchToken::Kind::character: add_lexemes(lexeme, 'u', token.text, false); break;
      case SearchToken::Kind::pair: add_lexemes(lexeme, 'b', token.text, false); break;
    }
    if (!out.empty()) out += " & ";
    out += lexeme;
  }
  return out;
}

void insert_search_row(Connection& c, const std::string& ticket_id, const SearchTokens& ticket) {
  c.send("INSERT INTO ticket_search (ticket_id, ticket_tokens, comment_tokens) VALUES ($1, $2::tsvector, '')",
         Params().text(ticket_id).text(tsvector_text(ticket)));
}

void update_search_row(Connection& c, const std::string& ticket_id, const SearchTokens& ticket) {
  // IS DISTINCT FROM: an unchanged subject and description rewrite nothing (and no GIN entry).
  c.send(
      "UPDATE ticket_search SET ticket_tokens = $2::tsvector WHERE ticket_id = $1 "
      "AND ticket_tokens IS DISTINCT FROM $2::tsvector",
      Params().text(ticket_id).text(tsvector_text(ticket)));
}

void append_search_comments(Connection& c, const std::string& ticket_id, const SearchTokens& comments) {
  const std::string lexemes = tsvector_text(comments);
  if (lexemes.empty()) return;
  c.send("UPDATE ticket_search SET comment_tokens = comment_tokens || $2::tsvector WHERE ticket_id = $1",
         Params().text(ticket_id).text(lexemes));
}

}  // namespace ticketcore::detail::postgres
