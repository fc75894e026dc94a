# Fails when the standard preset docs/config.md prints differs from what print_preset prints.
# Run with -DUPDATE=ON to write the program's output into the document instead.
#   cmake -DPROGRAM=<print_preset> -DDOC=<docs/config.md> [-DUPDATE=ON] -P check_docs.cmake
set(begin_marker "<!-- begin: the standard preset, as examples/config/print_preset prints it -->\n```json\n")
set(end_marker "```\n<!-- end: the standard preset -->")

execute_process(COMMAND "${PROGRAM}" standard OUTPUT_VARIABLE printed RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed (${status})")
endif()

file(READ "${DOC}" doc)
string(FIND "${doc}" "${begin_marker}" begin_at)
string(FIND "${doc}" "${end_marker}" end_at)
if(begin_at EQUAL -1 OR end_at EQUAL -1)
  message(FATAL_ERROR "${DOC}: the begin and end markers of the standard preset are missing")
endif()
string(LENGTH "${begin_marker}" begin_length)
math(EXPR shown_at "${begin_at} + ${begin_length}")
math(EXPR shown_length "${end_at} - ${shown_at}")
string(SUBSTRING "${doc}" ${shown_at} ${shown_length} shown)

if(shown STREQUAL printed)
  return()
endif()
if(UPDATE)
  string(SUBSTRING "${doc}" 0 ${shown_at} before)
  string(SUBSTRING "${doc}" ${end_at} -1 after)
  file(WRITE "${DOC}" "${before}${printed}${after}")
  message(STATUS "${DOC}: the standard preset updated")
else()
  message(FATAL_ERROR "${DOC} shows another standard preset than ${PROGRAM} prints; "
                      "update it with: cmake -DPROGRAM=${PROGRAM} -DDOC=${DOC} -DUPDATE=ON -P ${CMAKE_CURRENT_LIST_FILE}")
endif()
