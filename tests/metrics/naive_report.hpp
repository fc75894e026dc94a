#pragma once
// A deliberately plain report, the oracle of the differential test: every group gets the
// list of its rows (grouped by a vector of strings in a std::map), and each figure is a
// loop over that list; percentiles sort a copy and take the value at the nearest rank,
// found by counting up. Nothing here is shared with src/metrics but the types.

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ticketcore/metrics/report.hpp"

namespace metrics_testing {

using namespace ticketcore;
using Rows = std::vector<const TicketFacts*>;

inline SlaOutcome naive_outcome(const TargetOutcome& t, Instant as_of) {
  if (t.outcome != SlaOutcome::pending) return t.outcome;
  if (t.due_at.has_value() && t.due_at.value() < as_of) return SlaOutcome::breached;
  return SlaOutcome::pending;
}

inline bool naive_rated(const TicketFacts& f) {
  for (int stars : {int(f.efficiency), int(f.attitude), int(f.effectiveness)})
    if (stars < 1 || stars > 5) return false;
  return f.rated;
}

inline std::optional<double> naive_share(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return double(part) / double(whole);
}

// The smallest rank k (1-based) with k >= p% of n.
inline std::int64_t naive_rank(std::int64_t n, std::int64_t p) {
  std::int64_t k = 1;
  while (k * 100 < p * n) ++k;
  return k;
}

inline DurationSummary naive_summary(std::vector<std::int64_t> values) {
  DurationSummary s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  std::int64_t sum = 0;
  for (std::int64_t v : values) sum += v;
  const std::int64_t n = std::int64_t(values.size());
  s.mean = double(sum) / double(n);
  s.median = values[std::size_t(naive_rank(n, 50) - 1)];
  s.p90 = values[std::size_t(naive_rank(n, 90) - 1)];
  return s;
}

inline RatingFigures naive_rating(const Rows& rated, std::uint8_t TicketFacts::*axis) {
  RatingFigures r;
  std::int64_t sum = 0;
  for (const TicketFacts* f : rated) {
    const int stars = f->*axis;
    sum += stars;
    r.distribution[std::size_t(stars - 1)] += 1;
    if (stars == 4 || stars == 5) r.satisfied += 1;
  }
  r.mean = naive_share(sum, std::int64_t(rated.size()));
  r.satisfied_share = naive_share(r.satisfied, std::int64_t(rated.size()));
  return r;
}

inline ReportFigures naive_figures(const Rows& rows, Instant as_of) {
  ReportFigures r;
  std::vector<std::int64_t> fr_cal, fr_bus, res_cal, res_bus;
  std::int64_t ever_resolved = 0;
  Rows rated;
  for (const TicketFacts* f : rows) {
    r.tickets_in += 1;
    if (f->resolved) r.resolved += 1;
    if (!f->open && !f->resolved) r.withdrawn += 1;
    if (f->open) {
      r.open += 1;
      const std::int64_t hours = (as_of - f->created_at).count() / 3600;
      if (hours < 24)
        r.backlog.under_1_day += 1;
      else if (hours < 72)
        r.backlog.from_1_to_3_days += 1;
      else if (hours < 168)
        r.backlog.from_3_to_7_days += 1;
      else
        r.backlog.over_7_days += 1;
    }
    if (f->first_response_seconds.has_value()) fr_cal.push_back(f->first_response_seconds.value());
    if (f->first_response_business_seconds.has_value())
      fr_bus.push_back(f->first_response_business_seconds.value());
    if (f->resolution_seconds.has_value()) res_cal.push_back(f->resolution_seconds.value());
    if (f->resolution_business_seconds.has_value()) res_bus.push_back(f->resolution_business_seconds.value());
    if (f->resolved && f->first_contact_resolution) r.first_contact_resolved += 1;
    if (f->reopens >= 1) r.reopened += 1;
    if (f->resolved || f->reopens >= 1) ever_resolved += 1;
    for (int t = 0; t < 4; ++t) {
      const SlaOutcome o = naive_outcome(f->sla[std::size_t(t)], as_of);
      if (o == SlaOutcome::met) r.sla[std::size_t(t)].met += 1;
      if (o == SlaOutcome::breached) r.sla[std::size_t(t)].breached += 1;
      if (o == SlaOutcome::pending) r.sla[std::size_t(t)].pending += 1;
    }
    if (naive_rated(*f)) rated.push_back(f);
    if (f->complaint) r.complaints += 1;
  }
  r.first_response.count = std::int64_t(fr_cal.size());
  r.first_response.calendar = naive_summary(fr_cal);
  r.first_response.business = naive_summary(fr_bus);
  r.resolution.count = std::int64_t(res_cal.size());
  r.resolution.calendar = naive_summary(res_cal);
  r.resolution.business = naive_summary(res_bus);
  r.resolution_rate = naive_share(r.resolved, r.tickets_in - r.withdrawn);
  r.first_contact_resolution_rate = naive_share(r.first_contact_resolved, r.resolved);
  r.reopen_rate = naive_share(r.reopened, ever_resolved);
  for (int t = 0; t < 4; ++t) {
    SlaCompliance& c = r.sla[std::size_t(t)];
    c.target = SlaTarget(t);
    c.compliance = naive_share(c.met, c.met + c.breached);
  }
  r.csat.rated = std::int64_t(rated.size());
  r.csat.efficiency = naive_rating(rated, &TicketFacts::efficiency);
  r.csat.attitude = naive_rating(rated, &TicketFacts::attitude);
  r.csat.effectiveness = naive_rating(rated, &TicketFacts::effectiveness);
  return r;
}

inline std::string naive_value(const TicketFacts& f, GroupDimension d) {
  if (d == GroupDimension::agent) return f.assignee;
  if (d == GroupDimension::team) return f.team;
  if (d == GroupDimension::request_type) return std::string(to_string(f.request_type));
  if (d == GroupDimension::subtype) return f.subtype;
  if (d == GroupDimension::priority) return f.priority;
  if (d == GroupDimension::channel) return std::string(to_string(f.channel));
  return std::string(to_string(f.tier));
}

inline std::vector<Bottleneck> naive_bottlenecks(const Rows& rows, const ReportQuery& q) {
  std::map<std::pair<std::string, std::string>, Rows> groups;
  for (const TicketFacts* f : rows) groups[{f->subtype, f->team}].push_back(f);
  // Per rows: {decided, breached, resolved, resolution business seconds}.
  auto measure = [&](const Rows& list) {
    std::array<std::int64_t, 4> m{};
    for (const TicketFacts* f : list) {
      int met = 0, late = 0;
      for (const TargetOutcome& t : f->sla) {
        const SlaOutcome o = naive_outcome(t, q.as_of);
        met += o == SlaOutcome::met;
        late += o == SlaOutcome::breached;
      }
      m[0] += (met + late) > 0;
      m[1] += late > 0;
      if (f->resolution_business_seconds.has_value()) {
        m[2] += 1;
        m[3] += f->resolution_business_seconds.value();
      }
    }
    return m;
  };
  const auto desk = measure(rows);
  std::vector<Bottleneck> breach, slow;
  for (const auto& [key, list] : groups) {
    const auto g = measure(list);
    if (g[0] >= q.bottleneck_min_tickets && desk[0] > 0) {
      const double value = double(g[1]) / double(g[0]), desk_value = double(desk[1]) / double(desk[0]);
      if (desk_value > 0 && value > q.bottleneck_factor * desk_value)
        breach.push_back({BottleneckMeasure::breach_rate, key.first, key.second, g[0], value, desk_value,
                          value / desk_value});
    }
    if (g[2] >= q.bottleneck_min_tickets && desk[2] > 0) {
      const double value = double(g[3]) / double(g[2]), desk_value = double(desk[3]) / double(desk[2]);
      if (desk_value > 0 && value > q.bottleneck_factor * desk_value)
        slow.push_back({BottleneckMeasure::mean_resolution_business_seconds, key.first, key.second, g[2],
                        value, desk_value, value / desk_value});
    }
  }
  std::vector<Bottleneck> out;
  for (auto* list : {&breach, &slow}) {
    // std::map gave (subtype, team) order; a stable sort by ratio keeps it among equals.
    std::stable_sort(list->begin(), list->end(),
                     [](const Bottleneck& a, const Bottleneck& b) { return a.ratio > b.ratio; });
    out.insert(out.end(), list->begin(), list->end());
  }
  return out;
}

inline std::vector<AgentLoad> naive_agents(const Rows& rows, const ReportQuery& q) {
  std::vector<AgentLoad> out;
  for (const TicketFacts* f : rows) {
    if (!f->open || f->assignee.empty()) continue;
    auto it =
        std::find_if(out.begin(), out.end(), [&](const AgentLoad& a) { return a.agent == f->assignee; });
    if (it == out.end()) it = out.insert(out.end(), AgentLoad{f->assignee, 0, 0, 0});
    it->open += 1;
    if (!f->next_due_at.has_value()) continue;
    const std::int64_t until = (f->next_due_at.value() - q.as_of).count();
    if (until < 0) it->overdue += 1;
    if (until >= 0 && until < q.due_soon_seconds) it->due_soon += 1;
  }
  std::sort(out.begin(), out.end(), [](const AgentLoad& a, const AgentLoad& b) {
    return a.open != b.open ? a.open > b.open : a.agent < b.agent;
  });
  return out;
}

/// The report of `facts` for `q`, computed the plain way.
inline Report naive_report(const std::vector<TicketFacts>& facts, const ReportQuery& q) {
  Rows period;
  for (const TicketFacts& f : facts)
    if (f.created_at >= q.from && f.created_at < q.to) period.push_back(&f);
  Report r;
  r.query = q;
  r.desk = naive_figures(period, q.as_of);
  if (!q.group_by.empty()) {
    std::map<std::vector<std::string>, Rows> groups;
    for (const TicketFacts* f : period) {
      std::vector<std::string> key;
      for (GroupDimension d : q.group_by) key.push_back(naive_value(*f, d));
      groups[key].push_back(f);
    }
    for (const auto& [key, rows] : groups) r.groups.push_back({key, naive_figures(rows, q.as_of)});
  }
  r.bottlenecks = naive_bottlenecks(period, q);
  r.agents = naive_agents(period, q);
  return r;
}

}  // namespace metrics_testing
