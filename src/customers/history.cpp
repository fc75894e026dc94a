// A customer's history, merged from its parts and paged by a keyset cursor (history.hpp).
#include "ticketcore/customers/history.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include "ticketcore/error.hpp"

namespace ticketcore {
namespace {

constexpr std::string_view kMark = "h1.";

// Where an entry sorts: newest first, then by kind, id and sequence, all descending, so that
// entries of one instant keep one order on every page: a ticket's events of the instant it
// was taken in come before (newer than) the ticket, a purchase before its record event.
struct Key {
  std::int64_t at = 0;
  int kind = 0;
  std::int64_t sequence = 0;
  std::string id;

  // Whether this key comes before `other` in the history's order.
  bool before(const Key& other) const {
    return std::tuple(other.at, other.kind, other.id, other.sequence) < std::tuple(at, kind, id, sequence);
  }
};

[[noreturn]] void bad_cursor() { throw_invalid("/after", "not a cursor of a customer history"); }

std::string encode(const Key& k) {
  return std::string(kMark) + std::to_string(k.at) + "." + std::to_string(k.kind) + "." + std::to_string(k.sequence) +
         "." + k.id;
}

// Reads one number ending at the next '.'; moves `text` past it.
std::int64_t take_number(std::string_view& text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end == text.data() + text.size() || *end != '.') bad_cursor();
  text.remove_prefix(static_cast<std::size_t>(end - text.data()) + 1);
  return n;
}

Key decode(std::string_view text) {
  if (!text.starts_with(kMark)) bad_cursor();
  text.remove_prefix(kMark.size());
  Key k;
  k.at = take_number(text);
  const std::int64_t kind = take_number(text);
  if (kind < 0 || kind >= static_cast<std::int64_t>(enum_count<HistoryKind>())) bad_cursor();
  k.kind = static_cast<int>(kind);
  k.sequence = take_number(text);
  k.id = std::string(text);
  return k;
}

Key key_of(const HistoryEntry& e) {
  Key k{to_unix(e.at), static_cast<int>(e.kind), 0, {}};
  switch (e.kind) {
    case HistoryKind::record_event: k.sequence = e.record_event->sequence; break;
    case HistoryKind::purchase: k.id = e.purchase->id; break;
    case HistoryKind::ticket: k.id = e.ticket->id; break;
    case HistoryKind::ticket_event:
    case HistoryKind::rating:
      k.id = e.event->ticket_id;
      k.sequence = e.event->sequence;
      break;
  }
  return k;
}

}  // namespace

HistoryPage history_page(const HistoryQuery& query, const HistorySources& sources) {
  if (query.limit < 1 || query.limit > 1000)
    throw_invalid("/limit", "must be 1 to 1000, not " + std::to_string(query.limit));
  std::optional<Key> after;
  if (!query.after.empty()) after = decode(query.after);
  const auto wanted = [&](HistoryKind kind) {
    return query.kinds.empty() || std::find(query.kinds.begin(), query.kinds.end(), kind) != query.kinds.end();
  };

  std::vector<std::pair<Key, HistoryEntry>> all;
  const auto add = [&](HistoryEntry entry) {
    if (!wanted(entry.kind)) return;
    Key k = key_of(entry);
    if (after && !after->before(k)) return;
    all.emplace_back(std::move(k), std::move(entry));
  };
  const auto entry = [](HistoryKind kind, Instant at) {
    HistoryEntry e;
    e.kind = kind;
    e.at = at;
    return e;
  };
  for (const CustomerEvent& e : sources.record_events) {
    HistoryEntry h = entry(HistoryKind::record_event, e.at);
    h.record_event = e;
    add(std::move(h));
  }
  for (const Purchase& p : sources.purchases) {
    HistoryEntry h = entry(HistoryKind::purchase, p.purchased_at.value_or(p.recorded_at));
    h.purchase = p;
    add(std::move(h));
  }
  const bool events_wanted = wanted(HistoryKind::ticket_event) || wanted(HistoryKind::rating);
  for (const Ticket& t : sources.tickets) {
    HistoryEntry h = entry(HistoryKind::ticket, t.created_at);
    h.ticket = t;
    add(std::move(h));
    if (!events_wanted || !sources.events_of) continue;
    for (Event& e : sources.events_of(t)) {
      if (e.kind == EventKind::created) continue;  // the ticket entry stands for it
      HistoryEntry h2 = entry(e.kind == EventKind::rated ? HistoryKind::rating : HistoryKind::ticket_event, e.at);
      h2.event = std::move(e);
      add(std::move(h2));
    }
  }

  const auto by_key = [](const auto& a, const auto& b) { return a.first.before(b.first); };
  HistoryPage page;
  const bool more = all.size() > query.limit;
  if (more) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(query.limit), all.end(), by_key);
    all.resize(query.limit);
  } else {
    std::sort(all.begin(), all.end(), by_key);
  }
  if (more) page.next_cursor = encode(all.back().first);
  page.entries.reserve(all.size());
  for (auto& [k, entry] : all) page.entries.push_back(std::move(entry));
  return page;
}

}  // namespace ticketcore
