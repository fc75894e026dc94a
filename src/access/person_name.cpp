// People's names, shown as DOMAIN.md allows: the surname with a courtesy title.
// Two ways a name is written decide where the surname is:
// - one word with Han (or other uncased) letters, "张三", "欧阳娜娜": the surname comes first,
//   one character, or two when the name starts with a compound surname and goes on after it;
// - anything else, "John Smith", "约翰·史密斯": words parted by spaces or a name dot, the
//   family name last.
// Female and male get 女士/先生 (after a Chinese surname) or Ms./Mr.; `other` gets Mx. with a
// Latin name and no title with a Chinese one; without a title the other characters are starred.

#include <algorithm>
#include <array>

#include "access/mask_rules.hpp"

namespace ticketcore::detail {

namespace {

// Two-character surnames (复姓), simplified and traditional where they differ.
constexpr auto kCompoundSurnames = std::to_array<std::string_view>({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "澹台", "百里", "呼延", "司空", "太史", "申屠", "公冶",
    "濮阳", "淳于", "单于", "钟离", "闻人", "赫连", "万俟", "仲孙", "闾丘", "子车", "亓官", "司寇", "巫马",
    "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "段干", "东郭", "南门",
    "羊舌", "微生", "梁丘", "左丘", "东门", "公羊", "第五", "鲜于", "歐陽", "司馬", "諸葛", "東方", "尉遲",
    "公孫", "長孫", "軒轅", "獨孤", "南宮", "西門", "澹臺", "鍾離", "單于", "聞人", "赫連", "萬俟", "仲孫",
    "閭丘", "子車", "顓孫", "壤駟", "樂正", "穀梁", "夾谷", "東郭", "東門", "鮮于",
});

bool is_name_separator(const Grapheme& g) {
  // The middle dots that part transliterated names: 约翰·史密斯, ジョン・スミス.
  return g.is_space() || g.is("\u00B7") || g.is("\u30FB") || g.is("\u2022");
}

bool has_uncased_letter(GraphemeSpan gs) {
  return std::any_of(gs.begin(), gs.end(),
                     [](const Grapheme& g) { return g.kind == GraphemeKind::uncased_letter; });
}

GraphemeSpan trim_separators(GraphemeSpan gs) {
  while (!gs.empty() && is_name_separator(gs.front())) gs = gs.subspan(1);
  while (!gs.empty() && is_name_separator(gs.back())) gs = gs.first(gs.size() - 1);
  return gs;
}

std::string surname_first(GraphemeSpan gs, Gender gender) {
  // A compound surname needs a given name after it: a two-character name that happens to spell
  // one ("东方") is read as surname plus given name, so it is never shown whole.
  const bool compound =
      gs.size() >= 3 && std::ranges::find(kCompoundSurnames, join(gs.first(2))) != kCompoundSurnames.end();
  const std::size_t surname = compound ? 2 : 1;
  std::string out = join(gs.first(surname));
  switch (gender) {
    case Gender::female: return out + "女士";
    case Gender::male: return out + "先生";
    case Gender::unspecified:
    case Gender::other: break;
  }
  out.append(gs.size() - surname, '*');
  return out;
}

std::string family_last(GraphemeSpan gs, Gender gender) {
  std::size_t start = gs.size();
  while (start > 0 && !is_name_separator(gs[start - 1])) --start;
  const std::string family = join(gs.subspan(start));
  const bool chinese = has_uncased_letter(gs.subspan(start));
  switch (gender) {
    case Gender::female: return chinese ? family + "女士" : "Ms. " + family;
    case Gender::male: return chinese ? family + "先生" : "Mr. " + family;
    case Gender::other:
      if (!chinese) return "Mx. " + family;
      break;
    case Gender::unspecified: break;
  }
  std::string out;
  for (const auto& g : gs.first(start)) {
    if (is_name_separator(g))
      out += g.text;
    else
      out += '*';
  }
  return out + family;
}

}  // namespace

std::string mask_name(GraphemeSpan gs, Gender gender) {
  gs = trim_separators(gs);
  if (gs.empty()) return {};
  const bool one_word = std::none_of(gs.begin(), gs.end(), is_name_separator);
  if (one_word && has_uncased_letter(gs)) return surname_first(gs, gender);
  return family_last(gs, gender);
}

}  // namespace ticketcore::detail
