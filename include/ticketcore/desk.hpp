#pragma once
// The Desk: one method per use case of DOMAIN.md, each one transaction on a Store.
// It reads what the change needs, runs the pure command (commands/), and writes the
// ticket, its events and its schedule together, or nothing (docs/desk.md).

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/commands/take_in.hpp"
#include "ticketcore/commands/ticket_commands.hpp"
#include "ticketcore/config.hpp"
#include "ticketcore/customers/history.hpp"
#include "ticketcore/customers/profile.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/metrics/report.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/routing/dry_run.hpp"
#include "ticketcore/routing/explain.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore {

/// Where a Desk reads the time.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current instant.
  virtual Instant now() const = 0;
};

/// The system's clock, to the second.
class SystemClock final : public Clock {
 public:
  /// std::chrono::system_clock::now(), truncated to seconds.
  Instant now() const override;
};

/// A clock the host sets: for tests, replays and simulations. Thread safe.
class ManualClock final : public Clock {
 public:
  /// A clock standing at `start`.
  explicit ManualClock(Instant start) : now_(start.time_since_epoch().count()) {}
  /// The instant it was last set to.
  Instant now() const override { return Instant(std::chrono::seconds(now_.load())); }
  /// Moves it to `t` (backwards too: the host decides).
  void set(Instant t) { now_.store(t.time_since_epoch().count()); }
  /// Moves it on by `d`.
  void advance(std::chrono::seconds d) { now_.fetch_add(d.count()); }

 private:
  std::atomic<std::int64_t> now_;
};

/// A ticket named for a change: its id and the version the caller saw. A stored version
/// that differs means someone changed it meanwhile: Error(conflict), nothing written.
struct TicketRef {
  std::string id;             ///< the ticket number
  std::int64_t version = 0;   ///< the version the caller based the change on; 0: whatever is stored
};

/// A ticket with everything an agent's screen shows.
struct TicketView {
  Ticket ticket;                  ///< as stored
  std::vector<Event> events;      ///< its history, in sequence order
  SlaStatus sla;                  ///< its SLA clocks now
  Explanation routing;            ///< how the rules in force route it now, rule by rule
  std::string config_version;     ///< the configuration version `sla` and `routing` were computed under
  std::vector<HandedOutKey> due_handed_out;  ///< the due actions already handed out for it
};

/// What a sweep handed out.
struct Sweep {
  Instant at;                       ///< the sweep's `now`
  std::size_t tickets_read = 0;     ///< tickets whose next action was due
  std::vector<DueAction> actions;   ///< each handed out once, across every process sharing the store
};

/// The facade a host embeds: one desk configuration over one store, `now` from a clock.
/// Thread safe: methods may be called from several threads (each runs its own transaction),
/// and several processes may open desks on one store.
/// Every method takes the actor first and records it on the events it writes.
class Desk {
 public:
  /// Opens a desk: publishes `config` in the store when its version is not the current
  /// one (the history keeps the old), and records its teams and agents in the store.
  /// Error(conflict) when that version was published before with another text.
  static std::unique_ptr<Desk> open(std::shared_ptr<Store> store, DeskConfig config,
                                    std::shared_ptr<const Clock> clock);

  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;

  /// The configuration in force (a cheap handle: copies share the loaded form).
  DeskConfig config() const;
  /// The store.
  Store& store() const { return *store_; }
  /// The clock.
  const Clock& clock() const { return *clock_; }

  // Configuration.
  /// Routes the stored open tickets under the current and the proposed rules and reports
  /// what would change; writes nothing.
  DryRunReport dry_run(const Actor& actor, const DeskConfig& proposed) const;
  /// Publishes a new configuration version; later changes use it. Its version must be new.
  void publish(const Actor& actor, DeskConfig next);

