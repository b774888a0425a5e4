"""Why a nation cannot fly on its own: the obstacles named for each of its crew vehicles."""

from datetime import date

from factories import crew_vehicle, launch_vehicle, mini_world, nation, pad, site
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.catalog import Catalog
from explorer.domain.entities import CrewVehicleStatus, LaunchVehicleStatus, PadStatus
from explorer.domain.obstacles import Blocked, Obstacle, own_access_obstacles
from explorer.domain.scenario import Scenario
from explorer.present.summary import describe

SWITCHED_OFF = Blocked.SWITCHED_OFF

WORLD = mini_world()
COMPONENTS = sorted({p.id for p in WORLD.pads} | {v.id for v in WORLD.launch_vehicles})


def test_a_damaged_pad_is_what_grounds_russia_after_the_soyuz_ms_28_launch():
    (soyuz,) = own_access_obstacles(WORLD, Scenario(), date(2025, 11, 28), "RU")
    assert soyuz.crew_vehicle == "soyuz-ms"
    assert soyuz.obstacles == (Obstacle("baikonur-31-6", PadStatus.DAMAGED),)
    assert describe(WORLD, soyuz) == "soyuz-ms: baikonur-31-6 damaged"


def test_a_vehicle_in_development_names_itself_its_rocket_and_its_pad():
    (gaganyaan,) = own_access_obstacles(WORLD, Scenario(), date(2025, 11, 28), "IN")
    assert gaganyaan.obstacles == (
        Obstacle("gaganyaan", CrewVehicleStatus.DEVELOPMENT),
        Obstacle("hlvm3", LaunchVehicleStatus.DEVELOPMENT),
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


@settings(max_examples=80, deadline=None)
@given(
    off=st.sets(st.sampled_from(COMPONENTS), max_size=3),
    day=st.dates(date(2019, 1, 1), date(2027, 6, 1)),
)
def test_exactly_the_vehicles_without_a_route_are_named_each_with_a_reason(off, day):
    scenario = Scenario.of(off)
    report = assess(WORLD, scenario, day)
    for nation_id in ("RU", "US", "IN"):
        flying = {r.crew_vehicle for r in report.nation(nation_id).own_routes}
        in_being = {
            v.id
            for v in WORLD.crew_vehicles
            if v.nation == nation_id and v.history.status_on(day) not in (None, "retired")
        }
        grounded = own_access_obstacles(WORLD, scenario, day, nation_id)
        assert {g.crew_vehicle for g in grounded} == in_being - flying
        assert all(g.obstacles for g in grounded)
        if report.nation(nation_id).status is AccessStatus.INDEPENDENT:
            assert flying


def test_a_vehicle_that_can_fly_on_one_rocket_is_not_grounded_by_another():
    world = Catalog(
        as_of=date(2026, 1, 1),
        title="two rockets",
        nations=(nation("US"),),
        sites=(site("florida"),),
        pads=(pad("lc-1", "florida", ["rocket-a", "rocket-b"], ("2000-01-01", "crew_capable")),),
        launch_vehicles=(
            launch_vehicle("rocket-a", "US", ("2000-01-01", "crew_rated")),
            launch_vehicle("rocket-b", "US", ("2000-01-01", "uncrewed_only")),
        ),
        crew_vehicles=(
            crew_vehicle("capsule", "US", ["rocket-a", "rocket-b"], ("2000-01-01", "operational")),
        ),
        agreements=(),
    )
    day = date(2020, 1, 1)
    assert own_access_obstacles(world, Scenario(), day, "US") == ()
    (capsule,) = own_access_obstacles(world, Scenario.of(["rocket-a"]), day, "US")
    assert set(capsule.obstacles) == {
        Obstacle("rocket-a", SWITCHED_OFF),
        Obstacle("rocket-b", LaunchVehicleStatus.UNCREWED_ONLY),
    }
    assert describe(world, capsule) == "capsule: rocket-a switched off; rocket-b uncrewed only"
