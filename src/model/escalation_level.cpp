#include "ticketcore/model/escalation_level.hpp"

#include "ticketcore/error.hpp"

namespace ticketcore {

EscalationLevel escalation_level(int n, const std::string& path) {
  if (n < 1 || n > 4)
    throw_invalid(path, "escalation level must be 1 (handler) to 4 (manager), got " + std::to_string(n));
  return static_cast<EscalationLevel>(n);
}

}  // namespace ticketcore