  // Customers.
  // Customers: what they return is masked for the actor's role (docs/access.md).
  /// Registers a customer: the desk gives the id (config().customer_numbers()), created_at,
  /// updated_at and version 1; `customer.id` must be empty. Audited.
  Customer register_customer(const Actor& actor, Customer customer);
  /// Replaces a customer's details; `customer.version` must be the stored one. A field left
  /// as the masked form the actor was shown keeps its stored value. Audited (masked).
  Customer update_customer(const Actor& actor, Customer customer);
  /// The customer with this id, masked; Error(not_found) otherwise.
  Customer customer(const Actor& actor, std::string_view id) const;
  /// The customer with this id, unmasked: needs the read_unmasked permission, and is
  /// recorded in the audit log in the same transaction.
  Customer customer_unmasked(const Actor& actor, std::string_view id);
  /// Customers by phone, email, name prefix, tag or tier, one page, masked.
  CustomerPage find_customers(const Actor& actor, const CustomerQuery& query) const;
  /// Records a purchase: the desk gives its id ("P" + yyyymmdd + serial) and recorded_at
  /// (`purchase.id` must be empty), re-runs the tier rules (docs/customers.md, "Tiers") and
  /// writes a purchase_recorded event, and a tier_changed one with its reason when the tier
  /// rises. Returns the customer, masked.
  Customer record_purchase(const Actor& actor, std::string_view customer_id, Purchase purchase);
  /// Merges the record `duplicate` into `kept`; they must share a phone or an email. Every
  /// ticket and purchase of the duplicate moves to the kept record, which also gains the
  /// duplicate's other phones, emails and tags; the duplicate stays, marked merged_into, and
  /// lookups find the kept one. An event on both records, one on each ticket, and the audit
  /// log record it. Returns the kept record, masked.
  Customer merge_customers(const Actor& actor, std::string_view duplicate, std::string_view kept);
  /// Undoes the merge of `duplicate`, within the retention period after it: the tickets and
  /// purchases that moved and are still with the kept record move back, and what the kept
  /// record gained is taken off it. Returns the duplicate, masked.
  Customer reverse_customer_merge(const Actor& actor, std::string_view duplicate, std::string_view reason);
  /// The customer's history, newest first, one page (customers/history.hpp): only the
  /// tickets the actor sees, and to a customer only the public events.
  HistoryPage customer_history(const Actor& actor, const HistoryQuery& query) const;
  /// The customer's profile summary from their tags and the tickets the actor sees
  /// (customers/profile.hpp; summary_line() gives it as one line of text).
  CustomerProfile customer_profile(const Actor& actor, std::string_view customer_id) const;

  // Tickets.
  /// Takes in a request (commands/take_in.hpp): numbers, prioritizes, routes, assigns and
  /// starts the SLA; returns the ticket with the actions owed to the host.
  TakeInResult take_in(const Actor& actor, const Ticket& request);
  /// Assigns or reassigns to an agent.
  Change assign(const Actor& actor, const TicketRef& ticket, std::string_view agent);
  /// Moves to another status the workflow allows.
  Change change_status(const Actor& actor, const TicketRef& ticket, Status to, std::string_view reason = {});
  /// A message the customer sees.
  Change comment(const Actor& actor, const TicketRef& ticket, std::string_view text);
  /// A note only the desk sees.
  Change internal_comment(const Actor& actor, const TicketRef& ticket, std::string_view text);
  /// The handler's progress update.
  Change progress_update(const Actor& actor, const TicketRef& ticket, std::string_view text);
  /// Escalates to a level of the ticket's team.
  Change escalate(const Actor& actor, const TicketRef& ticket, EscalationLevel level, std::string_view reason);
  /// Sets the priority by hand, with a reason.
  Change change_priority(const Actor& actor, const TicketRef& ticket, std::string_view level,
                         std::string_view reason);
  /// Proposes 1 to 3 solution options.
  Change propose_solutions(const Actor& actor, const TicketRef& ticket, std::vector<SolutionOption> options);
  /// Records the customer's choice of solution.
  Change choose_solution(const Actor& actor, const TicketRef& ticket, std::string_view option_id);
  /// Asks for approval of a remedy.
  Change request_remedy_approval(const Actor& actor, const TicketRef& ticket, std::string_view remedy,
                                 EscalationLevel approver);
  /// Grants the pending remedy approval.
  Change approve_remedy(const Actor& actor, const TicketRef& ticket, std::string_view note = {});
  /// Refuses the pending remedy approval.
  Change refuse_remedy(const Actor& actor, const TicketRef& ticket, std::string_view reason);
  /// Records who is responsible for the fault.
  Change record_responsibility(const Actor& actor, const TicketRef& ticket, Responsibility responsibility);
  /// The customer signs "diagnosis" or "solution_plan".
  Change sign_off(const Actor& actor, const TicketRef& ticket, std::string_view what);
  /// Resolves with a summary of the fix.
  Change resolve(const Actor& actor, const TicketRef& ticket, std::string_view summary);
  /// Records the customer's satisfaction rating.
  Change rate(const Actor& actor, const TicketRef& ticket, Satisfaction rating);
  /// Closes a resolved ticket.
  Change close(const Actor& actor, const TicketRef& ticket);
  /// Reopens a resolved ticket.
  Change reopen(const Actor& actor, const TicketRef& ticket, std::string_view reason);
  /// Cancels an open ticket.
  Change cancel(const Actor& actor, const TicketRef& ticket, std::string_view reason);
  /// Merges `duplicate` into `kept`, both in one transaction; returns (duplicate, kept).
  std::pair<Change, Change> merge(const Actor& actor, const TicketRef& duplicate, const TicketRef& kept);

