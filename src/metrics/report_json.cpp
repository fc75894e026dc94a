// The report as JSON (docs/metrics.md, "Report"): figures in the order of their structs,
// undefined values (a mean of nothing, a rate over zero tickets) left out.
#include "ticketcore/metrics/report_json.hpp"
#include "query_json.hpp"

namespace ticketcore {

namespace {

namespace jw = detail::json_write;
using jw::json;

json summary(const DurationSummary& s) {
  json j = json::object();
  jw::put_optional(j, "mean", s.mean, [](double v) { return json(v); });
  jw::put_optional(j, "median", s.median, [](std::int64_t v) { return json(v); });
  jw::put_optional(j, "p90", s.p90, [](std::int64_t v) { return json(v); });
  return j;
}

json durations(const DurationFigures& d) {
  json j = json::object();
  j["count"] = d.count;
  j["calendar_seconds"] = summary(d.calendar);
  j["business_seconds"] = summary(d.business);
  return j;
}

void put_rate(json& j, const char* key, const std::optional<double>& rate) {
  jw::put_optional(j, key, rate, [](double v) { return json(v); });
}

json backlog(const BacklogAges& b) {
  json j = json::object();
  j["under_1_day"] = b.under_1_day;
  j["from_1_to_3_days"] = b.from_1_to_3_days;
  j["from_3_to_7_days"] = b.from_3_to_7_days;
  j["over_7_days"] = b.over_7_days;
  return j;
}

json compliance(const SlaCompliance& c) {
  json j = json::object();
  j["target"] = jw::word(c.target);
  j["met"] = c.met;
  j["breached"] = c.breached;
  j["pending"] = c.pending;
  put_rate(j, "compliance", c.compliance);
  return j;
}

json rating(const RatingFigures& r) {
  json j = json::object();
  put_rate(j, "mean", r.mean);
  json distribution = json::array();
  for (std::int64_t n : r.distribution) distribution.push_back(n);
  j["distribution"] = std::move(distribution);
  j["satisfied"] = r.satisfied;
  put_rate(j, "satisfied_share", r.satisfied_share);
  return j;
}

json csat(const CsatFigures& c) {
  json j = json::object();
  j["rated"] = c.rated;
  j["efficiency"] = rating(c.efficiency);
  j["attitude"] = rating(c.attitude);
  j["effectiveness"] = rating(c.effectiveness);
  return j;
}

// The figures' fields into `j`, which may hold a group's key already.
void put_figures(json& j, const ReportFigures& f) {
  j["tickets_in"] = f.tickets_in;
  j["resolved"] = f.resolved;
  j["withdrawn"] = f.withdrawn;
  j["open"] = f.open;
  j["backlog"] = backlog(f.backlog);
  j["first_response"] = durations(f.first_response);
  j["resolution"] = durations(f.resolution);
  put_rate(j, "resolution_rate", f.resolution_rate);
  j["first_contact_resolved"] = f.first_contact_resolved;
  put_rate(j, "first_contact_resolution_rate", f.first_contact_resolution_rate);
  j["reopened"] = f.reopened;
  put_rate(j, "reopen_rate", f.reopen_rate);
  json sla = json::array();
  for (const SlaCompliance& c : f.sla) sla.push_back(compliance(c));
  j["sla"] = std::move(sla);
  j["csat"] = csat(f.csat);
  j["complaints"] = f.complaints;
}

json group(const GroupFigures& g, const std::vector<GroupDimension>& dimensions) {
  json key = json::object();
  for (std::size_t i = 0; i < dimensions.size() && i < g.key.size(); ++i)
    key[std::string(to_string(dimensions[i]))] = g.key[i];
  json j = json::object();
  j["group"] = std::move(key);
  put_figures(j, g.figures);
  return j;
}

json bottleneck(const Bottleneck& b) {
  json j = json::object();
  j["measure"] = jw::word(b.measure);
  j["subtype"] = b.subtype;
  j["team"] = b.team;
  j["count"] = b.count;
  j["value"] = b.value;
  j["desk_value"] = b.desk_value;
  j["ratio"] = b.ratio;
  return j;
}

json agent(const AgentLoad& a) {
  json j = json::object();
  j["agent"] = a.agent;
  j["open"] = a.open;
  j["due_soon"] = a.due_soon;
  j["overdue"] = a.overdue;
  return j;
}

}  // namespace

std::string to_json_text(const Report& report) {
  json j = json::object();
  j["query"] = jw::value_of(report.query);
  json desk = json::object();
  put_figures(desk, report.desk);
  j["desk"] = std::move(desk);
  json groups = json::array(), bottlenecks = json::array(), agents = json::array();
  for (const GroupFigures& g : report.groups) groups.push_back(group(g, report.query.group_by));
  for (const Bottleneck& b : report.bottlenecks) bottlenecks.push_back(bottleneck(b));
  for (const AgentLoad& a : report.agents) agents.push_back(agent(a));
  j["groups"] = std::move(groups);
  j["bottlenecks"] = std::move(bottlenecks);
  j["agents"] = std::move(agents);
  return jw::dump(j);
}

}  // namespace ticketcore
