/* A few checks for the C tests of the C ABI: plain C, no framework. Each failed check
   prints where it failed, the status, and the thread's tc_errmsg(), and is counted. */
#ifndef TC_TESTS_CHECK_H
#define TC_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

#include <ticketcore/ticketcore.h>

static int check_failures = 0;

#define CHECK(cond)                                                                                  \
  do {                                                                                               \
    if (!(cond)) {                                                                                   \
      fprintf(stderr, "%s:%d: CHECK(%s) failed (tc_errmsg: \"%s\")\n", __FILE__, __LINE__, #cond, \
              tc_errmsg());                                                                          \
      ++check_failures;                                                                              \
    }                                                                                                \
  } while (0)

/* A call's status must be `want`; on a mismatch the message says what came instead. */
#define CHECK_STATUS(call, want)                                                                   \
  do {                                                                                             \
    int got_ = (call);                                                                             \
    if (got_ != (want)) {                                                                          \
      fprintf(stderr, "%s:%d: %s gave %s, expected %s (tc_errmsg: \"%s\")\n", __FILE__, __LINE__, \
              #call, tc_strerror(got_), tc_strerror(want), tc_errmsg());                           \
      ++check_failures;                                                                            \
    }                                                                                              \
  } while (0)

/* The text `json` holds `part` (the JSON forms are compact: "key":value, no spaces). */
#define CHECK_HAS(json, part)                                                                        \
  do {                                                                                               \
    const char *j_ = (json);                                                                         \
    if (!j_ || !strstr(j_, (part))) {                                                                \
      fprintf(stderr, "%s:%d: %s lacks %s: %s\n", __FILE__, __LINE__, #json, (part), j_ ? j_ : "NULL"); \
      ++check_failures;                                                                              \
    }                                                                                                \
  } while (0)

#endif
