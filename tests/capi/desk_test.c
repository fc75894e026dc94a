/* The C ABI from C, as a CRM written in C uses it: open a desk on an SQLite file,
   register a customer, take in tickets, read them back with their routing and SLA, work
   them, sweep; and every error path a caller can hit: NULL pointers, invalid JSON,
   invalid UTF-8, unknown tickets, refused actors, stale versions, bad options.
   Run as `tc_capi_desk_test NAME` (one CTest test per NAME) or with no argument for all. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "desk_setup.h"

/* ---- Helpers ---- */

/* A fresh temp directory for an SQLite file; removed by remove_dir. */
static void make_dir(char *dir, size_t n) {
  snprintf(dir, n, "/tmp/tc_capi_test_XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    exit(2);
  }
}

static void remove_dir(const char *dir) {
  /* The store leaves the database and its WAL files: remove whatever is there. */
  static const char *const names[] = {"desk.db", "desk.db-wal", "desk.db-shm", "desk.db-journal"};
  char path[512];
  size_t i;
  for (i = 0; i < sizeof names / sizeof names[0]; ++i) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
}

/* ---- Tests ---- */

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", TC_VERSION_MAJOR, TC_VERSION_MINOR, TC_VERSION_PATCH);
  CHECK(strcmp(tc_version(), expected) == 0);
  CHECK(tc_version_number() == TC_VERSION_NUMBER);
  CHECK(tc_abi_version() == TC_ABI_VERSION);
}

static void test_status_names(void) {
  CHECK(strcmp(tc_strerror(TC_OK), "ok") == 0);
  CHECK(strcmp(tc_strerror(TC_INVALID), "invalid_input") == 0);
  CHECK(strcmp(tc_strerror(TC_NOT_FOUND), "not_found") == 0);
  CHECK(strcmp(tc_strerror(TC_DENIED), "denied") == 0);
  CHECK(strcmp(tc_strerror(TC_NOMEM), "out_of_memory") == 0);
  CHECK(strcmp(tc_strerror(TC_BUSY), "busy") == 0);
  CHECK(strcmp(tc_strerror(-1), "unknown") == 0);
  CHECK(strcmp(tc_strerror(1000), "unknown") == 0);
  /* The numbers are the ABI: fixed forever. */
  CHECK(TC_OK == 0 && TC_INVALID == 1 && TC_NOT_FOUND == 2 && TC_CONFLICT == 3 && TC_INVALID_TRANSITION == 4 &&
        TC_DENIED == 5 && TC_STORAGE == 6 && TC_NOMEM == 7 && TC_INTERNAL == 8 && TC_BUSY == 9);
  /* No error yet on this thread: "" rather than NULL. */
  CHECK(tc_errmsg() != NULL && tc_errpath() != NULL);
}

/* The story of issue 10: a CRM opens a desk on an SQLite file, takes in tickets, sees
   them routed with SLA due times, works them, sweeps, and finds them again after reopening. */