  /// A ticket with its history, SLA status and routing explanation; Error(not_found) otherwise.
  TicketView show(const Actor& actor, std::string_view ticket_id) const;
  /// Tickets matching a query (filters, full-text search, order, paging).
  TicketPage find_tickets(const Actor& actor, const TicketQuery& query) const;
  /// An agent's open tickets, the earliest due first.
  TicketPage agent_queue(const Actor& actor, std::string_view agent, std::size_t limit = 50,
                         std::string_view after = {}) const;
  /// A team's open tickets nobody holds, the earliest due first.
  TicketPage team_queue(const Actor& actor, std::string_view team, std::size_t limit = 50,
                        std::string_view after = {}) const;

  // Time.
  /// The sweep: reads only the tickets whose next action is due (at most `max_tickets`),
  /// hands out each due action once (its key recorded in the same transaction) and
  /// schedules each ticket's next action. Call it from the host's scheduler.
  Sweep due(const Actor& actor, std::size_t max_tickets = 1000);
  /// Purges the tickets closed longer ago than the configured retention, with their events.
  Purge purge(const Actor& actor);

  // Metrics.
  /// A service report (metrics/report.hpp) over the tickets the actor sees (the metrics permission).
  Report report(const Actor& actor, const ReportQuery& query) const;

  // The audit log.
  /// Audit entries by actor, customer, ticket, action and period (the audit permission).
  AuditPage audit(const Actor& actor, const AuditQuery& query) const;

 private:
  Desk(std::shared_ptr<Store> store, DeskConfig config, std::shared_ptr<const Clock> clock)
      : store_(std::move(store)), config_(std::move(config)), clock_(std::move(clock)) {}

  // Runs one command on one stored ticket in one write transaction.
  template <class Command>
  Change change(const Actor& actor, Permission permission, const TicketRef& ticket, Command&& command);
  // Runs a call; a denied one is recorded in the audit log (its own transaction), then rethrown.
  // A call whose transaction the database rolled back for a concurrent one (RolledBack) runs
  // again from its start, up to kAttempts times in all: f must not change what it captures.
  template <class F>
  decltype(auto) guard(const Actor& actor, const char* call, F&& f) const;
  // How many times a call runs when the database keeps rolling it back.
  static constexpr int kAttempts = 5;
  // Sleeps a few random milliseconds, growing with the attempt, so two rolled-back callers part.
  static void wait_before_retry(int attempt);
  // Appends the record of a denied call; a failure to write it does not hide the denial.
  void record_denial(const Actor& actor, const char* call, const Error& denial) const noexcept;

  std::shared_ptr<Store> store_;
  mutable std::mutex config_mutex_;  // guards config_: publish() swaps it
  DeskConfig config_;
  std::shared_ptr<const Clock> clock_;
};

template <class F>
decltype(auto) Desk::guard(const Actor& actor, const char* call, F&& f) const {
  for (int attempt = 1;; ++attempt) {
    try {
      return f();
    } catch (const RolledBack&) {
      if (attempt == kAttempts) throw;
      wait_before_retry(attempt);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::denied) record_denial(actor, call, e);
      throw;
    }
  }
}

}  // namespace ticketcore
