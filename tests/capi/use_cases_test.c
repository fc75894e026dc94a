/* The rest of the Desk's use cases through the C ABI, as a CRM written in C drives them:
   a customer record's life (update, unmasked read, purchases, history, profile, merge and
   its reversal), a ticket's whole workflow (notes, updates, escalation, priority, solution
   options, remedy approval, responsibility, sign-off, rating, close, reopen, cancel,
   merge), the team queue, configuration (dry run, publish), purge, report and audit.
   Run as `tc_capi_use_cases_test NAME` (one CTest test per NAME) or with no argument for all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "desk_setup.h"

#define SUPERVISOR "{\"kind\":\"supervisor\",\"id\":\"s-01\"}"

/* The actor JSON of a customer, into out. */
static const char *customer_actor(char *out, size_t n, const char *customer_id) {
  snprintf(out, n, "{\"kind\":\"customer\",\"id\":\"%s\"}", customer_id);
  return out;
}

/* Frees a change's result (*json, after the call that set it); the ticket's new version,
   or -1 when the call failed. */
static long long changed(int status, char **json) {
  long long version = status == TC_OK ? json_int(strstr(*json, "\"ticket\""), "version") : -1;
  tc_free(*json);
  *json = NULL;
  return version;
}

static void test_customer_record(void) {
  tc_desk *desk = memory_desk();
  char id[64], other[64], update[512];
  char *json = NULL;
  long long version;
  register_enterprise(desk, id, sizeof id);

  /* Update: the version the caller saw, else a conflict that writes nothing. */
  CHECK_STATUS(tc_desk_customer(&json, desk, ADMIN, id), TC_OK);
  version = json_int(json, "version");
  tc_free(json);
  snprintf(update, sizeof update,
           "{\"id\":\"%s\",\"version\":%lld,\"kind\":\"enterprise\",\"name\":\"Lianhe Manufacturing Group\","
           "\"phones\":[\"13812345678\"]}",
           id, version + 5);
  CHECK_STATUS(tc_desk_update_customer(&json, desk, ADMIN, update), TC_CONFLICT);
  CHECK(json == NULL);
  snprintf(update, sizeof update,
           "{\"id\":\"%s\",\"version\":%lld,\"kind\":\"enterprise\",\"name\":\"Lianhe Manufacturing Group\","
           "\"phones\":[\"13812345678\"]}",
           id, version);
  CHECK_STATUS(tc_desk_update_customer(&json, desk, ADMIN, update), TC_OK);
  CHECK_HAS(json, "\"name\":\"Lianhe Manufacturing Group\"");
  CHECK(json_int(json, "version") == version + 1);
  tc_free(json);

  /* Unmasked: an agent may not; an admin may, and the audit log says so. */
  CHECK_STATUS(tc_desk_customer_unmasked(&json, desk, RECEIVER, id), TC_DENIED);
  CHECK_STATUS(tc_desk_customer_unmasked(&json, desk, ADMIN, id), TC_OK);
  CHECK_HAS(json, "13812345678");
  tc_free(json);
  CHECK_STATUS(tc_desk_audit(&json, desk, ADMIN, "{\"action\":\"read_unmasked\"}"), TC_OK);
  CHECK_HAS(json, "\"action\":\"read_unmasked\"");
  CHECK_HAS(json, id);
  tc_free(json);

  /* Purchases: numbered by the desk; three in a year make the customer vip. */
  CHECK_STATUS(tc_desk_record_purchase(&json, desk, ADMIN, id, "{\"product\":\"ERP\",\"id\":\"P1\"}"),
               TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/purchase/id") == 0);
  CHECK_STATUS(tc_desk_record_purchase(&json, desk, ADMIN, id, "{\"product\":\"ERP\",\"price\":{\"amount\":-1}}"),
               TC_INVALID);
  CHECK(strstr(tc_errmsg(), "purchase: /price") == tc_errmsg());
  CHECK_STATUS(tc_desk_record_purchase(&json, desk, ADMIN, id,
                                       "{\"product\":\"ERP\",\"serial_number\":\"SN-1\","
                                       "\"purchased_at\":\"2026-01-10T02:00:00Z\",\"price\":{\"amount\":20000,"
                                       "\"currency\":\"CNY\"}}"),
               TC_OK);
  CHECK_HAS(json, "\"id\":\"P20260304");
  CHECK_HAS(json, "\"tier\":\"normal\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_record_purchase(&json, desk, ADMIN, id, "{\"product\":\"CRM\"}"), TC_OK);
  tc_free(json);
  CHECK_STATUS(tc_desk_record_purchase(&json, desk, ADMIN, id, "{\"product\":\"CRM\"}"), TC_OK);
  CHECK_HAS(json, "\"tier\":\"vip\"");
  tc_free(json);

  /* History and profile. */
  CHECK_STATUS(tc_desk_customer_history(&json, desk, ADMIN, "{\"limit\":2}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/customer_id") == 0);
  snprintf(update, sizeof update, "{\"customer_id\":\"%s\",\"kinds\":[\"record_event\"],\"limit\":1}", id);
  CHECK_STATUS(tc_desk_customer_history(&json, desk, ADMIN, update), TC_OK);
  CHECK_HAS(json, "\"kind\":\"record_event\"");
  CHECK_HAS(json, "\"next_cursor\":");
  tc_free(json);
  CHECK_STATUS(tc_desk_customer_profile(&json, desk, ADMIN, id), TC_OK);
  CHECK_HAS(json, "\"tier\":\"vip\"");
  CHECK_HAS(json, "\"summary\":\"");
  tc_free(json);

  /* A duplicate sharing the phone merges in, and the merge can be undone. */
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER,
                                         "{\"kind\":\"enterprise\",\"name\":\"Lianhe\",\"phones\":[\"13812345678\"],"
                                         "\"emails\":[\"it@lianhe.example\"]}"),
               TC_OK);
  json_text(json, "id", other, sizeof other);
  tc_free(json);
  CHECK_STATUS(tc_desk_merge_customers(&json, desk, RECEIVER, other, id), TC_DENIED);
  CHECK_STATUS(tc_desk_merge_customers(&json, desk, ADMIN, other, id), TC_OK);
  CHECK_HAS(json, "@lianhe.example"); /* the duplicate's email, masked */
  tc_free(json);
  CHECK_STATUS(tc_desk_customer(&json, desk, ADMIN, other), TC_OK);
  CHECK_HAS(json, "\"merged_into\":\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_reverse_customer_merge(&json, desk, ADMIN, other, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_reverse_customer_merge(&json, desk, ADMIN, other, "two companies"), TC_OK);
  CHECK(strstr(json, "merged_into") == NULL);
  tc_free(json);
  tc_desk_close(desk);
}