static void test_sqlite_desk(void) {
  char dir[64], path[128], customer[64], ticket[64], second[64], buffer[256];
  tc_desk *desk = NULL;
  tc_desk_options options;
  char *json = NULL;
  long long version;

  make_dir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/desk.db", dir);
  options = test_options(path);
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_OK);
  CHECK(desk != NULL);
  if (!desk) return;

  register_enterprise(desk, customer, sizeof customer);
  CHECK_STATUS(tc_desk_customer(&json, desk, ADMIN, customer), TC_OK);
  CHECK_HAS(json, "\"name\":\"Hangzhou Lianhe Manufacturing\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_find_customers(&json, desk, ADMIN, "{\"phone\":\"13812345678\"}"), TC_OK);
  CHECK_HAS(json, customer);
  CHECK(strstr(json, "next_cursor") == NULL); /* one page: no cursor */
  tc_free(json);

  /* Taken in: numbered, prioritized, routed to the ERP engineers, SLA started. */
  CHECK_STATUS(take_in_erp_fault(&json, desk, customer, "ERP order module down"), TC_OK);
  json_text(json, "id", ticket, sizeof ticket);
  CHECK(strncmp(ticket, "202603-", 7) == 0);
  CHECK_HAS(json, "\"team\":\"technical_support\"");
  CHECK_HAS(json, "\"assignee\":\"t-01\"");
  CHECK_HAS(json, "\"priority\":{\"level\":\"P");
  CHECK_HAS(json, "\"routing\":{\"version\":");
  CHECK_HAS(json, "\"assignment\":{\"agent\":\"t-01\"");
  CHECK_HAS(json, "\"sla\":{\"priority\":\"P");
  CHECK_HAS(json, "\"target\":\"first_response\"");
  CHECK_HAS(json, "\"due_at\":\"2026-03-");
  CHECK_HAS(json, "\"kind\":\"auto_reply\"");
  CHECK_HAS(json, "\"created_at\":\"2026-03-04T01:30:00Z\""); /* the manual clock */
  tc_free(json);
  CHECK_STATUS(take_in_erp_fault(&json, desk, customer, "ERP invoices wrong"), TC_OK);
  json_text(json, "id", second, sizeof second);
  CHECK(strcmp(ticket, second) != 0);
  tc_free(json);

  /* Read back as the handler sees it: history, SLA clocks, the routing explanation. */
  CHECK_STATUS(tc_desk_show(&json, desk, ENGINEER, ticket), TC_OK);
  snprintf(buffer, sizeof buffer, "{\"ticket\":{");
  CHECK(strncmp(json, buffer, strlen(buffer)) == 0);
  CHECK_HAS(json, "\"events\":[{");
  CHECK_HAS(json, "\"kind\":\"created\"");
  CHECK_HAS(json, "\"sla\":{\"priority\":");
  CHECK_HAS(json, "\"state\":\"running\"");
  CHECK_HAS(json, "\"routing\":{\"version\":");
  CHECK_HAS(json, "\"matched_rules\":[");
  CHECK_HAS(json, "\"config_version\":\"standard-");
  CHECK_HAS(json, "\"due_handed_out\":[]");
  version = json_int(json, "version");
  CHECK(version == 1);
  tc_free(json);

  /* Lists: everything for the admin, the handler's queue earliest due first. */
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, NULL), TC_OK);
  CHECK_HAS(json, ticket);
  CHECK_HAS(json, second);
  tc_free(json);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"text\":\"invoices\",\"order\":\"due_at\"}"), TC_OK);
  CHECK_HAS(json, second);
  CHECK(strstr(json, ticket) == NULL);
  tc_free(json);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"limit\":1}"), TC_OK);
  CHECK_HAS(json, "\"next_cursor\":\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_agent_queue(&json, desk, ENGINEER, "t-01", 0, NULL), TC_OK);
  CHECK_HAS(json, "{\"tickets\":[{");
  CHECK_HAS(json, ticket);
  tc_free(json);

  /* Work the ticket: comment, start, hand to a colleague and back, resolve. */
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, version, "We are on it."), TC_OK);
  CHECK_HAS(json, "\"kind\":\"public_comment\"");
  version = json_int(json, "version");
  CHECK(version == 2);
  tc_free(json);
  CHECK_STATUS(tc_desk_change_status(&json, desk, ENGINEER, ticket, version, "in_progress", NULL), TC_OK);
  CHECK_HAS(json, "\"status\":\"in_progress\"");
  version = json_int(json, "version");
  tc_free(json);
  CHECK_STATUS(tc_desk_assign(&json, desk, ADMIN, ticket, version, "t-lead"), TC_OK);
  CHECK_HAS(json, "\"assignee\":\"t-lead\"");
  version = json_int(json, "version");
  tc_free(json);
  CHECK_STATUS(tc_desk_resolve(&json, desk, ADMIN, ticket, version, "Restarted the order service."), TC_OK);
  CHECK_HAS(json, "\"status\":\"resolved\"");
  CHECK_HAS(json, "\"resolved_at\":\"2026-03-04T01:30:00Z\"");
  tc_free(json);

  /* Two days later the second ticket is overdue: the sweep hands its actions out once. */
  CHECK_STATUS(tc_desk_set_time(desk, TEST_START + 2 * 86400), TC_OK);
  CHECK_STATUS(tc_desk_due(&json, desk, SYSTEM, 0), TC_OK);
  CHECK_HAS(json, "{\"at\":\"2026-03-06T01:30:00Z\",\"tickets_read\":");
  CHECK_HAS(json, "\"kind\":\"sla_breach\"");
  CHECK_HAS(json, second);
  tc_free(json);
  CHECK_STATUS(tc_desk_due(&json, desk, SYSTEM, 0), TC_OK);
  CHECK_HAS(json, "\"actions\":[]");
  tc_free(json);
  tc_desk_close(desk);

  /* Reopened on the same file: the tickets and the handed-out keys are there. */
  desk = NULL;
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_OK);
  if (desk) {
    CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, second), TC_OK);
    CHECK_HAS(json, "\"subject\":\"ERP invoices wrong\"");
    CHECK_HAS(json, "\"due_handed_out\":[{\"key\":\"");
    tc_free(json);
    CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, ticket), TC_OK);
    CHECK_HAS(json, "\"status\":\"resolved\"");
    tc_free(json);
  }
  tc_desk_close(desk);
  remove_dir(dir);
}

