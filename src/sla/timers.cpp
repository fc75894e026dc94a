#include "ticketcore/sla/timers.hpp"

#include "replay.hpp"

namespace ticketcore {

SlaStatus sla_status(const SlaSubject& subject, const SlaConfig& config, Instant now) {
  return detail::replay(subject, config, now, std::nullopt).status;
}

}  // namespace ticketcore
