"""Loading the library: where it comes from, the ABI check, and the table of functions
against capi/ticketcore.h."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

import ticketcore
from ticketcore import _lib

HEADER = Path(__file__).resolve().parents[3] / "capi" / "ticketcore.h"
PACKAGE_PARENT = str(Path(ticketcore.__file__).resolve().parents[1])


def header_functions() -> dict:
    """{name: number of parameters} of every TC_API function the header declares."""
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    found = {}
    for m in re.finditer(r"TC_API\s+[^;(]*?\b(tc_\w+)\s*\(([^)]*)\)\s*;", text):
        params = " ".join(m.group(2).split())
        found[m.group(1)] = 0 if params in ("", "void") else params.count(",") + 1
    return found


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "TICKETCORE_LIBRARY"}
    environment.update(env)
    environment["PYTHONPATH"] = PACKAGE_PARENT
    return subprocess.run([sys.executable, "-B", "-c", code], env=environment, capture_output=True, text=True,
                          timeout=60)


class Loading(unittest.TestCase):
    def test_versions(self) -> None:
        self.assertEqual(ticketcore.ABI_VERSION, 0)
        self.assertEqual(ticketcore.abi_version(), ticketcore.ABI_VERSION)
        self.assertRegex(ticketcore.version(), r"^\d+\.\d+\.\d+$")
        major, minor, patch = (int(p) for p in ticketcore.version().split("."))
        self.assertEqual(ticketcore.version_number(), major * 10000 + minor * 100 + patch)
        self.assertEqual(ticketcore.strerror(0), "ok")
        self.assertEqual(ticketcore.strerror(2), "not_found")
        self.assertEqual(ticketcore.strerror(9), "busy")
        self.assertEqual(ticketcore.strerror(1000), "unknown")

    def test_loaded_from_the_environment_variable(self) -> None:
        if "TICKETCORE_LIBRARY" not in os.environ:
            self.skipTest("TICKETCORE_LIBRARY not set")
        self.assertEqual(ticketcore.library_path, os.environ["TICKETCORE_LIBRARY"])
        self.assertEqual(_lib.find_library(), [("TICKETCORE_LIBRARY", os.environ["TICKETCORE_LIBRARY"])])

    def test_another_abi_is_refused(self) -> None:
        cdll = ctypes.CDLL(ticketcore.library_path)
        with self.assertRaises(ticketcore.LibraryError) as caught:
            _lib.Library(cdll, ticketcore.library_path, expected_abi=1)
        self.assertIsInstance(caught.exception, ImportError)
        self.assertIn("has ABI version 0; this binding needs 1", str(caught.exception))

    def test_a_missing_library_fails_the_import_clearly(self) -> None:
        r = run_python("import ticketcore", TICKETCORE_LIBRARY="/nonexistent/libticketcore.so.0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("LibraryError", r.stderr)
        self.assertIn("/nonexistent/libticketcore.so.0", r.stderr)

    def test_a_library_that_is_not_ticketcore_is_refused(self) -> None:
        libc = ctypes.util.find_library("c")
        if not libc:
            self.skipTest("no libc found")
        r = run_python("import ticketcore", TICKETCORE_LIBRARY=libc)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("is not libticketcore: it has no tc_abi_version", r.stderr)

    def test_the_build_tree_is_found_without_the_variable(self) -> None:
        # From the source tree, with no TICKETCORE_LIBRARY: a build/*/capi library (not a
        # sanitizer build), or the system's.
        r = run_python("import ticketcore; print(ticketcore.library_path)")
        self.assertEqual(r.returncode, 0, r.stderr)
        path = r.stdout.strip()
        self.assertTrue(path == _lib.SONAME or re.search(r"/build/[^/]+/capi/libticketcore\.so\.0$", path), path)
        self.assertNotIn("asan", path)

    def test_the_table_declares_every_function_of_the_header(self) -> None:
        declared = header_functions()
        self.assertGreater(len(declared), 20)
        table = {name: len(argtypes) for name, _, argtypes in _lib.FUNCTIONS}
        self.assertEqual(sorted(set(declared) - set(table)), [], "in the header, not in _lib.FUNCTIONS")
        self.assertEqual(sorted(set(table) - set(declared)), [], "in _lib.FUNCTIONS, not in the header")
        for name, arity in declared.items():
            self.assertEqual(table[name], arity, f"{name}: argtypes do not match the header")

    def test_every_function_is_in_the_library(self) -> None:
        self.assertEqual(ticketcore.missing_functions(), [])

    def test_every_function_has_a_method(self) -> None:
        package = Path(ticketcore.__file__).parent
        lib_source = (package / "_lib.py").read_text()
        table = lib_source[lib_source.index("FUNCTIONS: List"):lib_source.index("class _Missing")]
        lib_source = lib_source.replace(table, "")  # not the table itself
        sources = lib_source + "".join(p.read_text() for p in package.glob("*.py") if p.name != "_lib.py")
        for name, _, _ in _lib.FUNCTIONS:
            self.assertTrue(re.search(rf"\b{name}\b", sources), f"{name} is used nowhere but in the table")


if __name__ == "__main__":
    unittest.main()