/* NULL where a value is required: TC_INVALID naming the parameter, never a crash, and
   *out left NULL. */
static void test_null_arguments(void) {
  char ticket[64];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = (char *)&json; /* not NULL: the call must reset it */

  CHECK_STATUS(tc_desk_open(NULL, NULL), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "out: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_show(NULL, desk, ENGINEER, ticket), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "out_json: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_show(&json, NULL, ENGINEER, ticket), TC_INVALID);
  CHECK(json == NULL);
  CHECK(strcmp(tc_errmsg(), "desk: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, NULL, ticket), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "actor: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, ENGINEER, NULL), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "ticket_id: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, NULL), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "request: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_customer(&json, desk, ADMIN, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_agent_queue(&json, desk, ENGINEER, NULL, 0, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, 0, NULL), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "text: must not be NULL") == 0);
  CHECK_STATUS(tc_desk_change_status(&json, desk, ENGINEER, ticket, 0, NULL, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_assign(&json, desk, ADMIN, NULL, 0, "t-02"), TC_INVALID);
  CHECK_STATUS(tc_desk_resolve(&json, desk, ENGINEER, ticket, 0, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_due(&json, NULL, SYSTEM, 0), TC_INVALID);
  CHECK_STATUS(tc_desk_set_time(NULL, TEST_START), TC_INVALID);
  CHECK(json == NULL);

  /* A call that succeeds clears the thread's message. */
  CHECK_STATUS(tc_desk_show(&json, desk, ENGINEER, ticket), TC_OK);
  CHECK(strcmp(tc_errmsg(), "") == 0 && strcmp(tc_errpath(), "") == 0);
  tc_free(json);

  /* The NULL-safe releases. */
  tc_free(NULL);
  tc_desk_close(NULL);
  tc_desk_close(desk);
}

/* Invalid JSON and JSON of the wrong shape: TC_INVALID with the argument and field path. */
static void test_invalid_json(void) {
  char ticket[64], customer[64], request[512];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = NULL;

  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"agent\",", ticket), TC_INVALID);
  CHECK(strncmp(tc_errmsg(), "actor: invalid JSON", 19) == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, "[]", ticket), TC_INVALID);
  CHECK(strncmp(tc_errmsg(), "actor: ", 7) == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"robot\",\"id\":\"r2\"}", ticket), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/kind") == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"agent\"}", ticket), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/id") == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"system\",\"id\":\"x\"}", ticket), TC_INVALID);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"agent\",\"id\":\"t-01\",\"role\":\"x\"}", ticket), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/role") == 0);

  /* A request with an unknown field, a wrong type, a missing subject. */
  register_enterprise(desk, customer, sizeof customer);
  snprintf(request, sizeof request, "{\"customer_id\":\"%s\",\"subject\":\"x\",\"colour\":\"red\"}", customer);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, request), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/colour") == 0);
  CHECK(strcmp(tc_errmsg(), "request: /colour: unknown field") == 0);
  snprintf(request, sizeof request, "{\"customer_id\":\"%s\",\"subject\":\"x\",\"impact\":{\"users_affected\":\"many\"}}",
           customer);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, request), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/impact/users_affected") == 0);
  snprintf(request, sizeof request, "{\"customer_id\":\"%s\"}", customer);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, request), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/subject") == 0);
  /* Valid JSON the command refuses: the engine's path, no argument prefix. */
  snprintf(request, sizeof request, "{\"customer_id\":\"%s\",\"subject\":\"x\",\"priority\":\"P1\"}", customer);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, request), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/priority") == 0);
  CHECK_STATUS(tc_desk_take_in(&json, desk, RECEIVER, ""), TC_INVALID);
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER, "{\"name\":\"x\",\"tier\":\"gold\"}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/tier") == 0);

  /* Queries and words. */
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"order\":\"size\"}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/order") == 0);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"limit\":0}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/limit") == 0);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"statuses\":[\"open\"]}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/statuses/0") == 0);
  CHECK_STATUS(tc_desk_find_customers(&json, desk, ADMIN, "{\"tier\":1}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/tier") == 0);
  CHECK_STATUS(tc_desk_change_status(&json, desk, ENGINEER, ticket, 0, "done", NULL), TC_INVALID);
  CHECK(strncmp(tc_errmsg(), "status: unknown status \"done\"", 29) == 0);
  CHECK_STATUS(tc_desk_agent_queue(&json, desk, ENGINEER, "t-01", 1001, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, -1, "x"), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "version: must not be negative") == 0);
  CHECK(json == NULL);
  tc_desk_close(desk);
}

