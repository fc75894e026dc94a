#include "replay.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include "ticketcore/error.hpp"

namespace ticketcore::detail {

namespace {

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
  const BusinessCalendar& cal = config.calendars.get(d.calendar);
  return {&cal, d.clock, d.calendar.empty() ? config.calendars.default_id : d.calendar};
}

// A target in meter seconds; for working days also the instant add_working_days gives.
struct Budget {
  std::int64_t seconds = 0;
  std::optional<Instant> working_days_due;
};

// Which action a threshold is, without building its text key: kind, target or rule, step, anchor.
struct ActionId {
  DueActionKind kind;
  std::uint8_t which;
  int step;
  std::int64_t anchor;
  friend bool operator==(const ActionId&, const ActionId&) = default;
};

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
  mutable const SlaDuration* budget_for = nullptr;  // what `budget` was computed for
  mutable Budget budget;

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
  Replayer(const SlaSubject& s, const SlaConfig& c, Instant now, std::optional<Instant> actions_after)
      : s_(s), c_(c), now_(now), actions_after_(actions_after) {
    for (const EscalationRule& rule : c_.escalations) escalation_meters_.push_back(meter_for(rule.after, c_));
    if (c_.survey_after_resolution) survey_meter_ = meter_for(*c_.survey_after_resolution, c_);
    if (c_.auto_close_after_resolution) auto_close_meter_ = meter_for(*c_.auto_close_after_resolution, c_);
  }

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
    for (SlaTarget t : kTargets) clock(t).begin(created_, 0, 0);
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

  void choose() {
    choice_ = c_.choose(priority_, s_.tier, s_.ticket.request_type, s_.ticket.channel);
    for (Countdown& c : targets_) c.budget_for = nullptr;
    if (!choice_.policy) return;
    for (SlaTarget t : kTargets)
      if (const PolicyTarget* pt = choice_.policy->find(t))
        target_meters_[static_cast<std::size_t>(t)] = meter_for(pt->within, c_);
  }

  bool paused_now() const { return !pauses_.empty() && !pauses_.back().to; }

