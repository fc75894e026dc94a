#include "output.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "ticketcore/desk_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::cli {

void print_json(std::string_view text) { std::cout << text << '\n'; }

namespace {

// The next code point of UTF-8 text at `i` (advancing it); a stray byte counts as one.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i++]);
  int more = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
  char32_t cp = more == 3 ? byte & 0x07 : more == 2 ? byte & 0x0F : more == 1 ? byte & 0x1F : byte;
  for (; more > 0 && i < text.size(); --more) cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return cp;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    width += is_zero_width(c) ? 0 : is_wide(c) ? 2 : 1;
  }
  return width;
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::add(std::vector<std::string> row) {
  row.resize(headers_.size());
  rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(headers_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out << row[c];
      if (c + 1 < row.size()) out << std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    out << '\n';
  };
  line(headers_);
  for (const auto& row : rows_) line(row);
}

void print_fields(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t width = 0;
  for (const auto& [name, value] : fields) width = std::max(width, name.size());
  for (const auto& [name, value] : fields)
    if (!value.empty()) std::cout << "  " << name << std::string(width - name.size() + 2, ' ') << value << '\n';
}

std::string format_duration(std::int64_t seconds) {
  const std::string sign = seconds < 0 ? "-" : "";
  const std::int64_t s = std::llabs(seconds);
  char text[64];
  if (s < 60)
    std::snprintf(text, sizeof text, "%lds", static_cast<long>(s));
  else if (s < 3600)
    std::snprintf(text, sizeof text, "%ldm", static_cast<long>(s / 60));
  else if (s < 86400)
    std::snprintf(text, sizeof text, "%ldh %02ldm", static_cast<long>(s / 3600), static_cast<long>(s % 3600 / 60));
  else
    std::snprintf(text, sizeof text, "%ldd %02ldh", static_cast<long>(s / 86400), static_cast<long>(s % 86400 / 3600));
  return sign + text;
}

std::string format_percent(std::optional<double> share) {
  if (!share) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", *share * 100);
  return text;
}

std::string format_number(std::optional<double> value) {
  if (!value) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", *value);
  std::string s = text;
  while (s.back() == '0') s.pop_back();  // 4.50 -> 4.5, 4.00 -> 4
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_optional(const std::optional<Instant>& at) { return at ? format_instant(*at) : "-"; }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string or_dash(std::string_view text) { return text.empty() ? "-" : std::string(text); }

void print_ticket_page(const Desk& desk, const TicketPage& page, bool json) {
  if (json) {
    print_json(to_json_text(page));
    return;
  }
  // The due instant is the schedule the queues sort by; one read transaction for the page.
  const auto tx = desk.store().read();
  Table table({"ticket", "status", "priority", "team", "assignee", "due", "subject"});
  for (const Ticket& t : page.tickets)
    table.add({t.id, std::string(to_string(t.status)), or_dash(t.priority), or_dash(t.team), or_dash(t.assignee),
               format_optional(tx->schedule(t.id).due_at), t.subject});
  table.print(std::cout);
  print_page_end(page.tickets.size(), "ticket", "tickets", page.next_cursor);
}

void print_page_end(std::size_t count, std::string_view one, std::string_view many, const std::string& next_cursor) {
  std::cout << count << ' ' << (count == 1 ? one : many);
  if (!next_cursor.empty()) std::cout << "; next page: --after " << next_cursor;
  std::cout << '\n';
}

void print_change(const Change& change, bool json) {
  if (json) {
    print_json(to_json_text(change));
    return;
  }
  const Ticket& t = change.ticket;
  std::cout << t.id << ": " << to_string(t.status) << ", " << or_dash(t.priority) << ", team " << or_dash(t.team)
            << ", assignee " << or_dash(t.assignee) << " (version " << t.version << ")\n";
  print_host_actions(change.actions);
}

void print_host_actions(const std::vector<HostAction>& actions) {
  for (const HostAction& a : actions)
    std::cout << "  owed: " << to_string(a.kind) << " " << a.template_id << " to " << join(a.recipients, ",")
              << (a.text.empty() ? "" : ": " + a.text) << '\n';
}

}  // namespace ticketcore::cli