static void test_ticket_workflow(void) {
  char ticket[64], customer[64], as_customer[128];
  char *json = NULL;
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, ticket), TC_OK);
  json_text(json, "customer_id", customer, sizeof customer);
  tc_free(json);
  customer_actor(as_customer, sizeof as_customer, customer);
  CHECK(changed(tc_desk_change_status(&json, desk, ENGINEER, ticket, 0, "in_progress", NULL), &json) > 0);

  CHECK(changed(tc_desk_internal_comment(&json, desk, ENGINEER, ticket, 0, "Index rebuild needed"), &json) > 0);
  CHECK(changed(tc_desk_progress_update(&json, desk, ENGINEER, ticket, 0, "Rebuilding the index"), &json) > 0);
  CHECK_STATUS(tc_desk_escalate(&json, desk, ENGINEER, ticket, 0, 7, "stuck"), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "level: ") == tc_errmsg());
  CHECK_STATUS(tc_desk_escalate(&json, desk, ENGINEER, ticket, 0, 2, "needs the lead"), TC_OK);
  CHECK_HAS(json, "\"kind\":\"escalated\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_change_priority(&json, desk, ENGINEER, ticket, 0, "P9", "typo"), TC_INVALID);
  CHECK_STATUS(tc_desk_change_priority(&json, desk, ENGINEER, ticket, 0, "P1", "line stopped"), TC_OK);
  CHECK_HAS(json, "\"priority\":\"P1\"");
  tc_free(json);

  /* Diagnosis: who is responsible, signed off by the customer. */
  CHECK_STATUS(tc_desk_record_responsibility(&json, desk, ENGINEER, ticket, 0, "{\"party\":\"nobody\"}"),
               TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/party") == 0);
  CHECK_STATUS(tc_desk_record_responsibility(&json, desk, ENGINEER, ticket, 0,
                                             "{\"party\":\"company\",\"note\":\"bad index migration\"}"),
               TC_OK);
  CHECK_HAS(json, "\"party\":\"company\"");
  tc_free(json);
  CHECK(changed(tc_desk_sign_off(&json, desk, as_customer, ticket, 0, "diagnosis"), &json) > 0);

  /* Solution options, the customer's choice, a remedy approval. */
  CHECK_STATUS(tc_desk_propose_solutions(&json, desk, ENGINEER, ticket, 0, "[{\"id\":\"a\"}]"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/0/title") == 0);
  CHECK_STATUS(tc_desk_propose_solutions(&json, desk, ENGINEER, ticket, 0,
                                         "[{\"id\":\"a\",\"title\":\"Rebuild the index\",\"duration_hours\":2},"
                                         "{\"id\":\"b\",\"title\":\"Restore last night's backup\"}]"),
               TC_OK);
  CHECK_HAS(json, "\"title\":\"Restore last night's backup\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_choose_solution(&json, desk, as_customer, ticket, 0, "c"), TC_NOT_FOUND);
  CHECK(changed(tc_desk_choose_solution(&json, desk, as_customer, ticket, 0, "a"), &json) > 0);
  CHECK(changed(tc_desk_request_remedy_approval(&json, desk, ENGINEER, ticket, 0, "voucher 300 CNY", 3), &json) > 0);
  CHECK_STATUS(tc_desk_approve_remedy(&json, desk, ENGINEER, ticket, 0, NULL), TC_DENIED);
  CHECK(changed(tc_desk_approve_remedy(&json, desk, SUPERVISOR, ticket, 0, NULL), &json) > 0);

  /* Resolved, rated, closed; a closed ticket cannot be reopened. */
  CHECK(changed(tc_desk_resolve(&json, desk, ENGINEER, ticket, 0, "Rebuilt the order index."), &json) > 0);
  CHECK_STATUS(tc_desk_rate(&json, desk, as_customer, ticket, 0, "{\"efficiency\":6,\"attitude\":5,\"effectiveness\":5}"),
               TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/efficiency") == 0);
  CHECK_STATUS(tc_desk_rate(&json, desk, as_customer, ticket, 0,
                            "{\"efficiency\":5,\"attitude\":5,\"effectiveness\":4,\"comment\":\"quick\"}"),
               TC_OK);
  CHECK_HAS(json, "\"satisfaction\":{");
  tc_free(json);
  CHECK_STATUS(tc_desk_close_ticket(&json, desk, as_customer, ticket, 0), TC_OK);
  CHECK_HAS(json, "\"status\":\"closed\"");
  tc_free(json);
  CHECK_STATUS(tc_desk_reopen(&json, desk, as_customer, ticket, 0, "again"), TC_INVALID_TRANSITION);
  CHECK(json == NULL);
  tc_desk_close(desk);
}

static void test_reopen_cancel_merge(void) {
  char first[64], second[64], third[64], customer[64];
  char *json = NULL;
  long long version;
  tc_desk *desk = desk_with_ticket(first, sizeof first);
  CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, first), TC_OK);
  json_text(json, "customer_id", customer, sizeof customer);
  tc_free(json);
  CHECK_STATUS(take_in_erp_fault(&json, desk, customer, "ERP invoices missing"), TC_OK);
  json_text(json, "id", second, sizeof second);
  tc_free(json);
  CHECK_STATUS(take_in_erp_fault(&json, desk, customer, "ERP invoices missing again"), TC_OK);
  json_text(json, "id", third, sizeof third);
  tc_free(json);

  /* Reopen after resolve. */
  CHECK(changed(tc_desk_change_status(&json, desk, ENGINEER, first, 0, "in_progress", NULL), &json) > 0);
  CHECK(changed(tc_desk_resolve(&json, desk, ENGINEER, first, 0, "Restarted."), &json) > 0);
  CHECK_STATUS(tc_desk_reopen(&json, desk, ENGINEER, first, 0, NULL), TC_INVALID);
  CHECK_STATUS(tc_desk_reopen(&json, desk, ENGINEER, first, 0, "still down"), TC_OK);
  CHECK(strstr(json, "\"status\":\"resolved\"") == NULL);
  tc_free(json);

  /* Merge the third into the second, each at the version the caller saw. */
  CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, third), TC_OK);
  version = json_int(json, "version");
  tc_free(json);
  CHECK_STATUS(tc_desk_merge_tickets(&json, desk, ADMIN, third, version + 1, second, 0), TC_CONFLICT);
  CHECK_STATUS(tc_desk_merge_tickets(&json, desk, ADMIN, third, -1, second, 0), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "duplicate_version: ") == tc_errmsg());
  CHECK_STATUS(tc_desk_merge_tickets(&json, desk, ADMIN, third, version, second, 0), TC_OK);
  CHECK_HAS(json, "{\"duplicate\":{\"ticket\":");
  CHECK_HAS(json, "\"status\":\"merged\"");
  CHECK_HAS(json, "\"kept\":{\"ticket\":");
  tc_free(json);

  /* Cancel the second. */
  CHECK_STATUS(tc_desk_cancel(&json, desk, ADMIN, second, 0, "duplicate of the first"), TC_OK);
  CHECK_HAS(json, "\"status\":\"cancelled\"");
  tc_free(json);
  tc_desk_close(desk);
}

