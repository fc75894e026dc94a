// Phone numbers as lookup keys: our own check of what the text is written with, then
// libphonenumber's parse and validity check, then its E.164 form.
//
// Our check comes first because libphonenumber's Parse is lenient on purpose: it skips text
// before the number ("phone: 138..."), turns letters into keypad digits ("1800 FLOWERS") and
// reads extensions ("ext. 12", "#12"). A stored key must come from the number alone, so we let
// through only digits (ASCII and fullwidth, which Parse turns into ASCII itself), the separators
// people write numbers with, a leading "+" and a leading "tel:".
//
// Valid, not only possible: IsPossibleNumber checks only the length, IsValidNumber the ranges each
// country has allocated. Length alone would store a Beijing landline written without its area code
// ("8888 6666") as +8688886666, a key that no complete writing of the number gives, and would take a
// mobile number with a digit dropped as a landline of the same length. Test numbers in allocated
// ranges stay valid: 13800138000 (138 is a China Mobile prefix), +1 650-253-0000, the UK's drama
// range 020 7946 0xxx. The cost: a range allocated after the metadata of the libphonenumber we build
// with (Debian 12's 8.12.57, late 2022) is refused until the library is updated.

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

#include "model/json_read.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// libphonenumber parses no more than this; a longer text is refused before it gets there.
constexpr std::size_t kMaxText = 250;

// The thread-safe singleton; its const members are safe to call from any thread.
const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

// The region as libphonenumber spells it ("CN"); "cn" is taken as meant.
std::string region_code(std::string_view region) {
  const auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
  if (region.size() != 2 || !is_letter(region[0]) || !is_letter(region[1]))
    throw_invalid("/default_region", "expected a two-letter ISO 3166 region code such as \"CN\"");
  std::string code(region);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // 0 for a code libphonenumber has no numbering plan for ("XX", and "ZZ", its "unknown").
  if (util().GetCountryCodeForRegion(code) == 0)
    throw_invalid("/default_region", std::string("no numbering plan is known for region ") + code);
  return code;
}

// The code point starting at `i` of text already checked to be UTF-8; moves `i` past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  const std::size_t more = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  char32_t cp = lead & (0x3F >> more);
  for (std::size_t k = 0; k < more; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return cp;
}

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'\uFF10' && c <= U'\uFF19'); }
bool is_plus(char32_t c) { return c == U'+' || c == U'\uFF0B'; }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\u3000'; }

// Spaces, hyphens and dashes, dots, slashes and brackets, ASCII and fullwidth.
bool is_separator(char32_t c) {
  switch (c) {
    case U'-':
    case U'.':
    case U'/':
    case U'(':
    case U')':
    case U'\u2212':  // minus sign
    case U'\uFF08':  // （
    case U'\uFF09':  // ）
    case U'\uFF0D':  // －
    case U'\uFF0E':  // ．
    case U'\uFF0F':  // ／
      return true;
    default: return is_space(c) || (c >= U'\u2010' && c <= U'\u2015');  // hyphens and dashes
  }
}

// A phone number read from text: its E.164 form, or why there is none.
struct Reading {
  std::string e164;
  std::string refusal;  // empty when e164 is set
};

Reading refused(std::string why) { return {{}, std::move(why)}; }

// How many bytes of `text` a leading "tel:" (RFC 3966's scheme) and the spaces before it take.
std::size_t scheme_length(std::string_view text) {
  const std::size_t start = std::min(text.find_first_not_of(" \t"), text.size());
  if (text.size() - start < 4) return 0;
  std::string scheme(text.substr(start, 4));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "tel:" ? start + 4 : 0;
}

// Why the text from byte `from` is not written the way phone numbers are, or empty when it is.
std::string check_writing(std::string_view text, std::size_t from) {
  bool leading = true;  // no digit and no "+" yet
  std::size_t digits = 0;
  for (std::size_t i = from; i < text.size();) {
    const std::size_t at = i;
    const char32_t c = next_code_point(text, i);
    if (is_digit(c)) {
      ++digits;
      leading = false;
    } else if (is_plus(c)) {
      if (!leading) return "has a \"+\" after the start of the number, where only separators go";
      leading = false;
    } else if (!is_separator(c)) {
      return std::string("has a character at byte ") + std::to_string(at) +
             " that phone numbers are not written with (only digits, spaces, - . / ( ), a leading + "
             "and a leading tel: are: no letters, no extensions)";
    }
  }
  if (digits == 0) return "has no digits";
  return {};
}

std::string country(const PhoneNumber& number) {
  return std::string("+") + std::to_string(number.country_code());
}

Reading read_phone(std::string_view text, const std::string& region) {
  if (text.size() > kMaxText)
    return refused(std::string("is longer than ") + std::to_string(kMaxText) + " bytes");
  if (!detail::json_read::valid_utf8(text)) return refused("is not valid UTF-8");
  if (text.find_first_not_of(" \t") == std::string_view::npos) return refused("is empty");
  const std::size_t from = scheme_length(text);
  if (auto why = check_writing(text, from); !why.empty()) return refused(std::move(why));
  const PhoneNumberUtil& u = util();
  PhoneNumber number;
  switch (u.Parse(std::string(text.substr(from)), region, &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return refused("has a country code no country has");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
      return refused("is too short after its international prefix (00)");
    case PhoneNumberUtil::TOO_SHORT_NSN: return refused("is too short for a phone number");
    case PhoneNumberUtil::TOO_LONG_NSN: return refused("is too long for a phone number");
    case PhoneNumberUtil::NOT_A_NUMBER:
    default: return refused("is not a phone number");
  }
  switch (u.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::IS_POSSIBLE: break;
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
      return refused("is a local number: write it with its area code");
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return refused("has a country code no country has");
    case PhoneNumberUtil::TOO_SHORT:
      return refused(std::string("has too few digits for a number with country code ") + country(number));
    case PhoneNumberUtil::TOO_LONG:
      return refused(std::string("has too many digits for a number with country code ") + country(number));
    case PhoneNumberUtil::INVALID_LENGTH:
    default:
      return refused(std::string("has a number of digits no number with country code ") + country(number) +
                     " has");
  }
  if (!u.IsValidNumber(number))
    return refused(std::string("is not a valid number with country code ") + country(number) +
                   ": no such area code or mobile prefix, or the area code is missing");
  Reading out;
  u.Format(number, PhoneNumberUtil::E164, &out.e164);
  return out;
}

}  // namespace

std::string normalize_phone(std::string_view text, std::string_view default_region, std::string_view path) {
  Reading r = read_phone(text, region_code(default_region));
  if (!r.refusal.empty()) throw_invalid(std::string(path), std::move(r.refusal));
  return std::move(r.e164);
}

std::optional<std::string> phone_key(std::string_view text, std::string_view default_region) {
  Reading r = read_phone(text, region_code(default_region));
  if (!r.refusal.empty()) return std::nullopt;
  return std::move(r.e164);
}

std::string display_phone(std::string_view e164, std::string_view default_region) {
  const std::string region = region_code(default_region);
  const PhoneNumberUtil& u = util();
  PhoneNumber number;
  if (!e164.starts_with("+") || u.Parse(std::string(e164), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::string(e164);
  std::string home;
  u.GetRegionCodeForNumber(number, &home);
  std::string out;
  if (home != region) {
    u.Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
    return out;
  }
  // Digits only, as DOMAIN.md shows a masked number: 138****5678, not 138 **** 5678.
  u.Format(number, PhoneNumberUtil::NATIONAL, &out);
  std::erase_if(out, [](char c) { return c < '0' || c > '9'; });
  return out;
}

}  // namespace ticketcore
