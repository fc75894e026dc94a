#include "event_effects.hpp"

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "ticketcore/error.hpp"
#include "ticketcore/model/event_payloads.hpp"

namespace ticketcore::detail {

namespace {

// One member of an event's payload (the replay needs one key of most events); an error
// names the event in the history ("/events/3" + "/payload/to").
template <class P, class M>
M read_member(const Event& e, const SlaSubject& s, M P::*member) {
  try {
    return events::read_key(e, member);
  } catch (const Error& error) {
    throw Error(error.code(), "/events/" + std::to_string(&e - s.events.data()) + error.path(),
                error.message());
  }
}

// The created event's priority, else the `from` of the first priority change, else the ticket's.
std::string priority_at_creation(const SlaSubject& s) {
  for (const Event& e : s.events)
    if (e.kind == EventKind::created)
      if (std::string p = read_member(e, s, &events::Created::priority); !p.empty()) return p;
  const Event* first_change = nullptr;
  for (const Event& e : s.events)
    if (e.kind == EventKind::priority_changed && (!first_change || e.sequence < first_change->sequence))
      first_change = &e;
  if (first_change)
    if (std::string p = read_member(*first_change, s, &events::PriorityChanged::from); !p.empty()) return p;
  return s.ticket.priority;
}

// The policy for the priority in force, and its targets' meters. The targets keep their
// start (a re-target measures from the cycle's start) but count against the new budgets.
void choose_policy(Clocks& k, const SlaSubject& s, const SlaConfig& config) {
  k.choice = config.choose(k.priority, s.tier, s.ticket.request_type, s.ticket.channel);
  for (Countdown& c : k.targets) c.budget_for = nullptr;
  if (!k.choice.policy) return;
  for (SlaTarget t : kTargets)
    if (const PolicyTarget* pt = k.choice.policy->find(t))
      k.target_meters[static_cast<std::size_t>(t)] = meter_for(pt->within, config);
}

class Effects {
 public:
  Effects(Clocks& k, const SlaSubject& s, const SlaConfig& c) : k_(k), s_(s), c_(c), w_(c.workflow) {}

  void apply(const Event& e, Instant at) {
    switch (e.kind) {
      case EventKind::status_changed:
        change_status(read_member(e, s_, &events::StatusChanged::to), at, e.sequence);
        break;
      case EventKind::assigned:
        k_.target(SlaTarget::handling_start).meet(at);
        // Each assignment of an open ticket starts the escalations' wait for progress anew.
        if (!w_.is_resolved(k_.status) && !w_.is_final(k_.status))
          for (Countdown& c : k_.escalations) c.begin(at, e.sequence, 0);
        break;
      case EventKind::public_comment:
        if (e.actor == "customer") {
          k_.auto_close.cancel(at);  // the customer answered: the ticket is not done with
        } else if (e.actor != "system") {
          // The system's "received, we will contact you" answers nobody's question.
          k_.target(SlaTarget::first_response).meet(at);
          progress(at, e.sequence);
        }
        break;
      case EventKind::progress_update: progress(at, e.sequence); break;
      case EventKind::escalated:
        for (Countdown& c : k_.escalations) c.meet(at);  // by hand: the automatic one is not needed
        break;
      case EventKind::priority_changed:
        k_.priority = read_member(e, s_, &events::PriorityChanged::to);
        choose_policy(k_, s_, c_);
        break;
      case EventKind::survey_sent:
      case EventKind::rated: k_.survey.meet(at); break;
      default: break;
    }
  }

 private:
  // Agent work the customer can see, or that moves the ticket on.
  void progress(Instant at, std::int64_t seq) {
    k_.target(SlaTarget::handling_start).meet(at);
    Countdown& periodic = k_.target(SlaTarget::periodic_update);
    if (periodic.active) periodic.begin(at, seq, 0);
    for (Countdown& c : k_.escalations) c.meet(at);
  }

  void change_status(Status to, Instant at, std::int64_t seq) {
    const Status from = k_.status;
    if (from == to) return;
    k_.status = to;
    if (w_.pauses_sla(from) && !w_.pauses_sla(to)) k_.pauses.end(at);
    if (!w_.pauses_sla(from) && w_.pauses_sla(to)) k_.pauses.begin(at);

    if (w_.is_reopen(from, to)) {
      reopen(at, seq);
      return;
    }
    if (to == Status::in_progress) k_.target(SlaTarget::handling_start).meet(at);
    if (w_.is_resolved(to) && !w_.is_resolved(from)) {
      // A resolution answers the customer and starts handling if nothing did before.
      for (Countdown& c : k_.targets) c.meet(at);
      for (Countdown& c : k_.escalations) c.meet(at);
      k_.survey.begin(at, seq, 0);
      k_.auto_close.begin(at, seq, 0);
    } else if (w_.is_final(to) && !w_.is_resolved(to)) {
      for (Countdown& c : k_.targets) c.cancel(at);
      for (Countdown& c : k_.escalations) c.cancel(at);
    }
    if (w_.is_final(to)) k_.auto_close.cancel(at);
  }

  void reopen(Instant at, std::int64_t seq) {
    Countdown& res = k_.target(SlaTarget::resolution);
    const SlaPolicy* p = k_.choice.policy;
    if (!p || p->on_reopen == ReopenMode::restart) {
      res.begin(at, seq, res.cycle + 1);
    } else if (res.met_at) {
      // Continue: the old clock resumes; the time spent resolved counts as a pause.
      res.own_pauses.push_back({*res.met_at, at});
      res.active = true;
      res.met_at.reset();
      res.ended_at.reset();
    }
    k_.target(SlaTarget::periodic_update).begin(at, seq, 0);
    k_.survey.cancel(at);
    k_.auto_close.cancel(at);
  }

  Clocks& k_;
  const SlaSubject& s_;
  const SlaConfig& c_;
  const Workflow& w_;
};

}  // namespace

Clocks start_clocks(const SlaSubject& subject, const SlaConfig& config, Instant created) {
  Clocks k;
  k.created = created;
  for (const EscalationRule& rule : config.escalations)
    k.escalation_meters.push_back(meter_for(rule.after, config));
  if (config.survey_after_resolution) k.survey_meter = meter_for(*config.survey_after_resolution, config);
  if (config.auto_close_after_resolution)
    k.auto_close_meter = meter_for(*config.auto_close_after_resolution, config);
  k.priority = priority_at_creation(subject);
  choose_policy(k, subject, config);
  for (Countdown& c : k.targets) c.begin(created, 0, 0);
  k.escalations.resize(config.escalations.size());
  return k;
}

void apply_event(Clocks& clocks, const SlaSubject& subject, const SlaConfig& config, const Event& e,
                 Instant at) {
  Effects(clocks, subject, config).apply(e, at);
}

}  // namespace ticketcore::detail
