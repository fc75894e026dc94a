#pragma once
// The search index in FTS5 (store/search_tokens.hpp): one row per ticket, its rowid the
// ticket's row, written in the transaction that writes the ticket or its comments, and
// the MATCH expression of a query's plan.

#include <cstdint>
#include <span>
#include <string>

#include "store/sqlite/connection.hpp"
#include "store/search_tokens.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::detail::sqlite {

/// Adds the index row of a new ticket, with the tokens of the comments it has.
void insert_search_row(Connection& c, std::int64_t row, const SearchTokens& ticket,
                       const SearchTokens& comments);

/// Rewrites the subject-and-description half of a ticket's row when its tokens changed.
void update_search_row(Connection& c, std::int64_t row, const SearchTokens& ticket);

/// Appends comment tokens to a ticket's row.
void append_search_comments(Connection& c, std::int64_t row, const SearchTokens& comments);

/// Removes a ticket's row.
void delete_search_row(Connection& c, std::int64_t row);

/// The FTS5 MATCH expression of a plan: each token on its two columns (t_* and c_*),
/// all joined by AND; empty when the plan has no token.
std::string fts5_match(const SearchPlan& plan);

}  // namespace ticketcore::detail::sqlite
