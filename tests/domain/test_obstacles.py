"""Why a nation cannot fly on its own: the obstacles named for each of its crew vehicles."""

from datetime import date

from factories import mini_world
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.obstacles import SWITCHED_OFF, Obstacle, describe, own_access_obstacles
from explorer.domain.scenario import Scenario

WORLD = mini_world()
COMPONENTS = sorted({p.id for p in WORLD.pads} | {v.id for v in WORLD.launch_vehicles})


def test_a_damaged_pad_is_what_grounds_russia_after_the_soyuz_ms_28_launch():
    (soyuz,) = own_access_obstacles(WORLD, Scenario(), date(2025, 11, 28), "RU")
    assert soyuz.crew_vehicle == "soyuz-ms"
    assert soyuz.obstacles == (Obstacle("baikonur-31-6", "damaged"),)
    assert describe(WORLD, soyuz) == "soyuz-ms: baikonur-31-6 damaged"


def test_a_vehicle_in_development_names_itself_its_rocket_and_its_pad():
    (gaganyaan,) = own_access_obstacles(WORLD, Scenario(), date(2025, 11, 28), "IN")
    assert gaganyaan.obstacles == (
        Obstacle("gaganyaan", "in development"),
        Obstacle("hlvm3", "in development"),
    )
    assert describe(WORLD, gaganyaan) == "gaganyaan: in development; hlvm3 in development"


def test_switches_are_named_as_such_and_a_flying_nation_has_no_obstacles():
    day = date(2025, 11, 26)
    assert own_access_obstacles(WORLD, Scenario(), day, "US") == ()
    (dragon,) = own_access_obstacles(WORLD, Scenario.of(["florida"]), day, "US")
    assert set(dragon.obstacles) == {
        Obstacle("ksc-lc-39a", SWITCHED_OFF),
        Obstacle("ccsfs-slc-40", SWITCHED_OFF),
    }


@settings(max_examples=60, deadline=None)
@given(
    off=st.sets(st.sampled_from(COMPONENTS), max_size=3),
    day=st.dates(date(2019, 1, 1), date(2027, 6, 1)),
)
def test_obstacles_are_named_exactly_when_a_nation_cannot_fly_its_own_vehicles(off, day):
    scenario = Scenario.of(off)
    report = assess(WORLD, scenario, day)
    for nation in ("RU", "US", "IN"):
        grounded = own_access_obstacles(WORLD, scenario, day, nation)
        if report.nation(nation).status is AccessStatus.INDEPENDENT:
            assert grounded == ()
        else:
            exists = any(
                v.nation == nation and v.history.status_on(day) is not None
                for v in WORLD.crew_vehicles
            )
            assert bool(grounded) == exists
            assert all(g.obstacles for g in grounded)
