/*
 * ticketcore.h: the stable C ABI of ticketcore, an embeddable customer-support desk.
 *
 * Reference: docs/c-api.md. This header is C99 (and C11, and C++) clean and needs only
 * <stddef.h> and <stdint.h>. Link with -lticketcore (libticketcore.so.0).
 *
 * The rules every function follows:
 *
 * - Status: every fallible function returns an int status, TC_OK (0) or one of the
 *   error codes of tc_status below. The numbers never change and are never reused.
 * - Errors: after a call that failed, tc_errmsg() gives the calling thread's message
 *   and tc_errpath() the JSON path of the offending field. Both are borrowed: valid
 *   until the same thread's next tc_ call other than tc_errmsg, tc_errpath,
 *   tc_strerror, tc_version, tc_version_number, tc_abi_version and tc_free.
 * - Outputs come first and are named out / out_json. On failure *out is set to NULL, or
 *   to 0 for a number (when `out` itself is not NULL).
 * - Ownership: every char* the library hands out in an out_json is a NUL-terminated
 *   UTF-8 JSON text the caller owns and releases with tc_free() (never libc free()).
 *   Inputs are borrowed for the duration of the call only: the library copies what
 *   it keeps.
 * - Inputs: strings are UTF-8 and NUL-terminated. A NULL pointer where a value is
 *   required, invalid UTF-8 or invalid JSON gives TC_INVALID, never a crash. JSON
 *   inputs are read strictly: an unknown key, a wrong type or an unknown enum word is
 *   TC_INVALID with the field's path.
 * - Actors: every desk call takes the actor first, as JSON:
 *   {"kind": "agent", "id": "p-01"}; kind is agent, supervisor, admin, customer or
 *   system (the system carries no id).
 * - No C++ exception ever leaves the library.
 *
 * Threads: the library needs no global initialisation. One tc_desk may be used from
 * several threads at once: each call runs its own transaction on the store, as the C++
 * Desk does. tc_desk_close() must not race with other calls on the same desk. Several
 * processes may open desks on one SQLite file. Error messages are per thread.
 */
#ifndef TICKETCORE_H
#define TICKETCORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the exported functions; everything else in the library is hidden. */
#if defined(__GNUC__)
#define TC_API __attribute__((visibility("default")))
#else
#define TC_API
#endif

/* ---- Versions ---- */

/** The version of this header: major, minor, patch. */
#define TC_VERSION_MAJOR 0
/** The minor version of this header. */
#define TC_VERSION_MINOR 1
/** The patch version of this header. */
#define TC_VERSION_PATCH 0
/** The version of this header as one number: major * 10000 + minor * 100 + patch. */
#define TC_VERSION_NUMBER (TC_VERSION_MAJOR * 10000 + TC_VERSION_MINOR * 100 + TC_VERSION_PATCH)
/** The ABI this header describes: the soname's number (libticketcore.so.0). */
#define TC_ABI_VERSION 0

/** The library's version as text, "0.1.0". Static storage; never fails. */
TC_API const char *tc_version(void);

/** The library's version as TC_VERSION_NUMBER computes it. Never fails. */
TC_API int tc_version_number(void);

/**
 * The library's ABI version (the soname's number). A program built against this header
 * works with the library loaded when tc_abi_version() == TC_ABI_VERSION. Never fails.
 */
TC_API int tc_abi_version(void);

/* ---- Status codes ---- */

/**
 * The status every fallible function returns. The numbers are the ones of the C++
 * ticketcore::ErrorCode; they are fixed, never renumbered, and a retired code stays
 * reserved.
 */
typedef enum tc_status {
  TC_OK = 0,                 /**< success */
  TC_INVALID = 1,            /**< an argument failed validation: NULL, invalid UTF-8 or JSON, a bad field */
  TC_NOT_FOUND = 2,          /**< the ticket, customer or agent named does not exist */
  TC_CONFLICT = 3,           /**< a concurrent change won (the version differs), or a duplicate */
  TC_INVALID_TRANSITION = 4, /**< the workflow does not allow this status or stage change */
  TC_DENIED = 5,             /**< the actor may not do this (docs/access.md) */
  TC_STORAGE = 6,            /**< the store failed (file, disk, schema) */
  TC_NOMEM = 7,              /**< memory ran out */
  TC_INTERNAL = 8,           /**< a bug in ticketcore */
  TC_BUSY = 9                /**< the store stayed locked by another writer past its busy timeout:
                                  nothing was written; retry later */
} tc_status;