/* Invalid UTF-8, inside JSON and in plain string arguments. */
static void test_invalid_utf8(void) {
  char ticket[64];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = NULL;

  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"agent\",\"id\":\"t-\xff\"}", ticket), TC_INVALID);
  CHECK(strncmp(tc_errmsg(), "actor: ", 7) == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, ENGINEER, "202603-\xc3"), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "ticket_id: not valid UTF-8") == 0);
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, 0, "caf\xc3\x28"), TC_INVALID);
  CHECK(strcmp(tc_errmsg(), "text: not valid UTF-8") == 0);
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER, "{\"name\":\"\xed\xa0\x80\"}"), TC_INVALID);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, ADMIN, "{\"text\":\"\xe6\x89\"}"), TC_INVALID);
  /* Valid UTF-8 beyond ASCII passes: Chinese text is the desk's daily bread. */
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, 0, "\xe5\xb7\xb2\xe5\xa4\x84\xe7\x90\x86"), TC_OK);
  CHECK_HAS(json, "\xe5\xb7\xb2\xe5\xa4\x84\xe7\x90\x86");
  tc_free(json);
  tc_desk_close(desk);
}

static void test_not_found(void) {
  char ticket[64];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = NULL;

  CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, "209912-999"), TC_NOT_FOUND);
  CHECK(strstr(tc_errmsg(), "209912-999") != NULL);
  CHECK(json == NULL);
  CHECK_STATUS(tc_desk_comment(&json, desk, ADMIN, "209912-999", 0, "hello"), TC_NOT_FOUND);
  CHECK_STATUS(tc_desk_customer(&json, desk, ADMIN, "C20991231999"), TC_NOT_FOUND);
  tc_desk_close(desk);
}

/* The actor decides: another agent's ticket, someone the desk does not know, the system
   resolving: TC_DENIED, with the path naming what was refused. */
static void test_denied(void) {
  char ticket[64];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = NULL;

  CHECK_STATUS(tc_desk_show(&json, desk, OTHER_ENGINEER, ticket), TC_DENIED);
  CHECK(tc_errmsg()[0] != '\0');
  CHECK(json == NULL);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"agent\",\"id\":\"nobody\"}", ticket), TC_DENIED);
  CHECK(strncmp(tc_errpath(), "/actor", 6) == 0);
  CHECK_STATUS(tc_desk_show(&json, desk, "{\"kind\":\"admin\",\"id\":\"t-01\"}", ticket), TC_DENIED);
  CHECK_STATUS(tc_desk_due(&json, desk, ENGINEER, 0), TC_DENIED);
  CHECK_STATUS(tc_desk_comment(&json, desk, OTHER_ENGINEER, ticket, 0, "mine now"), TC_DENIED);
  tc_desk_close(desk);
}

/* A stale version is a conflict; a status the workflow forbids is an invalid transition. */
static void test_conflict_and_transition(void) {
  char ticket[64];
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  char *json = NULL;

  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, 1, "first"), TC_OK);
  tc_free(json);
  CHECK_STATUS(tc_desk_comment(&json, desk, ENGINEER, ticket, 1, "based on a stale read"), TC_CONFLICT);
  CHECK(json == NULL);
  CHECK_STATUS(tc_desk_change_status(&json, desk, ENGINEER, ticket, 0, "closed", "skip ahead"), TC_INVALID_TRANSITION);
  tc_desk_close(desk);
}

