// Addresses, shown down to the district so that a region is known but not the door.
//
// Chinese addresses run from the province down: 上海市 浦东新区 张江路88号. We keep up to
// three division names from the start, each a run of letters (no digits) of at most 10
// characters ending in 省, 市, 区, 县, 旗, 州 or 盟, and stop after a district-level one
// (区, 县, 旗; 自治区 and 特别行政区 are province-level and go on). A run ending in 小区,
// 社区 and the like is a place inside a district, and a run with 路, 街, 巷, 弄, 号 or 村
// names a street: either ends the kept part. Anything unsure keeps less, never more.
//
// Other addresses run from the door up: "221B Baker Street, London NW1 6XE, United Kingdom".
// We keep the last two parts (comma or line separated) but never the first one, and drop
// from them every word with a digit in it (house numbers, postal codes):
// "***, London, United Kingdom".

#include <algorithm>
#include <array>
#include <vector>

#include "access/mask_rules.hpp"

namespace ticketcore::detail {

namespace {

constexpr auto kDivisionEnds =
    std::to_array<std::string_view>({"省", "市", "区", "县", "旗", "州", "盟", "區", "縣"});
constexpr auto kDistrictEnds = std::to_array<std::string_view>({"区", "县", "旗", "區", "縣"});
constexpr auto kProvinceLevel =
    std::to_array<std::string_view>({"自治区", "特别行政区", "自治區", "特別行政區"});
constexpr auto kInsideDistrict =
    std::to_array<std::string_view>({"小区", "社区", "校区", "园区", "景区", "厂区", "街区", "小區", "社區",
                                     "校區", "園區", "景區", "廠區", "街區"});
constexpr auto kStreetLevel = std::to_array<std::string_view>({"路", "街", "巷", "弄", "号", "號", "村"});
constexpr std::size_t kMaxDivisionName = 10;  // 巴音郭楞蒙古自治州 has 9

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& words, std::string_view s) {
  return std::ranges::find(words, s) != words.end();
}

template <std::size_t N>
bool ends_with_one_of(const std::array<std::string_view, N>& words, std::string_view s) {
  return std::ranges::any_of(words, [&](std::string_view w) { return s.ends_with(w); });
}

// The end of the division name that starts at `from`, or 0 when none does.
std::size_t division_end(GraphemeSpan gs, std::size_t from) {
  for (std::size_t j = from; j < gs.size() && j - from < kMaxDivisionName; ++j) {
    if (!gs[j].is_letter() || one_of(kStreetLevel, gs[j].text)) return 0;
    if (j == from || !one_of(kDivisionEnds, gs[j].text)) continue;  // a name has 2 characters or more
    std::size_t end = j + 1;
    // 苏州市, 通州区: a 州 that is part of the name, then the real ending.
    if (end < gs.size() && one_of(kDivisionEnds, gs[end].text)) ++end;
    if (ends_with_one_of(kInsideDistrict, join(gs.subspan(from, end - from)))) return 0;
    return end;
  }
  return 0;
}

std::string chinese_address(GraphemeSpan gs) {
  std::size_t kept = 0;
  for (int level = 0; level < 3; ++level) {
    std::size_t from = kept;
    while (from < gs.size() && gs[from].is_space()) ++from;
    const std::size_t end = division_end(gs, from);
    if (end == 0) break;
    kept = end;
    const std::string name = join(gs.subspan(from, end - from));
    if (one_of(kDistrictEnds, gs[end - 1].text) && !ends_with_one_of(kProvinceLevel, name)) break;
  }
  std::string out = join(gs.first(kept));
  if (!trim(gs.subspan(kept)).empty()) out += kStars;
  return out;
}

bool is_part_separator(const Grapheme& g) {
  return g.is(",") || g.is("\uFF0C") || g.is("\n") || g.is("\r") || g.is("\r\n");
}

// A locality part without the words that carry a digit.
std::string without_numbered_words(GraphemeSpan part) {
  std::string out;
  std::size_t i = 0;
  while (i < part.size()) {
    while (i < part.size() && part[i].is_space()) ++i;
    const std::size_t start = i;
    bool digit = false;
    for (; i < part.size() && !part[i].is_space(); ++i) digit = digit || part[i].kind == GraphemeKind::number;
    if (i == start || digit) continue;
    if (!out.empty()) out += ' ';
    out += join(part.subspan(start, i - start));
  }
  return out;
}

std::string latin_address(GraphemeSpan gs) {
  std::vector<GraphemeSpan> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= gs.size(); ++i)
    if (i == gs.size() || is_part_separator(gs[i])) {
      if (auto part = trim(gs.subspan(start, i - start)); !part.empty()) parts.push_back(part);
      start = i + 1;
    }
  std::string out(kStars);
  const std::size_t keep = std::min<std::size_t>(2, parts.empty() ? 0 : parts.size() - 1);
  for (std::size_t p = parts.size() - keep; p < parts.size(); ++p)
    if (auto locality = without_numbered_words(parts[p]); !locality.empty()) out += ", " + locality;
  return out;
}

}  // namespace

std::string mask_address(GraphemeSpan gs) {
  gs = trim(gs);
  if (gs.empty()) return {};
  const auto letter = std::ranges::find_if(gs, [](const Grapheme& g) { return g.is_letter(); });
  if (letter != gs.end() && letter->kind == GraphemeKind::uncased_letter) return chinese_address(gs);
  return latin_address(gs);
}

}  // namespace ticketcore::detail