/**
 * The stable lower-case name of a status ("not_found"); "unknown" for a number that is
 * not a status. Static storage; never fails.
 */
TC_API const char *tc_strerror(int status);

/**
 * The calling thread's last error message, "path: message" (the path is the JSON path of
 * the offending field, left out when there is none), prefixed by the argument's name
 * when the error is in reading an argument ("request: /subject: missing required field").
 * "" after a call that succeeded. Never NULL; borrowed: valid until the thread's next
 * tc_ call (see the rules at the top); never freed by the caller.
 */
TC_API const char *tc_errmsg(void);

/**
 * The JSON path of the field the calling thread's last error names ("/subject"), or ""
 * when it names none. Never NULL; borrowed like tc_errmsg().
 */
TC_API const char *tc_errpath(void);

/* ---- Memory ---- */

/** Releases a buffer the library handed out (an out_json). NULL is allowed. */
TC_API void tc_free(void *buffer);

/* ---- Opening a desk ---- */

/** A desk: one configuration over one store, with a clock. Opaque. */
typedef struct tc_desk tc_desk;

/** Where a desk reads the time. */
typedef enum tc_clock_kind {
  TC_CLOCK_SYSTEM = 0, /**< the system's clock, to the second */
  TC_CLOCK_MANUAL = 1  /**< a clock the host sets: starts at start_time, moved by tc_desk_set_time() */
} tc_clock_kind;

/**
 * How tc_desk_open() opens a desk. Fields are only ever added at the end; `size` tells
 * the library which fields the caller knows. Start from TC_DESK_OPTIONS_INIT.
 */
typedef struct tc_desk_options {
  /** sizeof(tc_desk_options) as the caller compiled it; the library refuses a size it
      does not know (TC_INVALID). */
  size_t size;
  /** The store: NULL, "" or ":memory:" for a store in memory (lost on close); a libpq
      URI "postgresql://..." or "postgres://..." for a PostgreSQL database shared by several
      servers (docs/postgres.md; TC_INVALID in a library built without it); anything else
      is the path of an SQLite database file, created when missing. */
  const char *store;
  /** The desk configuration as JSON (docs/config.md); NULL for the "standard" preset. */
  const char *config_json;
  /** The host's teams and agents as JSON, {"teams": [...], "agents": [...]} in the model's
      forms, put into the configuration in place of its own; either key may be left out
      (that list stays as configured). NULL: the configuration's people. */
  const char *people_json;
  /** Where the desk reads the time: a tc_clock_kind. */
  int32_t clock;
  /** The manual clock's first instant, Unix seconds; unused by the system clock. */
  int64_t start_time;
} tc_desk_options;

/** Default options: in memory, the standard preset, the system clock. */
#define TC_DESK_OPTIONS_INIT { sizeof(tc_desk_options), NULL, NULL, NULL, TC_CLOCK_SYSTEM, 0 }

/**
 * Opens a desk: opens (or creates) the store, publishes the configuration when its
 * version is new to the store, and records its teams and agents there.
 * options: NULL for TC_DESK_OPTIONS_INIT. *out: the desk, closed with tc_desk_close().
 * TC_INVALID for bad options or configuration (the path names the field),
 * TC_STORAGE when the file cannot be opened, TC_CONFLICT when the configuration's
 * version was published before with another text.
 */
TC_API int tc_desk_open(tc_desk **out, const tc_desk_options *options);

/** Closes a desk and frees it. NULL is allowed. Never fails. */
TC_API void tc_desk_close(tc_desk *desk);

/**
 * Sets a manual clock to `unix_seconds` (backwards too). TC_INVALID when the desk uses
 * the system clock. Safe while other threads use the desk.
 */
TC_API int tc_desk_set_time(tc_desk *desk, int64_t unix_seconds);

/** *out: the desk's clock now, Unix seconds (the manual clock's time as last set). */
TC_API int tc_desk_now(int64_t *out, tc_desk *desk);

/* ---- Customers ----
 * A customer's JSON is the model's form (id, kind, name, phones, emails, tier, ...);
 * what comes back is masked for the actor's role (docs/access.md). */

/**
 * Registers a customer. customer_json: the customer without id (the desk numbers it).
 * *out_json: the customer as stored, masked.
 */
TC_API int tc_desk_register_customer(char **out_json, tc_desk *desk, const char *actor_json,
                                     const char *customer_json);

