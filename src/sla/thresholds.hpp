#pragma once
// Thresholds: the instants at which a running clock passes a share of its budget (the
// warnings), the budget itself (a breach, an escalation, the survey, the auto-close) or
// each multiple of it (the updates owed, one per interval without an update).
//
// The replay carries the clocks through time one segment at a time: from one event to
// the next, nothing changes them. A threshold crossed inside the segment falls due at its
// own instant; one already passed when the segment starts (a re-target shrank the budget)
// falls due at the segment's start, the first instant it could be known; while the ticket
// is paused only that can happen. Segments are half-open, [s, e), so that an event at the
// due instant comes first (a reply exactly on time is in time), except the last one, which
// ends at `now` and includes it.
//
// Each action is found once. An ActionId names it by kind, target or rule, step, and the
// run of its clock; a threshold passed before is not handed out again, even when a
// re-target moves it. A clock's thresholds are tried in increasing order and the first one
// not reached ends the walk, so a segment costs an instant_at per threshold reached, plus one.

#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

#include "clocks.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// Which action a threshold is, without building its text key: kind, target or rule, step, run.
struct ActionId {
  DueActionKind kind;
  std::uint8_t which;  ///< the target, or the escalation rule's index
  int step;            ///< the warning percent, or the number of intervals owed
  std::int64_t run;    ///< the cycle, or the sequence of the event that started the clock
  friend bool operator==(const ActionId&, const ActionId&) = default;
};

/// The actions found so far. A ticket finds a handful, looked up fastest in a short list;
/// one whose periodic updates went unanswered for months finds thousands, which a list
/// would make quadratic, so past kListed they go into a hash set.
class FiredActions {
 public:
  /// Whether `id` was found before.
  bool contains(const ActionId& id) const;
  /// Records `id` as found.
  void add(const ActionId& id);
  /// How many were found.
  std::size_t size() const { return listed_.size() + hashed_.size(); }

 private:
  static constexpr std::size_t kListed = 32;
  struct Hash {
    std::size_t operator()(const ActionId& id) const noexcept;
  };
  std::vector<ActionId> listed_;
  std::unordered_set<ActionId, Hash> hashed_;
};

/// Carries a ticket's clocks past their thresholds, segment by segment, and collects the actions.
class ThresholdWalk {
 public:
  /// Only actions due after `actions_after` are built (none when it is empty: a status needs
  /// the instants, not the actions; a sweep needs only those since the last sweep).
  ThresholdWalk(const SlaSubject& subject, const SlaConfig& config, std::optional<Instant> actions_after)
      : s_(subject), c_(config), actions_after_(actions_after) {}

  /// Carries the clocks through [s, e), or [s, e] when `last`, marking what they pass.
  void advance(Clocks& clocks, Instant s, Instant e, bool last);

  /// Records only the earliest due instant of the actions, not the actions: building their
  /// keys is most of a schedule's replay, and a schedule needs the instant alone.
  void earliest_only() { earliest_only_ = true; }

  /// The actions found, in the order found.
  std::vector<DueAction> take_actions() { return std::move(actions_); }
  /// With earliest_only: the earliest due instant among the actions.
  std::optional<Instant> earliest() const { return earliest_; }

 private:
  struct Reading;
  std::optional<Instant> crossing(const Reading& r, std::int64_t x, std::optional<Instant> exact) const;
  template <class Make>
  bool reach(const Reading& r, std::int64_t x, std::optional<Instant> exact, const ActionId& id, Make&& make);
  void advance_targets(Clocks& k, const SlaPolicy& p);
  void advance_escalations(Clocks& k);
  void advance_after_resolution(Clocks& k, Countdown& c, const std::optional<SlaDuration>& d, const Meter& m,
                                DueActionKind kind);
  bool escalation_applies(const EscalationRule& rule, const Clocks& k) const;

  const SlaSubject& s_;
  const SlaConfig& c_;
  std::optional<Instant> actions_after_;
  // The segment being walked.
  Instant seg_start_{}, seg_end_{};
  bool last_ = false;
  bool paused_ = false;  // the ticket is paused through the segment
  // What was found.
  FiredActions fired_;
  Instant last_fired_at_{};  // when the threshold recorded last fell due
  std::vector<DueAction> actions_;
  bool earliest_only_ = false;
  std::optional<Instant> earliest_;
};

}  // namespace ticketcore::detail
