#pragma once
// A customer's profile, built from the record, its tags and its tickets (DOMAIN.md section 6:
// "32, manufacturing, bought product A twice in 3 months, complained about delivery speed,
// prefers weekend service"): as data, and as that one line of text. Pure: no I/O, no clock
// reads; safe from any thread. docs/customers.md, "Profile".

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// What a profile covers and in which local time.
struct ProfileSettings {
  std::int64_t recent_days = 90;  ///< the window of recent purchases and complaints, 1 to 3650
  std::string time_zone = "UTC";  ///< IANA zone of the customer's local time: age, preferred service time

  friend bool operator==(const ProfileSettings&, const ProfileSettings&) = default;
};

/// How many times a product was bought in the window.
struct ProductCount {
  std::string product;     ///< Purchase::product as recorded
  std::int64_t count = 0;  ///< >= 1

  friend bool operator==(const ProductCount&, const ProductCount&) = default;
};

/// A customer's profile at one instant.
struct CustomerProfile {
  /// Whole years from birth_date to the local date at `now`; none without a birth date.
  std::optional<int> age;
  /// As recorded; may be empty.
  std::string industry;
  /// As recorded.
  CustomerTier tier = CustomerTier::normal;
  /// As recorded.
  CustomerKind kind = CustomerKind::individual;
  /// As recorded.
  std::vector<std::string> tags;
  /// The window the recent figures cover: (now - recent_days, now].
  std::int64_t recent_days = 90;
  /// Purchases in the window by product: most first, then by name.
  std::vector<ProductCount> recent_purchases;
  /// Complaint tickets created in the window.
  std::int64_t complaints = 0;
  /// Their subtypes (the subject when none), distinct, most frequent first.
  std::vector<std::string> complaint_topics;
  /// Every ticket given.
  std::int64_t tickets_total = 0;
  /// Those not yet resolved: new, assigned, in_progress or pending_customer.
  std::int64_t tickets_open = 0;
  /// The mean of the three axes' stars (1-5) over rated tickets; none when none is rated.
  std::optional<double> satisfaction;
  /// The latest ticket's created_at; none without tickets.
  std::optional<Instant> last_contact;
  /// "weekday", "weekend", "evening", or a service_time tag's value; none when unknown.
  std::optional<std::string> preferred_service_time;

  friend bool operator==(const CustomerProfile&, const CustomerProfile&) = default;
};

/// Checks settings built in code: throws Error{invalid_input} at `path` + "/recent_days" (not
/// 1 to 3650) or "/time_zone" (not a zone of the tz database).
void check_profile_settings(const ProfileSettings& settings, std::string_view path);

/// The profile of `customer` at `now` from its record and `tickets` (the customer's, as the caller
/// chose them: merged records' tickets included, say; not filtered by customer_id).
/// Windows are (now - recent_days, now], for purchases by purchase_time() (tiers.hpp), for
/// complaints (request_type complaint) by created_at. Complaint topics: ties go to the most
/// recent complaint, then to the text's byte order. Satisfaction counts the tickets whose three
/// stars are each 1 to 5. Preferred service time: the value of the first "service_time:<value>"
/// tag; else, with at least 3 tickets, the band at least two thirds of their created_at fall in,
/// local time: "weekend" (Saturday, Sunday), "evening" (weekdays 18:00-24:00), "weekday" (other
/// weekday hours); else none. Throws Error like check_profile_settings (paths "/recent_days", "/time_zone").
CustomerProfile profile_of(const Customer& customer, std::span<const Ticket> tickets, Instant now,
                           const ProfileSettings& settings);

/// The profile as one English line, comma separated, leaving out what is unknown or plain (no
/// age, no industry, tier normal, kind individual, no recent purchases, ...):
/// "32, manufacturing, vip, bought Product A twice and Product B once in 3 months, complained
/// about delivery speed, satisfaction 4.3/5, prefers weekend service". Typed tags show their value,
/// '_' as a space; the window reads "in N months" when recent_days is a multiple of 30, else
/// "in N days"; at most 3 products ("and 2 other products") and 3 complaint topics.
std::string summary_line(const CustomerProfile& profile);

}  // namespace ticketcore
