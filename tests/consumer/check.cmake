# Installs the build tree into WORK_DIR/prefix and builds the consumer project against it:
# with find_package, and with plain `pkg-config --cflags --libs` for the C++ API and the C ABI.
file(REMOVE_RECURSE ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build
  -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_BUILD_TYPE=Release -DEXAMPLES_DIR=${EXAMPLES_DIR}
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
run(${WORK_DIR}/build/crm_embed ${WORK_DIR}/find-package.db)

# pkg-config, as a Makefile would use it: the flags, nothing else.
set(ENV{PKG_CONFIG_PATH} ${WORK_DIR}/prefix/${LIBDIR}/pkgconfig)
function(pkg_flags out)
  execute_process(COMMAND pkg-config ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} failed (${rc})")
  endif()
  separate_arguments(text UNIX_COMMAND "${text}")
  set(${out} ${text} PARENT_SCOPE)
endfunction()
separate_arguments(cxx_flags UNIX_COMMAND "${CXX_FLAGS}")
separate_arguments(linker_flags UNIX_COMMAND "${LINKER_FLAGS}")
pkg_flags(cpp_flags --cflags --libs ticketcore)
run(${CXX} ${cxx_flags} ${SOURCE_DIR}/main.cpp ${cpp_flags} ${linker_flags} -o ${WORK_DIR}/pc-consumer)
run(${WORK_DIR}/pc-consumer)
if(EXISTS ${WORK_DIR}/prefix/${LIBDIR}/pkgconfig/ticketcore-c.pc)
  pkg_flags(c_flags --cflags --libs ticketcore-c)
  pkg_flags(c_libdir --variable=libdir ticketcore-c)
  # Compiled as C, linked by the C++ driver (under the sanitizers their runtime's C++ half).
  run(${CXX} ${cxx_flags} -x c -std=c99 ${EXAMPLES_DIR}/c/crm_embed.c -x none ${c_flags} -Wl,-rpath,${c_libdir}
    ${linker_flags} -o ${WORK_DIR}/pc-crm-embed)
  run(${WORK_DIR}/pc-crm-embed ${WORK_DIR}/pkg-config.db)
endif()
