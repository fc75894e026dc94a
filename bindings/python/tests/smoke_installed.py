"""Run by install_test.cmake with an installed package's python, in isolated mode (-I)
and without TICKETCORE_LIBRARY: the package must come from the venv and the library from
beside it. Argument: the venv's directory."""

import os
import sys

venv = os.path.realpath(sys.argv[1])
assert "TICKETCORE_LIBRARY" not in os.environ

import ticketcore  # noqa: E402
from ticketcore import Actor, Desk  # noqa: E402

package = os.path.dirname(os.path.realpath(ticketcore.__file__))
assert package.startswith(venv + os.sep), f"ticketcore imported from {package}, not from {venv}"
library = os.path.realpath(ticketcore.library_path)
assert library == os.path.join(package, "libticketcore.so.0"), f"library loaded from {library}"
assert ticketcore.abi_version() == ticketcore.ABI_VERSION == 0

with Desk(clock=1772587800) as desk:
    config = desk.config()
    sweep = desk.due(Actor.system())
    assert sweep["at"].isoformat() == "2026-03-04T01:30:00+00:00", sweep
    assert desk.find_tickets(Actor.system()) == {"tickets": []}
print(f"ticketcore {ticketcore.version()} from {package}, library {library}, config {config['version']}")