/** The customer with this id, masked. TC_NOT_FOUND when there is none. */
TC_API int tc_desk_customer(char **out_json, tc_desk *desk, const char *actor_json, const char *customer_id);

/**
 * Customers matching a query, one page, in id order. query_json (NULL or "{}": every
 * customer the actor sees): {"phone", "email", "name_prefix", "tag", "tier",
 * "include_merged", "limit" (1-1000, default 50), "after" (the last page's next_cursor)}.
 * *out_json: {"customers": [...], "next_cursor": "..."}; next_cursor absent on the last page.
 */
TC_API int tc_desk_find_customers(char **out_json, tc_desk *desk, const char *actor_json,
                                  const char *query_json);

/**
 * Replaces a customer's details. customer_json: the customer with its id and the version
 * the caller saw (TC_CONFLICT when the stored one differs); a field left as the masked
 * form the actor was shown keeps its stored value. Purchases and the merge mark are not
 * changed here (TC_INVALID at /purchases, /merged_into). *out_json: the customer, masked.
 */
TC_API int tc_desk_update_customer(char **out_json, tc_desk *desk, const char *actor_json,
                                   const char *customer_json);

/**
 * The customer with this id, unmasked: needs the read_unmasked permission (TC_DENIED
 * otherwise) and is recorded in the audit log.
 */
TC_API int tc_desk_customer_unmasked(char **out_json, tc_desk *desk, const char *actor_json,
                                     const char *customer_id);

/**
 * Records a purchase. purchase_json: {"product", "model", "serial_number", "order_number",
 * "purchased_at", "warranty_until", "price": {"amount", "currency"}} without id (the desk
 * numbers it). Re-runs the tier rules. *out_json: the customer, masked.
 */
TC_API int tc_desk_record_purchase(char **out_json, tc_desk *desk, const char *actor_json,
                                   const char *customer_id, const char *purchase_json);

/**
 * Merges the record duplicate_id into kept_id (they must share a phone or an email):
 * tickets and purchases move, the duplicate stays marked merged_into. *out_json: the kept
 * customer, masked.
 */
TC_API int tc_desk_merge_customers(char **out_json, tc_desk *desk, const char *actor_json,
                                   const char *duplicate_id, const char *kept_id);

/**
 * Undoes the merge of duplicate_id within the retention period (TC_CONFLICT after it).
 * reason: required. *out_json: the duplicate customer, masked.
 */
TC_API int tc_desk_reverse_customer_merge(char **out_json, tc_desk *desk, const char *actor_json,
                                          const char *duplicate_id, const char *reason);

/**
 * A customer's history, newest first, one page. query_json: {"customer_id" (required),
 * "kinds": ["record_event", "purchase", "ticket", "ticket_event", "rating"], "limit",
 * "after"}. *out_json: {"entries": [{"kind", "at", and "record_event", "purchase",
 * "ticket" or "event"}], "next_cursor"}.
 */
TC_API int tc_desk_customer_history(char **out_json, tc_desk *desk, const char *actor_json,
                                    const char *query_json);

/**
 * A customer's profile summary. *out_json: {"age", "industry", "tier", "kind", "tags",
 * "recent_days", "recent_purchases", "complaints", "complaint_topics", "tickets_total",
 * "tickets_open", "satisfaction", "last_contact", "preferred_service_time", "summary"}.
 */
TC_API int tc_desk_customer_profile(char **out_json, tc_desk *desk, const char *actor_json,
                                    const char *customer_id);

/* ---- Tickets ---- */

/**
 * Takes in a request: numbers, prioritizes, routes, assigns and starts the SLA.
 * request_json: a ticket in the model's form without the fields the desk sets
 * (customer_id, channel, request_type, subtype, subject, description, urgency, impact,
 * tags, attributes, ...). *out_json: {"ticket", "events", "priority", "routing",
 * "assignment" (absent when no strategy ran), "sla", "actions", "workload"}.
 */
TC_API int tc_desk_take_in(char **out_json, tc_desk *desk, const char *actor_json, const char *request_json);

/**
 * A ticket as an agent's screen shows it. *out_json: {"ticket", "events", "sla",
 * "routing" (the rules' explanation now), "config_version", "due_handed_out"}.
 * TC_NOT_FOUND when there is no such ticket.
 */
TC_API int tc_desk_show(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id);

