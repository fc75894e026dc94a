// Time moving the desk on: the sweep that hands out due actions once, and retention.
#include "ticketcore/desk.hpp"

#include <nlohmann/json.hpp>

#include "access_checks.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

Sweep Desk::due(const Actor& actor, std::size_t max_tickets) {
  return guard(actor, "due", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::sweep);
    const Instant now = clock_->now();
    Sweep sweep{now, 0, {}};
    // One write transaction: the keys recorded here are what keeps another process's
    // sweep, waiting for the write lock, from handing the same actions out again.
    auto tx = store_->write();
    // Read, hand out and reschedule in one batch each: on a database server, a few round
    // trips for the whole sweep rather than several per ticket.
    std::vector<DueAction> due;
    std::vector<HandedOutKey> keys;
    std::vector<ScheduledTicket> schedules;
    for (const DueTicket& d : tx->due_tickets(now, max_tickets)) {
      ++sweep.tickets_read;
      const SlaSubject subject{d.ticket, d.events, d.tier};
      for (DueAction& action : due_actions_until(subject, cfg.sla(), now)) {
        keys.push_back(HandedOutKey{action.key, d.ticket.id, now});
        due.push_back(std::move(action));
      }
      // Everything due by `now` is handed out: the next action is a later one.
      schedules.push_back({d.ticket.id,
                           {earliest_due(sla_status(subject, cfg.sla(), now)),
                            next_action_at(subject, cfg.sla(), now + std::chrono::seconds(1))}});
    }
    const std::vector<bool> fresh = tx->hand_out(keys);
    for (std::size_t i = 0; i < due.size(); ++i)
      if (fresh[i]) sweep.actions.push_back(std::move(due[i]));
    tx->set_schedules(schedules);
    tx->commit();
    std::stable_sort(sweep.actions.begin(), sweep.actions.end(),
                     [](const DueAction& a, const DueAction& b) { return a.due_at < b.due_at; });
    return sweep;
  });
}

Purge Desk::purge(const Actor& actor) {
  return guard(actor, "purge", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::purge);
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Purge done = tx->purge(now - std::chrono::days(cfg.retention().closed_ticket_days), now);
    tx->append_audit({0, now, actor, AuditAction::purge, "", "",
                      nlohmann::json{{"closed_before", format_instant(done.closed_before)},
                                     {"tickets", done.tickets},
                                     {"events", done.events}}
                          .dump()});
    tx->commit();
    return done;
  });
}

}  // namespace ticketcore
