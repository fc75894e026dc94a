// Contract: export_lines writes everything deterministically; import_lines reads it back
// into an empty store so that a second export is byte-equal.
#include <catch2/catch.hpp>

#include <sstream>

#include "store/backends.hpp"
#include "store/fixtures.hpp"
#include "ticketcore/store/export.hpp"

using namespace store_testing;

namespace {

// A store with one or more of everything, written over several transactions.
template <class Backend>
std::unique_ptr<Store> populated() {
  auto store = Backend::make();
  write(*store, [](StoreTransaction& tx) {
    tx.publish_config({"v1", R"({"version":"v1"})", minute(0)});
    tx.publish_config({"v0-later", R"({"version":"v0-later","名":"值"})", minute(1)});  // publish order, not name order
    tx.put_team(samples::team());
    tx.put_team({"billing", "Billing", "", "", "", "", ""});
    tx.put_agent(samples::agent());
    Agent b;
    b.id = "b-01";
    b.name = "Zhao Lei";
    tx.put_agent(b);
    tx.insert_customer(samples::customer());
    tx.insert_customer(customer("C001"));
    tx.insert_ticket(samples::ticket(), {at("2024-05-04T00:00:00Z"), at("2024-05-03T20:00:00Z")});
    auto open = ticket("202605-002", "C001", minute(3));
    open.status = Status::assigned;
    open.assignee = "b-01";
    tx.insert_ticket(open, {});
    auto other = ticket("202605-001", "C001", minute(2));
    other.subject = "发票抬头错误";
    tx.insert_ticket(other, {std::nullopt, minute(50)});
  });
  write(*store, [](StoreTransaction& tx) {
    const std::vector<Event> history{samples::event(), event("202605-001", 1, events::Created{"P3", "phone", "desk-1"}),
                                     event("202605-001", 2, events::PublicComment{"已开具新发票"})};
    auto first = history[0];
    first.sequence = 1;
    const std::vector<Event> both{first, history[0], history[1], history[2]};
    tx.append_events(both);
    tx.hand_out({"202605-001/resolution/warning/80", "202605-001", minute(40)});
    tx.hand_out({"202605-001/first_response/breach", "202605-001", minute(41)});
    tx.next_number("ticket:202605");
    tx.next_number("ticket:202605");
    tx.next_number("customer:20260501");
    Workload w;
    w.last_assigned = {{"technical_support", "a-07"}, {"billing", "b-01"}};
    tx.save_cursors(w);
    tx.record_purge({minute(9), minute(8), 4, 20});
    // Report rows for two of the three tickets: a ticket without one exports none.
    TicketFacts answered;
    answered.id = "202605-001";
    answered.created_at = minute(2);
    answered.first_response_at = minute(5);
    answered.first_response_seconds = 180;
    answered.status = Status::in_progress;
    answered.open = true;
    answered.team = "billing";
    answered.subtype = "发票";
    answered.sla[1] = {SlaOutcome::met, std::nullopt};
    answered.sla[3] = {SlaOutcome::pending, minute(600)};
    answered.next_due_at = minute(600);
    tx.put_facts(answered);
    TicketFacts assigned;
    assigned.id = "202605-002";
    assigned.created_at = minute(3);
    assigned.status = Status::assigned;
    assigned.open = true;
    assigned.assignee = "b-01";
    tx.put_facts(assigned);
  });
  return store;
}

std::string exported(Store& store) {
  std::ostringstream out;
  auto tx = store.read();
  export_lines(*tx, out);
  return out.str();
}

template <class Backend>
std::unique_ptr<Store> imported(const std::string& text) {
  auto store = Backend::make();
  std::istringstream in(text);
  write(*store, [&](StoreTransaction& tx) { import_lines(tx, in); });
  return store;
}

std::vector<std::string> types(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line).at("type"));
  return out;
}

// The export with line `n` (from 1) replaced.
std::string with_line(const std::string& text, std::size_t n, const std::string& replacement) {
  std::istringstream in(text);
  std::string out;
  std::size_t i = 0;
  for (std::string line; std::getline(in, line);) out += (++i == n ? replacement : line) + "\n";
  return out;
}

std::string line_of(const std::string& text, std::size_t n) {
  std::istringstream in(text);
  std::string line;
  for (std::size_t i = 0; i < n; ++i) std::getline(in, line);
  return line;
}

}  // namespace

TEMPLATE_TEST_CASE("export: lines in the documented order with one typed object each", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = populated<TestType>();
  const auto text = exported(*store);
  CHECK(types(text) == std::vector<std::string>{
                           "config", "config", "team", "team", "agent", "agent", "customer", "customer",
                           "ticket", "event", "event",                // 202405-001
                           "ticket", "event", "event", "key", "key", "facts",  // 202605-001
                           "ticket", "facts",                                  // 202605-002
                           "counter", "counter", "cursor", "cursor", "purge"});
  CHECK(line_of(text, 1) == R"({"type":"config","published_at":"2026-05-01T00:00:00Z","text":"{\"version\":\"v1\"}","version":"v1"})");
  CHECK(line_of(text, 3).starts_with(R"({"type":"team","team":{"calendar":"","description":"","id":"billing")"));
  CHECK(line_of(text, 15) == R"({"type":"key","at":"2026-05-01T00:41:00Z","key":"202605-001/first_response/breach","ticket_id":"202605-001"})");
  CHECK(line_of(text, 17).starts_with(R"({"type":"facts","facts":{"assignee":"","attitude":0,"channel":"other",)"));
  CHECK(line_of(text, 19).find(R"("id":"202605-002")") != std::string::npos);
  CHECK(line_of(text, 20) == R"({"type":"counter","name":"customer:20260501","value":1})");
  CHECK(line_of(text, 22) == R"({"type":"cursor","agent":"b-01","team":"billing"})");
  CHECK(line_of(text, 24) ==
        R"({"type":"purge","at":"2026-05-01T00:09:00Z","closed_before":"2026-05-01T00:08:00Z","events":20,"tickets":4})");
  CHECK(line_of(text, 12).find(R"("schedule":{"due_at":null,"next_action_at":"2026-05-01T00:50:00Z"})") !=
        std::string::npos);
}

