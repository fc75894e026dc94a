/* What the C tests share: the desk's people (the C++ tests' fixture::standard_desk, as a
   CRM would hand them over), the test clock's start, and two readers that pick a value
   out of a compact JSON result without a JSON library. */
#ifndef TC_TESTS_DESK_SETUP_H
#define TC_TESTS_DESK_SETUP_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ticketcore/ticketcore.h>

#include "check.h"

/* 2026-03-04T01:30:00Z, a Wednesday 09:30 in Shanghai: inside business hours. */
#define TEST_START 1772587800

#include "test_people.h"

/* Actors, as the C ABI takes them. */
#define RECEIVER "{\"kind\":\"agent\",\"id\":\"p-01\"}"
#define ENGINEER "{\"kind\":\"agent\",\"id\":\"t-01\"}"
#define OTHER_ENGINEER "{\"kind\":\"agent\",\"id\":\"t-02\"}"
#define ADMIN "{\"kind\":\"admin\",\"id\":\"m-01\"}"
#define SYSTEM "{\"kind\":\"system\"}"

/* Options for a desk with these people on `store`, its manual clock at TEST_START. */
static inline tc_desk_options test_options(const char *store) {
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  options.store = store;
  options.people_json = TEST_PEOPLE;
  options.clock = TC_CLOCK_MANUAL;
  options.start_time = TEST_START;
  return options;
}

/* Copies the first string value of "key" in `json` into out (n bytes); "" when absent. */
static inline const char *json_text(const char *json, const char *key, char *out, size_t n) {
  char pattern[64];
  const char *at;
  size_t len = 0;
  out[0] = '\0';
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  at = json ? strstr(json, pattern) : NULL;
  if (!at) return out;
  at += strlen(pattern);
  while (at[len] && at[len] != '"' && len + 1 < n) ++len;
  memcpy(out, at, len);
  out[len] = '\0';
  return out;
}

/* The first integer value of "key" in `json`; -1 when absent. */
static inline long long json_int(const char *json, const char *key) {
  char pattern[64];
  const char *at;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  at = json ? strstr(json, pattern) : NULL;
  return at ? strtoll(at + strlen(pattern), NULL, 10) : -1;
}

/* A desk in memory with the test people and clock. */
static inline tc_desk *memory_desk(void) {
  tc_desk *desk = NULL;
  tc_desk_options options = test_options(NULL);
  CHECK_STATUS(tc_desk_open(&desk, &options), TC_OK);
  if (!desk) exit(2);
  return desk;
}

/* Registers the enterprise customer of the C++ tests; its id into `id`. */
static inline void register_enterprise(tc_desk *desk, char *id, size_t n) {
  char *json = NULL;
  CHECK_STATUS(tc_desk_register_customer(&json, desk, RECEIVER,
                                         "{\"kind\":\"enterprise\",\"name\":\"Hangzhou Lianhe Manufacturing\","
                                         "\"phones\":[\"13812345678\"]}"),
               TC_OK);
  json_text(json, "id", id, n);
  CHECK(id[0] == 'C');
  tc_free(json);
}

/* Takes in an ERP fault for the customer; the result into *out (freed by the caller). */
static inline int take_in_erp_fault(char **out, tc_desk *desk, const char *customer_id, const char *subject) {
  char request[1024];
  snprintf(request, sizeof request,
           "{\"customer_id\":\"%s\",\"channel\":\"phone\",\"request_type\":\"technical_support\","
           "\"subtype\":\"software_fault\",\"subject\":\"%s\",\"urgency\":\"high\","
           "\"impact\":{\"users_affected\":40},\"attributes\":{\"product\":\"erp\"}}",
           customer_id, subject);
  return tc_desk_take_in(out, desk, RECEIVER, request);
}

/* A desk with one customer and one ERP ticket; the ticket's id into `ticket`. */
static inline tc_desk *desk_with_ticket(char *ticket, size_t n) {
  tc_desk *desk = memory_desk();
  char customer[64];
  char *json = NULL;
  register_enterprise(desk, customer, sizeof customer);
  CHECK_STATUS(take_in_erp_fault(&json, desk, customer, "ERP order module down"), TC_OK);
  json_text(json, "id", ticket, n);
  tc_free(json);
  return desk;
}

#endif
