#include "ticketcore/sla/policy.hpp"

#include <algorithm>

namespace ticketcore {

const PolicyTarget* SlaPolicy::find(SlaTarget target) const {
  for (const PolicyTarget& t : targets)
    if (t.target == target) return &t;
  return nullptr;
}

int SlaPolicy::specificity() const {
  return int(tier.has_value()) + int(request_type.has_value()) + int(channel.has_value());
}

namespace {

// Tier outranks request type outranks channel when two policies name as many criteria.
int criteria_weight(const SlaPolicy& p) {
  return (p.tier ? 4 : 0) + (p.request_type ? 2 : 0) + (p.channel ? 1 : 0);
}

std::string describe(const SlaPolicy& p) {
  std::string s = "\"" + p.id + "\" (priority " + p.priority;
  if (p.tier) s += ", tier " + std::string(to_string(*p.tier));
  if (p.request_type) s += ", request type " + std::string(to_string(*p.request_type));
  if (p.channel) s += ", channel " + std::string(to_string(*p.channel));
  return s + ")";
}

}  // namespace

PolicyChoice choose_policy(std::span<const SlaPolicy> policies, std::string_view priority, CustomerTier tier,
                           RequestType request_type, Channel channel) {
  std::vector<const SlaPolicy*> matched;
  for (const SlaPolicy& p : policies) {
    if (p.priority != priority) continue;
    if (p.tier && *p.tier != tier) continue;
    if (p.request_type && *p.request_type != request_type) continue;
    if (p.channel && *p.channel != channel) continue;
    matched.push_back(&p);
  }
  // stable_sort keeps the listed order among equals: the first listed wins a full tie.
  std::stable_sort(matched.begin(), matched.end(), [](const SlaPolicy* a, const SlaPolicy* b) {
    if (a->specificity() != b->specificity()) return a->specificity() > b->specificity();
    return criteria_weight(*a) > criteria_weight(*b);
  });

  PolicyChoice choice;
  for (const SlaPolicy* p : matched) choice.candidates.push_back(p->id);
  const std::string facts = "priority " + std::string(priority) + ", tier " + std::string(to_string(tier)) +
                            ", request type " + std::string(to_string(request_type)) + ", channel " +
                            std::string(to_string(channel));
  if (matched.empty()) {
    choice.explanation = "no policy covers " + facts;
    return choice;
  }
  const SlaPolicy& best = *matched.front();
  choice.policy = &best;
  choice.explanation = "policy " + describe(best) + " covers " + facts + " with " +
                       std::to_string(best.specificity()) + " optional criteria";
  if (matched.size() > 1) {
    const SlaPolicy& next = *matched[1];
    std::string why;
    if (next.specificity() < best.specificity())
      why = "it names more criteria";
    else if (criteria_weight(next) < criteria_weight(best))
      why = "tier outranks request type outranks channel";
    else
      why = "it is listed first";
    choice.explanation += "; chosen over " + describe(next) + " because " + why;
  }
  return choice;
}

}  // namespace ticketcore
