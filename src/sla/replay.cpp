#include "replay.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "ticketcore/error.hpp"

namespace ticketcore::sla_detail {

namespace {

using std::chrono::seconds;

// A span of time when clocks stand still; `to` is empty while it lasts.
struct Interval {
  Instant from{};
  std::optional<Instant> to;
};

// How a duration is counted: on a business calendar, or in wall-clock seconds.
struct Meter {
  const BusinessCalendar* calendar = nullptr;  // nullptr: calendar time
  SlaClock clock = SlaClock::calendar;
  std::string calendar_id;

  std::int64_t between(Instant a, Instant b) const {
    return calendar ? calendar->business_seconds_between(a, b).count() : (b - a).count();
  }
  Instant add(Instant t, std::int64_t s) const {
    return calendar ? calendar->add(t, Seconds{s}) : t + Seconds{s};
  }
};

Meter meter_for(const SlaDuration& d, const SlaConfig& config) {
  if (d.clock == SlaClock::calendar) return {nullptr, d.clock, ""};
  const BusinessCalendar& cal = config.calendar(d.calendar);
  return {&cal, d.clock, d.calendar.empty() ? config.default_calendar : d.calendar};
}

// The duration in the meter's seconds, for a clock that starts at `start`.
std::int64_t budget_of(const SlaDuration& d, const Meter& m, Instant start) {
  if (d.clock != SlaClock::working_days) return d.amount;
  return m.between(start, m.calendar->add_working_days(start, int(d.amount)));
}

// One clock: a target's cycle, a periodic-update period chain, an escalation, a survey, an auto-close.
struct Countdown {
  bool active = false;  // counting (not met, not cancelled)
  Instant start{};
  std::int64_t anchor = 0;  // sequence of the event that started it (0: creation)
  int cycle = 0;
  std::vector<Interval> own_pauses;  // e.g. the time spent resolved, for a resolution that continues
  std::optional<Instant> met_at;
  std::optional<Instant> breached_at;
  std::optional<Instant> ended_at;  // met or cancelled
  bool cancelled = false;
  int warned = 0;

  void begin(Instant at, std::int64_t seq, int cyc) {
    *this = Countdown{};
    active = true;
    start = at;
    anchor = seq;
    cycle = cyc;
  }
  void meet(Instant at) {
    if (!active) return;
    active = false;
    met_at = ended_at = at;
  }
  void cancel(Instant at) {
    if (!active) return;
    active = false;
    cancelled = true;
    ended_at = at;
  }
};

constexpr std::array<SlaTarget, 4> kTargets{SlaTarget::handling_start, SlaTarget::first_response,
                                            SlaTarget::periodic_update, SlaTarget::resolution};

const std::string* payload_string(const Event& e, std::string_view key) {
  auto it = e.payload.find(key);
  if (it == e.payload.end()) return nullptr;
  return std::get_if<std::string>(&it->second);
}

class Replayer {
 public:
  Replayer(const SlaSubject& s, const SlaConfig& c, Instant now) : s_(s), c_(c), now_(now) {}

  Replay run() {
    std::vector<const Event*> events;
    for (const Event& e : s_.events)
      if (e.at <= now_) events.push_back(&e);
    std::stable_sort(events.begin(), events.end(), [](const Event* a, const Event* b) {
      return a->at != b->at ? a->at < b->at : a->sequence < b->sequence;
    });
    created_ = s_.ticket.created_at;
    for (const Event* e : events)
      if (e->kind == EventKind::created) created_ = e->at;
    priority_ = initial_priority();
    choose();
    for (SlaTarget t : {SlaTarget::handling_start, SlaTarget::first_response, SlaTarget::resolution})
      clock(t).begin(created_, 0, 0);
    clock(SlaTarget::periodic_update).begin(created_, 0, 0);
    escalations_.resize(c_.escalations.size());

    Replay out;
    if (now_ >= created_) {
      Instant seg = created_;
      for (const Event* e : events) {
        const Instant at = std::max(e->at, created_);
        advance(seg, at, false);
        apply(*e, at);
        seg = at;
      }
      advance(seg, now_, true);
    }
    out.actions = std::move(actions_);
    out.status = status();
    return out;
  }

 private:
  Countdown& clock(SlaTarget t) { return targets_[static_cast<std::size_t>(t)]; }

  std::string initial_priority() const {
    for (const Event& e : s_.events)
      if (e.kind == EventKind::created)
        if (const std::string* p = payload_string(e, "priority")) return *p;
    const Event* first_change = nullptr;
    for (const Event& e : s_.events)
      if (e.kind == EventKind::priority_changed && (!first_change || e.sequence < first_change->sequence))
        first_change = &e;
    if (first_change)
      if (const std::string* p = payload_string(*first_change, "from")) return *p;
    return s_.ticket.priority;
  }

