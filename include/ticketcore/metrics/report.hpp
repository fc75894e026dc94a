#pragma once
// Service reports over TicketFacts rows (DOMAIN.md section 7): volumes, response and
// resolution times, resolution, first-contact resolution, SLA compliance, reopens, CSAT
// and complaints per group and for the whole desk, and where work piles up. One pass:
// ReportBuilder takes rows one at a time, so a store can stream millions of them.
// Every figure's definition is in docs/metrics.md.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/error.hpp"
#include "ticketcore/metrics/facts.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore {

/// A dimension a report can be grouped by.
enum class GroupDimension : std::uint8_t { agent, team, request_type, subtype, priority, channel, tier };

/// What a report covers and how it is cut.
struct ReportQuery {
  Instant from{};                            ///< the period's start (included), on created_at
  Instant to{};                              ///< the period's end (excluded), on created_at
  std::vector<GroupDimension> group_by;      ///< any combination, each at most once; empty: the desk only
  Instant as_of{};                           ///< when backlog ages, overdue targets and due-soon are measured
  std::int64_t due_soon_seconds = 4 * 3600;  ///< the due-soon window after as_of, 0 to 30 days
  std::int64_t bottleneck_min_tickets = 10;  ///< a bottleneck group needs at least this many tickets measured
  double bottleneck_factor = 1.5;            ///< and a value above this many times the desk's (1 to 100)

  friend bool operator==(const ReportQuery&, const ReportQuery&) = default;
};

/// Throws Error{invalid_input} naming the field ("/to", "/group_by/2") unless the query is usable.
void check_report_query(const ReportQuery& query);

/// Open tickets by age at as_of (wall-clock time since created_at).
struct BacklogAges {
  std::int64_t under_1_day = 0;       ///< younger than 1 day
  std::int64_t from_1_to_3_days = 0;  ///< 1 day up to 3 days
  std::int64_t from_3_to_7_days = 0;  ///< 3 days up to 7 days
  std::int64_t over_7_days = 0;       ///< 7 days and older

  friend bool operator==(const BacklogAges&, const BacklogAges&) = default;
};

/// Mean, median and 90th percentile of a set of durations in seconds; absent when the set is empty.
struct DurationSummary {
  std::optional<double> mean;          ///< the arithmetic mean
  std::optional<std::int64_t> median;  ///< the 50th percentile, nearest rank
  std::optional<std::int64_t> p90;     ///< the 90th percentile, nearest rank

  friend bool operator==(const DurationSummary&, const DurationSummary&) = default;
};

/// One duration (first response, resolution) measured on both clocks.
struct DurationFigures {
  std::int64_t count = 0;    ///< tickets measured
  DurationSummary calendar;  ///< wall-clock seconds
  DurationSummary business;  ///< business seconds

  friend bool operator==(const DurationFigures&, const DurationFigures&) = default;
};

/// How one SLA target fared.
struct SlaCompliance {
  SlaTarget target = SlaTarget::resolution;  ///< the target
  std::int64_t met = 0;                      ///< met in time
  std::int64_t breached = 0;                 ///< breached, or pending and overdue at as_of
  std::int64_t pending = 0;                  ///< still counting and not overdue at as_of
  std::optional<double> compliance;          ///< met / (met + breached); absent when both are 0

  friend bool operator==(const SlaCompliance&, const SlaCompliance&) = default;
};

/// The answers on one satisfaction axis.
struct RatingFigures {
  std::optional<double> mean;                  ///< mean stars of the rated tickets
  std::array<std::int64_t, 5> distribution{};  ///< how many gave 1, 2, 3, 4 and 5 stars
  std::int64_t satisfied = 0;                  ///< 4 or 5 stars
  std::optional<double> satisfied_share;       ///< satisfied / rated

  friend bool operator==(const RatingFigures&, const RatingFigures&) = default;
};

/// Customer satisfaction: the three survey axes.
struct CsatFigures {
  std::int64_t rated = 0;       ///< tickets with a rating
  RatingFigures efficiency;     ///< how fast
  RatingFigures attitude;       ///< how friendly
  RatingFigures effectiveness;  ///< how well solved

  friend bool operator==(const CsatFigures&, const CsatFigures&) = default;
};

