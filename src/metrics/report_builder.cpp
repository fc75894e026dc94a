// One pass over facts rows: each row of the period goes to the desk's figures, its
// group's figures, the bottleneck tallies and its agent's load (docs/metrics.md).
#include <algorithm>
#include <unordered_map>

#include "agent_loads.hpp"
#include "bottlenecks.hpp"
#include "figures_accumulator.hpp"
#include "group_key.hpp"
#include "ticketcore/metrics/report.hpp"

namespace ticketcore {

struct ReportBuilder::State {
  ReportQuery query;
  detail::FiguresAccumulator desk;
  // Groups in order of first appearance, found by their key text.
  std::unordered_map<std::string, std::size_t> group_index;
  std::vector<GroupFigures> group_keys;  // the keys; figures are filled by finish()
  std::vector<detail::FiguresAccumulator> groups;
  detail::BottleneckFinder bottlenecks;
  detail::AgentLoads agents;
  std::string key;  // scratch, reused between rows

  explicit State(ReportQuery q) : query(std::move(q)) {}

  detail::FiguresAccumulator& group_of(const TicketFacts& f) {
    detail::write_key(key, f, query.group_by);
    auto it = group_index.find(key);
    if (it == group_index.end()) {
      it = group_index.emplace(key, groups.size()).first;
      GroupFigures g;
      for (GroupDimension d : query.group_by) g.key.emplace_back(detail::dimension_value(f, d));
      group_keys.push_back(std::move(g));
      groups.emplace_back();
    }
    return groups[it->second];
  }
};

ReportBuilder::ReportBuilder(ReportQuery query) {
  check_report_query(query);
  state_ = std::make_unique<State>(std::move(query));
}

ReportBuilder::~ReportBuilder() = default;
ReportBuilder::ReportBuilder(ReportBuilder&&) noexcept = default;
ReportBuilder& ReportBuilder::operator=(ReportBuilder&&) noexcept = default;

void ReportBuilder::add(const TicketFacts& f) {
  State& s = *state_;
  if (f.created_at < s.query.from || f.created_at >= s.query.to) return;
  const Instant as_of = s.query.as_of;
  s.desk.add(f, as_of);
  if (!s.query.group_by.empty()) s.group_of(f).add(f, as_of);
  s.bottlenecks.add(f, as_of);
  s.agents.add(f, as_of, s.query.due_soon_seconds);
}

Report ReportBuilder::finish() {
  auto done = std::exchange(state_, std::make_unique<State>(state_->query));
  Report r;
  r.query = done->query;
  r.desk = done->desk.finish();
  r.groups = std::move(done->group_keys);
  for (std::size_t i = 0; i < r.groups.size(); ++i) r.groups[i].figures = done->groups[i].finish();
  std::sort(r.groups.begin(), r.groups.end(),
            [](const GroupFigures& a, const GroupFigures& b) { return a.key < b.key; });
  r.bottlenecks = done->bottlenecks.finish(r.query.bottleneck_min_tickets, r.query.bottleneck_factor);
  r.agents = done->agents.finish();
  return r;
}

}  // namespace ticketcore
