"""Crewed access on a date: routes, statuses, single points of failure."""

from datetime import date

import pytest
from factories import mini_world

from explorer.domain.capability import AccessStatus, Level, assess, cut_sets
from explorer.domain.catalog import UnknownIdError
from explorer.domain.scenario import Scenario

BEFORE = date(2025, 11, 26)
AFTER = date(2025, 11, 28)


@pytest.fixture(scope="module")
def world():
    return mini_world()


def test_russia_is_independent_before_the_pad_damage_with_31_6_a_single_point(world):
    ru = assess(world, Scenario(), BEFORE).nation("RU")
    assert ru.status is AccessStatus.INDEPENDENT
    assert "baikonur-31-6" in ru.single_points_of_failure
    assert ru.grounding_sites == ("baikonur",)
    assert ru.min_cut_size == 1
    assert ru.usable_pads == ("baikonur-31-6",)


def test_launch_day_still_counts_the_old_status(world):
    assert assess(world, Scenario(), date(2025, 11, 27)).nation("RU").status == "independent"


def test_russia_falls_back_to_the_seat_swap_after_the_pad_damage(world):
    report = assess(world, Scenario(), AFTER)
    ru = report.nation("RU")
    assert ru.status is AccessStatus.PARTNER
    assert ru.own_routes == ()
    assert {(r.crew_vehicle, r.provider, r.agreement) for r in ru.routes} == {
        ("crew-dragon", "US", "swap-dragon")
    }
    assert report.nation("US").status is AccessStatus.INDEPENDENT
    assert report.nation("IN").status is AccessStatus.NONE
    assert report.nation("IN").min_cut_size is None


def test_russia_is_independent_again_after_the_restoration(world):
    assert assess(world, Scenario(), date(2026, 3, 6)).nation("RU").status == "independent"


def test_either_dragon_pad_alone_keeps_us_access_both_remove_it(world):
    day = date(2025, 1, 1)
    for pad in ("ksc-lc-39a", "ccsfs-slc-40"):
        us = assess(world, Scenario.of([pad]), day).nation("US")
        assert us.status is AccessStatus.INDEPENDENT
    both = assess(world, Scenario.of(["ksc-lc-39a", "ccsfs-slc-40"]), day).nation("US")
    assert both.status is AccessStatus.PARTNER  # Soyuz seats through the swap remain


def test_switching_off_a_site_switches_off_all_its_pads(world):
    report = assess(world, Scenario.of(["florida"]), date(2025, 1, 1))
    assert report.nation("US").own_routes == ()
    assert not report.usable_pads & {"ksc-lc-39a", "ccsfs-slc-40"}


def test_switching_off_the_agreement_removes_partner_access(world):
    ru = assess(world, Scenario.of(["swap-dragon"]), AFTER).nation("RU")
    assert ru.status is AccessStatus.NONE


def test_us_pads_together_are_a_minimal_cut_at_independent_level(world):
    report = assess(world, Scenario(), date(2025, 1, 1))
    cuts = cut_sets(report, "US", Level.INDEPENDENT)
    assert frozenset({"ksc-lc-39a", "ccsfs-slc-40"}) in cuts
    assert frozenset({"crew-dragon"}) in cuts
    assert frozenset({"falcon-9"}) in cuts
    assert frozenset({"ksc-lc-39a"}) not in cuts


def test_any_level_cut_sets_must_break_partner_routes_too(world):
    report = assess(world, Scenario(), BEFORE)
    own = cut_sets(report, "RU", Level.INDEPENDENT)
    anyway = cut_sets(report, "RU", Level.ANY)
    assert frozenset({"baikonur-31-6"}) in own
    assert frozenset({"baikonur-31-6"}) not in anyway
    assert frozenset({"baikonur-31-6", "swap-dragon"}) in anyway


def test_default_level_follows_the_current_status(world):
    report = assess(world, Scenario(), AFTER)
    assert report.nation("RU").default_level is Level.ANY
    assert frozenset({"crew-dragon"}) in cut_sets(report, "RU")


def test_grounding_count_counts_nations_lost_by_one_component(world):
    report = assess(world, Scenario(), BEFORE)
    assert report.grounding_count("baikonur-31-6") == 1
    assert report.grounding_count("ksc-lc-39a") == 0


def test_unknown_id_names_the_closest_valid_ids(world):
    with pytest.raises(UnknownIdError, match="closest: baikonur-31-6"):
        world.check_ids(["baikonur-31-7"])
