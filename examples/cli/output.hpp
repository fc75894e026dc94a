#pragma once
// How results are shown: compact JSON for machines (--json), aligned text tables and
// short figures for people.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/desk.hpp"

namespace ticketcore::cli {

/// Writes JSON text and a newline on stdout.
void print_json(std::string_view text);

/// Columns a UTF-8 text takes on a terminal: wide (CJK, emoji) characters count 2, combining marks 0.
std::size_t display_width(std::string_view text);

/// A text table: a header row and rows, each column as wide as its widest cell.
class Table {
 public:
  /// A table with these column headers.
  explicit Table(std::vector<std::string> headers);
  /// Appends a row (as many cells as headers).
  void add(std::vector<std::string> row);
  /// Whether no row was added.
  bool empty() const { return rows_.empty(); }
  /// Writes the table, two spaces between columns, the last column unpadded.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

/// Writes "name  value" lines, names aligned, leaving out empty values.
void print_fields(const std::vector<std::pair<std::string, std::string>>& fields);

/// A duration for people: "45s", "12m", "2h 05m", "3d 04h", negative with a "-".
std::string format_duration(std::int64_t seconds);
/// A share as a percentage with one decimal ("87.5%"), "-" when absent.
std::string format_percent(std::optional<double> share);
/// A number with at most two decimals ("4.33"), "-" when absent.
std::string format_number(std::optional<double> value);
/// An instant in RFC 3339, "-" when absent.
std::string format_optional(const std::optional<Instant>& at);
/// The items with `separator` between them.
std::string join(const std::vector<std::string>& items, std::string_view separator);
/// "-" for an empty text, else the text.
std::string or_dash(std::string_view text);

/// The line under a page: "3 tickets", and the cursor of the next page when there is one.
void print_page_end(std::size_t count, std::string_view one, std::string_view many, const std::string& next_cursor);

/// A ticket page: a table (number, status, priority, team, assignee, due, subject) and the
/// cursor of the next page; with --json {"tickets": [...], "next_cursor": "..."}.
void print_ticket_page(const Desk& desk, const TicketPage& page, bool json);

/// What the host owes people after a take-in or a change, one "  owed: ..." line each.
void print_host_actions(const std::vector<HostAction>& actions);

/// A change's result: the ticket's new status and version and what the host owes people;
/// with --json the Change's form (docs/json.md).
void print_change(const Change& change, bool json);

}  // namespace ticketcore::cli
