#include "config/json_layout.hpp"

namespace ticketcore::detail {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kWidth = 100;

std::string one_line(const json& j) {
  if (!j.is_structured() || j.empty()) return j.dump();
  std::string out(1, j.is_object() ? '{' : '[');
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it != j.begin()) out += ", ";
    if (j.is_object()) out += json(it.key()).dump() + ": ";
    out += one_line(*it);
  }
  out += j.is_object() ? '}' : ']';
  return out;
}

// Writes `j` where `column` characters of the line are already taken; members go `indent` deeper.
void write(const json& j, std::size_t indent, std::size_t column, std::string& out) {
  std::string line = one_line(j);
  if (!j.is_structured() || column + line.size() <= kWidth) {
    out += line;
    return;
  }
  out += j.is_object() ? "{\n" : "[\n";
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it != j.begin()) out += ",\n";
    out.append(indent + 2, ' ');
    std::string key = j.is_object() ? json(it.key()).dump() + ": " : "";
    out += key;
    write(*it, indent + 2, indent + 2 + key.size(), out);
  }
  out += '\n';
  out.append(indent, ' ');
  out += j.is_object() ? '}' : ']';
}

}  // namespace

std::string layout(const nlohmann::ordered_json& j) {
  std::string out;
  write(j, 0, 0, out);
  out += '\n';
  return out;
}

}  // namespace ticketcore::detail
