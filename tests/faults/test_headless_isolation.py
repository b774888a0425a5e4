"""Headless commands (screenshot, report) never touch the user's autosave or settings, and an
autosave left by a killed window is offered to the next window (a real crash, in a subprocess)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from program import ROOT


def user_env(home: Path) -> dict:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


WINDOW = """
import sys, time
from datetime import date
from PySide6.QtWidgets import QApplication
from explorer.loaders.catalog import load_catalog
from explorer.qt.app import application, build_window
app = application()
window = build_window(load_catalog(), date(2025, 11, 26))
window.show()
window.scenario_files.autosave_timer.setInterval(10)
window.document.set_enabled(sys.argv[1], False)
deadline = time.time() + 20
while not window.scenario_files.autosave.path.exists() and time.time() < deadline:
    app.processEvents()
    time.sleep(0.01)
print(window.scenario_files.autosave.path, flush=True)
time.sleep(60)  # until killed
"""

RECOVER = """
from datetime import date
from explorer.loaders.catalog import load_catalog
from explorer.qt.app import application, build_window
app = application()
window = build_window(load_catalog(), date(2025, 11, 26))
asked = []
window.scenario_files.ask_recover = lambda infos: asked.append(infos) or ("recover", 0)
window.scenario_files.offer_recovery()
print(len(asked[0]) if asked else 0, sorted(window.document.scenario.off))
window.scenario_files.autosave_timer.stop()
window.scenario_files.ask_unsaved = lambda _name: "discard"
window.close()
"""


def start_window(env: dict, component: str) -> tuple[subprocess.Popen, Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", WINDOW, component],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return process, Path(process.stdout.readline().strip())


def test_headless_commands_leave_the_users_files_alone(tmp_path):
    env = user_env(tmp_path / "home")
    live, autosave = start_window(env, "crew-dragon")  # a window the user has open
    try:
        assert autosave.is_file()
        settings = tmp_path / "home" / "config"
        settings.mkdir(parents=True, exist_ok=True)
        (settings / "LaunchSiteExplorer").mkdir(exist_ok=True)
        ini = settings / "LaunchSiteExplorer" / "Launch-Site Redundancy Explorer.conf"
        ini.write_text("[window]\nlegend=false\n")
        before = snapshot(tmp_path / "home")
        for args in (
            ["screenshot", "--out", str(tmp_path / "x.png")],
            ["report", "--out", str(tmp_path / "r.html")],
        ):
            result = subprocess.run(
                [sys.executable, str(ROOT / "main.py"), *args, "--date", "2025-11-28"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            assert result.returncode == 0, result.stderr
        assert snapshot(tmp_path / "home") == before
    finally:
        live.kill()
        live.wait()
        live.stdout.close()


def test_a_killed_window_leaves_an_autosave_that_the_next_window_offers(tmp_path):
    env = user_env(tmp_path / "home")
    first, first_file = start_window(env, "crew-dragon")
    second, second_file = start_window(env, "baikonur-31-6")
    try:
        assert first_file != second_file and first_file.is_file() and second_file.is_file()
        first.send_signal(signal.SIGKILL)  # a crash: no clean-up
        first.wait()
        time.sleep(0.1)
        recovered = subprocess.run(
            [sys.executable, "-c", RECOVER], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert recovered.returncode == 0, recovered.stderr
        # Only the crashed window's work is offered; the running window's is left alone.
        assert recovered.stdout.split("\n")[0] == "1 ['crew-dragon']"
        assert not first_file.exists() and second_file.is_file()
    finally:
        for process in (first, second):
            process.kill()
            process.wait()
            process.stdout.close()
