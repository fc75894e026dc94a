// Merging duplicate customer records, and undoing a merge within the retention period
// (docs/customers.md, "Merging duplicates").
#include <algorithm>

#include <nlohmann/json.hpp>

#include "access_checks.hpp"
#include "customer_records.hpp"
#include "ticketcore/commands/ticket_commands.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/customers/tags.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/error.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

namespace {

constexpr std::string_view kMerge = "customer_merge";
constexpr std::string_view kReversal = "merge_reversed";

// Lists in an event payload, one item per line: ids, phones, emails and tags hold no line break.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::vector<std::string> listed(const Attributes& payload, std::string_view key) {
  std::vector<std::string> out;
  const auto it = payload.find(key);
  if (it == payload.end()) return out;
  const auto* text = std::get_if<std::string>(&it->second);
  if (!text) return out;
  std::size_t start = 0;
  while (start < text->size()) {
    const std::size_t end = std::min(text->find('\n', start), text->size());
    if (end > start) out.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Whether two records share a phone or an email: what makes them duplicates.
bool share_contact(const Customer& a, const Customer& b) {
  for (const auto& phone : a.phones)
    if (contains(b.phones, phone)) return true;
  for (const auto& email : a.emails)
    for (const auto& other : b.emails)
      if (email_key(email) == email_key(other)) return true;
  return false;
}

// Files a stored ticket under another customer: a new version with its event, schedule and facts.
void move_ticket(StoreTransaction& tx, const CommandContext& c, const Ticket& ticket, std::string_view to,
                 std::string_view reason) {
  const std::vector<Event> history = tx.events(ticket.id);
  const Change change = move_to_customer(c, TicketState{ticket, history}, to, reason);
  detail::store_change(tx, c.config, change, history, c.now);
}

// The last event of `kind` on a record whose payload names `other` under `key`.
std::optional<CustomerEvent> last_event(const std::vector<CustomerEvent>& events, CustomerEventKind kind,
                                        std::string_view key, std::string_view other) {
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind != kind) continue;
    const auto named = it->payload.find(key);
    if (named != it->payload.end() && std::get_if<std::string>(&named->second) &&
        std::get<std::string>(named->second) == other)
      return *it;
  }
  return std::nullopt;
}

}  // namespace

Customer Desk::merge_customers(const Actor& actor, std::string_view duplicate_id, std::string_view kept_id) {
  return guard(actor, "merge_customers", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::merge_customers);
    if (duplicate_id == kept_id) throw_invalid("/kept", "a record cannot be merged into itself");
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Customer duplicate = detail::load_live_customer(*tx, duplicate_id, "/duplicate");
    const Customer kept_before = detail::load_live_customer(*tx, kept_id, "/kept");
    access.require_customer(*tx, duplicate.id);
    access.require_customer(*tx, kept_before.id);
    if (!share_contact(duplicate, kept_before))
      throw_invalid("/kept", "customer \"" + kept_before.id + "\" shares no phone or email with \"" + duplicate.id +
                                 "\": only duplicates are merged");

    // The kept record gains what it lacks: phones, emails, tags (not a second tag of a
    // single-valued type: the kept record's stays) and every purchase.
    Customer kept = kept_before;
    std::vector<std::string> phones, emails, tags, purchases, tickets;
    for (const auto& phone : duplicate.phones)
      if (!contains(kept.phones, phone)) {
        kept.phones.push_back(phone);
        phones.push_back(phone);
      }
    for (const auto& email : duplicate.emails)
      if (std::none_of(kept.emails.begin(), kept.emails.end(),
                       [&](const std::string& e) { return email_key(e) == email_key(email); })) {
        kept.emails.push_back(email);
        emails.push_back(email);
      }
    for (const auto& tag : duplicate.tags) {
      if (contains(kept.tags, tag)) continue;
      std::vector<std::string> with = kept.tags;
      with.push_back(tag);
      try {
        check_tags(cfg.tag_types(), with, "/tags");
      } catch (const Error&) {
        continue;  // a second value of a single type, or a tag the types no longer allow
      }
      kept.tags = std::move(with);
      tags.push_back(tag);
    }
    for (const Purchase& p : duplicate.purchases) {
      kept.purchases.push_back(p);
      purchases.push_back(p.id);
    }
    kept.updated_at = now;
    kept.version = kept_before.version + 1;
    Customer gone = duplicate;
    gone.merged_into = kept.id;
    gone.purchases.clear();
    gone.updated_at = now;
    gone.version = duplicate.version + 1;

    const CommandContext context{cfg, actor, now};
    for (const Ticket& t : detail::customer_tickets(*tx, duplicate.id)) {
      move_ticket(*tx, context, t, kept.id, kMerge);
      tickets.push_back(t.id);
    }

    std::vector<CustomerEvent> events;
    const std::string by = actor.event_actor();
    events.push_back({0, gone.id, CustomerEventKind::merged_into, by, now,
                      Attributes{{"into", kept.id}, {"tickets", joined(tickets)}, {"purchases", joined(purchases)}}});
    events.push_back({0, kept.id, CustomerEventKind::merged_from, by, now,
                      Attributes{{"from", gone.id},
                                 {"tickets", joined(tickets)},
                                 {"purchases", joined(purchases)},
                                 {"phones", joined(phones)},
                                 {"emails", joined(emails)},
                                 {"tags", joined(tags)}}});
    if (const TierDecision tier = decide_tier(cfg.tier_rules(), kept, now); tier.changed) {
      events.push_back({0, kept.id, CustomerEventKind::tier_changed, by, now,
                        Attributes{{"from", std::string(to_string(kept.tier))},
                                   {"to", std::string(to_string(tier.tier))},
                                   {"reason", tier.reason}}});
      kept.tier = tier.tier;
    }
    tx->update_customer(gone);
    tx->update_customer(kept);
    detail::append_record_events(*tx, std::move(events));
    tx->append_audit({0, now, actor, AuditAction::merge_customers, kept.id, "",
                      nlohmann::json{{"duplicate", gone.id},
                                     {"tickets", tickets},
                                     {"purchases", purchases},
                                     {"before", detail::audit_form(kept_before, cfg)},
                                     {"after", detail::audit_form(kept, cfg)}}
                          .dump()});
    tx->commit();
    return detail::shown_to(actor, kept, cfg);
  });
}