  void choose() { choice_ = c_.choose(priority_, s_.tier, s_.ticket.request_type, s_.ticket.channel); }

  bool paused_now() const { return !pauses_.empty() && !pauses_.back().to; }

  // Pauses that apply to a countdown, in time order.
  std::vector<Interval> pauses_of(const Countdown& c) const {
    std::vector<Interval> all = pauses_;
    all.insert(all.end(), c.own_pauses.begin(), c.own_pauses.end());
    std::sort(all.begin(), all.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
    return all;
  }

  // Meter seconds counted from the countdown's start to t, pauses excluded.
  std::int64_t elapsed(const Countdown& c, const Meter& m, Instant t) const {
    if (t <= c.start) return 0;
    std::int64_t total = m.between(c.start, t);
    for (const Interval& p : pauses_of(c)) {
      const Instant a = std::max(p.from, c.start);
      const Instant b = std::min(p.to.value_or(t), t);
      if (a < b) total -= m.between(a, b);
    }
    return total;
  }

  // The instant the countdown reaches x meter seconds; empty if it is frozen in an open pause
  // before that. Pauses starting at or after `until` are ignored (the clock ended there).
  std::optional<Instant> instant_at(const Countdown& c, const Meter& m, std::int64_t x,
                                    std::optional<Instant> until = std::nullopt) const {
    Instant cursor = c.start;
    std::int64_t rem = x;
    for (const Interval& p : pauses_of(c)) {
      if (until && p.from >= *until) break;
      if (p.to && *p.to <= cursor) continue;
      const Instant a = std::max(p.from, cursor);
      const std::int64_t avail = m.between(cursor, a);
      if (rem <= avail) return m.add(cursor, rem);
      rem -= avail;
      if (!p.to) return std::nullopt;
      cursor = *p.to;
    }
    return m.add(cursor, rem);
  }

  // Working days land on add_working_days' own instant (Monday 09:00 rather than the Friday
  // 18:00 closing that holds as many business seconds) unless a pause moved the clock.
  std::optional<Instant> exact_due(const Countdown& c, const SlaDuration& d, const Meter& m,
                                   std::int64_t times, std::optional<Instant> until = std::nullopt) const {
    if (d.clock != SlaClock::working_days) return std::nullopt;
    const Instant due = m.calendar->add_working_days(c.start, int(d.amount * times));
    for (const Interval& p : pauses_of(c)) {
      if (until && p.from >= *until) break;
      if (p.from < due && (!p.to || *p.to > c.start)) return std::nullopt;
    }
    return due;
  }

  // Fires `key` at the instant the countdown reaches x, if that falls in this segment
  // [s, e) (or [s, e] for the last one); a crossing before s (after a re-target) fires at s.
  bool check(const Countdown& c, const Meter& m, std::int64_t x, Instant s, Instant e, bool last,
             DueAction action, std::optional<Instant> exact = std::nullopt) {
    if (fired_.count(action.key)) return false;
    std::optional<Instant> when;
    if (paused_now()) {
      if (elapsed(c, m, s) >= x) when = s;
    } else if (auto t = exact ? exact : instant_at(c, m, x)) {
      if (*t <= s)
        when = s;
      else if (*t < e || (last && *t <= e))
        when = *t;
    }
    if (!when) return false;
    action.due_at = *when;
    action.ticket_id = s_.ticket.id;
    fired_.insert(action.key);
    actions_.push_back(std::move(action));
    return true;
  }

  std::string key(std::string_view what) const { return s_.ticket.id + "/" + std::string(what); }

  void advance(Instant s, Instant e, bool last) {
    if (choice_.policy) {
      const SlaPolicy& p = *choice_.policy;
      for (SlaTarget t : kTargets) {
        const PolicyTarget* pt = p.find(t);
        Countdown& c = clock(t);
        if (!pt || !c.active) continue;
        const Meter m = meter_for(pt->within, c_);
        const std::int64_t budget = budget_of(pt->within, m, c.start);
        const std::string base = key(std::string(to_string(t)) + "/" +
                                     (t == SlaTarget::periodic_update ? "anchor" + std::to_string(c.anchor)
                                                                      : "cycle" + std::to_string(c.cycle)));
        for (int pct : p.warning_percents) {
          DueAction a;
          a.kind = DueActionKind::sla_warning;
          a.target = t;
          a.threshold_percent = pct;
          a.key = base + "/warning" + std::to_string(pct);
          if (check(c, m, budget * pct / 100, s, e, last, a)) c.warned = std::max(c.warned, pct);
        }
        if (t == SlaTarget::periodic_update) {
          // One update owed per interval without one; bounded by the segment's end.
          for (std::int64_t k = 1;; ++k) {
            DueAction a;
            a.kind = DueActionKind::progress_update_owed;
            a.target = t;
            a.key = base + "/owed" + std::to_string(k);
            if (!fired_.count(a.key)) {
              if (!check(c, m, budget * k, s, e, last, a, exact_due(c, pt->within, m, k))) break;
              if (!c.breached_at) c.breached_at = actions_.back().due_at;
            }
            if (budget <= 0) break;
          }
        } else {
          DueAction a;
          a.kind = DueActionKind::sla_breach;
          a.target = t;
          a.key = base + "/breach";
          if (check(c, m, budget, s, e, last, a, exact_due(c, pt->within, m, 1)))
            c.breached_at = actions_.back().due_at;
        }
      }
    }
    for (std::size_t i = 0; i < c_.escalations.size(); ++i) {
      const EscalationRule& rule = c_.escalations[i];
      Countdown& c = escalations_[i];
      if (!c.active || !escalation_applies(rule)) continue;
      const Meter m = meter_for(rule.after, c_);
      DueAction a;
      a.kind = DueActionKind::escalation;
      a.escalation_level = rule.level;
      a.team = rule.team;
      a.rule = rule.id;
      a.key = key("escalation/" + rule.id + "/assignment" + std::to_string(c.anchor));
      check(c, m, budget_of(rule.after, m, c.start), s, e, last, a, exact_due(c, rule.after, m, 1));
    }
    if (c_.survey_after_resolution && survey_.active) {
      const Meter m = meter_for(*c_.survey_after_resolution, c_);
      DueAction a;
      a.kind = DueActionKind::satisfaction_survey;
      a.key = key("satisfaction_survey/resolution" + std::to_string(survey_.anchor));
      check(survey_, m, budget_of(*c_.survey_after_resolution, m, survey_.start), s, e, last, a,
            exact_due(survey_, *c_.survey_after_resolution, m, 1));
    }
    if (c_.auto_close_after_resolution && auto_close_.active) {
      const Meter m = meter_for(*c_.auto_close_after_resolution, c_);
      DueAction a;
      a.kind = DueActionKind::auto_close;
      a.key = key("auto_close/resolution" + std::to_string(auto_close_.anchor));
      check(auto_close_, m, budget_of(*c_.auto_close_after_resolution, m, auto_close_.start), s, e, last, a,
            exact_due(auto_close_, *c_.auto_close_after_resolution, m, 1));
    }
  }

  bool escalation_applies(const EscalationRule& rule) const {
    const auto& types = rule.request_types;
    const auto& prios = rule.priorities;
    return (types.empty() || std::find(types.begin(), types.end(), s_.ticket.request_type) != types.end()) &&
           (prios.empty() || std::find(prios.begin(), prios.end(), priority_) != prios.end());
  }

  Status parse_status(const Event& e, std::string_view field) const {
    const std::string* word = payload_string(e, field);
    auto status = word ? enum_from_string<Status>(*word) : std::nullopt;
    if (!status)
      throw_invalid("/events/" + std::to_string(&e - s_.events.data()) + "/payload/" + std::string(field),
                    word ? "unknown status \"" + *word + "\"" : "missing status word");
    return *status;
  }

  // Agent work the customer can see, or that moves the ticket on.
  void progress(Instant at, std::int64_t seq) {
    clock(SlaTarget::handling_start).meet(at);
    Countdown& periodic = clock(SlaTarget::periodic_update);
    if (periodic.active) periodic.begin(at, seq, 0);
    for (Countdown& c : escalations_) c.meet(at);
  }

  void change_status(Status to, Instant at, std::int64_t seq) {
    const Workflow& w = c_.workflow;
    const Status from = status_;
    if (from == to) return;
    status_ = to;
    if (w.pauses_sla(from) && !w.pauses_sla(to) && paused_now()) pauses_.back().to = at;
    if (!w.pauses_sla(from) && w.pauses_sla(to)) pauses_.push_back({at, std::nullopt});

    if (w.is_reopen(from, to)) {
      Countdown& res = clock(SlaTarget::resolution);
      const SlaPolicy* p = choice_.policy;
      if (!p || p->on_reopen == ReopenMode::restart) {
        res.begin(at, seq, res.cycle + 1);
      } else if (res.met_at) {
        // Continue: the old clock resumes; the time spent resolved counts as a pause.
        res.own_pauses.push_back({*res.met_at, at});
        res.active = true;
        res.met_at.reset();
        res.ended_at.reset();
      }
      clock(SlaTarget::periodic_update).begin(at, seq, 0);
      survey_.cancel(at);
      auto_close_.cancel(at);
      return;
    }
    if (to == Status::in_progress) clock(SlaTarget::handling_start).meet(at);
    if (w.is_resolved(to) && !w.is_resolved(from)) {
      // A resolution answers the customer and starts handling if nothing did before.
      for (SlaTarget t : kTargets) clock(t).meet(at);
      for (Countdown& c : escalations_) c.meet(at);
      survey_.begin(at, seq, 0);
      auto_close_.begin(at, seq, 0);
    } else if (w.is_final(to) && !w.is_resolved(to)) {
      for (SlaTarget t : kTargets) clock(t).cancel(at);
      for (Countdown& c : escalations_) c.cancel(at);
    }
    if (w.is_final(to)) auto_close_.cancel(at);
  }

  void apply(const Event& e, Instant at) {
    switch (e.kind) {
      case EventKind::status_changed: change_status(parse_status(e, "to"), at, e.sequence); break;
      case EventKind::closed: change_status(Status::closed, at, e.sequence); break;
      case EventKind::reopened:
        if (c_.workflow.is_resolved(status_)) change_status(Status::in_progress, at, e.sequence);
        break;
      case EventKind::assigned:
        clock(SlaTarget::handling_start).meet(at);
        if (!c_.workflow.is_resolved(status_) && !c_.workflow.is_final(status_))
          for (Countdown& c : escalations_) c.begin(at, e.sequence, 0);
        break;
      case EventKind::public_comment:
        if (e.actor == "customer") {
          auto_close_.cancel(at);
        } else if (e.actor != "system") {
          clock(SlaTarget::first_response).meet(at);
          progress(at, e.sequence);
        }
        break;
      case EventKind::progress_update: progress(at, e.sequence); break;
      case EventKind::escalated:
        for (Countdown& c : escalations_) c.meet(at);
        break;
      case EventKind::priority_changed:
        if (const std::string* to = payload_string(e, "to")) {
          priority_ = *to;
          choose();
        }
        break;
      case EventKind::survey_sent:
      case EventKind::rated: survey_.meet(at); break;
      default: break;
    }
  }

  SlaStatus status() const {
    SlaStatus out;
    out.priority = priority_;
    out.policy_explanation = choice_.explanation;
    if (!choice_.policy || now_ < created_) return out;
    const SlaPolicy& p = *choice_.policy;
    out.policy = p.id;
    for (SlaTarget t : kTargets) {
      const PolicyTarget* pt = p.find(t);
      if (!pt) continue;
      const Countdown& c = targets_[static_cast<std::size_t>(t)];
      const Meter m = meter_for(pt->within, c_);
      TargetStatus ts;
      ts.target = t;
      ts.cycle = c.cycle;
      ts.started_at = c.start;
      ts.clock = pt->within.clock;
      ts.calendar = m.calendar_id;
      ts.budget_seconds = budget_of(pt->within, m, c.start);
      const Instant upto = c.ended_at.value_or(now_);
      ts.elapsed_seconds = elapsed(c, m, upto);
      ts.remaining_seconds = ts.budget_seconds - ts.elapsed_seconds;
      ts.percent_used = ts.budget_seconds > 0 ? 100.0 * double(ts.elapsed_seconds) / double(ts.budget_seconds)
                                              : (ts.elapsed_seconds >= 0 ? 100.0 : 0.0);
      auto due = exact_due(c, pt->within, m, 1, c.ended_at);
      if (!due) due = instant_at(c, m, ts.budget_seconds, c.ended_at);
      ts.due_at = due ? *due : m.add(now_, std::max<std::int64_t>(ts.remaining_seconds, 0));
      ts.met_at = c.met_at;
      ts.breached_at = c.breached_at;
      ts.warned_percent = c.warned;
      if (c.breached_at)
        ts.state = TimerState::breached;
      else if (c.met_at)
        ts.state = TimerState::met;
      else if (c.cancelled)
        ts.state = TimerState::stopped;
      else if (paused_now())
        ts.state = TimerState::paused;
      else if (c.warned > 0)
        ts.state = TimerState::warning;
      else
        ts.state = TimerState::running;
      out.targets.push_back(ts);
    }
    return out;
  }

  const SlaSubject& s_;
  const SlaConfig& c_;
  Instant now_;
  Instant created_{};
  Status status_ = Status::new_ticket;
  std::string priority_;
  PolicyChoice choice_;
  std::vector<Interval> pauses_;
  std::array<Countdown, 4> targets_{};
  std::vector<Countdown> escalations_;
  Countdown survey_, auto_close_;
  std::set<std::string> fired_;
  std::vector<DueAction> actions_;
};

}  // namespace

Replay replay(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  return Replayer(subject, config, now).run();
}

}  // namespace ticketcore::sla_detail
