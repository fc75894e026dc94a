// Email addresses: the start of the local part and the whole domain, which is what
// lets an agent tell "which of my addresses" without reading the address.

#include <algorithm>

#include "access/mask_rules.hpp"

namespace ticketcore::detail {

std::string mask_email(GraphemeSpan gs) {
  gs = trim(gs);
  // The last "@" splits the address: a quoted local part may hold another one.
  std::size_t at = gs.size();
  for (std::size_t i = gs.size(); i-- > 0;)
    if (gs[i].is("@")) {
      at = i;
      break;
    }
  const auto local = gs.first(at);
  const std::size_t shown = std::min<std::size_t>(3, short_value_allowance(local.size()));
  std::string out = join(local.first(shown));
  // One star per hidden character, never more than 3, so a long local part's length stays hidden.
  out.append(std::min<std::size_t>(3, local.size() - shown), '*');
  out += join(gs.subspan(at));  // "@domain"; nothing when the value has no "@"
  return out;
}

}  // namespace ticketcore::detail
