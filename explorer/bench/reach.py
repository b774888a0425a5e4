"""Reach benchmark: every pad x destination, one ascent track, assess with a destination.

Prints numbers; never fails on time. The track is timed after the country geometry is loaded
(its load is reported separately).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from explorer.bench.engine import median_ms
from explorer.domain.capability import assess
from explorer.domain.entities import Pad
from explorer.domain.reach import reach
from explorer.domain.scenario import Scenario
from explorer.loaders.catalog import load_catalog
from explorer.loaders.geography import ascent_track, load_countries

DAY = date(2025, 11, 26)


def run() -> dict:
    catalog = load_catalog()
    pairs = [(p.id, d) for p in catalog.pads for d in catalog.destinations]

    def every_reach() -> None:
        for pad_id, target in pairs:
            reach(catalog, pad_id, target.inclination_deg, target.id)

    t0 = time.perf_counter()
    countries = load_countries()
    geometry_ms = (time.perf_counter() - t0) * 1000
    pad = catalog.get("baikonur-31-6", Pad)
    zones = tuple(z for v in catalog.reach.launch_vehicles for z in v.drop_zones)
    track_ms = median_ms(
        lambda: ascent_track(pad.lon_deg, pad.lat_deg, 62.29, 2000.0, zones, countries), 50
    )

    def cold(scenario: Scenario) -> Callable[[], object]:
        def go() -> None:
            catalog._by_day.clear()
            assess(catalog, scenario, DAY)

        return go

    plain_ms = median_ms(cold(Scenario()), 300)
    iss_ms = median_ms(cold(Scenario().with_destination("iss")), 300)
    return {
        "reach_every_pad_x_destination_ms": round(median_ms(every_reach, 50), 3),
        "pad_destination_pairs": len(pairs),
        "country_geometry_load_ms": round(geometry_ms, 1),
        "ascent_track_2000km_overflight_drop_zones_median_ms": round(track_ms, 2),
        "assess_first_visit_median_ms": round(plain_ms, 3),
        "assess_first_visit_with_destination_iss_median_ms": round(iss_ms, 3),
        "assess_destination_ratio": round(iss_ms / plain_ms, 2),
    }
