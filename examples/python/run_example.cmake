# Runs crm_embed.py on a fresh SQLite file and checks that it ran to the end and printed
# something real: numbered tickets routed with SLA due times, sweeps, a queue.
#   cmake -DPYTHON=... -DSCRIPT=.../crm_embed.py -DSTORE=<file> -P run_example.cmake
file(REMOVE ${STORE} ${STORE}-wal ${STORE}-shm)
execute_process(COMMAND ${PYTHON} -B ${SCRIPT} ${STORE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crm_embed.py failed (${rc}):\n${err}")
endif()
foreach(expected
    "ticket 202603-[0-9]+ via phone"
    "ticket 202603-[0-9]+ via email"
    "ticket 202603-[0-9]+ via portal"
    "SLA first_response +due "
    "action\\(s\\) due"
    "sla_breach"
    "queue of t-01: [1-9][0-9]* open ticket"
    "\ndone\n")
  if(NOT out MATCHES "${expected}")
    message(FATAL_ERROR "crm_embed.py's output lacks /${expected}/")
  endif()
endforeach()
if(NOT EXISTS ${STORE})
  message(FATAL_ERROR "crm_embed.py left no SQLite file at ${STORE}")
endif()
file(REMOVE ${STORE} ${STORE}-wal ${STORE}-shm)
