#include "group_key.hpp"

namespace ticketcore::detail {

std::string_view dimension_value(const TicketFacts& f, GroupDimension d) {
  switch (d) {
    case GroupDimension::agent: return f.assignee;
    case GroupDimension::team: return f.team;
    case GroupDimension::request_type: return to_string(f.request_type);
    case GroupDimension::subtype: return f.subtype;
    case GroupDimension::priority: return f.priority;
    case GroupDimension::channel: return to_string(f.channel);
    case GroupDimension::tier: return to_string(f.tier);
  }
  return {};
}

void write_key(std::string& out, const TicketFacts& f, std::span<const GroupDimension> dimensions) {
  out.clear();
  for (GroupDimension d : dimensions) {
    out += dimension_value(f, d);
    out += '\x1f';
  }
}

}  // namespace ticketcore::detail