Customer Desk::reverse_customer_merge(const Actor& actor, std::string_view duplicate_id, std::string_view reason) {
  return guard(actor, "reverse_customer_merge", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::reverse_merge);
    if (reason.empty()) throw_invalid("/reason", "say why the merge is undone");
    const Instant now = clock_->now();
    auto tx = store_->write();
    auto found = tx->customer(duplicate_id);
    if (!found) throw Error(ErrorCode::not_found, "/duplicate", "no customer \"" + std::string(duplicate_id) + "\"");
    const Customer duplicate = std::move(*found);
    access.require_customer(*tx, duplicate.id);
    if (duplicate.merged_into.empty())
      throw Error(ErrorCode::conflict, "/duplicate", "customer \"" + duplicate.id + "\" is not merged into another");
    const Customer kept_before = detail::load_live_customer(*tx, duplicate.merged_into, "/duplicate/merged_into");

    const auto merged = last_event(tx->customer_events(duplicate.id), CustomerEventKind::merged_into, "into",
                                   kept_before.id);
    const auto gained = last_event(tx->customer_events(kept_before.id), CustomerEventKind::merged_from, "from",
                                   duplicate.id);
    if (!merged || !gained)
      throw Error(ErrorCode::conflict, "/duplicate", "the merge of \"" + duplicate.id + "\" has no record to undo");
    const auto window = std::chrono::days(cfg.retention().closed_ticket_days);
    if (now > merged->at + window)
      throw Error(ErrorCode::conflict, "/duplicate",
                  "merged on " + format_instant(merged->at) + ", longer ago than the retention period (" +
                      std::to_string(cfg.retention().closed_ticket_days) + " days): no longer reversible");

    // What moved goes back when it is still there; what the kept record gained comes off it.
    Customer kept = kept_before;
    Customer restored = duplicate;
    std::vector<std::string> purchases, tickets;
    const auto moved_purchases = listed(merged->payload, "purchases");
    std::erase_if(kept.purchases, [&](const Purchase& p) {
      if (!contains(moved_purchases, p.id)) return false;
      restored.purchases.push_back(p);
      purchases.push_back(p.id);
      return true;
    });
    const std::pair<const char*, std::vector<std::string>*> gains[] = {
        {"phones", &kept.phones}, {"emails", &kept.emails}, {"tags", &kept.tags}};
    for (const auto& [field, list] : gains) {
      const std::vector<std::string> added = listed(gained->payload, field);  // read once, not per item
      std::erase_if(*list, [&](const std::string& x) { return contains(added, x); });
    }
    kept.updated_at = restored.updated_at = now;
    kept.version = kept_before.version + 1;
    restored.version = duplicate.version + 1;
    restored.merged_into.clear();
    // The duplicate is live again before its tickets come back to it.
    tx->update_customer(restored);
    tx->update_customer(kept);

    const CommandContext context{cfg, actor, now};
    for (const std::string& id : listed(merged->payload, "tickets")) {
      const auto ticket = tx->ticket(id);
      if (!ticket || ticket->customer_id != kept.id) continue;  // purged, or moved since
      move_ticket(*tx, context, *ticket, restored.id, kReversal);
      tickets.push_back(id);
    }
    const Attributes payload{{"duplicate", restored.id},
                             {"kept", kept.id},
                             {"tickets", joined(tickets)},
                             {"purchases", joined(purchases)},
                             {"reason", std::string(reason)}};
    const std::string by = actor.event_actor();
    detail::append_record_events(*tx, {{0, restored.id, CustomerEventKind::merge_reversed, by, now, payload},
                                       {0, kept.id, CustomerEventKind::merge_reversed, by, now, payload}});
    tx->append_audit({0, now, actor, AuditAction::reverse_merge, restored.id, "",
                      nlohmann::json{{"kept", kept.id},
                                     {"tickets", tickets},
                                     {"purchases", purchases},
                                     {"reason", reason}}
                          .dump()});
    tx->commit();
    return detail::shown_to(actor, restored, cfg);
  });
}

}  // namespace ticketcore
