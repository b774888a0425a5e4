"""Guard against PySide6 builds that leak references to None (6.12.0 on CPython 3.11).

Such a build aborts the interpreter with ``none_dealloc`` after ~5,000 void Qt calls, which kills
any real session of the window within seconds. Run the calls in a subprocess so a crash fails this
test instead of the whole run.
"""

import subprocess
import sys

CALLS = 20_000

SCRIPT = f"""
from PySide6 import QtCore
o = QtCore.QObject()
for i in range({CALLS}):
    o.setObjectName("x")   # returns void
print("survived", {CALLS})
"""


def test_twenty_thousand_void_qt_calls_exit_cleanly():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-500:]}"
    assert f"survived {CALLS}" in result.stdout
