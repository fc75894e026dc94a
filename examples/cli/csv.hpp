#pragma once
// CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field
// holding a comma, a double quote, CR or LF enclosed in double quotes with its quotes
// doubled. Text is UTF-8, passed through unchanged.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace ticketcore::cli {

/// Writes one record, quoting the fields that need it, ended by CRLF.
void write_csv_record(std::ostream& out, const std::vector<std::string>& fields);

/// Reads records one at a time. Accepts LF as well as CRLF line ends and skips a UTF-8 byte
/// order mark at the start; a malformed record throws Error(invalid_input) at "/rows/N"
/// (N counts records, the header being 0).
class CsvReader {
 public:
  /// Reads from `in`, which must outlive the reader.
  explicit CsvReader(std::istream& in);
  /// The next record into `fields`; false at the end of the input.
  bool next(std::vector<std::string>& fields);
  /// How many records were read so far (the header included).
  std::size_t records() const { return records_; }

 private:
  std::istream& in_;
  std::size_t records_ = 0;
};

}  // namespace ticketcore::cli
