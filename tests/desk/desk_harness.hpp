#pragma once
// A desk on the standard preset over a fresh store, with a clock the test moves.

#include <memory>
#include <sstream>
#include <string>

#include "commands/desk_fixture.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/export.hpp"
#include "ticketcore/store/memory_store.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace desk_test {

using namespace ticketcore;
using fixture::at;

inline const Actor kReceiver{ActorKind::agent, "p-01"};
inline const Actor kEngineer{ActorKind::agent, "t-01"};
inline const Actor kSystem{ActorKind::system, ""};
inline const Actor kSupervisor{ActorKind::supervisor, "s-01"};  // supervises technical_support and product_specialists
inline const Actor kAdmin{ActorKind::admin, "m-01"};

struct Harness {
  std::shared_ptr<Store> store;
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(at("2026-03-04T01:30:00Z"));  // Wed 09:30 Shanghai
  std::unique_ptr<Desk> desk;

  explicit Harness(std::shared_ptr<Store> s = MemoryStore::create()) : store(std::move(s)) {
    desk = Desk::open(store, fixture::standard_desk(), clock);
  }

  // Everything the store holds, as export lines: what "unchanged" is compared by.
  std::string dump() const {
    std::ostringstream out;
    export_lines(*store->read(), out);
    return out.str();
  }

  Customer enterprise(const char* name = "Hangzhou Lianhe Manufacturing") {
    Customer c;
    c.kind = CustomerKind::enterprise;
    c.name = name;
    c.phones = {"13812345678"};
    return desk->register_customer(kReceiver, c);
  }

  static Ticket erp_fault(const Customer& c, const char* subject = "ERP order module down") {
    Ticket t;
    t.customer_id = c.id;
    t.channel = Channel::phone;
    t.request_type = RequestType::technical_support;
    t.subtype = "software_fault";
    t.subject = subject;
    t.urgency = Urgency::high;
    t.impact.users_affected = 40;
    t.attributes["product"] = std::string("erp");
    return t;
  }

  static Ticket question(const Customer& c, Channel channel, const char* subject) {
    Ticket t;
    t.customer_id = c.id;
    t.channel = channel;
    t.request_type = RequestType::consultation;
    t.subject = subject;
    t.urgency = Urgency::low;
    return t;
  }
};

}  // namespace desk_test
