#include "figures_accumulator.hpp"

#include <utility>

#include "percentiles.hpp"
#include "sla_at.hpp"

namespace ticketcore::detail {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

void count_backlog(BacklogAges& b, std::int64_t age) {
  if (age < kDay)
    ++b.under_1_day;
  else if (age < 3 * kDay)
    ++b.from_1_to_3_days;
  else if (age < 7 * kDay)
    ++b.from_3_to_7_days;
  else
    ++b.over_7_days;
}

void count_stars(RatingFigures& r, std::int64_t& sum, std::uint8_t stars) {
  ++r.distribution[stars - 1];
  if (stars >= 4) ++r.satisfied;
  sum += stars;
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return double(part) / double(whole);
}

void keep(std::vector<std::int64_t>& into, const std::optional<std::int64_t>& seconds) {
  if (seconds) into.push_back(*seconds);
}

void finish_rating(RatingFigures& r, std::int64_t sum, std::int64_t rated) {
  r.mean = share(sum, rated);
  r.satisfied_share = share(r.satisfied, rated);
}

}  // namespace

void FiguresAccumulator::add(const TicketFacts& f, Instant as_of) {
  ReportFigures& r = figures_;
  ++r.tickets_in;
  if (f.resolved) ++r.resolved;
  if (f.open) {
    ++r.open;
    count_backlog(r.backlog, std::max<std::int64_t>(0, (as_of - f.created_at).count()));
  }
  if (!f.open && !f.resolved) ++r.withdrawn;

  if (f.first_response_seconds) ++r.first_response.count;
  keep(first_response_calendar_, f.first_response_seconds);
  keep(first_response_business_, f.first_response_business_seconds);
  if (f.resolution_seconds) ++r.resolution.count;
  keep(resolution_calendar_, f.resolution_seconds);
  keep(resolution_business_, f.resolution_business_seconds);

  if (f.resolved && f.first_contact_resolution) ++r.first_contact_resolved;
  if (f.reopens > 0) ++r.reopened;
  if (f.resolved || f.reopens > 0) ++ever_resolved_;

  for (std::size_t t = 0; t < f.sla.size(); ++t) {
    switch (outcome_at(f.sla[t], as_of)) {
      case SlaOutcome::met: ++r.sla[t].met; break;
      case SlaOutcome::breached: ++r.sla[t].breached; break;
      case SlaOutcome::pending: ++r.sla[t].pending; break;
      case SlaOutcome::not_applicable: break;
    }
  }

  if (counts_as_rated(f)) {
    ++r.csat.rated;
    count_stars(r.csat.efficiency, star_sums_[0], f.efficiency);
    count_stars(r.csat.attitude, star_sums_[1], f.attitude);
    count_stars(r.csat.effectiveness, star_sums_[2], f.effectiveness);
  }
  if (f.complaint) ++r.complaints;
}

ReportFigures FiguresAccumulator::finish() {
  ReportFigures r = std::exchange(figures_, ReportFigures{});
  r.first_response.calendar = summarize(first_response_calendar_);
  r.first_response.business = summarize(first_response_business_);
  r.resolution.calendar = summarize(resolution_calendar_);
  r.resolution.business = summarize(resolution_business_);
  r.resolution_rate = share(r.resolved, r.tickets_in - r.withdrawn);
  r.first_contact_resolution_rate = share(r.first_contact_resolved, r.resolved);
  r.reopen_rate = share(r.reopened, ever_resolved_);
  for (std::size_t t = 0; t < r.sla.size(); ++t) {
    r.sla[t].target = static_cast<SlaTarget>(t);
    r.sla[t].compliance = share(r.sla[t].met, r.sla[t].met + r.sla[t].breached);
  }
  finish_rating(r.csat.efficiency, star_sums_[0], r.csat.rated);
  finish_rating(r.csat.attitude, star_sums_[1], r.csat.rated);
  finish_rating(r.csat.effectiveness, star_sums_[2], r.csat.rated);
  *this = FiguresAccumulator{};
  return r;
}

}  // namespace ticketcore::detail