/// The figures of one group of tickets (or of the whole desk).
struct ReportFigures {
  std::int64_t tickets_in = 0;              ///< created in the period
  std::int64_t resolved = 0;                ///< of those, resolved or closed now
  std::int64_t withdrawn = 0;               ///< of those, cancelled or merged
  std::int64_t open = 0;                    ///< of those, still open (the backlog)
  BacklogAges backlog;                      ///< the open ones by age at as_of
  DurationFigures first_response;           ///< created to first response, of those answered
  DurationFigures resolution;               ///< created to resolution, of those resolved
  std::optional<double> resolution_rate;    ///< resolved / (tickets_in - withdrawn)
  std::int64_t first_contact_resolved = 0;  ///< resolved without reopen, reassignment or escalation
  std::optional<double> first_contact_resolution_rate;  ///< first_contact_resolved / resolved
  std::int64_t reopened = 0;                            ///< reopened at least once
  std::optional<double> reopen_rate;   ///< reopened / tickets ever resolved (resolved now, or reopened)
  std::array<SlaCompliance, 4> sla{};  ///< per SlaTarget, in SlaTarget order
  CsatFigures csat;                    ///< the survey answers
  std::int64_t complaints = 0;         ///< tickets of request type complaint

  friend bool operator==(const ReportFigures&, const ReportFigures&) = default;
};

/// One group: its values of the query's dimensions, in group_by order, and its figures.
struct GroupFigures {
  std::vector<std::string> key;  ///< one value per dimension (enum words; "" for none)
  ReportFigures figures;         ///< the group's figures

  friend bool operator==(const GroupFigures&, const GroupFigures&) = default;
};

/// What a bottleneck stands out by.
enum class BottleneckMeasure : std::uint8_t {
  breach_rate,                       ///< share of tickets with a breached SLA target
  mean_resolution_business_seconds,  ///< mean resolution time, business seconds
};

/// A request subtype x team whose measure stands out against the desk's.
struct Bottleneck {
  BottleneckMeasure measure = BottleneckMeasure::breach_rate;  ///< what stands out
  std::string subtype;                                         ///< the request subtype ("" for none)
  std::string team;                                            ///< the team ("" for none)
  std::int64_t count = 0;                                      ///< the group's tickets measured
  double value = 0;                                            ///< the group's value
  double desk_value = 0;                                       ///< the desk's value
  double ratio = 0;  ///< value / desk_value: how many times the desk's

  friend bool operator==(const Bottleneck&, const Bottleneck&) = default;
};

/// One agent's open work at as_of.
struct AgentLoad {
  std::string agent;          ///< the agent id
  std::int64_t open = 0;      ///< open tickets assigned to them
  std::int64_t due_soon = 0;  ///< of those, next due within the due-soon window of as_of
  std::int64_t overdue = 0;   ///< of those, next due before as_of

  friend bool operator==(const AgentLoad&, const AgentLoad&) = default;
};

/// A service report.
struct Report {
  ReportQuery query;                    ///< what it answers
  ReportFigures desk;                   ///< the whole desk
  std::vector<GroupFigures> groups;     ///< per group, ordered by key
  std::vector<Bottleneck> bottlenecks;  ///< breach rate first, then by ratio, highest first
  std::vector<AgentLoad> agents;        ///< by open load, highest first, then agent id

  friend bool operator==(const Report&, const Report&) = default;
};

/// Builds a report from facts fed one row at a time, in any order. Holds counters per
/// group plus the durations each group needs for its percentiles (8 bytes per measured
/// duration, four durations per ticket, once for the desk and once for its group).
/// Not thread-safe; one builder per report.
class ReportBuilder {
 public:
  /// A builder for a query; throws Error as check_report_query does.
  explicit ReportBuilder(ReportQuery query);
  /// Frees what the builder holds.
  ~ReportBuilder();
  /// Takes over another builder's rows; the other may only be destroyed or assigned to.
  ReportBuilder(ReportBuilder&&) noexcept;
  /// Takes over another builder's rows; the other may only be destroyed or assigned to.
  ReportBuilder& operator=(ReportBuilder&&) noexcept;

  /// Takes one ticket's facts; rows created outside the period are skipped.
  void add(const TicketFacts& facts);
  /// The report of every row added so far; the builder starts empty again afterwards.
  Report finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::GroupDimension, "agent", "team", "request_type", "subtype", "priority",
                      "channel", "tier");
TICKETCORE_ENUM_NAMES(ticketcore::BottleneckMeasure, "breach_rate", "mean_resolution_business_seconds");
