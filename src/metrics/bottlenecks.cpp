#include "bottlenecks.hpp"

#include <algorithm>
#include <tuple>

#include "sla_at.hpp"

namespace ticketcore::detail {

void BottleneckFinder::count(Tally& t, const TicketFacts& f, Instant as_of) {
  bool decided = false, breached = false;
  for (const TargetOutcome& o : f.sla) {
    const SlaOutcome at = outcome_at(o, as_of);
    decided = decided || at == SlaOutcome::met || at == SlaOutcome::breached;
    breached = breached || at == SlaOutcome::breached;
  }
  t.decided += decided;
  t.breached += breached;
  if (f.resolution_business_seconds) {
    ++t.resolved;
    t.resolution_sum += *f.resolution_business_seconds;
  }
}

void BottleneckFinder::add(const TicketFacts& f, Instant as_of) {
  count(desk_, f, as_of);
  count(groups_[{f.subtype, f.team}], f, as_of);
}

std::vector<Bottleneck> BottleneckFinder::finish(std::int64_t min_tickets, double factor) {
  std::vector<Bottleneck> out;
  auto consider = [&](BottleneckMeasure measure, const std::pair<std::string, std::string>& group,
                      std::int64_t part, std::int64_t count, std::int64_t desk_part,
                      std::int64_t desk_count) {
    if (count < min_tickets || desk_count == 0) return;
    const double value = double(part) / double(count), desk = double(desk_part) / double(desk_count);
    if (desk > 0 && value > factor * desk)
      out.push_back({measure, group.first, group.second, count, value, desk, value / desk});
  };
  for (const auto& [group, t] : groups_) {
    consider(BottleneckMeasure::breach_rate, group, t.breached, t.decided, desk_.breached, desk_.decided);
    consider(BottleneckMeasure::mean_resolution_business_seconds, group, t.resolution_sum, t.resolved,
             desk_.resolution_sum, desk_.resolved);
  }
  std::sort(out.begin(), out.end(), [](const Bottleneck& a, const Bottleneck& b) {
    if (a.measure != b.measure) return a.measure < b.measure;
    if (a.ratio != b.ratio) return a.ratio > b.ratio;
    return std::tie(a.subtype, a.team) < std::tie(b.subtype, b.team);
  });
  desk_ = {};
  groups_.clear();
  return out;
}

}  // namespace ticketcore::detail
