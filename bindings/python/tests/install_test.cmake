# The offline install (docs/python.md, "Installing"), run by CTest:
#   cmake -DPYTHON=... -DSOURCE=bindings/python -DLIBRARY=.../libticketcore.so.0.1.0
#         -DSONAME=libticketcore.so.0 -DWORK=<build dir>/install_test -P install_test.cmake
# 1. stages a copy of the binding (pyproject.toml, README.md, ticketcore/) in WORK/src,
#    with the library copied in as ticketcore/<SONAME> (its debug info stripped when
#    -DSTRIP=<strip> is given, as a package would: pip zips a smaller file faster);
# 2. makes a fresh venv with the system's site packages (setuptools and wheel; no index),
#    exactly as docs/python.md tells a user to;
# 3. pip-installs the staged copy with the venv's own pip, no index, no build isolation;
# 4. runs tests/smoke_installed.py with the venv's python, from WORK, in isolated mode and
#    without TICKETCORE_LIBRARY: the library must be found beside the installed package.
foreach(var PYTHON SOURCE LIBRARY SONAME WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_test.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run what)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ok")
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/src)
file(COPY ${SOURCE}/pyproject.toml ${SOURCE}/README.md DESTINATION ${WORK}/src)
file(COPY ${SOURCE}/ticketcore DESTINATION ${WORK}/src PATTERN __pycache__ EXCLUDE PATTERN "*.pyc" EXCLUDE
  PATTERN "libticketcore.so*" EXCLUDE)
if(STRIP)
  run("strip" ${STRIP} --strip-debug -o ${WORK}/src/ticketcore/${SONAME} ${LIBRARY})
else()
  file(COPY_FILE ${LIBRARY} ${WORK}/src/ticketcore/${SONAME})
endif()

set(venv ${WORK}/venv)
run("venv" ${PYTHON} -m venv --system-site-packages ${venv})
run("pip install" ${CMAKE_COMMAND} -E env PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
  ${venv}/bin/pip install --no-build-isolation --no-index --no-cache-dir ${WORK}/src)

# The library went into the installed package.
file(GLOB installed ${venv}/lib/python3*/site-packages/ticketcore/${SONAME})
if(NOT installed)
  message(FATAL_ERROR "the venv's ticketcore package has no ${SONAME}")
endif()

run("smoke test" ${CMAKE_COMMAND} -E env --unset=TICKETCORE_LIBRARY --unset=PYTHONPATH
  ${venv}/bin/python -I -B ${SOURCE}/tests/smoke_installed.py ${venv})
message(STATUS "${last_output}")
file(REMOVE_RECURSE ${WORK}/src/build)
