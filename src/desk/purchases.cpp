// Recording a customer's purchase, and the tier rules it re-runs.
#include <nlohmann/json.hpp>

#include "access_checks.hpp"
#include "customer_records.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/error.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

namespace {

// DOMAIN.md's shape of ids, as customers': "P" + yyyymmdd + serial.
const NumberFormat& purchase_numbers() {
  static const NumberFormat format("P{yyyy}{mm}{dd}{serial:3}");
  return format;
}

// Checks the customer with its new purchase; an error names the purchase's own field
// ("/purchase/product"), not its place in the record.
void check_with_purchase(const Customer& customer) {
  try {
    detail::check_valid(customer);
  } catch (const Error& e) {
    const std::string prefix = "/purchases/" + std::to_string(customer.purchases.size() - 1);
    if (!e.path().starts_with(prefix)) throw;
    throw Error(e.code(), "/purchase" + e.path().substr(prefix.size()), e.message());
  }
}

}  // namespace

Customer Desk::record_purchase(const Actor& actor, std::string_view customer_id, Purchase request) {
  return guard(actor, "record_purchase", [&] {
    Purchase purchase = request;  // each attempt starts from the request
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::record_purchase);
    if (!purchase.id.empty()) throw_invalid("/purchase/id", "the desk numbers purchases; leave the id empty");
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Customer stored = detail::load_live_customer(*tx, customer_id, "/customer_id");
    access.require_customer(*tx, stored.id);

    const Date today = cfg.calendars().get("").local_date(now);
    purchase.id = purchase_numbers().format(today, tx->next_number("purchase:" + purchase_numbers().period(today)));
    purchase.recorded_at = now;
    Customer next = stored;
    next.purchases.push_back(purchase);
    next.updated_at = now;
    next.version = stored.version + 1;
    check_with_purchase(next);

    std::vector<CustomerEvent> events;
    events.push_back({0, next.id, CustomerEventKind::purchase_recorded, actor.event_actor(), now,
                      Attributes{{"purchase", purchase.id}, {"product", purchase.product}}});
    if (const TierDecision tier = decide_tier(cfg.tier_rules(), next, now); tier.changed) {
      events.push_back({0, next.id, CustomerEventKind::tier_changed, actor.event_actor(), now,
                        Attributes{{"from", std::string(to_string(next.tier))},
                                   {"to", std::string(to_string(tier.tier))},
                                   {"reason", tier.reason}}});
      next.tier = tier.tier;
    }
    tx->update_customer(next);
    detail::append_record_events(*tx, std::move(events));
    tx->append_audit({0, now, actor, AuditAction::update_customer, next.id, "",
                      nlohmann::json{{"before", detail::audit_form(stored, cfg)},
                                     {"after", detail::audit_form(next, cfg)}}
                          .dump()});
    tx->commit();
    return detail::shown_to(actor, next, cfg);
  });
}

}  // namespace ticketcore
