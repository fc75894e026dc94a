// A host program against the installed headers and library: numbers, the
// workflow, and an SLA due time from the standard desk preset (calendar, time zone
// database and all). Exits non-zero if anything is off.
#include <ticketcore/ticketcore.hpp>

#include <cstdio>

int main() {
  using namespace ticketcore;
  using namespace std::chrono;
  const auto number = NumberFormat::ticket_default().format(year{2024} / May / 1, 1);
  const auto workflow = Workflow::standard();
  const DeskConfig desk = DeskConfig::preset("standard");
  const SlaConfig& sla = desk.sla();
  // DOMAIN.md: a P2 ticket created at 17:00 on Friday 2026-03-06 in Shanghai is due
  // for first response at 10:00 on Monday 2026-03-09 (2 business hours).
  const Instant due = sla.calendars.get("cn-standard").add(*parse_instant("2026-03-06T09:00:00Z"), hours{2});
  const bool ok = number == "202405-001" && workflow.allows(Status::new_ticket, Status::assigned) &&
                  !workflow.allows(Status::new_ticket, Status::closed) &&
                  format_instant(due) == "2026-03-09T02:00:00Z" && desk.rules().size() > 0;
  std::printf("consumer: %s, first response due %s: %s\n", number.c_str(), format_instant(due).c_str(),
              ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
