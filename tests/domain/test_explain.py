"""Why partner routes are missing and what a grounding is about, on the shipped dataset."""

from datetime import date

from explorer.domain.capability import AccessStatus, assess
from explorer.domain.entities import AgreementStatus, CrewVehicleStatus, PadStatus
from explorer.domain.explain import partner_gaps, spell
from explorer.domain.obstacles import Blocked
from explorer.domain.scenario import Scenario

AFTER = date(2025, 11, 28)
GAP_2011 = date(2011, 8, 1)


def test_site_31_6_damage_names_its_cause_and_its_return(catalog):
    s = spell(catalog, "baikonur-31-6", AFTER)
    assert s is not None and s.status is PadStatus.DAMAGED and s.is_grounding
    assert s.since == date(2025, 11, 28)
    assert s.cause is not None and s.cause.id == "soyuz-ms-28-pad-damage"
    assert s.until == date(2026, 3, 22)
    assert s.back is not None and s.back.id == "progress-ms-33"


def test_challenger_grounding_returns_with_sts_26(catalog):
    s = spell(catalog, "shuttle-orbiter", date(1987, 1, 1))
    assert s is not None and s.status is CrewVehicleStatus.GROUNDED
    assert s.cause is not None and s.cause.id == "challenger"
    assert (s.until, s.back and s.back.id) == (date(1988, 9, 29), "sts-26")


def test_a_grounding_with_no_return_in_the_dataset_says_so(catalog):
    s = spell(catalog, "starliner", date(2025, 1, 1))
    assert s is not None and s.cause is not None and s.cause.id == "starliner-thrusters"
    assert s.until is None and s.back is None


def test_a_spell_starts_where_its_status_began_not_at_a_later_entry(catalog):
    """Orion's MPCV decision (2011) continues the development that began in 2006."""
    s = spell(catalog, "orion", GAP_2011)
    assert s is not None and s.status is CrewVehicleStatus.DEVELOPMENT
    assert s.since == date(2006, 8, 31) and not s.is_grounding


def test_commercial_crew_vehicles_are_in_development_in_2011(catalog):
    for vehicle in ("crew-dragon", "starliner", "orion"):
        assert catalog.get(vehicle).status_on(GAP_2011) is CrewVehicleStatus.DEVELOPMENT


def test_japan_in_2011_lost_its_us_route_to_the_shuttle_retirement(catalog):
    report = assess(catalog, Scenario(), GAP_2011)
    assert report.nation("JP").status is AccessStatus.PARTNER
    gaps = {g.agreement: g for g in partner_gaps(catalog, report, "JP")}
    assert set(gaps) == {"us-jp-crew"}  # the Soyuz seats still give a route
    gap = gaps["us-jp-crew"]
    assert gap.reason is AgreementStatus.IN_FORCE and gap.provider == "US"
    held = {v.crew_vehicle: v.obstacles for v in gap.vehicles}
    assert [o.reason for o in held["shuttle-orbiter"]] == [CrewVehicleStatus.RETIRED]
    assert held["crew-dragon"][0].reason is CrewVehicleStatus.DEVELOPMENT


def test_an_ended_agreement_gives_its_end_date(catalog):
    report = assess(catalog, Scenario(), AFTER)
    gaps = {g.agreement: g for g in partner_gaps(catalog, report, "RU")}
    assert "us-ru-integrated-crew" not in gaps  # it gives Russia its route
    ended = gaps["us-ru-shuttle-cosmonauts"]
    assert ended.reason is AgreementStatus.ENDED
    assert ended.spell is not None and ended.spell.since == date(2011, 7, 22)


def test_switching_off_the_seat_swap_names_it_and_a_provider_grounding_names_the_vehicle(catalog):
    scenario = Scenario().with_enabled("us-ru-integrated-crew", False)
    report = assess(catalog, scenario, AFTER)
    assert report.nation("RU").status is AccessStatus.NONE
    gaps = {g.agreement: g for g in partner_gaps(catalog, report, "RU")}
    assert gaps["us-ru-integrated-crew"].reason is Blocked.SWITCHED_OFF
    grounded = Scenario().with_enabled("falcon-9", False)
    report = assess(catalog, grounded, AFTER)
    gap = {g.agreement: g for g in partner_gaps(catalog, report, "RU")}["us-ru-integrated-crew"]
    (dragon,) = gap.vehicles
    assert dragon.crew_vehicle == "crew-dragon"
    assert ("falcon-9", Blocked.SWITCHED_OFF) in {(o.component, o.reason) for o in dragon.obstacles}


def test_an_agreement_not_yet_signed_is_not_a_gap(catalog):
    report = assess(catalog, Scenario(), date(1990, 1, 1))
    assert "ru-jp-soyuz" not in {g.agreement for g in partner_gaps(catalog, report, "JP")}