/**
 * Tickets matching a query, one page. query_json (NULL or "{}": every ticket the actor
 * sees): {"statuses": [...], "team", "assignee" ("" for unassigned), "customer_id",
 * "priority", "tag", "channel", "created_from", "created_before", "updated_from",
 * "updated_before", "text" (full text), "order" (created_at, updated_at, due_at, id),
 * "descending", "limit" (1-1000, default 50), "after"}.
 * *out_json: {"tickets": [...], "next_cursor": "..."}; next_cursor absent on the last page.
 */
TC_API int tc_desk_find_tickets(char **out_json, tc_desk *desk, const char *actor_json, const char *query_json);

/**
 * An agent's open tickets, the earliest due first. limit: 0 for 50, at most 1000;
 * after: NULL or "" for the first page, else the last page's next_cursor.
 * *out_json: a page as tc_desk_find_tickets() gives.
 */
TC_API int tc_desk_agent_queue(char **out_json, tc_desk *desk, const char *actor_json, const char *agent_id,
                               size_t limit, const char *after);

/** A team's open tickets nobody holds, the earliest due first; limit and after as in tc_desk_agent_queue(). */
TC_API int tc_desk_team_queue(char **out_json, tc_desk *desk, const char *actor_json, const char *team_id,
                              size_t limit, const char *after);

/*
 * The changes below name their ticket by id and by the version the caller saw; version
 * 0 means "whatever is stored". When the stored version differs the call is TC_CONFLICT
 * and writes nothing. Each gives *out_json: {"ticket", "events" (those appended),
 * "actions" (what the host owes people)}.
 */

/** A comment the customer sees. text: required. */
TC_API int tc_desk_comment(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                           int64_t version, const char *text);

/**
 * Moves the ticket to another status the workflow allows (TC_INVALID_TRANSITION
 * otherwise). status: its word ("in_progress", "pending_customer", ...); reason: NULL or
 * text.
 */
TC_API int tc_desk_change_status(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                 int64_t version, const char *status, const char *reason);

/** Assigns or reassigns the ticket to an agent (by id). */
TC_API int tc_desk_assign(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                          int64_t version, const char *agent_id);

/** Resolves the ticket with a summary of the fix. */
TC_API int tc_desk_resolve(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                           int64_t version, const char *summary);

/** A note only the desk sees. text: required. */
TC_API int tc_desk_internal_comment(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                    int64_t version, const char *text);

/** The handler's progress update to the customer. text: required. */
TC_API int tc_desk_progress_update(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                   int64_t version, const char *text);

/**
 * Escalates to a level of the ticket's team: 1 handler, 2 team lead, 3 supervisor,
 * 4 manager. reason: required.
 */
TC_API int tc_desk_escalate(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                            int64_t version, int level, const char *reason);

/** Sets the priority by hand: level is a level of the priority scheme ("P1"); reason: required. */
TC_API int tc_desk_change_priority(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                   int64_t version, const char *level, const char *reason);

/**
 * Proposes 1 to 3 solution options. options_json: [{"id", "title", "description",
 * "duration_hours", "fee": {"amount", "currency"}, "resources": [...]}, ...].
 */
TC_API int tc_desk_propose_solutions(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                     int64_t version, const char *options_json);

/** Records the customer's choice among the proposed options, by option id. */
TC_API int tc_desk_choose_solution(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                   int64_t version, const char *option_id);

/** Asks for approval of a remedy ("refund 300 CNY") from a level (2-4, as in tc_desk_escalate()). */
TC_API int tc_desk_request_remedy_approval(char **out_json, tc_desk *desk, const char *actor_json,
                                           const char *ticket_id, int64_t version, const char *remedy,
                                           int approver_level);

/** Grants the pending remedy approval; note: NULL or text. */
TC_API int tc_desk_approve_remedy(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                  int64_t version, const char *note);

/** Refuses the pending remedy approval; reason: required. */
TC_API int tc_desk_refuse_remedy(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                 int64_t version, const char *reason);

/**
 * Records who is responsible for the fault. responsibility_json:
 * {"party": "company" | "customer" | "third_party", "note": "water damage"}.
 */
TC_API int tc_desk_record_responsibility(char **out_json, tc_desk *desk, const char *actor_json,
                                         const char *ticket_id, int64_t version, const char *responsibility_json);

/** The customer signs off "diagnosis" or "solution_plan". */
TC_API int tc_desk_sign_off(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                            int64_t version, const char *what);

/**
 * Records the customer's rating. rating_json: {"efficiency", "attitude", "effectiveness"
 * (each 1-5), "comment"}.
 */
