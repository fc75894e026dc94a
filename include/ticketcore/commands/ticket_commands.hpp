#pragma once
// One pure function per change the Desk offers. Each checks the change (workflow,
// required fields, who may do it) and returns the new ticket and its events, or
// throws Error naming the field; only these set the fields that follow from events
// (status, stage, first_response_at, resolved_at, closed_at, updated_at, version).

#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/model/escalation_level.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore {

/// Assigns (or reassigns) the ticket to an active agent; the ticket moves to the agent's team.
Change assign(const CommandContext& c, const TicketState& s, std::string_view agent);
/// Moves the ticket to another status the workflow allows; the stage follows.
Change change_status(const CommandContext& c, const TicketState& s, Status to, std::string_view reason = {});
/// A message the customer sees; an agent's first one is the first response, a customer's
/// reply to a ticket waiting for them puts it back in progress.
Change comment(const CommandContext& c, const TicketState& s, std::string_view text);
/// A note only the desk sees.
Change internal_comment(const CommandContext& c, const TicketState& s, std::string_view text);
/// The handler's progress update, told to the customer.
Change progress_update(const CommandContext& c, const TicketState& s, std::string_view text);
/// Escalates to a level of the ticket's team, resolved to the first active person at or above it.
Change escalate(const CommandContext& c, const TicketState& s, EscalationLevel level, std::string_view reason);
/// Sets the priority by hand; the level must be in the scheme and the reason is required.
Change change_priority(const CommandContext& c, const TicketState& s, std::string_view level,
                       std::string_view reason);
/// Proposes 1 to 3 solution options (DOMAIN.md section 4); the stage moves to the solution plan.
Change propose_solutions(const CommandContext& c, const TicketState& s, std::vector<SolutionOption> options);
/// Records the customer's choice among the proposed options; the stage moves to execution.
Change choose_solution(const CommandContext& c, const TicketState& s, std::string_view option_id);
/// Asks for approval of a remedy before it is offered (a team lead, supervisor or manager approves).
Change request_remedy_approval(const CommandContext& c, const TicketState& s, std::string_view remedy,
                               EscalationLevel approver);
/// Grants the pending remedy approval; the actor must hold the level asked for, or a higher one.
Change approve_remedy(const CommandContext& c, const TicketState& s, std::string_view note = {});
/// Refuses the pending remedy approval, with a reason; the same people may refuse as may approve.
Change refuse_remedy(const CommandContext& c, const TicketState& s, std::string_view reason);
/// Records who is responsible for the fault, found in diagnosis.
Change record_responsibility(const CommandContext& c, const TicketState& s, Responsibility responsibility);
/// The customer signs a record: "diagnosis" (needs a responsibility) or "solution_plan" (needs a choice).
Change sign_off(const CommandContext& c, const TicketState& s, std::string_view what);
/// Resolves the ticket with a summary of the fix.
Change resolve(const CommandContext& c, const TicketState& s, std::string_view summary);
/// Records the customer's satisfaction rating (1-5 on each axis) on a resolved or closed ticket, once.
Change rate(const CommandContext& c, const TicketState& s, Satisfaction rating);
/// Closes a resolved ticket (the customer confirmed, or auto-close).
Change close(const CommandContext& c, const TicketState& s);
/// Reopens a resolved ticket, with a reason.
Change reopen(const CommandContext& c, const TicketState& s, std::string_view reason);
/// Cancels an open ticket, with a reason.
Change cancel(const CommandContext& c, const TicketState& s, std::string_view reason);
/// Files the ticket under another customer record (a merge of duplicate records, or its
/// reversal: `reason` is "customer_merge" or "merge_reversed"); staff only.
Change move_to_customer(const CommandContext& c, const TicketState& s, std::string_view customer_id,
                        std::string_view reason);
/// Merges `duplicate` into `kept`: the duplicate ends as merged, the kept one records it.
/// Returns the changes of (duplicate, kept).
std::pair<Change, Change> merge(const CommandContext& c, const TicketState& duplicate, const TicketState& kept);

}  // namespace ticketcore
