"""Dated what-ifs on the shipped dataset: the cases planners asked about after 2025-11-27."""

from datetime import date

import pytest

from explorer.domain.capability import AccessStatus, assess, cut_sets
from explorer.domain.changes import (
    CrewRating,
    HypotheticalAgreement,
    HypotheticalPad,
    Outage,
    Window,
)
from explorer.domain.compare import compare
from explorer.domain.effective import ChangeError, check_changes, what_if_catalog
from explorer.domain.entities import PadStatus
from explorer.domain.scenario import Scenario
from explorer.domain.timeline import timeline
from explorer.loaders.catalog import load_catalog

D = date.fromisoformat


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_site_31_6_out_over_a_2024_window_grounds_russia_only_inside_it(catalog):
    window = Window(D("2024-03-01"), D("2024-09-01"))
    scenario = Scenario(changes=(Outage("baikonur-31-6", window),))
    result = timeline(catalog, scenario, D("2023-01-01"), D("2025-06-01"), ["RU"])
    own = [
        (iv.start, iv.end) for iv in result.nations["RU"] if iv.status is AccessStatus.INDEPENDENT
    ]
    assert own == [(D("2023-01-01"), D("2024-03-01")), (D("2024-09-01"), D("2025-06-01"))]
    row = compare(catalog, scenario).nation("RU")
    assert row.independent_difference == -(window.end - window.start).days
    assert (row.first_loss, row.first_regain) == (window.start, window.end)


def test_vostochny_crew_rated_soon_after_the_pad_loss_gives_russia_months_of_its_own(catalog):
    scenario = Scenario(changes=(CrewRating("vostochny-1s", D("2025-12-01")),))
    assert assess(catalog, Scenario(), D("2026-01-15")).nation("RU").status is AccessStatus.PARTNER
    ru = assess(catalog, scenario, D("2026-01-15")).nation("RU")
    assert ru.status is AccessStatus.INDEPENDENT and ru.usable_pads == ("vostochny-1s",)
    gained = compare(catalog, scenario).nation("RU").independent_difference
    assert gained >= 90  # 2025-12-01 .. the pad's recorded return on 2026-03-22
    assert assess(catalog, scenario, D("2025-11-30")).nation("RU").status is AccessStatus.PARTNER


def test_site_31_6_out_for_two_years_costs_russia_the_days_after_the_recorded_repair(catalog):
    scenario = Scenario(
        changes=(Outage("baikonur-31-6", Window(D("2025-11-27"), D("2027-11-27"))),)
    )
    row = compare(catalog, scenario).nation("RU")
    # The launch day itself (the dataset dates the damage from 2025-11-28) and every day from
    # the pad's recorded return (Progress MS-33, 2026-03-22) to the end of the outage.
    pad = catalog.get("baikonur-31-6")
    back = next(c.start for c in pad.history.changes if c.start > D("2025-11-28"))
    assert back == D("2026-03-22")
    assert row.independent_difference == -(1 + (D("2027-11-27") - back).days)
    assert row.any_difference == 0  # the seat swap on Crew Dragon still flies cosmonauts
    assert row.first_regain == D("2027-11-27")


TWIN = HypotheticalPad(
    "vostochny-twin", "Vostochny twin", 51.88, 128.33, ("soyuz-2-1a",), D("2026-06-01"), "vostochny"
)


def test_a_hypothetical_pad_joins_routes_cut_sets_timeline_and_pad_status(catalog):
    scenario = Scenario(changes=(TWIN,))
    report = assess(catalog, scenario, D("2026-07-01"))
    ru = report.nation("RU")
    assert "vostochny-twin" in ru.usable_pads and "baikonur-31-6" in ru.usable_pads
    assert ru.min_cut_size == 1  # Soyuz MS and Soyuz-2.1a are still shared
    cuts = cut_sets(report, "RU", None, 3)
    assert frozenset({"baikonur-31-6", "vostochny-twin"}) in cuts
    assert frozenset({"baikonur-31-6"}) not in cuts
    assert report.pad_status["vostochny-twin"] is PadStatus.CREW_CAPABLE
    assert report.catalog.get("vostochny-twin").site == "vostochny"
    assert "vostochny-twin" not in assess(catalog, scenario, D("2026-05-31")).pad_status or (
        assess(catalog, scenario, D("2026-05-31")).pad_status["vostochny-twin"] is None
    )
    line = timeline(catalog, scenario, D("2026-01-01"), D("2027-01-01"), ["RU"])
    assert any(
        "vostochny-twin" in iv.pads and iv.start == D("2026-06-01") for iv in line.nations["RU"]
    )
    # Switching off the hypothetical pad by id, or its site, removes it again.
    assert (
        "vostochny-twin"
        not in assess(catalog, scenario.with_enabled("vostochny", False), D("2026-07-01"))
        .nation("RU")
        .usable_pads
    )


def test_a_hypothetical_pad_at_a_point_gets_its_own_site(catalog):
    pad = HypotheticalPad(
        "alcantara-crew", "Crew pad", -2.37, -44.4, ("falcon-9",), D("2027-01-01")
    )
    view = what_if_catalog(catalog, Scenario(changes=(pad,)))
    assert view.get(view.get("alcantara-crew").site).lat_deg == -2.37
    assert view.root is catalog and what_if_catalog(view, Scenario()) is catalog


def test_a_hypothetical_agreement_gives_partner_access_inside_its_window(catalog):
    deal = HypotheticalAgreement(
        "cn-in-shenzhou", "CN", "IN", ("shenzhou",), Window(D("2026-01-01"), D("2027-01-01"))
    )
    scenario = Scenario(changes=(deal,))
    assert assess(catalog, scenario, D("2026-06-01")).nation("IN").status is AccessStatus.PARTNER
    assert assess(catalog, scenario, D("2027-01-01")).nation("IN").status is AccessStatus.NONE
    row = compare(catalog, scenario).nation("IN")
    assert row.any_difference == 365 and row.independent_difference == 0


def test_changes_are_undoable_values(catalog):
    outage = Outage("ksc-lc-39a", Window(D("2020-01-01")))
    rating = CrewRating("vostochny-1s", D("2026-01-01"))
    s = Scenario().with_change(outage).with_change(rating)
    assert s.changes == (outage, rating)
    assert s.without_change(0).changes == (rating,)
    assert s.replacing_change(1, outage).changes == (outage, outage)
    assert s.with_enabled("ccsfs", False).changes == s.changes
    with pytest.raises(IndexError):
        s.without_change(5)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (CrewRating("baikonur", D("2026-01-01")), "is a site"),
        (HypotheticalPad("baikonur-31-6", "x", 0, 0, ("soyuz-2-1a",), D("2026-01-01")), "taken"),
        (HypotheticalPad("new-pad", "x", 0, 0, ("soyuz-ms",), D("2026-01-01")), "not a launch"),
        (HypotheticalAgreement("new-deal", "RU", "XX", ("soyuz-ms",)), "unknown nation"),
        (Outage("baikonur-31-7"), "closest: baikonur-31-6"),
    ],
)
def test_a_change_that_does_not_fit_the_catalog_is_refused(catalog, change, words):
    with pytest.raises((ChangeError, KeyError)) as caught:
        check_changes(catalog, (change,))
    assert words in str(caught.value)
