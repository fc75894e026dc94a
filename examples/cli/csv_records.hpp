#pragma once
// Customers and tickets as CSV rows (docs/cli.md, "CSV columns"): the columns, a record
// as a row for export, and a row read back as what the desk takes in (a customer to
// register, a ticket request). Rows are read through the model's JSON mapping, so a bad
// cell is refused with the field's path, as everywhere else.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::cli {

/// The columns of a customers file, in the order export writes them.
const std::vector<std::string>& customer_columns();
/// The columns of a tickets file, in the order export writes them.
const std::vector<std::string>& ticket_columns();

/// Several values (phones, emails, tags) as one cell: separated by ';'.
std::string list_cell(const std::vector<std::string>& items);

/// A customer as a row of customer_columns().
std::vector<std::string> customer_row(const Customer& customer);
/// A ticket as a row of ticket_columns().
std::vector<std::string> ticket_row(const Ticket& ticket);

/// A CSV header row checked against the known columns: it finds a row's cells by column name.
class CsvHeader {
 public:
  /// Checks the header: an unknown or repeated column is Error(invalid_input) at "/rows/0/<column>".
  CsvHeader(const std::vector<std::string>& header, const std::vector<std::string>& known);
  /// The row's cell in `column`, "" when the file has no such column.
  std::string cell(const std::vector<std::string>& row, const std::string& column) const;

 private:
  std::map<std::string, std::size_t> index_;
};

/// A record's cells by column name ("" for none): a CSV row, or a command's options.
using Cells = std::function<std::string(const std::string& column)>;

/// The cells of one row of a file with this header.
Cells cells_of(const CsvHeader& header, const std::vector<std::string>& row);

/// The customer the cells describe, to register: id, created_at and the other columns the desk
/// sets are not read. Errors name the field ("/phones/0"); the caller adds the row.
Customer customer_from_cells(const Cells& cell);
/// The request the cells describe, to take in: only the columns a request carries are read
/// (customer_id, channel, request_type, subtype, subject, description, urgency,
/// users_affected, core_business_down, expected_resolution_at, tags); the desk sets the rest.
Ticket request_from_cells(const Cells& cell);

}  // namespace ticketcore::cli
