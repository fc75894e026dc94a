// Decision helpers: clearing for reuse, and the item list explain and dry runs compare.
#include "ticketcore/routing/decision.hpp"

namespace ticketcore {

void Decision::clear() {
  version = {};
  matched_rules.clear();
  team = agent = assign_by = priority = priority_reason = sla_policy = escalation_reason = {};
  escalation_level.reset();
  tags_added.clear();
  tags_removed.clear();
  notifications.clear();
  approvals.clear();
}

std::string_view to_string(Recipient r) {
  switch (r) {
    case Recipient::handler: return "handler";
    case Recipient::supervisor: return "supervisor";
    case Recipient::customer: return "customer";
  }
  return "?";
}

namespace {

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (auto i : items) out += (out.empty() ? "" : ", ") + std::string(i);
  return out;
}

std::string recipients(RecipientSet set) {
  std::vector<std::string_view> names;
  for (Recipient r : {Recipient::handler, Recipient::supervisor, Recipient::customer})
    if (set & static_cast<RecipientSet>(r)) names.push_back(to_string(r));
  return join(names);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> describe(const Decision& d) {
  std::vector<std::pair<std::string, std::string>> out;
  auto put = [&](const char* item, std::string value) {
    if (!value.empty()) out.emplace_back(item, std::move(value));
  };
  put("rules", join(d.matched_rules));
  put("team", std::string(d.team));
  put("agent", std::string(d.agent));
  put("assign_by", std::string(d.assign_by));
  if (!d.priority.empty())
    put("priority", std::string(d.priority) + " (" + std::string(d.priority_reason) + ")");
  put("sla_policy", std::string(d.sla_policy));
  if (d.escalation_level)
    put("escalation", "level " + std::to_string(level_number(*d.escalation_level)) +
                          (d.escalation_reason.empty() ? "" : " (" + std::string(d.escalation_reason) + ")"));
  put("tags_added", join(d.tags_added));
  put("tags_removed", join(d.tags_removed));
  std::string notes;
  for (const auto& n : d.notifications)
    notes += (notes.empty() ? "" : "; ") + std::string(n.template_id) + " -> " + recipients(n.recipients);
  put("notify", notes);
  std::string approvals;
  for (const auto& a : d.approvals)
    approvals += (approvals.empty() ? "" : "; ") + std::string(to_string(a.approver)) + " (" +
                 std::string(a.reason) + ")";
  put("approval", approvals);
  return out;
}

}  // namespace ticketcore
