// The demo: a CRM embeds ticketcore. An enterprise customer phones at 17:00 on a
// Friday in Shanghai; the desk takes the request in (numbered, prioritized, routed,
// assigned, SLA started); nobody touches it before closing, so the sweep escalates
// it to the technical lead; on Monday the engineer answers and fixes it, the customer
// rates and closes it. A complaint by e-mail goes through remedy approval.
// The desk runs on DeskConfig's standard preset and the pure commands; the CRM keeps
// the tickets in memory (storage comes with the Desk) and prints every result in
// its JSON form (docs/json.md).
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/ticketcore.hpp"

using namespace ticketcore;

namespace {

Instant at(const char* rfc3339) { return *parse_instant(rfc3339); }

// The results' JSON forms are compact; the demo indents them for people.
void show(const char* title, const std::string& json_text) {
  std::printf("%s\n%s\n", title, nlohmann::ordered_json::parse(json_text).dump(2).c_str());
}

// The CRM's own directory of people, handed to the desk.
DeskConfig desk_with_people() {
  std::vector<Team> teams;
  auto team = [&](const char* id, const char* name, const char* lead, const char* supervisor) {
    teams.push_back(Team{id, name, "", "cn-standard", lead, supervisor, "m-01"});
  };
  team("product_specialists", "Product specialists", "p-01", "s-01");
  team("technical_support", "Technical support", "t-lead", "s-01");
  team("customer_relations", "Customer relations", "c-lead", "s-02");
  team("senior_specialists", "Senior specialists", "v-01", "s-02");
  team("supervisors", "Supervisors", "s-01", "m-01");
  std::vector<Agent> agents;
  auto agent = [&](const char* id, const char* name, const char* team_id, Role role, Seniority seniority,
                   std::vector<std::string> certifications) {
    Agent a;
    a.id = id;
    a.name = name;
    a.team = team_id;
    a.role = role;
    a.seniority = seniority;
    a.certifications = std::move(certifications);
    a.languages = {"zh", "en"};
    agents.push_back(std::move(a));
  };
  agent("p-01", "Zhao Min", "product_specialists", Role::agent, Seniority::regular, {});
  agent("t-lead", "Wang Qiang", "technical_support", Role::agent, Seniority::expert, {"erp"});
  agent("t-01", "Liu Yang", "technical_support", Role::agent, Seniority::regular, {"erp"});
  agent("t-02", "Chen Jie", "technical_support", Role::agent, Seniority::regular, {"crm"});
  agent("c-lead", "Sun Li", "customer_relations", Role::agent, Seniority::senior, {});
  agent("c-01", "Ma Lin", "customer_relations", Role::agent, Seniority::regular, {});
  agent("v-01", "Zhou Hui", "senior_specialists", Role::agent, Seniority::senior, {"erp"});
  agent("s-01", "Wu Fang", "supervisors", Role::supervisor, Seniority::expert, {});
  agent("s-02", "Xu Jing", "supervisors", Role::supervisor, Seniority::expert, {});
  agent("m-01", "He Lei", "supervisors", Role::admin, Seniority::expert, {});
  return DeskConfig::preset("standard").with_people(teams, agents);
}

// What the CRM stores: customers, tickets with their histories, the workload, the
// serials it handed out and the due-action keys it recorded.
struct Crm {
  DeskConfig desk = desk_with_people();
  std::map<std::string, Customer> customers;
  std::map<std::string, Ticket> tickets;
  std::map<std::string, std::vector<Event>> histories;
  Workload workload;
  std::int64_t next_serial = 1;
  std::set<std::string, std::less<>> handed_out;

  Ticket take(const Actor& who, Instant now, const Ticket& request) {
    const Customer& customer = customers.at(request.customer_id);
    TakeInResult r = take_in({desk, who, now}, request, {customer, next_serial++, workload, {}});
    show(("== " + format_instant(now) + ": taken in").c_str(), to_json_text(r));
    workload = r.workload;
    histories[r.ticket.id] = r.events;
    return tickets[r.ticket.id] = r.ticket;
  }

  // Runs one command on a stored ticket and keeps the result, as the Desk will in one transaction.
  template <class Command>
  void run(const char* what, const Actor& who, Instant now, const std::string& id, Command command) {
    Change c = command(CommandContext{desk, who, now}, TicketState{tickets.at(id), histories.at(id)});
    std::printf("%s  %-10s %s: %s -> %s\n", format_instant(now).c_str(), who.event_actor().c_str(), what,
                std::string(to_string(tickets.at(id).status)).c_str(),
                std::string(to_string(c.ticket.status)).c_str());
    for (const HostAction& a : c.actions) show("   host action:", to_json_text(a));
    tickets[id] = std::move(c.ticket);
    auto& h = histories[id];
    h.insert(h.end(), c.events.begin(), c.events.end());
  }

  // The CRM's scheduler: what fell due since the last sweep, each action once.
  void sweep(Instant last, Instant now) {
    std::vector<SlaSubject> subjects;
    for (const auto& [id, t] : tickets) subjects.push_back({t, histories.at(id), customers.at(t.customer_id).tier});
    const std::vector<DueAction> actions = due(subjects, desk.sla(), last, now, handed_out);
    if (actions.empty()) return;
    show(("== sweep at " + format_instant(now)).c_str(), to_json_text(actions));
    for (const DueAction& a : actions) {
      handed_out.insert(a.key);
      if (a.kind == DueActionKind::escalation)
        run("escalated", Actor::system(), now, a.ticket_id, [&](auto c, auto s) {
          return escalate(c, s, *a.escalation_level, "no progress since assignment (" + a.rule + ")");
        });
    }
  }
};

}  // namespace

