#pragma once
// The search index in PostgreSQL (docs/postgres.md, "Search"): the tokens of
// store/search_tokens.hpp as the lexemes of a tsvector, one row of ticket_search per
// ticket under a GIN index, and a query's plan as a tsquery. A lexeme carries its column
// as a first letter: u (a CJK character), b (a pair), w (a word); the lexemes are cast
// from text, so no text search configuration touches them.

#include <span>
#include <string>

#include "store/postgres/connection.hpp"
#include "store/search_tokens.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::detail::postgres {

/// The tsvector text of some tokens ("'u打' 'b打印' 'wprint'").
std::string tsvector_text(const SearchTokens& tokens);

/// The tsquery text of a plan ("'b打印' & 'wprint':*"); empty when it has no token.
/// A word longer than the index keeps is cut, and the plan marked inexact.
std::string tsquery_text(SearchPlan& plan);

/// Adds the index row of a new ticket.
void insert_search_row(Connection& c, const std::string& ticket_id, const SearchTokens& ticket);

/// Rewrites the subject-and-description half of a ticket's row.
void update_search_row(Connection& c, const std::string& ticket_id, const SearchTokens& ticket);

/// Appends comment tokens to a ticket's row.
void append_search_comments(Connection& c, const std::string& ticket_id, const SearchTokens& comments);

}  // namespace ticketcore::detail::postgres
