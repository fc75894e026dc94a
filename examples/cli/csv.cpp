#include "csv.hpp"

#include <istream>
#include <ostream>

#include "ticketcore/error.hpp"

namespace ticketcore::cli {

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out << f;
      continue;
    }
    out << '"';
    for (char c : f) out << (c == '"' ? "\"\"" : std::string(1, c));
    out << '"';
  }
  out << "\r\n";
}

CsvReader::CsvReader(std::istream& in) : in_(in) {
  if (in_.peek() == 0xEF) {  // a UTF-8 byte order mark, as spreadsheets write
    char bom[3];
    in_.read(bom, 3);
  }
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (in_.peek() == std::char_traits<char>::eof()) return false;
  const std::string where = "/rows/" + std::to_string(records_);
  std::string field;
  bool quoted = false, in_quotes = false;
  auto end_field = [&] {
    fields.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  for (int ch; (ch = in_.get()) != std::char_traits<char>::eof();) {
    const char c = static_cast<char>(ch);
    if (in_quotes) {
      if (c != '"') {
        field += c;
      } else if (in_.peek() == '"') {
        field += '"';
        in_.get();
      } else {
        in_quotes = false;
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && in_.peek() == '\n') in_.get();
      end_field();
      ++records_;
      return true;
    } else if (c == '"') {
      if (quoted || !field.empty())
        throw Error(ErrorCode::invalid_input, where, "a double quote inside a field that does not begin with one");
      quoted = in_quotes = true;
    } else if (quoted) {
      throw Error(ErrorCode::invalid_input, where, "text after the closing double quote of a field");
    } else {
      field += c;
    }
  }
  if (in_quotes) throw Error(ErrorCode::invalid_input, where, "a quoted field is not closed");
  end_field();
  ++records_;
  return true;
}

}  // namespace ticketcore::cli
