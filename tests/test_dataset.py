"""The shipped catalog agrees with history: every crewed launch, the known gaps, the 2025 pad loss."""

from datetime import date, timedelta

import pytest

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.obstacles import own_access_obstacles
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline
from explorer.domain.timespan import END_DAY, FIRST_DAY

D = date.fromisoformat


@pytest.fixture(scope="module")
def history(catalog):
    return timeline(catalog, Scenario(), FIRST_DAY, END_DAY)


def test_the_catalog_holds_the_required_records(catalog):
    nations = {n.id for n in catalog.nations}
    assert {"RU", "US", "CN", "IN", "ESA", "JP", "CA"} <= nations
    sites = {s.id for s in catalog.sites}
    assert {
        "baikonur",
        "vostochny",
        "plesetsk",
        "ccsfs",
        "ksc",
        "jiuquan",
        "wenchang",
        "sdsc",
        "csg",
        "tanegashima",
    } <= sites
    for pad in (
        "baikonur-1-5",
        "baikonur-31-6",
        "ksc-lc-39a",
        "ksc-lc-39b",
        "ccsfs-slc-40",
        "ccsfs-slc-41",
        "jiuquan-921",
        "sdsc-slp",
        "vostochny-1a",
    ):
        catalog.get(pad)
    assert len(catalog.crewed_launches) > 350
    assert catalog.as_of >= D("2026-01-01")


def test_every_pad_lies_near_its_site(catalog):
    sites = {s.id: s for s in catalog.sites}
    for pad in catalog.pads:
        site = sites[pad.site]
        assert abs(pad.lat_deg - site.lat_deg) < 0.6, pad.id
        assert abs(pad.lon_deg - site.lon_deg) < 0.6, pad.id


def test_every_crewed_launch_agrees_with_the_timeline(catalog, history):
    """On each launch's date its nation is independent and its pad carries that access."""
    wrong = []
    for launch in catalog.crewed_launches:
        interval = history.interval_on(launch.nation, launch.day)
        if (
            interval.status is not AccessStatus.INDEPENDENT
            or launch.pad not in interval.pads
            or launch.crew_vehicle not in interval.crew_vehicles
        ):
            wrong.append(f"{launch.day} {launch.mission}: {interval}")
    assert not wrong, "\n".join(wrong[:20])


def test_us_gap_after_the_shuttle_until_demo_2_with_soyuz_seats(history):
    assert history.interval_on("US", D("2011-07-08")).status is AccessStatus.INDEPENDENT
    gap_start = history.interval_on("US", D("2011-07-09"))
    assert gap_start.status is not AccessStatus.INDEPENDENT
    for day in (D("2012-06-01"), D("2015-01-01"), D("2019-12-31"), D("2020-05-29")):
        assert history.interval_on("US", day).status is AccessStatus.PARTNER
    assert history.interval_on("US", D("2020-05-30")).status is AccessStatus.INDEPENDENT


def test_no_us_access_at_all_between_apollo_soyuz_and_sts_1(history):
    for day in (D("1976-01-01"), D("1978-06-01"), D("1981-04-11")):
        assert history.interval_on("US", day).status is AccessStatus.NONE
    assert history.interval_on("US", D("1981-04-12")).status is AccessStatus.INDEPENDENT


def test_russia_grounded_after_the_site_31_pad_loss_until_restoration(catalog, history):
    assert history.interval_on("RU", D("2025-11-27")).status is AccessStatus.INDEPENDENT
    grounded = history.interval_on("RU", D("2025-11-28"))
    assert grounded.status is AccessStatus.PARTNER
    assert grounded.end > D("2026-02-01")
    restored = catalog.get("baikonur-31-6").history.change_on(D("2026-04-01"))
    # Back in service with its first launch after repair (Progress MS-33), not the repair notice.
    assert restored.status == "crew_capable" and restored.start == D("2026-03-22")
    assert grounded.end == restored.start
    assert history.interval_on("RU", restored.start).status is AccessStatus.INDEPENDENT


def test_site_31_6_is_a_single_point_of_failure_the_day_before(catalog):
    report = assess(catalog, Scenario(), D("2025-11-26"))
    ru = report.nation("RU")
    assert ru.status is AccessStatus.INDEPENDENT
    assert "baikonur-31-6" in ru.single_points_of_failure
    assert ru.grounding_sites == ("baikonur",)


def test_on_2025_11_28_us_and_china_fly_india_does_not(catalog):
    report = assess(catalog, Scenario(), D("2025-11-28"))
    assert report.nation("RU").status is AccessStatus.PARTNER
    assert report.nation("US").status is AccessStatus.INDEPENDENT
    assert report.nation("CN").status is AccessStatus.INDEPENDENT
    assert report.nation("IN").status is AccessStatus.NONE