TC_API int tc_desk_rate(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                        int64_t version, const char *rating_json);

/** Closes a resolved ticket. */
TC_API int tc_desk_close_ticket(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                                int64_t version);

/** Reopens a resolved ticket; reason: required. */
TC_API int tc_desk_reopen(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                          int64_t version, const char *reason);

/** Cancels an open ticket; reason: required. */
TC_API int tc_desk_cancel(char **out_json, tc_desk *desk, const char *actor_json, const char *ticket_id,
                          int64_t version, const char *reason);

/**
 * Merges the ticket duplicate_id into kept_id, both in one transaction, each at the
 * version the caller saw (0: whatever is stored). *out_json: {"duplicate": change,
 * "kept": change}, each change as the calls above give.
 */
TC_API int tc_desk_merge_tickets(char **out_json, tc_desk *desk, const char *actor_json, const char *duplicate_id,
                                 int64_t duplicate_version, const char *kept_id, int64_t kept_version);

/* ---- Configuration ---- */

/** The configuration in force, as its document (docs/config.md). */
TC_API int tc_desk_config(char **out_json, tc_desk *desk);

/**
 * Routes the stored open tickets under the rules in force and under config_json's, and
 * reports what would change; writes nothing. *out_json: the dry run's form (docs/json.md).
 */
TC_API int tc_desk_dry_run(char **out_json, tc_desk *desk, const char *actor_json, const char *config_json);

/**
 * Publishes config_json as the new configuration version (its version must be new:
 * TC_CONFLICT otherwise); later calls use it; the old versions stay in the store.
 */
TC_API int tc_desk_publish(tc_desk *desk, const char *actor_json, const char *config_json);

/* ---- Time ---- */

/**
 * The sweep, called from the host's scheduler: hands out every action due by now
 * (SLA warnings and breaches, updates owed, escalations, surveys, auto-closes), each
 * once across every process sharing the store. max_tickets: 0 for 1000.
 * *out_json: {"at", "tickets_read", "actions": [due actions, docs/json.md]}.
 */
TC_API int tc_desk_due(char **out_json, tc_desk *desk, const char *actor_json, size_t max_tickets);

/**
 * Purges the tickets closed longer ago than the configured retention, with their events,
 * and records the purge. *out_json: {"at", "closed_before", "tickets", "events"}.
 */
TC_API int tc_desk_purge(char **out_json, tc_desk *desk, const char *actor_json);

/* ---- Metrics and the audit log ---- */

/**
 * A service report over the tickets the actor sees (docs/metrics.md). query_json:
 * {"from", "to", "as_of" (required), "group_by", "due_soon_seconds",
 * "bottleneck_min_tickets", "bottleneck_factor"}. *out_json: the report's form.
 */
TC_API int tc_desk_report(char **out_json, tc_desk *desk, const char *actor_json, const char *query_json);

/**
 * Audit entries, oldest first, one page. query_json (NULL or "{}": every entry):
 * {"actor_id", "customer_id", "ticket_id", "action", "from", "before", "limit", "after"}.
 * *out_json: {"entries": [{"sequence", "at", "actor", "action", "customer_id",
 * "ticket_id", "detail"}], "next_cursor"}.
 */
TC_API int tc_desk_audit(char **out_json, tc_desk *desk, const char *actor_json, const char *query_json);

/* ---- Engines alone ----
 * A CRM may use the engines without a desk or a store: a configuration (tc_config), its
 * calendars (tc_calendar) and rule sets (tc_rules). Each handle is immutable once opened
 * and may be used from several threads at once; close it once no call is using it.
 *
 * A *subject* is a ticket with what the engines read besides it, as JSON:
 * {"ticket": <model form, "id" and "created_at" set>, "events": [<its history>],
 *  "customer": <model form, optional>, "customer_ticket_created_at": [<instants>]}.
 * Instants in and out are Unix seconds (int64_t) in the calls and RFC 3339 in the JSON. */

/** A desk configuration, read and validated; its calendars, SLA policies and rules. Opaque. */
typedef struct tc_config tc_config;
/** A business calendar: opening hours, holidays and make-up days in one time zone. Opaque. */
typedef struct tc_calendar tc_calendar;
/** A compiled routing rule set. Opaque. */
typedef struct tc_rules tc_rules;

/** Reads a configuration document (docs/config.md). TC_INVALID with the field's path. */
TC_API int tc_config_open(tc_config **out, const char *config_json);

