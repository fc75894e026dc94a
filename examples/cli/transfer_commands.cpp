// import and export: JSON lines (the store's full backup, docs/storage.md "Export format")
// and CSV (customers and tickets as rows, docs/cli.md "CSV columns").
//
// JSON lines work on the file itself, below the desk: an export is everything the file
// holds, and an import fills a new file; whoever can read the file can read it all, so
// they take no actor. A CSV import goes through the desk as the actor: each customer row
// is registered and each ticket row taken in, with every check and number the desk gives.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "csv.hpp"
#include "csv_records.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "ticketcore/store/export.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

enum class Records { customers, tickets };

Records records_of(const std::string& word) {
  if (word == "customers") return Records::customers;
  if (word == "tickets") return Records::tickets;
  throw UsageError("--csv: expected customers or tickets, got \"" + word + "\"");
}

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- export ----

// Writes one CSV file of every customer (merged records included) or every ticket, by id.
std::uint64_t export_csv(StoreTransaction& tx, Records what, std::ostream& out, Progress& progress) {
  std::uint64_t rows = 0;
  if (what == Records::customers) {
    write_csv_record(out, customer_columns());
    CustomerQuery q;
    q.include_merged = true;
    q.limit = 1000;
    do {
      const CustomerPage page = tx.customers(q);
      for (const Customer& c : page.customers) write_csv_record(out, customer_row(c));
      rows += page.customers.size();
      progress.advance(page.customers.size());
      q.after = page.next_cursor;
    } while (!q.after.empty());
  } else {
    write_csv_record(out, ticket_columns());
    TicketQuery q;
    q.order = TicketOrder::id;
    q.limit = 1000;
    do {
      const TicketPage page = tx.tickets(q);
      for (const Ticket& t : page.tickets) write_csv_record(out, ticket_row(t));
      rows += page.tickets.size();
      progress.advance(page.tickets.size());
      q.after = page.next_cursor;
    } while (!q.after.empty());
  }
  return rows;
}

void add_export(CLI::App& app, Session& s) {
  struct Args {
    std::string csv, output;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("export", "Write the whole desk as JSON lines (a backup), or its customers or tickets as CSV");
  cmd->add_option("--csv", args->csv, "customers or tickets: one CSV file of them instead of JSON lines");
  cmd->add_option("-o,--output", args->output, "the file to write (default: stdout)");
  on_run(cmd, s, [&s, args] {
    const auto tx = s.open_store()->read();
    std::ofstream file;
    if (!args->output.empty()) {
      file.open(args->output, std::ios::binary | std::ios::trunc);
      if (!file) throw Error(ErrorCode::storage, "--output", "cannot write " + args->output);
    }
    std::ostream& target = args->output.empty() ? std::cout : file;
    if (!args->csv.empty()) {
      const Records what = records_of(args->csv);
      Progress progress("export " + args->csv, 0);
      const std::uint64_t rows = export_csv(*tx, what, target, progress);
      progress.finish(plural(rows, "row", "rows"));
    } else {
      Progress progress("export", 0);
      CountingWriteBuffer counting(*target.rdbuf(), progress);
      std::ostream out(&counting);
      export_lines(*tx, out);
      out.flush();
      progress.finish(plural(counting.lines(), "line", "lines"));
    }
    target.flush();
    if (!target) throw Error(ErrorCode::storage, "--output", "writing " + or_dash(args->output) + " failed");
  });
}

// ---- import ----

// Fills a new desk file from JSON lines in one transaction: all of it, or nothing. Returns
// how many lines were read.
std::uint64_t import_lines_into(const Session& s, const std::string& file) {
  std::ifstream in_file;
  if (file != "-") {
    in_file.open(file, std::ios::binary);
    if (!in_file) throw Error(ErrorCode::not_found, "file", "cannot read " + file);
  }
  std::istream& source = file == "-" ? std::cin : in_file;
  std::error_code size_error;
  const auto size = file == "-" ? 0 : std::filesystem::file_size(file, size_error);
  Progress progress("import", size_error ? 0 : size);
  CountingReadBuffer counting(*source.rdbuf(), progress);
  std::istream in(&counting);
  const auto tx = s.create_store()->write();
  import_lines(*tx, in);
  tx->commit();
  progress.finish(plural(counting.lines(), "line", "lines"));
  return counting.lines();
}

struct CsvFile {
  std::vector<std::vector<std::string>> rows;  // the data rows, header excluded
  std::vector<std::size_t> numbers;            // each row's record number ("/rows/N")
};

CsvFile read_csv(const std::string& file, std::vector<std::string>& header) {
  std::ifstream in_file;
  if (file != "-") {
    in_file.open(file, std::ios::binary);
    if (!in_file) throw Error(ErrorCode::not_found, "file", "cannot read " + file);
  }
  CsvReader reader(file == "-" ? std::cin : in_file);
  if (!reader.next(header)) throw Error(ErrorCode::invalid_input, "/rows/0", "the file is empty: expected a header row");
  CsvFile csv;
  for (std::vector<std::string> row; reader.next(row);) {
    if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); })) continue;
    csv.numbers.push_back(reader.records() - 1);
    csv.rows.push_back(std::move(row));
  }
  return csv;
}

