// The Desk's ticket changes: each loads what its command needs, runs the pure command
// and stores the result in the same write transaction.
#include "ticketcore/desk.hpp"

#include "access_checks.hpp"
#include "customer_records.hpp"
#include "ticketcore/error.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

template <class Command>
Change Desk::change(const Actor& actor, Permission permission, const TicketRef& ref, Command&& command) {
  return guard(actor, to_string(permission).data(), [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, permission);
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Ticket stored = detail::load_ticket(*tx, ref);
    access.require(stored);
    const std::vector<Event> history = tx->events(stored.id);
    Change out = command(CommandContext{cfg, actor, now}, TicketState{stored, history});
    detail::store_change(*tx, cfg, out, history, now);
    tx->commit();
    return out;
  });
}

TakeInResult Desk::take_in(const Actor& actor, const Ticket& request) {
  return guard(actor, "take_in", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::take_in);
    const Instant now = clock_->now();
    auto tx = store_->write();
    // The serial comes from the counter row of this period, inside this transaction:
    // two writers never get the same number, and a failed take-in uses none.
    const NumberFormat& numbers = cfg.ticket_numbers();
    const std::string counter = "ticket:" + numbers.period(cfg.calendars().get("").local_date(now));
    IntakeReads read = tx->intake_reads(request.customer_id, counter);
    const Customer customer = detail::live_customer(std::move(read.customer), request.customer_id, "/customer_id");
    const IntakeSnapshot snapshot{customer, read.number, std::move(read.workload), read.customer_ticket_times};
    TakeInResult result = ticketcore::take_in(CommandContext{cfg, actor, now}, request, snapshot);
    // result.sla is the status at `now` the schedule needs: no second replay for it.
    tx->insert_ticket(result.ticket, detail::schedule_of(result.ticket, result.events, customer.tier, cfg, now,
                                                         std::nullopt, result.sla));
    tx->append_events(result.events);
    detail::store_facts(*tx, cfg, result.ticket, result.events, customer.tier, now);
    // Most take-ins move no cursor (no round-robin ran): then there is nothing to write.
    if (result.workload.last_assigned != snapshot.workload.last_assigned) tx->save_cursors(result.workload);
    tx->commit();
    return result;
  });
}

Change Desk::assign(const Actor& actor, const TicketRef& t, std::string_view agent) {
  return change(actor, Permission::assign, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::assign(c, s, agent); });
}

Change Desk::change_status(const Actor& actor, const TicketRef& t, Status to, std::string_view reason) {
  return change(actor, Permission::handle, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::change_status(c, s, to, reason); });
}

Change Desk::comment(const Actor& actor, const TicketRef& t, std::string_view text) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::comment(c, s, text); });
}

Change Desk::internal_comment(const Actor& actor, const TicketRef& t, std::string_view text) {
  return change(actor, Permission::handle, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::internal_comment(c, s, text); });
}

Change Desk::progress_update(const Actor& actor, const TicketRef& t, std::string_view text) {
  return change(actor, Permission::handle, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::progress_update(c, s, text); });
}

Change Desk::escalate(const Actor& actor, const TicketRef& t, EscalationLevel level, std::string_view reason) {
  return change(actor, Permission::escalate, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::escalate(c, s, level, reason);
  });
}

Change Desk::change_priority(const Actor& actor, const TicketRef& t, std::string_view level, std::string_view reason) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::change_priority(c, s, level, reason);
  });
}

Change Desk::propose_solutions(const Actor& actor, const TicketRef& t, std::vector<SolutionOption> options) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::propose_solutions(c, s, std::move(options));
  });
}

Change Desk::choose_solution(const Actor& actor, const TicketRef& t, std::string_view option_id) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::choose_solution(c, s, option_id);
  });
}

Change Desk::request_remedy_approval(const Actor& actor, const TicketRef& t, std::string_view remedy,
                                     EscalationLevel approver) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::request_remedy_approval(c, s, remedy, approver);
  });
}

Change Desk::approve_remedy(const Actor& actor, const TicketRef& t, std::string_view note) {
  return change(actor, Permission::approve, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::approve_remedy(c, s, note); });
}

Change Desk::refuse_remedy(const Actor& actor, const TicketRef& t, std::string_view reason) {
  return change(actor, Permission::approve, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::refuse_remedy(c, s, reason); });
}

Change Desk::record_responsibility(const Actor& actor, const TicketRef& t, Responsibility responsibility) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) {
    return ticketcore::record_responsibility(c, s, std::move(responsibility));
  });
}

Change Desk::sign_off(const Actor& actor, const TicketRef& t, std::string_view what) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::sign_off(c, s, what); });
}

Change Desk::resolve(const Actor& actor, const TicketRef& t, std::string_view summary) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::resolve(c, s, summary); });
}

Change Desk::rate(const Actor& actor, const TicketRef& t, Satisfaction rating) {
  return change(actor, Permission::handle, t,
                [&](const CommandContext& c, const TicketState& s) { return ticketcore::rate(c, s, std::move(rating)); });
}

Change Desk::close(const Actor& actor, const TicketRef& t) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::close(c, s); });
}

Change Desk::reopen(const Actor& actor, const TicketRef& t, std::string_view reason) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::reopen(c, s, reason); });
}

Change Desk::cancel(const Actor& actor, const TicketRef& t, std::string_view reason) {
  return change(actor, Permission::handle, t, [&](const CommandContext& c, const TicketState& s) { return ticketcore::cancel(c, s, reason); });
}

std::pair<Change, Change> Desk::merge(const Actor& actor, const TicketRef& duplicate, const TicketRef& kept) {
  return guard(actor, "merge", [&] {
    if (duplicate.id == kept.id) throw_invalid("/kept", "a ticket cannot be merged into itself");
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::handle);
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Ticket dup = detail::load_ticket(*tx, duplicate);
    const Ticket keep = detail::load_ticket(*tx, kept);
    access.require(dup);
    access.require(keep);
    const std::vector<Event> dup_history = tx->events(dup.id);
    const std::vector<Event> kept_history = tx->events(keep.id);
    auto out = ticketcore::merge(CommandContext{cfg, actor, now}, TicketState{dup, dup_history},
                                 TicketState{keep, kept_history});
    detail::store_change(*tx, cfg, out.first, dup_history, now);
    detail::store_change(*tx, cfg, out.second, kept_history, now);
    tx->commit();
    return out;
  });
}

}  // namespace ticketcore
