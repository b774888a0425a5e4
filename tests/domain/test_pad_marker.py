"""A group marker shows what matters for crew (issue "The window as an analyst expects it", 1)."""

from hypothesis import given
from hypothesis import strategies as st

from explorer.domain.entities import PadStatus
from explorer.domain.pad_marker import MARKER_ORDER, group_marker

CREW, RETIRED, DAMAGED = PadStatus.CREW_CAPABLE, PadStatus.RETIRED, PadStatus.DAMAGED
BAIKONUR = {"baikonur-1-5": RETIRED, "baikonur-31-6": CREW}


def test_baikonur_with_site_31_6_switched_off_shows_a_lost_crew_pad_not_retired():
    pads = tuple(BAIKONUR)
    assert group_marker(pads, BAIKONUR, frozenset()) == (CREW, True)
    assert group_marker(pads, BAIKONUR, {"baikonur-31-6"}) == (CREW, False)


def test_a_damaged_pad_shows_before_the_rest():
    status = {"a": RETIRED, "b": DAMAGED, "c": PadStatus.UNCREWED_ONLY}
    assert group_marker(("a", "b", "c"), status, set()) == (DAMAGED, True)


def test_without_crew_or_damage_the_best_of_the_pads_switched_on_shows():
    status = {"a": RETIRED, "b": PadStatus.UNCREWED_ONLY}
    assert group_marker(("a", "b"), status, set()) == (PadStatus.UNCREWED_ONLY, True)
    assert group_marker(("a", "b"), status, {"b"}) == (RETIRED, True)
    assert group_marker(("a", "b"), status, {"a", "b"}) == (PadStatus.UNCREWED_ONLY, False)


statuses = st.dictionaries(
    st.sampled_from("abcdef"), st.sampled_from(MARKER_ORDER), min_size=1, max_size=6
)


@given(statuses, st.sets(st.sampled_from("abcdef")))
def test_crew_capable_shows_exactly_when_a_crew_pad_is_on_or_lost(status, off):
    pads = tuple(status)
    shown, on = group_marker(pads, status, off)
    crew = [p for p in pads if status[p] is CREW]
    assert (shown is CREW) == bool(crew)
    if crew:
        assert on == any(p not in off for p in crew)
    else:
        assert shown in {status[p] for p in pads}
