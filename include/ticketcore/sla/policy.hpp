#pragma once
// SLA policies: the targets that apply to a ticket, chosen by priority and
// optionally customer tier, request type and channel; the most specific wins.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/enums.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore {

/// How a duration is measured.
enum class SlaClock : std::uint8_t {
  business,      ///< open seconds on a business calendar
  calendar,      ///< wall-clock seconds, around the clock
  working_days,  ///< the same local time n working days later (BusinessCalendar::add_working_days)
};

/// A length of time on a clock: seconds for business and calendar, days for working_days.
struct SlaDuration {
  SlaClock clock = SlaClock::business;  ///< how the amount is counted
  std::int64_t amount = 0;              ///< seconds (business, calendar) or working days
  std::string calendar;  ///< calendar id for business and working_days; empty = the config's default

  friend bool operator==(const SlaDuration&, const SlaDuration&) = default;
};

/// One target of a policy.
struct PolicyTarget {
  SlaTarget target = SlaTarget::resolution;  ///< what is measured
  SlaDuration within;                        ///< for periodic_update: the interval between updates

  friend bool operator==(const PolicyTarget&, const PolicyTarget&) = default;
};

/// What a resolution timer does when a resolved ticket is reopened.
enum class ReopenMode : std::uint8_t {
  restart,    ///< a new cycle: the full target again, measured from the reopen
  continue_,  ///< the old clock resumes; the time spent resolved does not count
};

/// An SLA policy: which tickets it covers and the targets it sets.
struct SlaPolicy {
  std::string id;                              ///< unique, "p2-vip"
  std::string priority;                        ///< the priority level it covers, required
  std::optional<CustomerTier> tier;            ///< only customers of this tier
  std::optional<RequestType> request_type;     ///< only this request type
  std::optional<Channel> channel;              ///< only this channel
  std::vector<PolicyTarget> targets;           ///< at most one per SlaTarget
  std::vector<int> warning_percents{75, 90};   ///< warn when this share of a target is used, ascending
  ReopenMode on_reopen = ReopenMode::restart;  ///< resolution timer on reopen

  /// The target of this kind, or nullptr when the policy sets none.
  const PolicyTarget* find(SlaTarget target) const;
  /// How many optional criteria (tier, request type, channel) the policy names.
  int specificity() const;

  friend bool operator==(const SlaPolicy&, const SlaPolicy&) = default;
};

/// The policy chosen for a ticket, and why.
struct PolicyChoice {
  const SlaPolicy* policy = nullptr;    ///< nullptr when no policy covers the ticket
  std::vector<std::string> candidates;  ///< ids of every policy that matched, best first
  std::string explanation;              ///< a sentence for people
};

/// Chooses among policies: those for `priority` whose optional criteria all match;
/// the most criteria wins; ties go to tier over request type over channel, then
/// to the policy listed first.
PolicyChoice choose_policy(std::span<const SlaPolicy> policies, std::string_view priority, CustomerTier tier,
                           RequestType request_type, Channel channel);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::SlaClock, "business", "calendar", "working_days");
TICKETCORE_ENUM_NAMES(ticketcore::ReopenMode, "restart", "continue");
