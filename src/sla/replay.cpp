#include "replay.hpp"

#include <algorithm>

#include "clocks.hpp"
#include "event_effects.hpp"
#include "status_projection.hpp"
#include "thresholds.hpp"

namespace ticketcore::detail {

Replay replay(const SlaSubject& subject, const SlaConfig& config, Instant now,
              std::optional<Instant> actions_after, bool earliest_only) {
  std::vector<const Event*> events;
  for (const Event& e : subject.events)
    if (e.at <= now) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(), [](const Event* a, const Event* b) {
    return a->at != b->at ? a->at < b->at : a->sequence < b->sequence;
  });
  Instant created = subject.ticket.created_at;
  for (const Event* e : events)
    if (e->kind == EventKind::created) created = e->at;

  Clocks clocks = start_clocks(subject, config, created);
  ThresholdWalk walk(subject, config, actions_after);
  if (earliest_only) walk.earliest_only();
  if (now >= created) {
    // Between two events nothing changes the clocks: time carries them past thresholds,
    // then the event changes them. Events before the creation count at the creation.
    Instant from = created;
    for (const Event* e : events) {
      const Instant at = std::max(e->at, created);
      walk.advance(clocks, from, at, false);
      apply_event(clocks, subject, config, *e, at);
      from = at;
    }
    walk.advance(clocks, from, now, true);
  }
  Replay out;
  out.actions = walk.take_actions();
  out.earliest = walk.earliest();
  out.status = project_status(clocks, now);
  return out;
}

}  // namespace ticketcore::detail