int main() {
  Crm crm;
  const Actor receiver{ActorKind::agent, "p-01"}, engineer{ActorKind::agent, "t-01"};
  const Actor supervisor{ActorKind::supervisor, "s-02"};
  const BusinessCalendar& shanghai = crm.desk.calendars().get("cn-standard");

  // 17:00 on Friday 2026-03-06 in Shanghai: the hotline takes a call.
  const Instant call = at("2026-03-06T09:00:00Z");
  Customer customer;
  customer.id = crm.desk.customer_numbers().format(shanghai.local_date(call), 1);
  customer.kind = CustomerKind::enterprise;
  customer.name = "Hangzhou Lianhe Manufacturing Co., Ltd.";
  customer.company = customer.name;
  customer.department = "IT";
  customer.phones = {"13812345678"};
  customer.created_at = customer.updated_at = call;
  crm.customers[customer.id] = customer;

  Ticket request;
  request.customer_id = customer.id;
  request.channel = Channel::phone;
  request.request_type = RequestType::technical_support;
  request.subtype = "software_fault";
  request.subject = "ERP order module down since this afternoon";
  request.description = "Orders cannot be saved since 14:00; a restart did not help.";
  request.urgency = Urgency::high;
  request.impact.users_affected = 40;
  request.attributes["product"] = std::string("erp");
  const std::string erp = crm.take(receiver, call, request).id;

  // Monday: the complaint arrives by e-mail; the engineer answers the fault.
  Ticket complaint;
  complaint.customer_id = customer.id;
  complaint.channel = Channel::email;
  complaint.request_type = RequestType::complaint;
  complaint.subject = "Third late delivery this quarter";
  complaint.urgency = Urgency::medium;
  const Instant monday = at("2026-03-09T01:00:00Z");
  Instant last = call;
  for (Instant now = call + std::chrono::hours{1}; now <= monday; now += std::chrono::hours{1}) {
    crm.sweep(last, now);
    last = now;
  }
  const std::string late = crm.take(Actor::customer(customer.id), monday, complaint).id;

  std::printf("\n== Monday: the engineer answers, asks for a log, and fixes it\n");
  crm.run("start", engineer, at("2026-03-09T01:20:00Z"), erp,
          [](auto c, auto s) { return change_status(c, s, Status::in_progress); });
  crm.run("comment", engineer, at("2026-03-09T01:30:00Z"), erp,
          [](auto c, auto s) { return comment(c, s, "We are on it; please send the server log."); });
  crm.run("wait", engineer, at("2026-03-09T01:31:00Z"), erp,
          [](auto c, auto s) { return change_status(c, s, Status::pending_customer, "waiting for the log"); });
  crm.run("reply", Actor::customer(customer.id), at("2026-03-09T05:00:00Z"), erp,
          [](auto c, auto s) { return comment(c, s, "Log attached."); });
  const Ticket& fault = crm.tickets.at(erp);
  show("   SLA at Monday 13:00:", to_json_text(sla_status({fault, crm.histories.at(erp), customer.tier},
                                                           crm.desk.sla(), at("2026-03-09T05:00:00Z"))));
  crm.run("resolve", engineer, at("2026-03-09T07:00:00Z"), erp,
          [](auto c, auto s) { return resolve(c, s, "Rebuilt the order index."); });

  std::printf("\n== the complaint: a remedy needs the supervisor's approval\n");
  const Actor handler{ActorKind::agent, crm.tickets.at(late).assignee};
  crm.run("start", handler, at("2026-03-09T02:00:00Z"), late,
          [](auto c, auto s) { return change_status(c, s, Status::in_progress); });
  crm.run("remedy", handler, at("2026-03-09T02:10:00Z"), late, [](auto c, auto s) {
    return request_remedy_approval(c, s, "200 CNY voucher and priority shipping", EscalationLevel::supervisor);
  });
  try {
    crm.run("approve", handler, at("2026-03-09T02:15:00Z"), late, [](auto c, auto s) { return approve_remedy(c, s); });
  } catch (const Error& e) {
    std::printf("  refused (%s): %s\n", std::string(to_string(e.code())).c_str(), e.what());
  }
  crm.run("approve", supervisor, at("2026-03-09T03:00:00Z"), late,
          [](auto c, auto s) { return approve_remedy(c, s, "offer it today"); });

  // Hourly sweeps to Tuesday evening: the survey falls due after the resolution.
  for (Instant now = last + std::chrono::hours{1}; now <= at("2026-03-10T12:00:00Z"); now += std::chrono::hours{1}) {
    crm.sweep(last, now);
    last = now;
  }
  std::printf("\n== Tuesday: the customer rates and confirms\n");
  crm.run("rate", Actor::customer(customer.id), at("2026-03-10T12:00:00Z"), erp,
          [](auto c, auto s) { return rate(c, s, Satisfaction{5, 5, 4, "Fixed before the week started."}); });
  crm.run("close", Actor::customer(customer.id), at("2026-03-10T12:05:00Z"), erp,
          [](auto c, auto s) { return close(c, s); });
  try {
    crm.run("reopen", engineer, at("2026-03-10T12:10:00Z"), erp,
            [](auto c, auto s) { return change_status(c, s, Status::in_progress); });
  } catch (const Error& e) {
    std::printf("  refused (%s): %s\n", std::string(to_string(e.code())).c_str(), e.what());
  }
  show("\n== the ticket as the CRM stores it", to_json_text(crm.tickets.at(erp)));
  return 0;
}
