// Access control through the Desk (docs/access.md): every role against every call, and
// scoped lists whose counts are exact.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "desk_harness.hpp"
#include "store_kinds.hpp"

using namespace desk_test;

namespace {

const Actor kOtherAgent{ActorKind::agent, "t-02"};  // technical_support too
const Actor kOtherSupervisor{ActorKind::supervisor, "s-02"};  // customer_relations, senior_specialists

// The error code of a call, or ok.
ErrorCode outcome(const std::function<void()>& call) {
  try {
    call();
    return ErrorCode::ok;
  } catch (const Error& e) {
    return e.code();
  }
}

// A desk with two customers and tickets placed by hand: each agent's and team's share known.
struct Scene {
  Harness h;
  Customer lianhe, port;
  std::string lianhe_t01, lianhe_t02, port_c01, port_t01;  // ticket ids: customer and assignee

  explicit Scene(std::shared_ptr<Store> store = MemoryStore::create()) : h(std::move(store)) {
    lianhe = h.enterprise();
    Customer p;
    p.kind = CustomerKind::partner;
    p.name = "Ningbo Port Logistics";
    p.phones = {"13912345678"};
    port = h.desk->register_customer(kAdmin, p);
    lianhe_t01 = place(Harness::erp_fault(lianhe), "t-01");
    lianhe_t02 = place(Harness::erp_fault(lianhe, "ERP reports slow"), "t-02");
    port_c01 = place(Harness::question(port, Channel::wechat, "Late delivery again"), "c-01");
    port_t01 = place(Harness::erp_fault(port, "ERP login fails"), "t-01");
    h.desk->internal_comment(kAdmin, {lianhe_t01, 0}, "customer is touchy; be careful");
    h.desk->comment(kAdmin, {lianhe_t01, 0}, "We are looking into it.");
  }

  // Takes in a request and hands it to one agent, whatever the rules chose.
  std::string place(const Ticket& request, const char* agent) {
    const TakeInResult r = h.desk->take_in(kAdmin, request);
    if (r.ticket.assignee != agent) h.desk->assign(kAdmin, {r.ticket.id, 0}, agent);
    return r.ticket.id;
  }

  // A second record of Lianhe (same phone), with a ticket of t-01's: in every role's scope.
  Customer lianhe_duplicate() {
    Customer dup;
    dup.kind = CustomerKind::enterprise;
    dup.name = "Lianhe Mfg";
    dup.phones = {"13812345678"};
    dup = h.desk->register_customer(kAdmin, dup);
    place(Harness::erp_fault(dup, "ERP printing"), "t-01");
    return dup;
  }

  std::set<std::string> ticket_ids(const Actor& actor, TicketQuery q = {}) const {
    std::set<std::string> ids;
    q.limit = 2;  // several pages: the cursor must not leak either
    for (;;) {
      const TicketPage page = h.desk->find_tickets(actor, q);
      for (const Ticket& t : page.tickets) ids.insert(t.id);
      if (page.next_cursor.empty()) return ids;
      q.after = page.next_cursor;
    }
  }

  std::set<std::string> customer_ids(const Actor& actor, CustomerQuery q = {}) const {
    std::set<std::string> ids;
    q.limit = 1;
    for (;;) {
      const CustomerPage page = h.desk->find_customers(actor, q);
      for (const Customer& c : page.customers) ids.insert(c.id);
      if (page.next_cursor.empty()) return ids;
      q.after = page.next_cursor;
    }
  }
};

}  // namespace