/* The options struct: its size rule, the clock, the store and config fields. */
static void test_open_options(void) {
  tc_desk *desk = (tc_desk *)&desk;
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  char *json = NULL;
  int64_t now = 0;

  /* NULL options: the defaults (in memory, standard preset, system clock). */
  CHECK_STATUS(tc_desk_open(&desk, NULL), TC_OK);
  CHECK(desk != NULL);
  CHECK_STATUS(tc_desk_set_time(desk, TEST_START), TC_INVALID); /* the system clock */
  CHECK(strncmp(tc_errmsg(), "desk: uses the system clock", 27) == 0);
  CHECK_STATUS(tc_desk_now(&now, desk), TC_OK);
  CHECK(now > TEST_START); /* this machine's clock: after March 2026 */
  CHECK_STATUS(tc_desk_now(NULL, desk), TC_INVALID);
  CHECK_STATUS(tc_desk_find_tickets(&json, desk, SYSTEM, "{}"), TC_OK);
  CHECK(strcmp(json, "{\"tickets\":[]}") == 0);
  tc_free(json);
  tc_desk_close(desk);

  options.size = sizeof options + 8; /* a newer header's struct */
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(desk == NULL);
  CHECK(strcmp(tc_errpath(), "/size") == 0);
  options.size = 0;
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);

  options = test_options(NULL);
  options.clock = 7;
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/clock") == 0);
  options = test_options(NULL);
  options.start_time = -1;
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/start_time") == 0);

  /* A PostgreSQL URI goes to PostgreSQL, not to a file of that name: here a server
     that is not there (a socket folder that does not exist). */
  options = test_options("postgresql://%2Fnonexistent-dir%2Fticketcore/desk");
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_STORAGE);
  CHECK(strstr(tc_errmsg(), "PostgreSQL failed connecting") != NULL);
  options = test_options("/nonexistent-dir/x/desk.db");
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_STORAGE);
  options = test_options("desk\xff.db");
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);

  options = test_options(":memory:");
  options.config_json = "{\"version\": 3}";
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(strncmp(tc_errpath(), "/config_json", 12) == 0);
  CHECK(strncmp(tc_errmsg(), "options: /config_json", 21) == 0);
  options = test_options("");
  options.people_json = "{\"agents\":[{\"id\":\"x-01\"}]}";
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/people_json/agents/0/name") == 0);
  options.people_json = "{\"robots\":[]}";
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/people_json/robots") == 0);

  /* The manual clock: set, and set back. */
  options = test_options(NULL);
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_OK);
  CHECK_STATUS(tc_desk_now(&now, desk), TC_OK);
  CHECK(now == TEST_START);
  CHECK_STATUS(tc_desk_set_time(desk, TEST_START + 3600), TC_OK);
  CHECK_STATUS(tc_desk_now(&now, desk), TC_OK);
  CHECK(now == TEST_START + 3600);
  CHECK_STATUS(tc_desk_due(&json, desk, SYSTEM, 10), TC_OK);
  CHECK_HAS(json, "\"at\":\"2026-03-04T02:30:00Z\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_set_time(desk, TEST_START), TC_OK);
  CHECK_STATUS(tc_desk_due(&json, desk, SYSTEM, 10), TC_OK);
  CHECK_HAS(json, "\"at\":\"2026-03-04T01:30:00Z\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_set_time(desk, -5), TC_INVALID);
  CHECK(strncmp(tc_errmsg(), "unix_seconds: out of range", 26) == 0);
  tc_desk_close(desk);
}

/* ---- Running ---- */

static const struct test tests[] = {
    {"version", test_version},
    {"status_names", test_status_names},
    {"sqlite_desk", test_sqlite_desk},
    {"null_arguments", test_null_arguments},
    {"invalid_json", test_invalid_json},
    {"invalid_utf8", test_invalid_utf8},
    {"not_found", test_not_found},
    {"denied", test_denied},
    {"conflict_and_transition", test_conflict_and_transition},
    {"options", test_open_options},
};

int main(int argc, char **argv) { return run_tests(tests, sizeof tests / sizeof tests[0], argc, argv); }
