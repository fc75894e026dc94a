#pragma once
// UTF-8 text as user-perceived characters: extended grapheme clusters (UAX #29) found
// with utf8proc, so that masking never splits an emoji with a skin tone, a ZWJ
// sequence, a flag or a letter with combining marks, and counts each as one character.
// Each cluster is classed by the general category of its first code point, the one
// that carries its meaning (the rest are extenders, joiners and modifiers).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ticketcore::detail {

/// What a cluster is, from the Unicode general category of its first code point.
enum class GraphemeKind {
  cased_letter,    ///< Lu, Ll, Lt, Lm: Latin, Greek, Cyrillic, ...
  uncased_letter,  ///< Lo: Han, kana, Hangul, ...
  number,          ///< Nd, Nl, No (also full-width digits)
  space,           ///< Zs, Zl, Zp
  punctuation,     ///< P*: - ( ) . , · and the like
  other,           ///< symbols (emoji, +), marks, controls
};

/// One extended grapheme cluster of a text.
struct Grapheme {
  std::string_view text;  ///< its bytes, a view into the text it was cut from
  char32_t first;         ///< its first code point
  GraphemeKind kind;      ///< the class of `first`

  bool is(std::string_view s) const { return text == s; }
  bool is_letter() const {
    return kind == GraphemeKind::cased_letter || kind == GraphemeKind::uncased_letter;
  }
  bool is_space() const { return kind == GraphemeKind::space; }
};

using Graphemes = std::vector<Grapheme>;
using GraphemeSpan = std::span<const Grapheme>;

/// Cuts UTF-8 text into clusters; throws Error{invalid_input} at `path` when the text is
/// not UTF-8 (bad bytes, truncated or overlong sequences, surrogates, past U+10FFFF).
Graphemes graphemes(std::string_view text, std::string_view path);

/// The clusters' bytes, concatenated.
std::string join(GraphemeSpan gs);

/// `gs` without leading and trailing spaces.
GraphemeSpan trim(GraphemeSpan gs);

}  // namespace ticketcore::detail
