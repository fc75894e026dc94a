/* The engines alone through the C ABI, as a CRM that keeps its own tickets uses them: a
   configuration's priority scheme and SLA policies, business calendars, and routing rule
   sets (route, explain, lint, dry run), with no desk and no store.
   Run as `tc_capi_engines_test NAME` (one CTest test per NAME) or with no argument for all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "desk_setup.h"

/* Weekdays 09:00-18:00 in Shanghai; National Day off, one make-up Saturday. */
#define CALENDAR                                                                                         \
  "{\"id\":\"office\",\"time_zone\":\"Asia/Shanghai\",\"weekly_hours\":{"                                \
  "\"monday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}],\"tuesday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}]," \
  "\"wednesday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}],\"thursday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}]," \
  "\"friday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}]},"                                                  \
  "\"holidays\":[{\"from\":\"2026-10-01\",\"to\":\"2026-10-07\",\"name\":\"National Day\"}],"              \
  "\"extra_working_days\":[{\"date\":\"2026-10-10\"}]}"

/* An ERP fault on the phone from an enterprise customer, created at TEST_START. */
#define TICKET                                                                                          \
  "{\"id\":\"202603-100\",\"customer_id\":\"C20260304001\",\"channel\":\"phone\","                     \
  "\"request_type\":\"technical_support\",\"subtype\":\"software_fault\",\"subject\":\"ERP order module down\"," \
  "\"priority\":\"P2\",\"urgency\":\"high\",\"impact\":{\"users_affected\":40},\"attributes\":{\"product\":\"erp\"},"      \
  "\"created_at\":\"2026-03-04T01:30:00Z\"}"
#define CUSTOMER(tier) \
  "{\"id\":\"C20260304001\",\"kind\":\"enterprise\",\"name\":\"Lianhe\",\"tier\":\"" tier "\"}"
#define SUBJECT "{\"ticket\":" TICKET "}"
#define VIP_SUBJECT "{\"ticket\":" TICKET ",\"customer\":" CUSTOMER("vip") "}"

#define HOUR 3600

static void test_config(void) {
  tc_config *config = NULL, *again = NULL;
  char *json = NULL;
  CHECK_STATUS(tc_config_preset(&config, "nonesuch"), TC_NOT_FOUND);
  CHECK(config == NULL);
  CHECK_STATUS(tc_config_preset(&config, "standard"), TC_OK);
  CHECK_STATUS(tc_config_json(&json, config), TC_OK);
  CHECK_HAS(json, "\"cn-standard\"");
  /* The document reads back as a configuration. */
  CHECK_STATUS(tc_config_open(&again, json), TC_OK);
  tc_free(json);
  tc_config_close(again);
  CHECK_STATUS(tc_config_open(&again, "{\"version\":\"x\",\"sla\":7}"), TC_INVALID);
  CHECK(again == NULL);
  CHECK(strstr(tc_errmsg(), "config: ") == tc_errmsg());
  tc_config_close(again);
  tc_config_close(config);
  tc_config_close(NULL);
}

static void test_calendar(void) {
  tc_calendar *calendar = NULL;
  int64_t at = -1;
  int flag = -1;
  CHECK_STATUS(tc_calendar_open(&calendar, "{\"time_zone\":\"Mars/Olympus\",\"weekly_hours\":{\"monday\":[{\"from\":\"09:00\",\"to\":\"18:00\"}]}}"), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/time_zone") == 0);
  CHECK_STATUS(tc_calendar_open(&calendar, CALENDAR), TC_OK);
  /* Wednesday 09:30: open; one business hour later is 10:30. */
  CHECK_STATUS(tc_calendar_is_open(&flag, calendar, TEST_START), TC_OK);
  CHECK(flag == 1);
  CHECK_STATUS(tc_calendar_add(&at, calendar, TEST_START, HOUR), TC_OK);
  CHECK(at == TEST_START + HOUR);
  /* Nine business hours from Wednesday 09:30 (8.5 on Wednesday) end Thursday 09:30. */
  CHECK_STATUS(tc_calendar_add(&at, calendar, TEST_START, 9 * HOUR), TC_OK);
  CHECK(at == TEST_START + 24 * HOUR);
  CHECK_STATUS(tc_calendar_between(&at, calendar, TEST_START, TEST_START + 24 * HOUR + HOUR / 2), TC_OK);
  CHECK(at == 9 * HOUR + HOUR / 2);
  CHECK_STATUS(tc_calendar_between(&at, calendar, TEST_START + HOUR, TEST_START), TC_OK);
  CHECK(at == -HOUR);
  /* Two working days from Wednesday 09:30: Friday 09:30. */
  CHECK_STATUS(tc_calendar_add_working_days(&at, calendar, TEST_START, 2), TC_OK);
  CHECK(at == TEST_START + 48 * HOUR);
  /* Saturday 12:00 local: closed; opens Monday 09:00. */
  CHECK_STATUS(tc_calendar_is_open(&flag, calendar, TEST_START + 3 * 24 * HOUR + 2 * HOUR + HOUR / 2), TC_OK);
  CHECK(flag == 0);
  CHECK_STATUS(tc_calendar_next_open(&at, calendar, TEST_START + 3 * 24 * HOUR), TC_OK);
  CHECK(at == TEST_START + 5 * 24 * HOUR - HOUR / 2);
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "2026-10-01"), TC_OK);
  CHECK(flag == 0);
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "2026-10-10"), TC_OK);
  CHECK(flag == 1);
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "2026-10-11"), TC_OK);
  CHECK(flag == 0);
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "10/11/2026"), TC_INVALID);
  CHECK(flag == 0);
  CHECK_STATUS(tc_calendar_add(&at, calendar, TEST_START, -1), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "business_seconds: ") == tc_errmsg());
  tc_calendar_close(calendar);
}

