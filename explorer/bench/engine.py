"""Engine benchmark: assess, cut sets, timeline and the headless CLI process, with baselines.

Baselines are what a user would write without this engine: cut sets by re-assessing every subset
of components, and a timeline sampled day by day.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from explorer.domain.capability import AccessStatus, access_statuses, assess, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY
from explorer.loaders.catalog import load_catalog

DAY = date(2025, 11, 26)


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``, in ms (shared by the suites)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _all_cut_sets(catalog: Catalog) -> None:
    report = assess(catalog, Scenario(), DAY)
    for nation in catalog.nations:
        cut_sets(report, nation.id, None, 3)


def _brute_force_cut_sets(catalog: Catalog, nation_id: str) -> int:
    """Re-assess every subset of up to 3 relevant components: the naive way."""
    report = assess(catalog, Scenario(), DAY)
    access = report.nation(nation_id)
    ids = sorted({c for r in access.counted_routes for c in r.components})
    found: list[frozenset[str]] = []
    for size in (1, 2, 3):
        for combo in combinations(ids, size):
            cut = frozenset(combo)
            if any(f <= cut for f in found):
                continue
            status = assess(catalog, Scenario(cut), DAY).nation(nation_id).status
            if status is AccessStatus.NONE or (
                access.status is AccessStatus.INDEPENDENT and status is not AccessStatus.INDEPENDENT
            ):
                found.append(cut)
    return len(found)


def _daily_timeline(catalog: Catalog, start: date, end: date) -> None:
    day = start
    while day < end:
        access_statuses(catalog, Scenario(), day)
        day += timedelta(days=1)


def process_ms(args: list[str], repeat: int = 5) -> float:
    """The median wall time of ``python main.py ARGS`` as a whole process, in ms."""
    root = Path(__file__).resolve().parents[2]
    cmd = [sys.executable, str(root / "main.py"), *args]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def run() -> dict:
    t0 = time.perf_counter()
    catalog = load_catalog()
    load_ms = (time.perf_counter() - t0) * 1000
    assess_ms = median_ms(lambda: assess(catalog, Scenario(), DAY), 300)

    def assess_cold() -> None:
        catalog._by_day.clear()  # forget the per-date memo: the first visit of a date
        assess(catalog, Scenario(), DAY)

    assess_cold_ms = median_ms(assess_cold, 300)
    cuts_ms = median_ms(lambda: _all_cut_sets(catalog), 50)
    brute_ms = median_ms(lambda: _brute_force_cut_sets(catalog, "US"), 5)
    us_cuts_ms = median_ms(lambda: cut_sets(assess(catalog, Scenario(), DAY), "US", None, 3), 50)
    start, end = FIRST_DAY, END_DAY

    def timeline_cold() -> None:
        catalog._by_day.clear()
        timeline(catalog, Scenario(), start, end)

    timeline_ms = median_ms(timeline_cold, 5)
    timeline_warm_ms = median_ms(
        lambda: timeline(catalog, Scenario.of(["ksc-lc-39a"]), start, end), 5
    )
    sample_start, sample_end = date(2000, 1, 1), date(2010, 1, 1)
    daily_ms = median_ms(lambda: _daily_timeline(catalog, sample_start, sample_end), 1)
    exact_decade_ms = median_ms(lambda: timeline(catalog, Scenario(), sample_start, sample_end), 5)
    return {
        "catalog_load_ms": round(load_ms, 2),
        "assess_all_nations_median_ms": round(assess_ms, 3),
        "assess_all_nations_first_visit_of_date_median_ms": round(assess_cold_ms, 3),
        "cut_sets_size3_all_nations_median_ms": round(cuts_ms, 3),
        "cut_sets_us_median_ms": round(us_cuts_ms, 3),
        "cut_sets_us_brute_force_median_ms": round(brute_ms, 2),
        "cut_sets_speedup_vs_brute_force": round(brute_ms / us_cuts_ms, 1),
        "timeline_1961_2035_all_nations_ms": round(timeline_ms, 2),
        "timeline_1961_2035_after_a_toggle_ms": round(timeline_warm_ms, 2),
        "timeline_2000_2010_exact_ms": round(exact_decade_ms, 2),
        "timeline_2000_2010_daily_sampling_ms": round(daily_ms, 2),
        "timeline_speedup_vs_daily_sampling": round(daily_ms / exact_decade_ms, 1),
        "cli_capability_json_process_wall_ms": round(
            process_ms(["capability", "--json", "--date", "2025-11-26"]), 1
        ),
    }