static void test_team_queue(void) {
  char customer[64];
  char *json = NULL;
  tc_desk *desk = memory_desk();
  register_enterprise(desk, customer, sizeof customer);
  /* A request for a team whose agents are all away stays unassigned in the team's queue:
     here, any ticket routed to a team with no strategy result; the queue lists only
     unassigned open tickets, so an empty page is a valid answer for a busy team. */
  CHECK_STATUS(tc_desk_team_queue(&json, desk, ADMIN, "technical_support", 0, NULL), TC_OK);
  CHECK_HAS(json, "\"tickets\":[");
  tc_free(json);
  CHECK_STATUS(tc_desk_team_queue(&json, desk, ADMIN, "technical_support", 1001, NULL), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "limit: ") == tc_errmsg());
  CHECK_STATUS(tc_desk_team_queue(&json, desk, ADMIN, NULL, 0, NULL), TC_INVALID);
  tc_desk_close(desk);
}

/* The configuration in force, a dry run of a new version, and its publication. */
static void test_configuration(void) {
  char ticket[64];
  char *config = NULL, *json = NULL, *next = NULL, *version_at;
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  CHECK_STATUS(tc_desk_config(&config, desk), TC_OK);
  /* The same document under a new version: the value of the first "version" (the
     document's own) gains the prefix "next-". */
  version_at = config ? strstr(config, "\"version\"") : NULL;
  version_at = version_at ? strchr(version_at + 10, '"') : NULL;
  CHECK(version_at != NULL);
  if (!version_at) return;
  next = malloc(strlen(config) + 8);
  memcpy(next, config, (size_t)(version_at - config) + 1);
  strcpy(next + (version_at - config) + 1, "next-");
  strcpy(next + (version_at - config) + 6, version_at + 1);

  CHECK_STATUS(tc_desk_dry_run(&json, desk, ADMIN, "{\"version\":1}"), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "config: /version") == tc_errmsg());
  CHECK_STATUS(tc_desk_dry_run(&json, desk, ADMIN, next), TC_OK);
  CHECK_HAS(json, "\"tickets\":1");
  CHECK_HAS(json, "\"changed\":[]"); /* the same rules: nothing would move */
  tc_free(json);
  CHECK_STATUS(tc_desk_publish(desk, RECEIVER, next), TC_DENIED);
  CHECK_STATUS(tc_desk_publish(desk, ADMIN, config), TC_CONFLICT);
  CHECK_STATUS(tc_desk_publish(desk, ADMIN, next), TC_OK);
  CHECK_STATUS(tc_desk_show(&json, desk, ADMIN, ticket), TC_OK);
  CHECK_HAS(json, "\"config_version\":\"next-");
  tc_free(json);
  free(next);
  tc_free(config);
  tc_desk_close(desk);
}