TEMPLATE_TEST_CASE("access: lists, searches, queues and customers hold exactly what the role sees", "[access]",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  Scene s(kind.make());
  const Actor lianhe = Actor::customer(s.lianhe.id);
  using Ids = std::set<std::string>;

  // Tickets.
  CHECK(s.ticket_ids(kEngineer) == Ids{s.lianhe_t01, s.port_t01});
  CHECK(s.ticket_ids(kOtherAgent) == Ids{s.lianhe_t02});
  CHECK(s.ticket_ids(kSupervisor) == Ids{s.lianhe_t01, s.lianhe_t02, s.port_t01});  // technical_support
  CHECK(s.ticket_ids(kOtherSupervisor) == Ids{s.port_c01});                         // customer_relations
  CHECK(s.ticket_ids(kAdmin) == Ids{s.lianhe_t01, s.lianhe_t02, s.port_c01, s.port_t01});
  CHECK(s.ticket_ids(lianhe) == Ids{s.lianhe_t01, s.lianhe_t02});
  // A filter asking for what lies outside the scope finds nothing, rather than the outside.
  TicketQuery theirs;
  theirs.assignee = "t-02";
  CHECK(s.ticket_ids(kEngineer, theirs).empty());
  TicketQuery other_customer;
  other_customer.customer_id = s.port.id;
  CHECK(s.ticket_ids(lianhe, other_customer).empty());
  CHECK(s.ticket_ids(kSupervisor, other_customer) == Ids{s.port_t01});
  // Full-text search inside the scope.
  TicketQuery erp;
  erp.text = "ERP";
  CHECK(s.ticket_ids(kEngineer, erp) == Ids{s.lianhe_t01, s.port_t01});
  CHECK(s.ticket_ids(kOtherSupervisor, erp).empty());
  // Queues.
  CHECK(s.h.desk->agent_queue(kEngineer, "t-01").tickets.size() == 2);
  CHECK(s.h.desk->agent_queue(kEngineer, "t-02").tickets.empty());
  CHECK(s.h.desk->agent_queue(kSupervisor, "t-02").tickets.size() == 1);
  CHECK(s.h.desk->agent_queue(kOtherSupervisor, "t-02").tickets.empty());

  // Customers: those of the tickets in scope.
  CHECK(s.customer_ids(kEngineer) == Ids{s.lianhe.id, s.port.id});
  CHECK(s.customer_ids(kOtherAgent) == Ids{s.lianhe.id});
  CHECK(s.customer_ids(kOtherSupervisor) == Ids{s.port.id});
  CHECK(s.customer_ids(kAdmin) == Ids{s.lianhe.id, s.port.id});
  CHECK(s.customer_ids(lianhe) == Ids{s.lianhe.id});
  CustomerQuery by_phone;
  by_phone.phone = "13912345678";
  CHECK(s.customer_ids(kOtherAgent, by_phone).empty());  // the port's number: not theirs to find
  CHECK(s.customer_ids(kEngineer, by_phone) == Ids{s.port.id});
  CHECK(outcome([&] { s.h.desk->customer(kOtherAgent, s.port.id); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->customer(kEngineer, s.port.id); }) == ErrorCode::ok);
  CHECK(outcome([&] { s.h.desk->customer(lianhe, s.port.id); }) == ErrorCode::denied);
}

TEST_CASE("access: a customer sees their own tickets' public history only") {
  Scene s;
  const TicketView view = s.h.desk->show(Actor::customer(s.lianhe.id), s.lianhe_t01);
  std::set<EventKind> kinds;
  for (const Event& e : view.events) kinds.insert(e.kind);
  CHECK(kinds.count(EventKind::public_comment) == 1);
  CHECK(kinds.count(EventKind::internal_comment) == 0);
  CHECK(kinds.count(EventKind::assigned) == 0);
  CHECK(view.routing.rules.empty());
  // The desk sees all of it.
  CHECK(s.h.desk->show(kEngineer, s.lianhe_t01).events.size() > view.events.size());
  CHECK(outcome([&] { s.h.desk->show(Actor::customer(s.lianhe.id), s.port_c01); }) == ErrorCode::denied);
}

// The store's export without the audit log.
std::string without_audit(const std::string& dump) {
  std::string out;
  std::istringstream lines(dump);
  for (std::string line; std::getline(lines, line);)
    if (line.find("\"type\":\"audit\"") == std::string::npos) out += line + "\n";
  return out;
}

TEST_CASE("access: a denied change writes nothing but its record in the audit log") {
  Scene s;
  const std::string before = without_audit(s.h.dump());
  CHECK(outcome([&] { s.h.desk->comment(kOtherAgent, {s.lianhe_t01, 0}, "not mine"); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->assign(kOtherSupervisor, {s.lianhe_t01, 0}, "c-01"); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->merge(kEngineer, {s.port_t01, 0}, {s.port_c01, 0}); }) == ErrorCode::denied);
  Customer changed = s.port;
  changed.name = "Someone else";
  CHECK(outcome([&] { s.h.desk->update_customer(kOtherAgent, changed); }) == ErrorCode::denied);
  CHECK(without_audit(s.h.dump()) == before);

  AuditQuery denied;
  denied.action = AuditAction::denied;
  const AuditPage log = s.h.desk->audit(kAdmin, denied);
  REQUIRE(log.entries.size() == 4);
  CHECK(log.entries[0].actor == kOtherAgent);
  CHECK(log.entries[0].detail.find("\"call\":\"handle\"") != std::string::npos);
  CHECK(log.entries[0].detail.find(s.lianhe_t01) != std::string::npos);
  CHECK(log.entries[1].actor == kOtherSupervisor);
  CHECK(log.entries[3].detail.find("update_customer") != std::string::npos);
}

