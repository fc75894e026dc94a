// Writing the search index rows and their queries (search_rows.hpp).
#include "store/sqlite/search_rows.hpp"

namespace ticketcore::detail::sqlite {

void insert_search_row(Connection& c, std::int64_t row, const SearchTokens& ticket,
                       const SearchTokens& comments) {
  auto s = c.statement(
      "INSERT INTO ticket_search (rowid, t_uni, t_bi, t_words, c_uni, c_bi, c_words) VALUES (?, ?, ?, ?, ?, "
      "?, ?)");
  s->bind(1, row);
  s->bindNoCopy(2, ticket.uni);
  s->bindNoCopy(3, ticket.bi);
  s->bindNoCopy(4, ticket.words);
  s->bindNoCopy(5, comments.uni);
  s->bindNoCopy(6, comments.bi);
  s->bindNoCopy(7, comments.words);
  s->exec();
}

void update_search_row(Connection& c, std::int64_t row, const SearchTokens& ticket) {
  {
    // An FTS5 update re-indexes the whole row, comments included: skip it when nothing changed.
    auto s = c.statement("SELECT t_uni, t_bi, t_words FROM ticket_search WHERE rowid = ?");
    s->bind(1, row);
    if (s->executeStep() && s->getColumn(0).getString() == ticket.uni &&
        s->getColumn(1).getString() == ticket.bi && s->getColumn(2).getString() == ticket.words)
      return;
  }
  auto s = c.statement("UPDATE ticket_search SET t_uni = ?, t_bi = ?, t_words = ? WHERE rowid = ?");
  s->bindNoCopy(1, ticket.uni);
  s->bindNoCopy(2, ticket.bi);
  s->bindNoCopy(3, ticket.words);
  s->bind(4, row);
  s->exec();
}

void append_search_comments(Connection& c, std::int64_t row, const SearchTokens& comments) {
  if (comments.uni.empty() && comments.bi.empty() && comments.words.empty()) return;
  auto s = c.statement(
      "UPDATE ticket_search SET c_uni = c_uni || ?, c_bi = c_bi || ?, c_words = c_words || ? WHERE rowid = "
      "?");
  s->bindNoCopy(1, comments.uni);
  s->bindNoCopy(2, comments.bi);
  s->bindNoCopy(3, comments.words);
  s->bind(4, row);
  s->exec();
}

void delete_search_row(Connection& c, std::int64_t row) {
  auto s = c.statement("DELETE FROM ticket_search WHERE rowid = ?");
  s->bind(1, row);
  s->exec();
}

std::string fts5_match(const SearchPlan& plan) {
  std::string match;
  for (const auto& token : plan.tokens) {
    if (!match.empty()) match += " AND ";
    switch (token.kind) {
      case SearchToken::Kind::word_prefix: match += "{t_words c_words} : \""; break;
      case SearchToken::Kind::character: match += "{t_uni c_uni} : \""; break;
      case SearchToken::Kind::pair: match += "{t_bi c_bi} : \""; break;
    }
    match += token.text;
    match += '"';
    if (token.kind == SearchToken::Kind::word_prefix) match += '*';
  }
  return match;
}

}  // namespace ticketcore::detail::sqlite
