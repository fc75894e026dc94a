// Service reports through the Desk: the store streams the period's facts rows the actor
// sees into one ReportBuilder, so the same pure code serves every backend (docs/metrics.md).
#include "ticketcore/desk.hpp"

#include "access_checks.hpp"

namespace ticketcore {

Report Desk::report(const Actor& actor, const ReportQuery& query) const {
  return guard(actor, "report", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::metrics);
    ReportBuilder builder(query);  // refuses an unusable query before the store is read
    FactsScan scan{query.from, query.to, {}};
    // A scoped role's figures count only its tickets: the filter is in the scan, so no
    // other row reaches the builder.
    if (access.scope() != Scope::all) scan.scope = access.query_scope();
    store_->read()->scan_facts(scan, [&](const TicketFacts& facts) { builder.add(facts); });
    return builder.finish();
  });
}

}  // namespace ticketcore