TEMPLATE_TEST_CASE("export: export then import into an empty store then export again gives the same bytes", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = populated<TestType>();
  const auto first = exported(*store);
  auto copy = imported<TestType>(first);
  CHECK(exported(*copy) == first);
  // What is derived or indexed came back too, not just the lines.
  auto tx = copy->read();
  CHECK(tx->workload().open_tickets == std::map<std::string, std::int64_t, std::less<>>{{"a-07", 1}, {"b-01", 1}});
  CHECK(ids(tx->due_tickets(minute(60), 10)) == std::vector<std::string>{"202405-001", "202605-001"});
  CHECK(tx->current_config()->version == "v0-later");
  CHECK(tx->ticket("202405-001") == samples::ticket());
  CHECK(tx->customer("C20240501001") == samples::customer());
  auto w = copy->write();
  CHECK(w->next_number("ticket:202605") == 3);
  CHECK_FALSE(w->hand_out({"202605-001/resolution/warning/80", "202605-001", minute(99)}));
  std::vector<TicketFacts> facts;
  w->scan_facts({minute(0), minute(10), {}}, [&](const TicketFacts& f) { facts.push_back(f); });
  CHECK(facts.size() == 2);
}

TEMPLATE_TEST_CASE("export: a desk moves from SQLite to this backend and back with the same bytes", "[store]",
                   TC_STORE_BACKENDS) {
  auto source = populated<SqliteBackend>();
  const auto first = exported(*source);
  auto moved = imported<TestType>(first);
  CHECK(exported(*moved) == first);
  auto back = imported<SqliteBackend>(exported(*moved));
  CHECK(exported(*back) == first);
}

TEMPLATE_TEST_CASE("export: more tickets than one page export whole", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    for (int i = 0; i < 2100; ++i) tx.insert_ticket(ticket("T" + std::to_string(100000 + i), "C001"), {});
  });
  const auto text = exported(*store);
  const auto t = types(text);
  CHECK(std::count(t.begin(), t.end(), "ticket") == 2100);
  CHECK(exported(*imported<TestType>(text)) == text);
}

TEMPLATE_TEST_CASE("export: import refuses a store that is not empty", "[store]", TC_STORE_BACKENDS) {
  auto store = populated<TestType>();
  const auto text = exported(*store);
  auto target = TestType::make();
  write(*target, [](StoreTransaction& tx) { tx.next_number("anything"); });
  std::istringstream in(text);
  auto tx = target->write();
  CHECK(code_of([&] { import_lines(*tx, in); }) == ErrorCode::conflict);
}

TEMPLATE_TEST_CASE("export: a bad line is refused with its line number and field", "[store]", TC_STORE_BACKENDS) {
  auto store = populated<TestType>();
  const auto text = exported(*store);
  auto refuse = [&](std::size_t n, const std::string& line) {
    auto target = TestType::make();
    std::istringstream in(with_line(text, n, line));
    auto tx = target->write();
    return error_of([&] { import_lines(*tx, in); });
  };
  auto ticket_line = line_of(text, 18);
  REQUIRE(ticket_line.find(R"("priority":"P3")") != std::string::npos);
  ticket_line.replace(ticket_line.find(R"("priority":"P3")"), 15, R"("priority":7)");
  auto e = refuse(18, ticket_line);
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/lines/18/ticket/priority");

  e = refuse(3, R"({"type":"gadget"})");
  CHECK(e.path() == "/lines/3/type");
  e = refuse(4, "{not json");
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path().starts_with("/lines/4"));
  e = refuse(22, R"({"type":"cursor","team":"billing"})");
  CHECK(e.path() == "/lines/22/agent");
  e = refuse(20, R"({"type":"counter","name":"x","value":1,"extra":true})");
  CHECK(e.path() == "/lines/20/extra");
  // A ticket line repeated: its id is a conflict on the second one.
  e = refuse(18, line_of(text, 12));
  CHECK(e.code() == ErrorCode::conflict);
  CHECK(e.path() == "/lines/18/ticket/id");
  // A facts line: a field out of range, and one for a ticket not imported (yet).
  auto facts_line = line_of(text, 17);
  REQUIRE(facts_line.find(R"("reopens":0)") != std::string::npos);
  facts_line.replace(facts_line.find(R"("reopens":0)"), 11, R"("reopens":-1)");
  e = refuse(17, facts_line);
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/lines/17/facts/reopens");
  e = refuse(11, line_of(text, 19));
  CHECK(e.code() == ErrorCode::not_found);
  CHECK(e.path() == "/lines/11/facts/ticket_id");
  // An event out of sequence.
  e = refuse(11, line_of(text, 10));
  CHECK(e.code() == ErrorCode::conflict);
  CHECK(e.path() == "/lines/11/event/sequence");
}
