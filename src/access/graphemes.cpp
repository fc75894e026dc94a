#include "access/graphemes.hpp"

#include <utf8proc.h>

#include "ticketcore/error.hpp"

namespace ticketcore::detail {

namespace {

GraphemeKind kind_of(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: return GraphemeKind::cased_letter;
    case UTF8PROC_CATEGORY_LO: return GraphemeKind::uncased_letter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return GraphemeKind::number;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return GraphemeKind::space;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return GraphemeKind::punctuation;
    default: return GraphemeKind::other;
  }
}

}  // namespace

Graphemes graphemes(std::string_view text, std::string_view path) {
  Graphemes out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_int32_t state = 0;  // carries GB11-GB13 (ZWJ sequences, flag pairs) across calls
  utf8proc_int32_t previous = -1;
  utf8proc_int32_t first = -1;
  utf8proc_ssize_t start = 0;
  utf8proc_ssize_t i = 0;
  auto close = [&](utf8proc_ssize_t end) {
    out.push_back(
        {text.substr(std::size_t(start), std::size_t(end - start)), char32_t(first), kind_of(first)});
  };
  while (i < size) {
    utf8proc_int32_t cp = -1;
    // utf8proc_iterate refuses bad lead and continuation bytes, truncation, overlong forms,
    // surrogates and values past U+10FFFF with a negative result.
    const utf8proc_ssize_t n = utf8proc_iterate(bytes + i, size - i, &cp);
    if (n <= 0 || cp < 0) throw_invalid(std::string(path), "invalid UTF-8 at byte " + std::to_string(i));
    if (previous < 0) {
      first = cp;
    } else if (utf8proc_grapheme_break_stateful(previous, cp, &state)) {
      close(i);
      start = i;
      first = cp;
    }
    previous = cp;
    i += n;
  }
  if (previous >= 0) close(size);
  return out;
}

std::string join(GraphemeSpan gs) {
  std::string out;
  for (const auto& g : gs) out += g.text;
  return out;
}

GraphemeSpan trim(GraphemeSpan gs) {
  std::size_t b = 0, e = gs.size();
  while (b < e && gs[b].is_space()) ++b;
  while (e > b && gs[e - 1].is_space()) --e;
  return gs.subspan(b, e - b);
}

}  // namespace ticketcore::detail
