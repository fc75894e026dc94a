// The demo: a CRM takes a phone call, registers the customer and a ticket, and
// moves the ticket through the workflow, printing what the desk records.
#include <chrono>
#include <cstdio>

#include "ticketcore/error.hpp"
#include "ticketcore/model/ids.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/workflow/workflow.hpp"

using namespace ticketcore;
using namespace std::chrono;

int main() {
  const Instant call = *parse_instant("2026-03-06T09:00:00Z");  // 17:00 in Shanghai, a Friday
  const Date today{floor<days>(call)};

  Customer customer;
  customer.id = NumberFormat::customer_default().format(today, 1);
  customer.kind = CustomerKind::enterprise;
  customer.name = "Hangzhou Lianhe Manufacturing Co., Ltd.";
  customer.company = customer.name;
  customer.department = "IT";
  customer.phones = {"13812345678"};
  customer.tier = CustomerTier::vip;
  customer.created_at = customer.updated_at = call;

  Ticket ticket;
  ticket.id = NumberFormat::ticket_default().format(today, 1);
  ticket.customer_id = customer.id;
  ticket.channel = Channel::phone;
  ticket.request_type = RequestType::technical_support;
  ticket.subject = "ERP order module down since this morning";
  ticket.urgency = Urgency::high;
  ticket.impact.users_affected = 40;
  ticket.priority = "P2";
  ticket.created_at = ticket.updated_at = call;

  std::printf("customer %s\n%s\n\n", customer.id.c_str(), nlohmann::json(customer).dump(2).c_str());

  const Workflow workflow = Workflow::standard();
  for (Status next : {Status::assigned, Status::in_progress, Status::pending_customer, Status::in_progress,
                      Status::resolved, Status::closed}) {
    workflow.check_transition(ticket.status, next);
    std::printf("ticket %s: %s -> %s%s\n", ticket.id.c_str(), std::string(to_string(ticket.status)).c_str(),
                std::string(to_string(next)).c_str(),
                workflow.pauses_sla(next) ? " (SLA clocks paused)" : "");
    ticket.status = next;
    ticket.stage = workflow.stage_after(next, ticket.stage);
  }
  try {
    workflow.check_transition(ticket.status, Status::in_progress);
  } catch (const Error& e) {
    std::printf("refused: %s\n", e.what());
  }
  std::printf("\n%s\n", nlohmann::json(ticket).dump(2).c_str());
  return 0;
}
