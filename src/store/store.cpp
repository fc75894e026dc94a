// What every backend shares about tickets as stored.
#include "ticketcore/store/store.hpp"

namespace ticketcore {

bool is_open(Status status) {
  switch (status) {
    case Status::new_ticket:
    case Status::assigned:
    case Status::in_progress:
    case Status::pending_customer: return true;
    case Status::resolved:
    case Status::closed:
    case Status::cancelled:
    case Status::merged: return false;
  }
  return false;
}

}  // namespace ticketcore
