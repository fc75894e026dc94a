#pragma once
// Golden files for the JSON forms: a form, pretty-printed, must equal
// tests/json/golden/<name>.json, and a mismatch fails showing a line diff.
// TICKETCORE_UPDATE_GOLDEN=1 rewrites the files instead (then review git diff).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ticketcore::golden {

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A line diff, "-" for expected lines and "+" for actual ones, from the longest
/// common subsequence (golden files are a few hundred lines at most).
inline std::string diff(const std::string& expected, const std::string& actual) {
  const auto a = lines_of(expected), b = lines_of(actual);
  std::vector<std::vector<std::size_t>> common(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      out += "  " + a[i++] + "\n";
      ++j;
    } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
      out += "- " + a[i++] + "\n";
    } else {
      out += "+ " + b[j++] + "\n";
    }
  }
  return out;
}

/// Whether this run rewrites the golden files.
inline bool updating() {
  const char* update = std::getenv("TICKETCORE_UPDATE_GOLDEN");
  return update && std::string(update) == "1";
}

/// Checks a form against golden/<name>.json: the text must be compact JSON (one line,
/// as to_json_text hands it out) whose pretty-printed form equals the file.
inline void check(const std::string& name, const std::string& json_text) {
  const auto parsed = nlohmann::ordered_json::parse(json_text);  // keeps the written key order
  CHECK(parsed.dump() == json_text);
  const std::string actual = parsed.dump(2) + "\n";
  const std::string path = std::string(TICKETCORE_GOLDEN_DIR) + "/" + name + ".json";
  if (updating()) {
    std::ofstream(path) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path);
  INFO("golden file " << path << " (TICKETCORE_UPDATE_GOLDEN=1 writes it)");
  REQUIRE(in);
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() != actual)
    FAIL("the form differs from the golden file (- golden, + now):\n" << diff(expected.str(), actual));
}

}  // namespace ticketcore::golden
