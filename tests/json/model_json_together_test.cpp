// ticketcore/model/json.hpp before ticketcore/json.hpp (due_json_test.cpp has the other
// order): the model types' template and the result forms share from_json_text<T> and
// to_json_text without ambiguity.
#include <catch2/catch.hpp>

#include "ticketcore/model/json.hpp"
//
#include "ticketcore/json.hpp"

using namespace ticketcore;

TEST_CASE("model and result forms: one naming pattern in one translation unit") {
  const Ticket t = from_json_text<Ticket>(R"({"customer_id": "C1", "subject": "printer jams"})");
  CHECK(t.subject == "printer jams");
  CHECK(from_json_text<Ticket>(to_json_text(t)).subject == "printer jams");

  Workload w;
  w.open_tickets["ts-1"] = 2;
  CHECK(to_json_text(w) == R"({"open_tickets":{"ts-1":2},"last_assigned":{}})");
  CHECK(from_json_text<Workload>(to_json_text(w)) == w);

  DueAction a;
  a.ticket_id = "202605-001";
  a.kind = DueActionKind::auto_close;
  a.due_at = *parse_instant("2026-05-08T10:00:00Z");
  a.key = "202605-001/auto_close/resolution0";
  CHECK(
      to_json_text(a) ==
      R"({"ticket_id":"202605-001","kind":"auto_close","due_at":"2026-05-08T10:00:00Z","key":"202605-001/auto_close/resolution0"})");
  CHECK(from_json_text<DueAction>(to_json_text(a)).key == a.key);
}