TEST_CASE("access: a person of the desk must be an active agent in the role they act in") {
  Scene s;
  CHECK(outcome([&] { s.h.desk->show(Actor{ActorKind::agent, "x-99"}, s.lianhe_t01); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->show(Actor{ActorKind::admin, "t-01"}, s.lianhe_t02); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->show(Actor{ActorKind::supervisor, "t-01"}, s.lianhe_t02); }) == ErrorCode::denied);
  CHECK(outcome([&] { s.h.desk->show(Actor{ActorKind::customer, ""}, s.lianhe_t02); }) == ErrorCode::denied);
  try {
    s.h.desk->show(Actor{ActorKind::admin, "t-01"}, s.lianhe_t02);
  } catch (const Error& e) {
    CHECK(e.path() == "/actor/kind");
  }
}

// Each call on a ticket every role sees (assigned to t-01 in technical_support, of the
// customer Lianhe): whether the role is denied. The expectations are written out by
// hand from docs/access.md, not derived from AccessPolicy::standard().
TEST_CASE("access: every role against every Desk call") {
  const Actor customer_actor = Actor::customer("");  // replaced by the scene's customer below
  const std::vector<std::pair<const char*, Actor>> roles{
      {"agent", kEngineer}, {"supervisor", kSupervisor}, {"admin", kAdmin}, {"customer", customer_actor}, {"system", kSystem}};
  using Call = std::function<void(Scene&, const Actor&)>;
  struct Row {
    const char* name;
    Call call;
    std::set<std::string> allowed;  // roles not denied
  };
  auto ref = [](Scene& s) { return TicketRef{s.lianhe_t01, 0}; };
  const std::vector<Row> rows{
      {"dry_run", [](Scene& s, const Actor& a) { s.h.desk->dry_run(a, s.h.desk->config()); }, {"admin"}},
      {"publish", [](Scene& s, const Actor& a) { s.h.desk->publish(a, s.h.desk->config()); }, {"admin"}},
      {"register_customer",
       [](Scene& s, const Actor& a) {
         Customer c;
         c.name = "New Person";
         s.h.desk->register_customer(a, c);
       },
       {"agent", "supervisor", "admin"}},
      {"update_customer", [](Scene& s, const Actor& a) { s.h.desk->update_customer(a, s.lianhe); },
       {"agent", "supervisor", "admin"}},
      {"customer", [](Scene& s, const Actor& a) { s.h.desk->customer(a, s.lianhe.id); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"record_purchase",
       [](Scene& s, const Actor& a) {
         Purchase p;
         p.product = "Router X";
         s.h.desk->record_purchase(a, s.lianhe.id, p);
       },
       {"agent", "supervisor", "admin"}},
      {"merge_customers",
       [](Scene& s, const Actor& a) {
         s.h.desk->merge_customers(a, s.lianhe_duplicate().id, s.lianhe.id);
       },
       {"supervisor", "admin"}},
      {"reverse_customer_merge",
       [](Scene& s, const Actor& a) {
         const std::string dup = s.lianhe_duplicate().id;
         s.h.desk->merge_customers(kAdmin, dup, s.lianhe.id);
         s.h.desk->reverse_customer_merge(a, dup, "two companies");
       },
       {"admin"}},
      {"customer_history",
       [](Scene& s, const Actor& a) {
         HistoryQuery q;
         q.customer_id = s.lianhe.id;
         s.h.desk->customer_history(a, q);
       },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"customer_profile", [](Scene& s, const Actor& a) { s.h.desk->customer_profile(a, s.lianhe.id); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"find_customers", [](Scene& s, const Actor& a) { s.h.desk->find_customers(a, {}); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"take_in", [](Scene& s, const Actor& a) { s.h.desk->take_in(a, Harness::erp_fault(s.lianhe)); },
       {"agent", "supervisor", "admin", "customer"}},
      {"assign", [&](Scene& s, const Actor& a) { s.h.desk->assign(a, ref(s), "t-02"); },
       {"agent", "supervisor", "admin"}},
      {"change_status", [&](Scene& s, const Actor& a) { s.h.desk->change_status(a, ref(s), Status::in_progress); },
       {"agent", "supervisor", "admin"}},
      {"comment", [&](Scene& s, const Actor& a) { s.h.desk->comment(a, ref(s), "hello"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"internal_comment", [&](Scene& s, const Actor& a) { s.h.desk->internal_comment(a, ref(s), "note"); },
       {"agent", "supervisor", "admin"}},
      {"progress_update", [&](Scene& s, const Actor& a) { s.h.desk->progress_update(a, ref(s), "working"); },
       {"agent", "supervisor", "admin"}},
      {"escalate",
       [&](Scene& s, const Actor& a) { s.h.desk->escalate(a, ref(s), EscalationLevel::team_lead, "stuck"); },
       {"agent", "supervisor", "admin", "system"}},
      {"change_priority", [&](Scene& s, const Actor& a) { s.h.desk->change_priority(a, ref(s), "P1", "VIP"); },
       {"agent", "supervisor", "admin"}},
      {"propose_solutions",
       [&](Scene& s, const Actor& a) {
         s.h.desk->propose_solutions(a, ref(s), {SolutionOption{"a", "Restart", "", 1, std::nullopt, {}}});
       },
       {"agent", "supervisor", "admin"}},
      {"choose_solution", [&](Scene& s, const Actor& a) { s.h.desk->choose_solution(a, ref(s), "a"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"request_remedy_approval",
       [&](Scene& s, const Actor& a) {
         s.h.desk->request_remedy_approval(a, ref(s), "voucher", EscalationLevel::supervisor);
       },
       {"agent", "supervisor", "admin"}},
      {"approve_remedy", [&](Scene& s, const Actor& a) { s.h.desk->approve_remedy(a, ref(s)); },
       {"supervisor", "admin"}},
      {"refuse_remedy", [&](Scene& s, const Actor& a) { s.h.desk->refuse_remedy(a, ref(s), "no"); },
       {"supervisor", "admin"}},
      {"record_responsibility",
       [&](Scene& s, const Actor& a) { s.h.desk->record_responsibility(a, ref(s), Responsibility{}); },
       {"agent", "supervisor", "admin"}},
      {"sign_off", [&](Scene& s, const Actor& a) { s.h.desk->sign_off(a, ref(s), "diagnosis"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"resolve", [&](Scene& s, const Actor& a) { s.h.desk->resolve(a, ref(s), "fixed"); },
       {"agent", "supervisor", "admin"}},
      {"rate", [&](Scene& s, const Actor& a) { s.h.desk->rate(a, ref(s), Satisfaction{5, 5, 5, ""}); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"close", [&](Scene& s, const Actor& a) { s.h.desk->close(a, ref(s)); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"reopen", [&](Scene& s, const Actor& a) { s.h.desk->reopen(a, ref(s), "again"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"cancel", [&](Scene& s, const Actor& a) { s.h.desk->cancel(a, ref(s), "gone"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"merge",
       [&](Scene& s, const Actor& a) {
         s.h.desk->assign(kAdmin, {s.lianhe_t02, 0}, "t-01");  // both tickets in every role's scope
         s.h.desk->merge(a, {s.lianhe_t02, 0}, {s.lianhe_t01, 0});
       },
       {"agent", "supervisor", "admin"}},
      {"show", [&](Scene& s, const Actor& a) { s.h.desk->show(a, s.lianhe_t01); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"find_tickets", [](Scene& s, const Actor& a) { s.h.desk->find_tickets(a, {}); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"agent_queue", [](Scene& s, const Actor& a) { s.h.desk->agent_queue(a, "t-01"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"team_queue", [](Scene& s, const Actor& a) { s.h.desk->team_queue(a, "technical_support"); },
       {"agent", "supervisor", "admin", "customer", "system"}},
      {"due", [](Scene& s, const Actor& a) { s.h.desk->due(a); }, {"admin", "system"}},
      {"purge", [](Scene& s, const Actor& a) { s.h.desk->purge(a); }, {"admin", "system"}},
  };
  for (const Row& row : rows) {
    for (const auto& [role, actor] : roles) {
      Scene s;
      const Actor who = std::string(role) == "customer" ? Actor::customer(s.lianhe.id) : actor;
      const ErrorCode code = outcome([&] { row.call(s, who); });
      INFO(row.name << " by " << role << ": " << to_string(code));
      CHECK((code == ErrorCode::denied) == (row.allowed.count(role) == 0));
    }
  }
}
