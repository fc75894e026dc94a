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

/* One named test of a test program. */
struct test {
  const char *name;
  void (*run)(void);
};

/* Runs the test argv[1] names, or every test when there is no argument (CTest runs one
   per test name); 0 when every check passed, 1 when one failed, 2 for an unknown name. */
static inline int run_tests(const struct test *tests, size_t count, int argc, char **argv) {
  size_t i;
  int ran = 0;
  for (i = 0; i < count; ++i) {
    if (argc > 1 && strcmp(argv[1], tests[i].name) != 0) continue;
    tests[i].run();
    ++ran;
  }
  if (ran == 0) {
    fprintf(stderr, "no test named %s\n", argv[1]);
    return 2;
  }
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}

#endif