// Reads every row first, so that a malformed file changes nothing; then registers or takes
// in each row, one desk call each: a row the desk refuses stops the import there.
// A desk file the import created is removed again when the import fails.
void import_lines_file(const Session& s, const std::string& file) {
  const std::string& database = s.options.database;
  const bool existed = std::filesystem::exists(database);
  try {
    const std::uint64_t lines = import_lines_into(s, file);
    if (s.options.json) print_json(json{{"imported_lines", lines}}.dump());
  } catch (const Error&) {
    if (!existed)
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database + suffix);
    throw;
  }
}

void import_csv(const Session& s, Records what, const std::string& file) {
  std::vector<std::string> header_row;
  const auto& columns = what == Records::customers ? customer_columns() : ticket_columns();
  const CsvFile csv = read_csv(file, header_row);
  const CsvHeader header(header_row, columns);  // checks the column names
  std::vector<Customer> customers;
  std::vector<Ticket> requests;
  for (std::size_t i = 0; i < csv.rows.size(); ++i)
    at_path("/rows/" + std::to_string(csv.numbers[i]), [&] {
      const Cells cells = cells_of(header, csv.rows[i]);
      if (what == Records::customers)
        customers.push_back(customer_from_cells(cells));
      else
        requests.push_back(request_from_cells(cells));
    });

  const auto desk = s.open_desk();
  const Actor actor = s.actor();
  Progress progress(what == Records::customers ? "import customers" : "import tickets", csv.rows.size());
  json ids = json::array();
  try {
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
      const std::string id = at_path("/rows/" + std::to_string(csv.numbers[i]), [&] {
        return what == Records::customers ? desk->register_customer(actor, customers[i]).id
                                          : desk->take_in(actor, requests[i]).ticket.id;
      });
      ids.push_back(id);
      progress.advance();
    }
  } catch (const Error&) {
    progress.finish("stopped after " + plural(ids.size(), "row", "rows"));
    throw;
  }
  progress.finish(plural(ids.size(), "row", "rows"));
  if (s.options.json) return print_json(json{{"imported", ids}}.dump());
  for (const auto& id : ids) std::cout << id.get<std::string>() << '\n';
}

void add_import(CLI::App& app, Session& s) {
  struct Args {
    std::string csv, file;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("import", "Fill a new desk file from JSON lines, or register customers / take in tickets from CSV");
  cmd->add_option("file", args->file, "the file to read; - for stdin")->required();
  cmd->add_option("--csv", args->csv, "customers or tickets: the file is CSV, taken in through the desk as the actor");
  on_run(cmd, s, [&s, args] {
    if (args->csv.empty()) return import_lines_file(s, args->file);
    import_csv(s, records_of(args->csv), args->file);
  });
}

}  // namespace

void add_transfer_commands(CLI::App& app, Session& s) {
  add_export(app, s);
  add_import(app, s);
}

}  // namespace ticketcore::cli
