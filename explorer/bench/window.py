"""Window benchmark: toggle → every view updated, slider steps, first painted frame, memory.

Runs the real main window offscreen at 1600×900. The start-up figure is measured in a fresh
process, from before the interpreter starts until the map's first paint event.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

CHILD = r"""
import os, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from explorer.qt.app import application, build_window
from explorer.loaders.catalog import load_catalog
from datetime import date

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time() - t0:.4f}", flush=True)
            QApplication.instance().quit()
        return False

app = application(theme="light")
window = build_window(load_catalog(), date(2025, 11, 26))
window.resize(1600, 900)
watcher = FirstPaint()
window.map_view.viewport().installEventFilter(watcher)
window.show()
app.exec()
for day in range(0, 3650, 30):  # a session's worth of work before reading peak memory
    window.document.set_date(date.fromordinal(date(2015, 1, 1).toordinal() + day))
app.processEvents()
# VmHWM, not getrusage's ru_maxrss: Linux carries the parent's high-water mark across fork and
# exec into ru_maxrss, so a big benchmark parent would be counted as this window's memory.
with open("/proc/self/status") as status:
    hwm_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(f"maxrss_mb {hwm_kb / 1024:.1f}")
"""


def _startup() -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(t0)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    return float(out[out.index("painted") + 1]) * 1000, float(out[out.index("maxrss_mb") + 1])


def run() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from explorer.loaders.catalog import load_catalog
    from explorer.qt.app import application, build_window

    app = application(theme="light")
    window = build_window(load_catalog(), date(2025, 11, 26))
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    document = window.document

    toggles = []
    for i in range(60):
        enabled = i % 2 == 1
        t0 = time.perf_counter()
        document.set_enabled("baikonur-31-6", enabled)
        app.processEvents()  # paint every view that asked for it
        toggles.append((time.perf_counter() - t0) * 1000)

    steps = []
    day = date(1980, 1, 1)
    for _ in range(120):
        day += timedelta(days=73)
        t0 = time.perf_counter()
        window.timeline_panel.slider.setValue(day.toordinal())
        app.processEvents()
        steps.append((time.perf_counter() - t0) * 1000)

    startups, memory = zip(*(_startup() for _ in range(3)), strict=True)
    window.close()
    return {
        "toggle_all_views_updated_median_ms": round(statistics.median(toggles), 2),
        "toggle_p90_ms": round(sorted(toggles)[int(len(toggles) * 0.9)], 2),
        "slider_step_all_views_median_ms": round(statistics.median(steps), 2),
        "slider_step_p90_ms": round(sorted(steps)[int(len(steps) * 0.9)], 2),
        "process_start_to_first_painted_map_ms": round(statistics.median(startups), 1),
        "peak_memory_mb": max(memory),
    }