/** A built-in configuration by name ("standard", docs/config.md). TC_NOT_FOUND for another name. */
TC_API int tc_config_preset(tc_config **out, const char *name);

/** Frees a configuration. NULL is allowed. Handles taken from it stay valid. */
TC_API void tc_config_close(tc_config *config);

/** The configuration as its document, in the form tc_config_open() reads. */
TC_API int tc_config_json(char **out_json, const tc_config *config);

/**
 * The priority the configuration's scheme computes for the subject's ticket: its customer's
 * tier, and whether a purchase's warranty covers it at `at`, move it (docs/sla.md).
 * *out_json: the priority decision of docs/json.md.
 */
TC_API int tc_config_priority(char **out_json, const tc_config *config, const char *subject_json, int64_t at);

/**
 * The SLA status of the subject's ticket at `at`, replayed from its events under the
 * configuration's policies. *out_json: the SLA status of docs/json.md.
 */
TC_API int tc_config_sla_status(char **out_json, const tc_config *config, const char *subject_json, int64_t at);

/** One of the configuration's calendars by id ("cn-standard", "24x7"). TC_NOT_FOUND for another id. */
TC_API int tc_config_calendar(tc_calendar **out, const tc_config *config, const char *calendar_id);

/**
 * The configuration's rule set, with its SLA policies and calendars: rules over SLA and
 * calendar facts see them.
 */
TC_API int tc_config_rules(tc_rules **out, const tc_config *config);

/** Reads a calendar document (docs/sla.md, "Calendars"). TC_INVALID with the field's path. */
TC_API int tc_calendar_open(tc_calendar **out, const char *calendar_json);

/** Frees a calendar. NULL is allowed. */
TC_API void tc_calendar_close(tc_calendar *calendar);

/**
 * The earliest instant with business_seconds of open time since start (a start outside
 * hours counts from the next opening). TC_INVALID for a negative duration.
 */
TC_API int tc_calendar_add(int64_t *out, const tc_calendar *calendar, int64_t start, int64_t business_seconds);

/** The open seconds in [from, to); negative when to is before from. */
TC_API int tc_calendar_between(int64_t *out, const tc_calendar *calendar, int64_t from, int64_t to);

/**
 * From the next opening at or after start, the same local time `days` working days later
 * (earlier when negative), moved into opening hours if needed.
 */
TC_API int tc_calendar_add_working_days(int64_t *out, const tc_calendar *calendar, int64_t start, int32_t days);

/** *out: 1 when the local date ("2026-10-01") has opening hours, else 0. */
TC_API int tc_calendar_is_working_day(int *out, const tc_calendar *calendar, const char *date);

/** *out: 1 when the desk is open at `at`, else 0. */
TC_API int tc_calendar_is_open(int *out, const tc_calendar *calendar, int64_t at);

/** *out: `at` when open then, else the next instant the desk opens. */
TC_API int tc_calendar_next_open(int64_t *out, const tc_calendar *calendar, int64_t at);

/**
 * Reads, validates and lints a rule set alone (docs/rules.md). people_json: the teams and
 * agents the rules may name, {"teams": [...], "agents": [...]} in the model's forms (NULL:
 * none). Rules alone see the SLA and calendar facts unset; tc_config_rules() gives them.
 */
TC_API int tc_rules_open(tc_rules **out, const char *rules_json, const char *people_json);

/** Frees a rule set. NULL is allowed. */
TC_API void tc_rules_close(tc_rules *rules);

/** The rule set's lint warnings (docs/json.md, "Lint warnings"): an array, empty when none. */
TC_API int tc_rules_lint(char **out_json, const tc_rules *rules);

/** Routes the subject at `at`. *out_json: the decision of docs/json.md. */
TC_API int tc_rules_route(char **out_json, const tc_rules *rules, const char *subject_json, int64_t at);

/** Routes the subject at `at`, rule by rule. *out_json: the explanation of docs/json.md. */
TC_API int tc_rules_explain(char **out_json, const tc_rules *rules, const char *subject_json, int64_t at);

/**
 * Routes each ticket of tickets_json (an array in the model form) under `current` and
 * `proposed` at `at`, and reports what would change. *out_json: the dry run report of
 * docs/json.md.
 */
TC_API int tc_rules_dry_run(char **out_json, const tc_rules *current, const tc_rules *proposed,
                            const char *tickets_json, int64_t at);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TICKETCORE_H */
