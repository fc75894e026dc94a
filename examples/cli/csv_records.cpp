#include "csv_records.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "output.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

// Lists (phones, emails, tags) share one cell, their items separated by ';'.
constexpr char kItemSeparator = ';';


std::vector<std::string> split(const std::string& cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find(kItemSeparator, start), cell.size());
    std::string item = cell.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

std::string text_of(const std::optional<Instant>& at) { return at ? format_instant(*at) : ""; }

// Puts a non-empty cell into the JSON object under `field`; an empty cell leaves the default.
void put_text(json& j, const char* field, const std::string& cell) {
  if (!cell.empty()) j[field] = cell;
}

void put_list(json& j, const char* field, const std::string& cell) {
  if (!cell.empty()) j[field] = split(cell);
}

std::int64_t whole_number(const std::string& cell, const std::string& path) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (ec != std::errc() || end != cell.data() + cell.size())
    throw Error(ErrorCode::invalid_input, path, "not a whole number: \"" + cell + "\"");
  return value;
}

bool yes_no(const std::string& cell, const std::string& path) {
  if (cell == "true" || cell == "yes" || cell == "1") return true;
  if (cell == "false" || cell == "no" || cell == "0") return false;
  throw Error(ErrorCode::invalid_input, path, "expected true or false, got \"" + cell + "\"");
}

}  // namespace

std::string list_cell(const std::vector<std::string>& items) {
  return join(items, std::string_view(&kItemSeparator, 1));
}

const std::vector<std::string>& customer_columns() {
  static const std::vector<std::string> columns{
      "id",   "kind",     "name",   "company", "department", "phones",     "emails",     "address",
      "postal_code", "industry", "tier", "tags",    "gender",     "birth_date", "created_at", "merged_into"};
  return columns;
}

const std::vector<std::string>& ticket_columns() {
  static const std::vector<std::string> columns{
      "id",          "customer_id",       "channel",        "request_type", "subtype",    "subject",
      "description", "urgency",           "users_affected", "core_business_down",       "expected_resolution_at",
      "tags",        "priority",          "status",         "stage",        "team",       "assignee",
      "created_at",  "first_response_at", "resolved_at",    "closed_at",    "updated_at"};
  return columns;
}

std::vector<std::string> customer_row(const Customer& c) {
  const Address* first = c.addresses.empty() ? nullptr : &c.addresses.front();
  return {c.id,
          std::string(to_string(c.kind)),
          c.name,
          c.company,
          c.department,
          list_cell(c.phones),
          list_cell(c.emails),
          first ? first->text : "",
          first ? first->postal_code : "",
          c.industry,
          std::string(to_string(c.tier)),
          list_cell(c.tags),
          std::string(to_string(c.gender)),
          c.birth_date ? format_date(*c.birth_date) : "",
          format_instant(c.created_at),
          c.merged_into};
}

std::vector<std::string> ticket_row(const Ticket& t) {
  return {t.id,
          t.customer_id,
          std::string(to_string(t.channel)),
          std::string(to_string(t.request_type)),
          t.subtype,
          t.subject,
          t.description,
          std::string(to_string(t.urgency)),
          std::to_string(t.impact.users_affected),
          t.impact.core_business_down ? "true" : "false",
          text_of(t.expected_resolution_at),
          list_cell(t.tags),
          t.priority,
          std::string(to_string(t.status)),
          std::string(to_string(t.stage)),
          t.team,
          t.assignee,
          format_instant(t.created_at),
          text_of(t.first_response_at),
          text_of(t.resolved_at),
          text_of(t.closed_at),
          format_instant(t.updated_at)};
}

CsvHeader::CsvHeader(const std::vector<std::string>& header, const std::vector<std::string>& known) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i];
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string expected;
      for (const auto& k : known) expected += (expected.empty() ? "" : ", ") + k;
      throw Error(ErrorCode::invalid_input, "/rows/0/" + name, "unknown column (expected any of: " + expected + ")");
    }
    if (!index_.emplace(name, i).second)
      throw Error(ErrorCode::invalid_input, "/rows/0/" + name, "the column is named twice");
  }
}

std::string CsvHeader::cell(const std::vector<std::string>& row, const std::string& column) const {
  const auto it = index_.find(column);
  return it == index_.end() || it->second >= row.size() ? "" : row[it->second];
}

Cells cells_of(const CsvHeader& header, const std::vector<std::string>& row) {
  return [&header, &row](const std::string& column) { return header.cell(row, column); };
}

Customer customer_from_cells(const Cells& cell) {
  json j = json::object();
  j["name"] = cell("name");
  for (const char* field : {"kind", "company", "department", "industry", "tier", "gender", "birth_date"})
    put_text(j, field, cell(field));
  for (const char* field : {"phones", "emails", "tags"}) put_list(j, field, cell(field));
  if (const std::string address = cell("address"); !address.empty()) {
    json a = {{"text", address}};
    put_text(a, "postal_code", cell("postal_code"));
    j["addresses"] = json::array({a});
  }
  return from_json_text<Customer>(j.dump());
}

Ticket request_from_cells(const Cells& cell) {
  json j = json::object();
  j["customer_id"] = cell("customer_id");
  j["subject"] = cell("subject");
  for (const char* field :
       {"channel", "request_type", "subtype", "description", "urgency", "expected_resolution_at"})
    put_text(j, field, cell(field));
  put_list(j, "tags", cell("tags"));
  json impact = json::object();
  if (const std::string users = cell("users_affected"); !users.empty())
    impact["users_affected"] = whole_number(users, "/users_affected");
  if (const std::string down = cell("core_business_down"); !down.empty())
    impact["core_business_down"] = yes_no(down, "/core_business_down");
  if (!impact.empty()) j["impact"] = impact;
  return from_json_text<Ticket>(j.dump());
}

}  // namespace ticketcore::cli
