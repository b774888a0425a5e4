"""Short names keep pads and sites distinguishable where space is tight."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.qt.labels import place_labels, segment_crosses, short_pad_name, short_site_name


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Launch Complex 39A", "LC-39A"),
        ("Space Launch Complex 40", "SLC-40"),
        ("Site 1S (Soyuz-2 launch complex)", "Site 1S"),
        ("Gagarin's Start (Site 1/5)", "Gagarin's Start"),
    ],
)
def test_short_pad_names_use_the_ranges_own_abbreviations(name, short):
    assert short_pad_name(name) == short


def test_short_site_name_drops_the_generic_words():
    assert (
        short_site_name("Satish Dhawan Space Centre (Sriharikota Range, SHAR)") == "Satish Dhawan"
    )
    assert short_site_name("Baikonur Cosmodrome") == "Baikonur"


def test_short_names_stay_unique_within_each_site_and_across_sites(catalog):
    sites = [short_site_name(s.name) for s in catalog.sites]
    assert len(set(sites)) == len(sites)
    for site in catalog.sites:
        pads = [short_pad_name(catalog.get(p).name) for p in catalog.pads_of_site(site.id)]
        assert len(set(pads)) == len(pads), site.id


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_labels_that_would_collide_move_aside_and_never_overlap():
    entries = [("Satish Dhawan", 160.0, -27.0), ("Wenchang", 217.0, -38.0), ("Jiuquan", 190, -79)]
    placed = place_labels(entries, lambda text: 7.0 * len(text))
    assert sorted(p.text for p in placed) == ["Jiuquan", "Satish Dhawan", "Wenchang"]
    rects = [p.rect(9.0, 14.0) for p in placed]
    assert not any(_overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_labels_with_no_room_left_are_left_out_in_order_of_importance():
    entries = [(name, 100.0 + i, 100.0) for i, name in enumerate("ABCDEFG")]
    placed = place_labels(entries, lambda text: 10.0 * len(text))
    texts = [p.text for p in placed]
    assert texts[0] == "A" and 1 < len(texts) < 7  # the first always fits; some give way
    assert texts == sorted(texts)  # placed in the order given


def test_labels_keep_clear_of_other_markers_when_they_can():
    entries = [("Satish Dhawan", 160.0, -27.0), ("Wenchang", 217.0, -38.0)]
    markers = [(160.0, -27.0, 9.0), (217.0, -38.0, 9.0), (200.0, -27.0, 9.0)]  # one in the way
    placed = place_labels(entries, lambda text: 7.0 * len(text), markers=markers)
    for label in placed:
        rect = label.rect(9.0, 14.0)
        for x, y, r in markers:
            assert not _overlap(rect, (x - r, y - r, x + r, y + r)), label.text


def label_entries(most: int):
    """Labels (text, x, y) scattered over a 600 x 400 pixel map."""
    return st.lists(
        st.tuples(
            st.text("abcdefgh", min_size=1, max_size=12),
            st.floats(-300, 300),
            st.floats(-200, 200),
        ),
        max_size=most,
    )


@settings(max_examples=200, deadline=None)
@given(
    entries=label_entries(15),
    markers=st.lists(
        st.tuples(st.floats(-300, 300), st.floats(-200, 200), st.floats(1, 20)), max_size=15
    ),
)
def test_placed_labels_never_overlap_each_other_markers_or_the_edges(entries, markers):
    x_range = (-250.0, 250.0)
    placed = place_labels(entries, lambda text: 6.0 * len(text), markers=markers, x_range=x_range)
    rects = [p.rect(9.0, 14.0) for p in placed]
    assert not any(_overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    for rect in rects:
        assert x_range[0] <= rect[0] and rect[2] <= x_range[1]
        assert not any(_overlap(rect, (x - r, y - r, x + r, y + r)) for x, y, r in markers)
    assert {(p.text, p.x_px, p.y_px) for p in placed} <= set(entries)  # beside its own marker


def test_a_label_at_the_edge_of_the_view_goes_inward():
    (label,) = place_labels([("Vandenberg", 5.0, 0.0)], lambda t: 60.0, x_range=(0.0, 400.0))
    assert label.side == 1
    (label,) = place_labels([("Tanegashima", 395.0, 0.0)], lambda t: 60.0, x_range=(0.0, 400.0))
    assert label.side == -1


@pytest.mark.parametrize(
    ("segment", "crosses"),
    [
        ((5.0, -10.0, 5.0, 30.0), True),  # straight through
        ((-5.0, -5.0, 25.0, 25.0), True),  # corner to corner, diagonally
        ((2.0, 2.0, 3.0, 3.0), True),  # wholly inside
        ((-5.0, 5.0, 0.0, 5.0), False),  # ends on the left edge
        ((0.0, -5.0, 0.0, 25.0), False),  # along the left edge
        ((-10.0, 0.0, 0.0, -10.0), False),  # passes the corner outside
        ((30.0, 0.0, 30.0, 10.0), False),  # off to the right
        ((-5.0, 12.0, 25.0, 22.0), False),  # below it, slanting
    ],
)
def test_a_segment_crosses_a_rectangle_only_through_its_inside(segment, crosses):
    assert segment_crosses((0.0, 0.0, 20.0, 10.0), segment) is crosses


def test_a_label_keeps_clear_of_a_leader_line_and_goes_aside():
    line = (130.0, -20.0, 130.0, 20.0)  # a vertical leader line right of the marker
    (label,) = place_labels([("Jiuquan", 100.0, 0.0)], lambda t: 50.0, lines=[line])
    assert label.side == -1  # not across the line
    assert not segment_crosses(label.rect(9.0, 14.0), line)
    (free,) = place_labels([("Jiuquan", 100.0, 0.0)], lambda t: 50.0)
    assert free.side == 1  # where it goes without the line


@settings(max_examples=200, deadline=None)
@given(
    entries=label_entries(12),
    lines=st.lists(st.tuples(*(st.floats(-300, 300) for _ in range(4))), max_size=8),
)
def test_placed_labels_never_cross_a_line(entries, lines):
    placed = place_labels(entries, lambda text: 6.0 * len(text), lines=lines)
    for label in placed:
        rect = label.rect(9.0, 14.0)
        assert not any(segment_crosses(rect, line) for line in lines)
    assert {(p.text, p.x_px, p.y_px) for p in placed} <= set(entries)