/* Purge, report and audit: an admin's calls, refused to agents. */
static void test_purge_report_audit(void) {
  char ticket[64];
  char *json = NULL;
  tc_desk *desk = desk_with_ticket(ticket, sizeof ticket);
  CHECK_STATUS(tc_desk_purge(&json, desk, RECEIVER), TC_DENIED);
  CHECK_STATUS(tc_desk_purge(&json, desk, ADMIN), TC_OK);
  CHECK_HAS(json, "\"tickets\":0");
  CHECK_HAS(json, "\"closed_before\":\"");
  tc_free(json);

  CHECK_STATUS(tc_desk_report(&json, desk, ADMIN, "{\"from\":\"2026-03-01T00:00:00Z\"}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/to") == 0);
  CHECK_STATUS(tc_desk_report(&json, desk, ADMIN,
                              "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\","
                              "\"as_of\":\"2026-03-05T00:00:00Z\",\"group_by\":[\"team\"]}"),
               TC_OK);
  CHECK_HAS(json, "technical_support");
  tc_free(json);

  CHECK_STATUS(tc_desk_audit(&json, desk, ADMIN, "{\"action\":\"nothing\"}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/action") == 0);
  CHECK_STATUS(tc_desk_audit(&json, desk, ADMIN, NULL), TC_OK);
  CHECK_HAS(json, "\"action\":\"register_customer\"");
  CHECK_HAS(json, "\"action\":\"purge\"");
  CHECK_HAS(json, "\"action\":\"denied\"");
  tc_free(json);
  tc_desk_close(desk);
}

static const struct test tests[] = {
    {"customer_record", test_customer_record},
    {"ticket_workflow", test_ticket_workflow},
    {"reopen_cancel_merge", test_reopen_cancel_merge},
    {"team_queue", test_team_queue},
    {"configuration", test_configuration},
    {"purge_report_audit", test_purge_report_audit},
};

int main(int argc, char **argv) { return run_tests(tests, sizeof tests / sizeof tests[0], argc, argv); }
