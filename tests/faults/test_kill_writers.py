"""SIGKILL at any moment of any writer: the target holds its old content or a complete new file.

Every writer goes through ``write_atomic``; these tests kill the real commands (report as HTML
and PDF, screenshot, MEF export) at spread-out moments, and the scenario writer in a tight loop.
Our temporary files left by a kill are removed at start once they are a day old."""

import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from program import ENV, ROOT

from explorer.loaders.safe_files import TEMP_SUFFIX, remove_stale_temps
from explorer.loaders.scenario_file import SavedScenario, read_scenario, write_scenario

OLD = b"the previous, good content\n"


def complete(name: str, data: bytes) -> bool:
    """A whole file of its kind (not a prefix of one)."""
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if name.endswith(".png"):
        return data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82")
    if name.endswith(".html"):
        return data.rstrip().endswith(b"</html>")
    ET.fromstring(data)  # raises on a torn XML file
    return True


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--out", "out.html"],
        ["report", "--out", "out.pdf"],
        ["screenshot", "--out", "out.png"],
        ["export-mef", "--nation", "RU", "--out", "out.xml"],
    ],
    ids=["html", "pdf", "png", "mef"],
)
def test_a_killed_command_never_leaves_a_torn_file(tmp_path, args):
    name = args[-1]
    target = tmp_path / name
    args = [*args[:-1], str(target), "--date", "2025-11-26"]
    target.write_bytes(OLD)
    for delay in (0.2, 0.5, 0.9, 1.3):
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
            cwd=ROOT,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = target.read_bytes()
        assert data == OLD or complete(name, data), f"torn {name} after {delay} s"
    finished = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=ENV, cwd=ROOT)
    assert finished.returncode == 0
    assert complete(name, target.read_bytes())  # the check knows a whole file when it sees one


WRITER = """
import sys
from datetime import date
from explorer.loaders.scenario_file import SavedScenario, write_scenario
print("start", flush=True)
i = 0
while True:
    i += 1
    write_scenario(sys.argv[1], SavedScenario(date(2025, 11, 26), ("ksc",), notes="x" * 150_000 + str(i)))
"""


def test_scenario_writers_killed_in_a_loop_never_tear_the_file(tmp_path):
    path = tmp_path / "s.json"
    write_scenario(path, SavedScenario(date(2020, 1, 1), ("ccsfs",)))
    for attempt in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout.readline().strip() == "start"
        time.sleep(0.01 + 0.011 * attempt)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert read_scenario(path).off in (("ccsfs",), ("ksc",))


def test_temporary_files_a_day_old_are_removed_and_newer_ones_kept(tmp_path):
    old = tmp_path / f".s.json.abc{TEMP_SUFFIX}"
    new = tmp_path / f".s.json.def{TEMP_SUFFIX}"
    foreign = tmp_path / ".not-ours.tmp"
    for path in (old, new, foreign):
        path.write_bytes(b"partial")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    os.utime(foreign, (two_days_ago, two_days_ago))
    assert remove_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([new.name, foreign.name])


def test_a_killed_save_leaves_no_visible_file_under_the_target_name(tmp_path):
    """What a kill leaves is hidden (a dot file with our suffix), never the target half-written."""
    path = tmp_path / "s.json"
    test_scenario_writers_killed_in_a_loop_never_tear_the_file(tmp_path)
    visible = [p for p in Path(tmp_path).iterdir() if not p.name.startswith(".")]
    assert {p.name for p in visible} <= {path.name, path.name + ".bak"}