static void test_priority_and_sla(void) {
  tc_config *config = NULL;
  tc_calendar *calendar = NULL;
  char *normal = NULL, *vip = NULL, *json = NULL;
  int flag = 0;
  CHECK_STATUS(tc_config_preset(&config, "standard"), TC_OK);
  CHECK_STATUS(tc_config_priority(&normal, config, SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(normal, "\"level\":\"P");
  /* A vip customer moves the level up (docs/sla.md, "Priority"). */
  CHECK_STATUS(tc_config_priority(&vip, config, VIP_SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(vip, "customer tier vip");
  CHECK(normal && vip && strcmp(normal, vip) != 0);
  tc_free(normal);
  tc_free(vip);

  /* The SLA clocks of a ticket with no history yet: running, due in the future. */
  CHECK_STATUS(tc_config_sla_status(&json, config, SUBJECT, TEST_START + HOUR), TC_OK);
  CHECK_HAS(json, "\"state\":\"running\"");
  CHECK_HAS(json, "\"target\":\"resolution\"");
  tc_free(json);
  CHECK_STATUS(tc_config_sla_status(&json, config, "{\"events\":[]}", TEST_START), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/ticket") == 0);
  CHECK_STATUS(tc_config_sla_status(&json, config, "{\"ticket\":{\"subject\":\"x\"}}", TEST_START), TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/ticket/customer_id") == 0);

  /* The configuration's calendars. */
  CHECK_STATUS(tc_config_calendar(&calendar, config, "mars"), TC_NOT_FOUND);
  CHECK_STATUS(tc_config_calendar(&calendar, config, "cn-standard"), TC_OK);
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "2026-10-01"), TC_OK);
  CHECK(flag == 0);
  tc_config_close(config); /* the calendar outlives it */
  CHECK_STATUS(tc_calendar_is_working_day(&flag, calendar, "2026-03-04"), TC_OK);
  CHECK(flag == 1);
  tc_calendar_close(calendar);
}

#define PHONE_RULES(version)                                                                        \
  "{\"version\":\"" version "\",\"rules\":["                                                        \
  "{\"id\":\"phone\",\"name\":\"Phone to technical support\",\"when\":{\"field\":\"channel\","     \
  "\"op\":\"eq\",\"value\":\"phone\"},\"then\":[{\"set_team\":\"technical_support\"}],\"stop\":true}," \
  "{\"id\":\"phone-again\",\"name\":\"Never reached\",\"when\":{\"field\":\"channel\","           \
  "\"op\":\"eq\",\"value\":\"phone\"},\"then\":[{\"set_team\":\"customer_relations\"}]}]}"
#define EMAIL_RULES                                                                                 \
  "{\"version\":\"email\",\"rules\":["                                                              \
  "{\"id\":\"all\",\"name\":\"Everything to customer relations\",\"when\":{\"field\":\"channel\"," \
  "\"op\":\"in\",\"value\":[\"phone\",\"email\"]},\"then\":[{\"set_team\":\"customer_relations\"}]}]}"

static void test_rules_alone(void) {
  tc_rules *rules = NULL;
  char *json = NULL;
  /* The rules name a team: without the people, the team is unknown. */
  CHECK_STATUS(tc_rules_open(&rules, PHONE_RULES("v1"), NULL), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "rules: /rules/0/then/0") == tc_errmsg());
  CHECK_STATUS(tc_rules_open(&rules, PHONE_RULES("v1"), "{\"teams\":7}"), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "people: /teams") == tc_errmsg());
  CHECK_STATUS(tc_rules_open(&rules, PHONE_RULES("v1"), TEST_PEOPLE), TC_OK);
  CHECK_STATUS(tc_rules_lint(&json, rules), TC_OK);
  CHECK_HAS(json, "\"kind\":\"shadowed\"");
  CHECK_HAS(json, "\"rule_id\":\"phone-again\"");
  tc_free(json);
  CHECK_STATUS(tc_rules_route(&json, rules, SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(json, "\"team\":\"technical_support\"");
  CHECK_HAS(json, "\"version\":\"v1\"");
  tc_free(json);
  CHECK_STATUS(tc_rules_explain(&json, rules, SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(json, "\"phone\"");
  tc_free(json);
  tc_rules_close(rules);
}

static void test_config_rules(void) {
  tc_config *config = NULL;
  tc_rules *rules = NULL;
  char *json = NULL;
  CHECK_STATUS(tc_config_preset(&config, "standard"), TC_OK);
  CHECK_STATUS(tc_config_rules(&rules, config), TC_OK);
  tc_config_close(config); /* the rules outlive it */
  CHECK_STATUS(tc_rules_route(&json, rules, SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(json, "\"team\":\"technical_support\"");
  tc_free(json);
  /* The customer's tier is a fact the preset's rules read: a vip goes to the seniors. */
  CHECK_STATUS(tc_rules_explain(&json, rules, VIP_SUBJECT, TEST_START), TC_OK);
  CHECK_HAS(json, "\"matched_rules\":[\"vip-after-sales\"]");
  CHECK_HAS(json, "\"team\":\"senior_specialists\"");
  tc_free(json);
  tc_rules_close(rules);
}

static void test_dry_run(void) {
  tc_rules *current = NULL, *proposed = NULL;
  char *json = NULL;
  CHECK_STATUS(tc_rules_open(&current, PHONE_RULES("v1"), TEST_PEOPLE), TC_OK);
  CHECK_STATUS(tc_rules_open(&proposed, EMAIL_RULES, TEST_PEOPLE), TC_OK);
  CHECK_STATUS(tc_rules_dry_run(&json, current, proposed, "[" TICKET "," TICKET "]", TEST_START), TC_OK);
  CHECK_HAS(json, "\"tickets\":2");
  CHECK_HAS(json, "\"changed\":[{\"ticket_id\":\"202603-100\"");
  CHECK_HAS(json, "{\"item\":\"team\",\"before\":\"technical_support\",\"after\":\"customer_relations\"}");
  tc_free(json);
  CHECK_STATUS(tc_rules_dry_run(&json, current, proposed, "{}", TEST_START), TC_INVALID);
  CHECK_STATUS(tc_rules_dry_run(&json, current, proposed, "[" TICKET ",{\"subject\":\"x\"}]", TEST_START),
               TC_INVALID);
  CHECK(strcmp(tc_errpath(), "/1/customer_id") == 0);
  tc_rules_close(current);
  tc_rules_close(proposed);
}

static void test_bad_arguments(void) {
  tc_config *config = NULL;
  tc_calendar *calendar = NULL;
  tc_rules *rules = NULL;
  char *json = NULL;
  int64_t at = 5;
  CHECK_STATUS(tc_config_open(NULL, "{}"), TC_INVALID);
  CHECK_STATUS(tc_config_open(&config, NULL), TC_INVALID);
  CHECK_STATUS(tc_config_json(&json, NULL), TC_INVALID);
  CHECK(strstr(tc_errmsg(), "config: ") == tc_errmsg());
  CHECK_STATUS(tc_config_priority(&json, NULL, SUBJECT, 0), TC_INVALID);
  CHECK_STATUS(tc_calendar_add(&at, NULL, 0, 0), TC_INVALID);
  CHECK(at == 0);
  CHECK_STATUS(tc_calendar_add(NULL, calendar, 0, 0), TC_INVALID);
  CHECK_STATUS(tc_calendar_open(&calendar, "{\"time_zone\":\"Asia/Shanghai\"\xff}"), TC_INVALID);
  CHECK_STATUS(tc_rules_route(&json, NULL, SUBJECT, 0), TC_INVALID);
  CHECK_STATUS(tc_rules_open(&rules, "not json", NULL), TC_INVALID);
  CHECK_STATUS(tc_rules_dry_run(&json, NULL, NULL, "[]", 0), TC_INVALID);
  CHECK(config == NULL && calendar == NULL && rules == NULL && json == NULL);
}

static const struct test tests[] = {
    {"config", test_config},
    {"calendar", test_calendar},
    {"priority_and_sla", test_priority_and_sla},
    {"rules_alone", test_rules_alone},
    {"config_rules", test_config_rules},
    {"dry_run", test_dry_run},
    {"bad_arguments", test_bad_arguments},
};

int main(int argc, char **argv) { return run_tests(tests, sizeof tests / sizeof tests[0], argc, argv); }
