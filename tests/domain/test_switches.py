"""One rule for "switched off": directly, with its site, or by a dated change; and switching back on."""

from datetime import date

from factories import BEFORE, mini_world
from hypothesis import given
from hypothesis import strategies as st

from explorer.domain.capability import assess
from explorer.domain.changes import Outage, Window
from explorer.domain.entities import ComponentKind, Pad
from explorer.domain.scenario import Scenario
from explorer.domain.switches import OffCause, is_switched_on, off_cause, switched_on
from explorer.present.cells import pad_tooltip, record_status_text, site_status_text
from explorer.present.details import record_html

WORLD = mini_world()


def test_a_pad_of_a_switched_off_site_is_switched_off_with_its_site():
    scenario = Scenario.of(["baikonur"])
    assert off_cause(WORLD, scenario, "baikonur") is OffCause.SWITCHED_OFF
    assert off_cause(WORLD, scenario, "baikonur-31-6") is OffCause.SITE_SWITCHED_OFF
    assert not is_switched_on(WORLD, scenario, "baikonur-31-6")
    assert off_cause(WORLD, scenario, "ksc-lc-39a") is None
    assert is_switched_on(WORLD, scenario, "ksc-lc-39a")


def test_a_dated_outage_is_told_apart_from_a_switch_off():
    scenario = Scenario.of([], [Outage("florida", Window(date(2025, 1, 1), None))])
    report = assess(WORLD, scenario, BEFORE)
    assert off_cause(WORLD, scenario, "ksc-lc-39a", report.switched_off) is OffCause.DATED_CHANGE
    assert is_switched_on(WORLD, scenario, "ksc-lc-39a")  # on for all time; the outage is dated


def test_switching_a_site_back_on_brings_its_pads_back():
    scenario = Scenario.of(["baikonur", "baikonur-31-6", "ksc-lc-39a"])
    assert switched_on(WORLD, scenario, "baikonur").off == {"ksc-lc-39a"}


def test_switching_on_a_pad_of_a_switched_off_site_brings_back_that_pad_alone():
    scenario = Scenario.of(["florida"])
    after = switched_on(WORLD, scenario, "ksc-lc-39a")
    assert after.off == {"ccsfs-slc-40"}
    assert is_switched_on(WORLD, after, "ksc-lc-39a")
    assert not is_switched_on(WORLD, after, "ccsfs-slc-40")


def test_every_view_text_says_switched_off_for_a_pad_of_a_switched_off_site():
    scenario = Scenario.of(["baikonur"])
    cause = off_cause(WORLD, scenario, "baikonur-31-6")
    pad = WORLD.get("baikonur-31-6", Pad)
    assert "switched off with its site" in pad_tooltip(WORLD, pad, BEFORE, cause)
    cell = record_status_text(WORLD, pad.id, BEFORE, cause, ComponentKind.PAD)
    assert cell.endswith("switched off with its site")
    html = record_html(WORLD, WORLD.resolve(pad.id), BEFORE, cause)
    assert "switched off with its site in this scenario" in html
    site_cause = off_cause(WORLD, scenario, "baikonur")
    assert site_status_text(0, 1, site_cause) == "0/1 crew-capable · switched off"


IDS = sorted(p.id for p in WORLD.pads) + sorted(s.id for s in WORLD.sites)


@given(st.sets(st.sampled_from(IDS)), st.sampled_from(IDS))
def test_switching_something_on_turns_it_on_and_switches_nothing_else_back_on(off, target):
    scenario = Scenario.of(off)
    after = switched_on(WORLD, scenario, target)
    assert is_switched_on(WORLD, after, target)
    for pad in WORLD.pads:  # no other pad comes on unless its site was the one switched on
        was_on = is_switched_on(WORLD, scenario, pad.id)
        if pad.id != target and pad.site != target and not was_on:
            assert not is_switched_on(WORLD, after, pad.id)
