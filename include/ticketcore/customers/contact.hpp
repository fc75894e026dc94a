#pragma once
// A customer's phone numbers and email addresses as lookup keys (DOMAIN.md section 6):
// stored in one normal form, found however an agent or a customer writes them.
//
// Phones: "+86 138-0013-8000", "0086 13800138000", "１３８００１３８０００", "(010) 88886666" and
// "tel:+1-650-253-0000" all become E.164 ("+8613800138000"); a number written without its
// country code is read as one of `default_region`, an ISO 3166 code ("CN"). Only digits,
// separators, a leading "+" and a leading "tel:" are read: letters, extensions and text around
// the number are refused. An unknown region is a configuration error, refused by every call at
// "/default_region", lookups included.
// Emails: stored trimmed with the domain lower-cased, looked up wholly lower-cased.
//
// Pure functions: no I/O, no global mutable state of ours; safe from any thread.
// Messages never quote the refused text: it is a customer's contact data.

#include <optional>
#include <string>
#include <string_view>

namespace ticketcore {

/// The E.164 form of a phone number written any common way; throws Error{invalid_input} at `path`.
std::string normalize_phone(std::string_view text, std::string_view default_region, std::string_view path);

/// The E.164 form of `text` for a lookup, or nullopt when normalize_phone would refuse it.
std::optional<std::string> phone_key(std::string_view text, std::string_view default_region);

/// How a stored number is shown (and then masked): as dialled at home for a number of
/// `default_region`, digits only ("13812345678", "01088886666"), else in international
/// format ("+1 650-253-0000"). A text that is no E.164 number comes back as it is.
std::string display_phone(std::string_view e164, std::string_view default_region);

/// The address trimmed with its domain lower-cased; throws Error{invalid_input} at `path` if malformed.
std::string normalize_email(std::string_view text, std::string_view path);

/// The whole address trimmed and lower-cased (ASCII), for lookups regardless of case; never refuses.
std::string email_key(std::string_view text);

}  // namespace ticketcore
