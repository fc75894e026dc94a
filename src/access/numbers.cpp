// Phone, identity and bank card numbers: the characters are masked where they stand,
// so that the grouping the customer wrote ("138 1234 5678") survives the mask.

#include <algorithm>

#include "access/mask_rules.hpp"

namespace ticketcore::detail {

namespace {

bool is_separator(const Grapheme& g) { return g.is_space() || g.kind == GraphemeKind::punctuation; }

std::size_t count_characters(GraphemeSpan gs) {
  return std::size_t(std::count_if(gs.begin(), gs.end(), [](const Grapheme& g) { return !is_separator(g); }));
}

// Every character but the first `head` and the last `tail` becomes one '*'; separators stay.
// A letter or an emoji where a digit belongs counts as a character like any other.
std::string show_ends(GraphemeSpan gs, std::size_t head, std::size_t tail) {
  const std::size_t n = count_characters(gs);
  std::string out;
  std::size_t k = 0;
  for (const auto& g : gs) {
    if (is_separator(g)) {
      out += g.text;
      continue;
    }
    if (k < head || k + tail >= n)
      out += g.text;
    else
      out += '*';
    ++k;
  }
  return out;
}

}  // namespace

std::string mask_phone(GraphemeSpan gs) {
  gs = trim(gs);
  std::string out;
  if (!gs.empty() && (gs[0].is("+") || gs[0].is("\uFF0B"))) {
    out += gs[0].text;
    gs = gs.subspan(1);
    // Country codes run 1 to 3 digits, but only a separator tells where one ends: without
    // it ("+8613812345678") every digit counts as the national number's, which shows fewer.
    std::size_t cc = 0;
    while (cc < gs.size() && gs[cc].kind == GraphemeKind::number) ++cc;
    if (cc >= 1 && cc <= 3 && cc < gs.size() && is_separator(gs[cc])) {
      out += join(gs.first(cc));
      gs = gs.subspan(cc);
    }
  }
  const std::size_t n = count_characters(gs);
  std::size_t head = 3, tail = 4;  // DOMAIN.md's 138****5678, which leaves 4 or more hidden from 11 up
  if (n < 11) {
    // Shorter numbers (landlines without area code, extensions, typos) show the last digits first,
    // since callers confirm a number by its end ("尾号5678").
    const std::size_t allowed = short_value_allowance(n);
    tail = std::min<std::size_t>(4, allowed);
    head = std::min<std::size_t>(3, allowed - tail);
  }
  return out + show_ends(gs, head, tail);
}

std::string mask_last_four(GraphemeSpan gs) {
  gs = trim(gs);
  const std::size_t n = count_characters(gs);
  return show_ends(gs, 0, std::min<std::size_t>(4, short_value_allowance(n)));
}

}  // namespace ticketcore::detail
