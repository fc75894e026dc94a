#include "ticketcore/access/masking.hpp"

#include "access/graphemes.hpp"
#include "access/mask_rules.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

std::string mask(std::string_view value, MaskRule rule, std::string_view path) {
  // Cut (and so validate) first, even for `whole`: invalid UTF-8 never goes out, masked or not.
  const auto gs = detail::graphemes(value, path);
  switch (rule) {
    case MaskRule::whole: return std::string(value);
    case MaskRule::phone: return detail::mask_phone(gs);
    case MaskRule::email: return detail::mask_email(gs);
    case MaskRule::person_name: return detail::mask_name(gs, Gender::unspecified);
    case MaskRule::identity_number:
    case MaskRule::bank_card: return detail::mask_last_four(gs);
    case MaskRule::address: return detail::mask_address(gs);
    case MaskRule::hidden: return value.empty() ? std::string() : std::string(detail::kStars);
  }
  throw Error(ErrorCode::internal, std::string(path), "unknown mask rule");
}

std::string mask_person_name(std::string_view name, Gender gender, std::string_view path) {
  return detail::mask_name(detail::graphemes(name, path), gender);
}

}  // namespace ticketcore
