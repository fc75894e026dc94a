// What every backend shares: tickets as stored, and a take-in's reads one by one.
#include "ticketcore/store/store.hpp"

#include "ticketcore/model/enum_names.hpp"

namespace ticketcore {

RolledBack::RolledBack(std::string message) : Error(ErrorCode::busy, "", std::move(message)) {}

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

IntakeReads StoreTransaction::intake_reads(std::string_view customer_id, std::string_view counter) {
  IntakeReads out;
  out.customer = customer(customer_id);
  out.customer_ticket_times = customer_ticket_times(customer_id);
  out.number = next_number(counter);
  out.workload = workload();
  return out;
}

const std::vector<Status>& open_statuses() {
  static const std::vector<Status> open = [] {
    std::vector<Status> out;
    for (std::size_t i = 0; i < EnumNames<Status>::names.size(); ++i)
      if (is_open(static_cast<Status>(i))) out.push_back(static_cast<Status>(i));
    return out;
  }();
  return open;
}

}  // namespace ticketcore
