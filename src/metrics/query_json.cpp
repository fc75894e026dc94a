// The report query as JSON, written and read strictly (docs/metrics.md, "Report query").
#include "query_json.hpp"

#include "model/json_read.hpp"
#include "ticketcore/metrics/report_json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

namespace jw = detail::json_write;

jw::json jw::value_of(const ReportQuery& q) {
  json j = json::object();
  j["from"] = instant(q.from);
  j["to"] = instant(q.to);
  json group_by = json::array();
  for (GroupDimension d : q.group_by) group_by.push_back(word(d));
  j["group_by"] = std::move(group_by);
  j["as_of"] = instant(q.as_of);
  j["due_soon_seconds"] = q.due_soon_seconds;
  j["bottleneck_min_tickets"] = q.bottleneck_min_tickets;
  j["bottleneck_factor"] = q.bottleneck_factor;
  return j;
}

std::string to_json_text(const ReportQuery& query) { return jw::dump(jw::value_of(query)); }

template <>
ReportQuery from_json_text<ReportQuery>(std::string_view text) {
  using namespace detail::json_read;
  const nlohmann::json j = parse_json(text);
  ReportQuery q;
  ObjectReader r(j, "");
  r.required("from", q.from);
  r.required("to", q.to);
  r.optional("group_by", q.group_by, MaxItems{enum_count<GroupDimension>()});
  r.required("as_of", q.as_of);
  r.optional("due_soon_seconds", q.due_soon_seconds);
  r.optional("bottleneck_min_tickets", q.bottleneck_min_tickets);
  r.optional("bottleneck_factor", q.bottleneck_factor);
  r.finish();
  check_report_query(q);
  return q;
}

}  // namespace ticketcore
