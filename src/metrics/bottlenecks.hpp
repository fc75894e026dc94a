#pragma once
// Bottlenecks: the request subtype x team groups whose SLA breach rate or mean resolution
// time stands out against the whole desk's (DOMAIN.md section 7: "a type of complaint
// that keeps running late"). The rule, for each measure separately: a group stands out
// when at least `min_tickets` of its tickets were measured and its value is more than
// `factor` times the desk's value (which must be above 0). The minimum keeps a one-ticket group from topping
// the list.
//
//   breach rate: tickets with a breached target / tickets with a met or breached target
//                (SLA outcomes at as_of, every target of the ticket)
//   mean resolution time: mean business seconds to resolution of the resolved tickets

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail {

/// Collects the two measures per subtype x team and for the desk.
class BottleneckFinder {
 public:
  /// Counts one row of the period.
  void add(const TicketFacts& f, Instant as_of);
  /// The groups that stand out: breach rate first, then mean resolution time; each by
  /// ratio to the desk, highest first, then subtype and team.
  std::vector<Bottleneck> finish(std::int64_t min_tickets, double factor);

 private:
  struct Tally {
    std::int64_t decided = 0, breached = 0;         // tickets with an SLA verdict, and breached ones
    std::int64_t resolved = 0, resolution_sum = 0;  // resolved tickets, their business seconds
  };
  static void count(Tally& t, const TicketFacts& f, Instant as_of);

  Tally desk_;
  std::map<std::pair<std::string, std::string>, Tally> groups_;  // by (subtype, team)
};

}  // namespace ticketcore::detail