def test_both_dragon_pads_are_needed_to_remove_us_independent_access(catalog):
    day = D("2025-11-28")
    pads = {
        r.pad
        for r in assess(catalog, Scenario(), day).nation("US").own_routes
        if r.crew_vehicle == "crew-dragon"
    }
    assert pads == {"ksc-lc-39a", "ccsfs-slc-40"}
    for pad in pads:
        assert (
            assess(catalog, Scenario.of([pad]), day).nation("US").status is AccessStatus.INDEPENDENT
        )
    both = assess(catalog, Scenario.of(pads), day).nation("US")
    assert both.status is not AccessStatus.INDEPENDENT


def test_launch_day_counts_with_the_earlier_status(catalog):
    """An accident on day D changes status from D+1 (Challenger, Columbia's launch, MS-10)."""
    for mission_day in (D("1986-01-28"), D("2018-10-11")):
        before = assess(catalog, Scenario(), mission_day)
        after = assess(catalog, Scenario(), mission_day + timedelta(days=1))
        nation = "US" if mission_day.year == 1986 else "RU"
        assert before.nation(nation).status is AccessStatus.INDEPENDENT
        assert after.nation(nation).status is not AccessStatus.INDEPENDENT


def test_every_day_without_own_access_names_what_grounds_each_vehicle(catalog, history):
    """Whenever a nation with a crew vehicle in being cannot fly it, the obstacles say why."""
    for nation_id, intervals in history.nations.items():
        for interval in intervals:
            if interval.status is AccessStatus.INDEPENDENT:
                continue
            day = interval.start
            vehicles = [
                v
                for v in catalog.crew_vehicles
                if v.nation == nation_id and v.history.status_on(day) not in (None, "retired")
            ]
            grounded = own_access_obstacles(catalog, Scenario(), day, nation_id)
            assert {g.crew_vehicle for g in grounded} == {v.id for v in vehicles}, (nation_id, day)
            assert all(g.obstacles for g in grounded)


def test_dragon_hangs_on_slc_40_alone_after_the_39a_crew_arm_came_down(catalog):
    """LC-39A lost its crew role on 2026-02-11; from then one pad carries every Dragon crew."""
    before = assess(catalog, Scenario(), D("2026-02-10")).nation("US")
    assert {r.pad for r in before.own_routes if r.crew_vehicle == "crew-dragon"} == {
        "ksc-lc-39a",
        "ccsfs-slc-40",
    }
    after = assess(catalog, Scenario(), D("2026-02-12")).nation("US")
    assert {r.pad for r in after.own_routes if r.crew_vehicle == "crew-dragon"} == {"ccsfs-slc-40"}
    assert "ccsfs-slc-40" in after.single_points_of_failure


def test_no_us_outage_in_2008_because_39b_stayed_a_shuttle_pad(history):
    for day in (D("2008-06-01"), D("2008-09-15"), D("2008-11-14")):
        interval = history.interval_on("US", day)
        assert interval.status is AccessStatus.INDEPENDENT
        assert "ksc-lc-39b" in interval.pads
    assert "ksc-lc-39b" not in history.interval_on("US", D("2009-06-01")).pads


def test_groundings_end_at_the_first_flight_after_them(catalog, history):
    """Soyuz-U flew from Site 31 on 1983-10-14 and Soyuz-FG on 2018-11-16 (McDowell)."""
    assert history.interval_on("RU", D("1983-10-13")).status is AccessStatus.NONE
    assert history.interval_on("RU", D("1983-10-14")).status is AccessStatus.INDEPENDENT
    assert history.interval_on("RU", D("2018-11-15")).status is AccessStatus.NONE
    assert history.interval_on("RU", D("2018-11-16")).status is AccessStatus.INDEPENDENT
    falcon = catalog.get("falcon-9").history
    assert falcon.status_on(D("2024-08-30")) == "grounded"
    assert falcon.status_on(D("2024-08-31")) == "crew_rated"


def test_soyuz_3_flew_from_site_31_as_mcdowell_records(catalog):
    launch = next(x for x in catalog.crewed_launches if x.id == "soyuz-3")
    assert launch.pad == "baikonur-31-6"
    assert catalog.get("baikonur-31-6").history.change_on(launch.day).start == launch.day


def test_japan_and_canada_keep_soyuz_rides_without_a_sourced_end(history):
    for nation in ("JP", "CA"):
        assert history.interval_on(nation, D("2019-06-01")).status is AccessStatus.PARTNER
