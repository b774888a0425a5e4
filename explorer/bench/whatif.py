"""What-if benchmark: a toggle's recompute with 20 dated changes against none, the comparison over
the whole timeline, and the ``compare`` process against ``capability --json`` (same run: ratios).

A toggle's recompute is what the window does after one check box: ``assess`` on the date, the cut
sets of every nation, and the exact timeline 1961-2035, alternating over a few components.
"""

from __future__ import annotations

from datetime import date
from itertools import cycle

from explorer.bench.engine import median_ms, process_ms
from explorer.domain.capability import assess, cut_sets
from explorer.domain.catalog import Catalog
from explorer.domain.changes import (
    CrewRating,
    HypotheticalAgreement,
    HypotheticalPad,
    Outage,
    RegionOutage,
    Window,
)
from explorer.domain.compare import HORIZON_END, HORIZON_START, compare
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline
from explorer.loaders.catalog import load_catalog

DAY = date(2025, 11, 26)
TOGGLED = ("ksc-lc-39a", "ccsfs-slc-40", "jiuquan-921", "falcon-9", "soyuz-2-1a", "us-esa-crew")


def twenty_changes() -> tuple:
    """Twenty dated changes of every kind, spread over the history."""
    d = date
    outages = [
        ("baikonur-31-6", d(2024, 3, 1), d(2024, 9, 1)),
        ("baikonur-1-5", d(1975, 1, 1), d(1976, 1, 1)),
        ("ksc-lc-39a", d(1990, 5, 1), d(1990, 8, 1)),
        ("ksc-lc-39b", d(2000, 1, 1), d(2001, 1, 1)),
        ("ccsfs-slc-40", d(2022, 1, 1), d(2022, 2, 1)),
        ("crew-dragon", d(2023, 6, 1), d(2023, 7, 1)),
        ("soyuz-fg", d(2018, 10, 11), d(2018, 12, 3)),
        ("shenzhou", d(2016, 1, 1), d(2016, 6, 1)),
        ("jiuquan", d(2021, 1, 1), d(2021, 3, 1)),
        ("space-shuttle", d(1995, 1, 1), d(1995, 6, 1)),
        ("falcon-9", d(2024, 7, 12), None),
        ("us-ru-integrated-crew", d(2025, 1, 1), d(2026, 1, 1)),
        ("soyuz-u", d(1983, 9, 1), d(1984, 4, 1)),
        ("saturn-ib", d(1973, 1, 1), d(1973, 6, 1)),
        ("mercury", d(1962, 6, 1), d(1962, 9, 1)),
    ]
    changes: list = [Outage(c, Window(a, b)) for c, a, b in outages]
    changes += [
        CrewRating("vostochny-1s", d(2026, 1, 1)),
        CrewRating("sdsc-slp", d(2027, 1, 1)),
        RegionOutage(28.608, -80.604, 50, Window(d(2024, 10, 9), d(2024, 10, 30))),
        HypotheticalPad(
            "vostochny-1s-twin", "Vostochny twin pad", 51.88, 128.33, ("soyuz-2-1a",),
            d(2027, 1, 1), site="vostochny",
        ),
        HypotheticalAgreement("cn-ru-bench", "CN", "RU", ("shenzhou",), Window(d(2025, 11, 28))),
    ]  # fmt: skip
    return tuple(changes)


def _toggle_ms(catalog: Catalog, changes: tuple, repeat: int = 40) -> float:
    base = Scenario(changes=changes)
    ids = cycle(TOGGLED)
    start, end = HORIZON_START, HORIZON_END

    def recompute() -> None:
        scenario = base.with_enabled(next(ids), False)
        report = assess(catalog, scenario, DAY)
        for nation in catalog.nations:
            cut_sets(report, nation.id, None, 3)
        timeline(catalog, scenario, start, end)

    for _ in range(len(TOGGLED)):  # every toggle seen once, as in a session
        recompute()
    return median_ms(recompute, repeat)


def run() -> dict:
    catalog = load_catalog()
    changes = twenty_changes()
    none_ms = _toggle_ms(catalog, ())
    twenty_ms = _toggle_ms(catalog, changes)
    scenario = Scenario(changes=changes)

    fresh = [load_catalog() for _ in range(3)]  # no per-date memo yet: a session's first

    cold_ms = median_ms(lambda: compare(fresh.pop(), scenario), 3)
    warm_ms = median_ms(lambda: compare(catalog, scenario), 20)
    capability_ms = process_ms(["capability", "--json", "--date", "2025-11-26"])
    compare_process_ms = process_ms(
        ["compare", "--json", "--off", "baikonur-31-6@2025-11-27..2027-11-27"]
    )
    return {
        "toggle_recompute_no_changes_median_ms": round(none_ms, 3),
        "toggle_recompute_20_dated_changes_median_ms": round(twenty_ms, 3),
        "toggle_recompute_ratio_20_changes_vs_none": round(twenty_ms / none_ms, 2),
        "compare_whole_timeline_all_nations_warm_ms": round(warm_ms, 2),
        "compare_whole_timeline_all_nations_first_in_session_ms": round(cold_ms, 2),
        "cli_compare_json_process_wall_ms": round(compare_process_ms, 1),
        "cli_capability_json_process_wall_ms": round(capability_ms, 1),
        "cli_compare_vs_capability_ratio": round(compare_process_ms / capability_ms, 2),
    }