  // Pauses that apply to a countdown, in time order: the ticket's, plus the countdown's own.
  const std::vector<Interval>& pauses_of(const Countdown& c) const {
    if (c.own_pauses.empty()) return pauses_;
    scratch_ = pauses_;
    scratch_.insert(scratch_.end(), c.own_pauses.begin(), c.own_pauses.end());
    std::sort(scratch_.begin(), scratch_.end(),
              [](const Interval& a, const Interval& b) { return a.from < b.from; });
    return scratch_;
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

  // The target in meter seconds, cached per countdown (working days cost a calendar walk).
  const Budget& budget(const Countdown& c, const SlaDuration& d, const Meter& m) const {
    if (c.budget_for != &d) {
      c.budget_for = &d;
      c.budget = {d.amount, std::nullopt};
      if (d.clock == SlaClock::working_days) {
        c.budget.working_days_due = m.calendar->add_working_days(c.start, int(d.amount));
        c.budget.seconds = m.between(c.start, *c.budget.working_days_due);
      }
    }
    return c.budget;
  }

  // Working days land on add_working_days' own instant (Monday 09:00 rather than the Friday
  // 18:00 closing that holds as many business seconds) unless a pause moved the clock.
  std::optional<Instant> exact_due(const Countdown& c, const SlaDuration& d, const Budget& b, const Meter& m,
                                   std::int64_t times, std::optional<Instant> until = std::nullopt) const {
    if (d.clock != SlaClock::working_days) return std::nullopt;
    const Instant due =
        times == 1 ? *b.working_days_due : m.calendar->add_working_days(c.start, int(d.amount * times));
    for (const Interval& p : pauses_of(c)) {
      if (until && p.from >= *until) break;
      if (p.from < due && (!p.to || *p.to > c.start)) return std::nullopt;
    }
    return due;
  }

  // When the countdown reaches x, if that falls in this segment [s, e) (or [s, e] for the
  // last one); a crossing before s (after a re-target) counts at s.
  std::optional<Instant> crossing(const Countdown& c, const Meter& m, std::int64_t x, Instant s, Instant e,
                                  bool last, std::optional<Instant> exact) const {
    if (paused_now()) {
      if (elapsed(c, m, s) >= x) return s;
      return std::nullopt;
    }
    const auto t = exact ? exact : instant_at(c, m, x);
    if (!t) return std::nullopt;
    if (*t <= s) return s;
    if (*t < e || (last && *t <= e)) return *t;
    return std::nullopt;
  }

  bool fired(const ActionId& id) const { return std::find(fired_.begin(), fired_.end(), id) != fired_.end(); }

  // Thresholds are tried in increasing order: the first one not reached ends the walk.
  // Returns whether the threshold was reached (now or in an earlier segment).
  bool reach(const Countdown& c, const Meter& m, std::int64_t x, std::optional<Instant> exact, Instant s,
             Instant e, bool last, const ActionId& id, const std::function<DueAction()>& make) {
    if (fired(id)) return true;
    const auto when = crossing(c, m, x, s, e, last, exact);
    if (!when) return false;
    fired_.push_back(id);
    last_fired_at_ = *when;
    ++fired_count_;
    // A status needs the instants, not the actions' text; a sweep only the new ones.
    if (!actions_after_ || *when <= *actions_after_) return true;
    DueAction a = make();
    a.ticket_id = s_.ticket.id;
    a.due_at = *when;
    actions_.push_back(std::move(a));
    return true;
  }

  std::string key(std::string_view what) const { return s_.ticket.id + "/" + std::string(what); }

  void advance(Instant s, Instant e, bool last) {
    if (s == e && !last) return;  // events at one instant: nothing can come due between them
    if (choice_.policy) advance_targets(*choice_.policy, s, e, last);
    for (std::size_t i = 0; i < c_.escalations.size(); ++i) {
      const EscalationRule& rule = c_.escalations[i];
      Countdown& c = escalations_[i];
      if (!c.active || !escalation_applies(rule)) continue;
      const Meter& m = escalation_meters_[i];
      const Budget& b = budget(c, rule.after, m);
      reach(c, m, b.seconds, exact_due(c, rule.after, b, m, 1), s, e, last,
            {DueActionKind::escalation, std::uint8_t(i), 0, c.anchor}, [&] {
              DueAction a;
              a.kind = DueActionKind::escalation;
              a.escalation_level = rule.level;
              a.team = rule.team;
              a.rule = rule.id;
              a.key = key("escalation/" + rule.id + "/assignment" + std::to_string(c.anchor));
              return a;
            });
    }
    auto after_resolution = [&](Countdown& c, const std::optional<SlaDuration>& d, const Meter& m,
                                DueActionKind kind, std::string_view name) {
      if (!d || !c.active) return;
      const Budget& b = budget(c, *d, m);
      reach(c, m, b.seconds, exact_due(c, *d, b, m, 1), s, e, last, {kind, 0, 0, c.anchor}, [&] {
        DueAction a;
        a.kind = kind;
        a.key = key(std::string(name) + "/resolution" + std::to_string(c.anchor));
        return a;
      });
    };
    after_resolution(survey_, c_.survey_after_resolution, survey_meter_, DueActionKind::satisfaction_survey,
                     "satisfaction_survey");
    after_resolution(auto_close_, c_.auto_close_after_resolution, auto_close_meter_,
                     DueActionKind::auto_close, "auto_close");
  }

  void advance_targets(const SlaPolicy& p, Instant s, Instant e, bool last) {
    for (SlaTarget t : kTargets) {
      const std::size_t ti = static_cast<std::size_t>(t);
      const PolicyTarget* pt = p.find(t);
      Countdown& c = targets_[ti];
      if (!pt || !c.active) continue;
      const Meter& m = target_meters_[ti];
      const Budget& b = budget(c, pt->within, m);
      const bool periodic = t == SlaTarget::periodic_update;
      const std::int64_t anchor = periodic ? c.anchor : c.cycle;
      auto base = [&] {
        return key(std::string(to_string(t)) + "/" + (periodic ? "anchor" : "cycle") +
                   std::to_string(anchor));
      };
      bool reached = true;
      for (int pct : p.warning_percents) {
        reached = reach(c, m, b.seconds * pct / 100, std::nullopt, s, e, last,
                        {DueActionKind::sla_warning, std::uint8_t(ti), pct, anchor}, [&] {
                          DueAction a;
                          a.kind = DueActionKind::sla_warning;
                          a.target = t;
                          a.threshold_percent = pct;
                          a.key = base() + "/warning" + std::to_string(pct);
                          return a;
                        });
        if (!reached) break;
        c.warned = std::max(c.warned, pct);
      }
      if (!reached) continue;
      if (!periodic) {
        if (reach(c, m, b.seconds, exact_due(c, pt->within, b, m, 1), s, e, last,
                  {DueActionKind::sla_breach, std::uint8_t(ti), 0, anchor},
                  [&] {
                    DueAction a;
                    a.kind = DueActionKind::sla_breach;
                    a.target = t;
                    a.key = base() + "/breach";
                    return a;
                  }) &&
            !c.breached_at)
          c.breached_at = last_fired_at_;
        continue;
      }
      // One update owed per interval without one; bounded by the segment's end.
      for (int k = 1;; ++k) {
        const std::size_t before = fired_count_;
        if (!reach(c, m, b.seconds * k, exact_due(c, pt->within, b, m, k), s, e, last,
                   {DueActionKind::progress_update_owed, std::uint8_t(ti), k, anchor}, [&] {
                     DueAction a;
                     a.kind = DueActionKind::progress_update_owed;
                     a.target = t;
                     a.key = base() + "/owed" + std::to_string(k);
                     return a;
                   }))
          break;
        if (!c.breached_at && fired_count_ > before) c.breached_at = last_fired_at_;
        if (b.seconds <= 0) break;
      }
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
      const Meter& m = target_meters_[static_cast<std::size_t>(t)];
      const Budget& b = budget(c, pt->within, m);
      TargetStatus ts;
      ts.target = t;
      ts.cycle = c.cycle;
      ts.started_at = c.start;
      ts.clock = pt->within.clock;
      ts.calendar = m.calendar_id;
      ts.budget_seconds = b.seconds;
      const Instant upto = c.ended_at.value_or(now_);
      ts.elapsed_seconds = elapsed(c, m, upto);
      ts.remaining_seconds = ts.budget_seconds - ts.elapsed_seconds;
      ts.percent_used = ts.budget_seconds > 0 ? 100.0 * double(ts.elapsed_seconds) / double(ts.budget_seconds)
                                              : (ts.elapsed_seconds >= 0 ? 100.0 : 0.0);
      auto due = exact_due(c, pt->within, b, m, 1, c.ended_at);
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
  std::vector<ActionId> fired_;
  std::size_t fired_count_ = 0;
  Instant last_fired_at_{};
  std::optional<Instant> actions_after_;
  std::array<Meter, 4> target_meters_{};
  std::vector<Meter> escalation_meters_;
  Meter survey_meter_, auto_close_meter_;
  mutable std::vector<Interval> scratch_;
  std::vector<DueAction> actions_;
};

}  // namespace

Replay replay(const SlaSubject& subject, const SlaConfig& config, Instant now,
              std::optional<Instant> actions_after) {
  return Replayer(subject, config, now, actions_after).run();
}

}  // namespace ticketcore::detail
