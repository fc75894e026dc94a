// Email addresses as lookup keys. Only the shape is checked, enough to tell an address from a
// slip of the keyboard; whether the mailbox exists is for a mail server to say.
//
// Domains are case-insensitive (DNS), so the stored form lower-cases the domain. Local parts are
// case-sensitive by the standard (RFC 5321 leaves them to the receiving server), so the stored form
// keeps the local part as the customer wrote it; lookups still ignore its case, as practically every
// mail provider does, so that "Zhang.San@QQ.com" finds "zhang.san@qq.com".
//
// One "@" only: a quoted local part holding another ("a@b"@example.com) is legal but is refused
// here, as is any space inside the address, quoted or not.

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "model/json_read.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

// RFC 5321's limit on a path (256 octets) less its angle brackets.
constexpr std::size_t kMaxAddress = 254;

// ASCII white space, the no-break space and the ideographic space that Chinese input methods type.
constexpr auto kSpaces =
    std::to_array<std::string_view>({" ", "\t", "\n", "\r", "\f", "\v", "\u00A0", "\u3000"});

// `text` without the spaces around it.
std::string_view trim(std::string_view text) {
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (std::string_view space : kSpaces) {
      if (text.starts_with(space)) {
        text.remove_prefix(space.size());
        trimmed = true;
      }
      if (text.ends_with(space)) {
        text.remove_suffix(space.size());
        trimmed = true;
      }
    }
  }
  return text;
}

// Lower-cases ASCII letters from byte `from` on; UTF-8's multi-byte sequences hold none.
void lower_ascii(std::string& text, std::size_t from = 0) {
  for (std::size_t i = from; i < text.size(); ++i)
    if (text[i] >= 'A' && text[i] <= 'Z') text[i] = static_cast<char>(text[i] - 'A' + 'a');
}

bool has_space(std::string_view text) {
  return std::ranges::any_of(kSpaces,
                             [&](std::string_view s) { return text.find(s) != std::string_view::npos; });
}

bool has_control(std::string_view text) {
  return std::ranges::any_of(text, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

[[noreturn]] void refuse(std::string_view path, std::string why) {
  throw_invalid(std::string(path), std::move(why));
}

}  // namespace

std::string normalize_email(std::string_view text, std::string_view path) {
  if (!detail::json_read::valid_utf8(text)) refuse(path, "is not valid UTF-8");
  const std::string_view address = trim(text);
  if (address.empty()) refuse(path, "is empty");
  if (address.size() > kMaxAddress)
    refuse(path, std::string("is longer than ") + std::to_string(kMaxAddress) + " bytes");
  if (has_space(address)) refuse(path, "has a space inside");
  if (has_control(address)) refuse(path, "has a control character");
  const std::size_t at = address.find('@');
  if (at == std::string_view::npos) refuse(path, "has no \"@\"");
  if (address.find('@', at + 1) != std::string_view::npos) refuse(path, "has more than one \"@\"");
  if (at == 0) refuse(path, "has nothing before the \"@\"");
  if (at + 1 == address.size()) refuse(path, "has no domain after the \"@\"");
  std::string out(address);
  lower_ascii(out, at + 1);
  return out;
}

std::string email_key(std::string_view text) {
  std::string key(trim(text));
  lower_ascii(key);
  return key;
}

}  // namespace ticketcore
