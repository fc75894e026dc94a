"""Tests of the Python binding, run by CTest (bindings/python/CMakeLists.txt) with
TICKETCORE_LIBRARY set to the library just built, or by hand:

    cd bindings/python && TICKETCORE_LIBRARY=../../build/dev/capi/libticketcore.so.0 \\
        /usr/bin/python3 -B -m unittest -v
"""
