// The demo: a CRM embeds ticketcore on an SQLite file. It opens a desk on the standard
// preset with its own people, registers customers, takes in requests from the phone
// hotline, e-mail, the web portal, WeChat and the app, and moves them through a week
// of work: engineers answer and fix, a complaint's remedy waits for the supervisor,
// and the CRM's scheduler sweeps every hour, acting on escalations and auto-closes.
// It ends with the queues and the week's due actions.
//
//   ticketcore_demo [FILE]   (default: ticketcore-demo.db in the current folder; recreated)
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ticketcore/json.hpp"
#include "ticketcore/store/sqlite_store.hpp"
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
  agent("p-02", "Gao Yan", "product_specialists", Role::agent, Seniority::regular, {});
  agent("t-lead", "Wang Qiang", "technical_support", Role::agent, Seniority::expert, {"erp", "crm"});
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

Ticket request(const Customer& c, Channel channel, RequestType type, const char* subject, Urgency urgency) {
  Ticket t;
  t.customer_id = c.id;
  t.channel = channel;
  t.request_type = type;
  t.subject = subject;
  t.urgency = urgency;
  return t;
}

// One line per ticket of a page: number, status, priority, team, assignee, subject.
void print_page(const char* title, const TicketPage& page) {
  std::printf("%s (%zu)\n", title, page.tickets.size());
  for (const Ticket& t : page.tickets)
    std::printf("  %-11s %-17s %-3s %-20s %-7s %s\n", t.id.c_str(), std::string(to_string(t.status)).c_str(),
                t.priority.c_str(), t.team.c_str(), t.assignee.empty() ? "-" : t.assignee.c_str(),
                t.subject.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path file = argc > 1 ? argv[1] : "ticketcore-demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);

  // Monday 2 March 2026, 08:30 in Shanghai.
  auto clock = std::make_shared<ManualClock>(at("2026-03-02T00:30:00Z"));
  std::shared_ptr<Store> store = SqliteStore::open(file.string());
  auto desk = Desk::open(store, desk_with_people(), clock);
  std::printf("desk \"%s\" on %s\n", desk->config().version().c_str(), file.string().c_str());

  const Actor receiver{ActorKind::agent, "p-01"}, supervisor{ActorKind::supervisor, "s-02"};
  const Actor manager{ActorKind::admin, "m-01"};  // sees every ticket (docs/access.md)
  Customer lianhe;
  lianhe.kind = CustomerKind::enterprise;
  lianhe.name = "Hangzhou Lianhe Manufacturing Co., Ltd.";
  lianhe.company = lianhe.name;
  lianhe.department = "IT";
  lianhe.phones = {"13812345678"};
  lianhe.tier = CustomerTier::vip;
  lianhe = desk->register_customer(receiver, lianhe);
  Customer li;
  li.name = "Li Na";
  li.phones = {"13987654321"};
  li.emails = {"li.na@example.cn"};
  li = desk->register_customer(receiver, li);
  Customer port;
  port.kind = CustomerKind::partner;
  port.name = "Ningbo Port Logistics";
  port.emails = {"service@nbport.example"};
  port = desk->register_customer(receiver, port);
  std::printf("customers: %s %s %s\n\n", lianhe.id.c_str(), li.id.c_str(), port.id.c_str());

  // The week's script: at each instant, what the desk's people and customers do.
  std::map<std::string, std::string> ids;  // the script's names for the tickets
  std::vector<DueAction> week;
  std::multimap<Instant, std::function<void()>> script;
  auto take = [&](const char* name, const Actor& who, Ticket t) {
    const TakeInResult r = desk->take_in(who, t);
    ids[name] = r.ticket.id;
    std::printf("%s taken in: %s %-7s %-3s -> %-20s %-7s \"%s\"\n", format_instant(clock->now()).c_str(),
                r.ticket.id.c_str(), std::string(to_string(r.ticket.channel)).c_str(), r.ticket.priority.c_str(),
                r.ticket.team.c_str(), r.ticket.assignee.empty() ? "(queue)" : r.ticket.assignee.c_str(),
                r.ticket.subject.c_str());
    if (std::string(name) == "erp") show("  the result of the first take-in:", to_json_text(r));
  };
  auto act = [&](const char* what, const char* name, const std::function<Change(const TicketRef&)>& change) {
    const Change c = change(TicketRef{ids.at(name), 0});
    std::printf("%s %s %s: now %s\n", format_instant(clock->now()).c_str(), ids.at(name).c_str(), what,
                std::string(to_string(c.ticket.status)).c_str());
  };
  auto holder = [&](const char* name) { return Actor{ActorKind::agent, desk->show(manager, ids.at(name)).ticket.assignee}; };

  script.emplace(at("2026-03-02T01:00:00Z"), [&] {
    Ticket erp = request(lianhe, Channel::phone, RequestType::technical_support,
                         "ERP order module down since this morning", Urgency::high);
    erp.subtype = "software_fault";
    erp.description = "订单无法保存，重启后仍然报错 (orders cannot be saved; a restart did not help).";
    erp.impact.users_affected = 40;
    erp.attributes["product"] = std::string("erp");
    take("erp", receiver, erp);
  });
  script.emplace(at("2026-03-02T02:10:00Z"), [&] {
    take("invoice", Actor::customer(li.id),
         request(li, Channel::email, RequestType::consultation, "发票抬头怎么修改 (how to change the invoice title)",
                 Urgency::low));
  });
  script.emplace(at("2026-03-02T03:00:00Z"), [&] {
    Ticket crm = request(port, Channel::portal, RequestType::technical_support, "CRM export to Excel fails",
                         Urgency::medium);
    crm.attributes["product"] = std::string("crm");
    take("crm", receiver, crm);
  });
  script.emplace(at("2026-03-02T06:00:00Z"), [&] {
    take("late", Actor::customer(port.id),
         request(port, Channel::wechat, RequestType::complaint, "Third late delivery this quarter", Urgency::medium));
  });
  script.emplace(at("2026-03-03T01:30:00Z"), [&] {
    take("printer", receiver,
         request(li, Channel::app, RequestType::consultation, "打印机无法连接网络 (printer will not join Wi-Fi)",
                 Urgency::medium));
  });
  // The engineers' work.
  script.emplace(at("2026-03-02T01:10:00Z"), [&] {
    act("started", "erp", [&](const TicketRef& t) { return desk->change_status(holder("erp"), t, Status::in_progress); });
    act("answered", "erp", [&](const TicketRef& t) {
      return desk->comment(holder("erp"), t, "We are on it; please send the server log.");
    });
    act("waiting", "erp", [&](const TicketRef& t) {
      return desk->change_status(holder("erp"), t, Status::pending_customer, "waiting for the log");
    });
  });
  script.emplace(at("2026-03-02T05:00:00Z"), [&] {
    act("customer replied", "erp",
        [&](const TicketRef& t) { return desk->comment(Actor::customer(lianhe.id), t, "Log attached."); });
  });
  script.emplace(at("2026-03-02T08:00:00Z"), [&] {
    act("resolved", "erp",
        [&](const TicketRef& t) { return desk->resolve(holder("erp"), t, "Rebuilt the order index."); });
  });
  script.emplace(at("2026-03-02T07:00:00Z"), [&] {
    const Actor handler = holder("late");
    act("started", "late", [&](const TicketRef& t) { return desk->change_status(handler, t, Status::in_progress); });
    act("remedy asked", "late", [&](const TicketRef& t) {
      return desk->request_remedy_approval(handler, t, "200 CNY voucher and priority shipping",
                                           EscalationLevel::supervisor);
    });
  });
  script.emplace(at("2026-03-02T08:30:00Z"), [&] {
    act("remedy approved", "late",
        [&](const TicketRef& t) { return desk->approve_remedy(supervisor, t, "offer it today"); });
    act("answered", "late", [&](const TicketRef& t) {
      return desk->comment(holder("late"), t, "We apologise: a 200 CNY voucher and priority shipping are yours.");
    });
  });
  script.emplace(at("2026-03-03T02:00:00Z"), [&] {
    act("rated", "erp", [&](const TicketRef& t) {
      return desk->rate(Actor::customer(lianhe.id), t, Satisfaction{5, 5, 4, "Fixed the same day."});
    });
    act("closed", "erp", [&](const TicketRef& t) { return desk->close(Actor::customer(lianhe.id), t); });
  });
  script.emplace(at("2026-03-03T03:00:00Z"), [&] {
    act("started", "invoice",
        [&](const TicketRef& t) { return desk->change_status(holder("invoice"), t, Status::in_progress); });
    act("answered", "invoice", [&](const TicketRef& t) {
      return desk->comment(holder("invoice"), t, "在账户设置里修改发票抬头 (change it under account settings).");
    });
    act("resolved", "invoice", [&](const TicketRef& t) { return desk->resolve(holder("invoice"), t, "Explained."); });
  });

  // The week, hour by hour: what the script says, then the CRM's scheduler sweeps.
  const Actor scheduler = Actor::system();
  for (Instant now = clock->now(); now <= at("2026-03-09T00:30:00Z"); now += std::chrono::minutes(10)) {
    clock->set(now);
    for (auto [it, end] = script.equal_range(now); it != end; ++it) it->second();
    if (now.time_since_epoch().count() % 3600 != 1800) continue;
    const Sweep sweep = desk->due(scheduler);
    for (const DueAction& a : sweep.actions) {
      week.push_back(a);
      std::printf("%s due: %-11s %s\n", format_instant(now).c_str(), a.ticket_id.c_str(), a.key.c_str());
      // The CRM acts on what it owes: escalations and auto-closes go through the desk.
      if (a.kind == DueActionKind::escalation && a.escalation_level) {
        const Change c = desk->escalate(scheduler, {a.ticket_id, 0}, *a.escalation_level, "no progress since assignment");
        std::printf("%s %s escalated to %s\n", format_instant(now).c_str(), a.ticket_id.c_str(),
                    c.ticket.assignee.c_str());
      }
      if (a.kind == DueActionKind::auto_close) desk->close(scheduler, {a.ticket_id, 0});
    }
  }

  std::printf("\n== the queues on Monday 9 March\n");
  for (const Agent& a : desk->config().agents()) {
    const TicketPage page = desk->agent_queue(manager, a.id);
    if (!page.tickets.empty()) print_page(("agent " + a.id).c_str(), page);
  }
  for (const Team& t : desk->config().teams()) {
    const TicketPage page = desk->team_queue(manager, t.id);
    if (!page.tickets.empty()) print_page(("unassigned in " + t.id).c_str(), page);
  }
  TicketQuery search;
  search.text = "打印";
  print_page("search \"打印\"", desk->find_tickets(manager, search));

  std::map<std::string, int> kinds;
  for (const DueAction& a : week) ++kinds[std::string(to_string(a.kind))];
  std::printf("\n== the week's due actions: %zu\n", week.size());
  for (const auto& [kind, n] : kinds) std::printf("  %-22s %d\n", kind.c_str(), n);
  show("\n== the SLA of the CRM export ticket now", to_json_text(desk->show(manager, ids.at("crm")).sla));
  return 0;
}
