// Uses the installed headers and library; exits non-zero if anything is off.
#include <ticketcore/model/ids.hpp>
#include <ticketcore/workflow/workflow.hpp>

#include <cstdio>

int main() {
  using namespace std::chrono;
  auto number = ticketcore::NumberFormat::ticket_default().format(year{2024} / May / 1, 1);
  auto workflow = ticketcore::Workflow::standard();
  bool ok = number == "202405-001" &&
            workflow.allows(ticketcore::Status::new_ticket, ticketcore::Status::assigned) &&
            !workflow.allows(ticketcore::Status::new_ticket, ticketcore::Status::closed);
  std::printf("consumer: %s %s\n", number.c_str(), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
