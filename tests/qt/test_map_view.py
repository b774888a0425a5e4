"""The map tells the truth: groups that cannot be split fan out, labels follow their markers,
only what existed is drawn, the world view frames the inhabited latitudes, countries select
their nations and a selection is brought into view."""

from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt

from explorer.qt.map_clusters import CLUSTER_PX, cluster_points, fan_out
from explorer.qt.map_labels import LABEL_GAP_PX


@pytest.fixture
def window(make_window):
    return make_window((1400, 850))


def _view_box(view):
    return view.getPlotItem().getViewBox()


def _click_at(qtbot, view, lon, lat):
    scene = _view_box(view).mapViewToScene(QPointF(lon, lat))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene))


def _click_spot_of(qtbot, view, pad_id):
    spot = next(s for s in view.pad_item.points() if pad_id in s.data())
    _click_at(qtbot, view, spot.pos().x(), spot.pos().y())
    return spot.data()


@pytest.mark.parametrize(
    ("pads", "day"),
    [
        (("vostochny-1s", "vostochny-1a"), date(2025, 11, 26)),  # one coordinate in the sources
        (("wenchang-lc-101", "wenchang-lc-201"), date(2025, 11, 26)),
        (("sdsc-flp", "sdsc-tlp"), date(2025, 11, 26)),
    ],
)
def test_a_group_zooming_cannot_split_fans_out_within_two_clicks(window, qtbot, pads, day):
    view = window.map_view
    window.document.set_date(day)
    view.show_world()
    for _click in range(2):  # at world view: a zoom that splits what it can, then the ring
        group = next(c.pads for c in view.clusters if pads[0] in c.pads)
        if len(group) == 1:
            break
        _click_spot_of(qtbot, view, pads[0])
    for pad_id in pads:
        cluster = next(c for c in view.clusters if pad_id in c.pads)
        assert cluster.pads == (pad_id,)
        assert cluster.fanned  # drawn on the ring, with a leader line to its true point
        _click_spot_of(qtbot, view, pad_id)
        assert window.document.selection == pad_id
    leaders = view.leader_item.getData()
    assert leaders[0] is not None and len(leaders[0]) == 2 * sum(c.fanned for c in view.clusters)


def test_clicking_a_group_never_zooms_without_end(window, qtbot):
    view = window.map_view
    ranges = []
    for _click in range(4):
        group = next(c.pads for c in view.clusters if "vostochny-1s" in c.pads)
        if len(group) == 1:
            break
        _click_spot_of(qtbot, view, "vostochny-1s")
        ranges.append(_view_box(view).viewRange()[0])
    assert len(ranges) <= 2  # split after at most two clicks


def test_the_fan_folds_back_on_a_click_on_the_map(window, qtbot):
    view = window.map_view
    _click_spot_of(qtbot, view, "vostochny-1s")
    assert view.fanned == {"vostochny-1s", "vostochny-1a"}
    _click_at(qtbot, view, -30.0, -30.0)  # the South Atlantic
    assert view.fanned == frozenset()
    assert any({"vostochny-1s", "vostochny-1a"} <= set(c.pads) for c in view.clusters)


def test_fan_out_puts_each_pad_on_a_ring_clear_of_the_others():
    points = [(f"p{i}", 10.0, 20.0) for i in range(5)]
    ring = fan_out(points, scale=100.0)
    assert [c.pads for c in ring] == [(f"p{i}",) for i in range(5)]
    assert all((c.true_lon, c.true_lat) == (10.0, 20.0) for c in ring)
    assert len(cluster_points([(c.pads[0], c.lon, c.lat) for c in ring], 100.0)) == 5
    radius = [((c.lon - 10.0) ** 2 + (c.lat - 20.0) ** 2) ** 0.5 * 100.0 for c in ring]
    assert min(radius) > CLUSTER_PX and max(radius) - min(radius) < 1e-6


def _label(view, text):
    return next(lb for lb in view._labels if lb.textItem.toPlainText() == text)


def _label_gap_px(view, site):
    """Scene-pixel gap from the site's point to its label's near edge, and the label's
    vertical offset from the nearest of its three allowed lines (beside, above, below)."""
    view_box = _view_box(view)
    label = _label(view, site.name.split(" ")[0])
    marker = view_box.mapViewToScene(QPointF(site.lon_deg, site.lat_deg))
    label.updateTransform(force=True)  # what the next paint does
    rect = label.textItem.mapToScene(label.textItem.boundingRect()).boundingRect()
    dx = min(abs(rect.left() - marker.x()), abs(marker.x() - rect.right()))
    dy = min((rect.center().y() - marker.y() - line for line in (-14.0, 0.0, 14.0)), key=abs)
    return dx, dy


@pytest.mark.parametrize("size", [(1100, 700), (2000, 1100), (1400, 850)])
def test_labels_follow_their_markers_when_the_map_is_resized(window, qtbot, size):
    view = window.map_view
    jiuquan = window.document.catalog.get("jiuquan")
    view.show_area(60, 140, 10, 60, padding=0)  # a chosen view: the resize keeps its centre
    before = _label_gap_px(view, jiuquan)
    window.resize(*size)
    qtbot.waitUntil(lambda: _view_box(view).width() > 1)
    qtbot.wait(50)
    dx, dy = _label_gap_px(view, jiuquan)
    assert before[0] == pytest.approx(dx, abs=2.0)
    assert dx == pytest.approx(LABEL_GAP_PX, abs=2.0) and abs(dy) < 2.0


def test_labels_follow_when_the_size_changes_but_the_range_does_not(window, qtbot):
    view = window.map_view
    jiuquan = window.document.catalog.get("jiuquan")
    view_box = _view_box(view)
    view.show_area(60, 140, 10, 60, padding=0)
    w, h = view.width(), view.height()
    view.resize(int(w * 0.7), int(h * 0.7))  # same aspect: pyqtgraph keeps the very range
    qtbot.waitUntil(lambda: view_box.width() < w * 0.8)
    dx, dy = _label_gap_px(view, jiuquan)
    assert dx == pytest.approx(LABEL_GAP_PX, abs=2.0) and abs(dy) < 2.0


def test_in_1975_only_what_existed_is_drawn_and_the_soviet_union_is_shaded(window):
    view = window.map_view
    window.document.set_date(date(1975, 1, 1))
    drawn = {p for c in view.clusters for p in c.pads}
    assert not drawn & {"vostochny-1s", "vostochny-1a", "wenchang-lc-101", "jiuquan-921"}
    assert {"baikonur-31-6", "ccsfs-slc-40"} <= drawn
    assert (
        view.spot_style(("ccsfs-slc-40",))["symbol"] != view.spot_style(("ksc-lc-39b",))["symbol"]
    )  # SLC-40 flew uncrewed only then: no crew mark
    names = {label.textItem.toPlainText() for label in view._labels}
    assert not names & {"Vostochny", "Wenchang", "Jiuquan", "Satish Dhawan", "Guiana"}
    assert "SUN" in view.nation_shading and "RUS" not in view.nation_shading
    assert "SUN" in view.layers.shading.brushes()
    window.document.set_date(date(1992, 1, 1))
    assert "RUS" in view.nation_shading and "SUN" not in view.nation_shading


def test_world_view_frames_the_inhabited_latitudes_with_the_legend_below(make_window, qtbot):
    for size in ((1280, 720), (1920, 1080)):
        window = make_window(size)
        view = window.map_view
        view_box = _view_box(view)
        (lon0, lon1), (lat0, lat1) = view_box.viewRange()
        assert (lon0, lon1) == pytest.approx((-180, 180), abs=0.5)
        assert lat0 <= -60.0 and lat1 >= 75.0
        assert view.legend.isVisible()
        scale = view_box.width() / 360.0
        # Map and legend centred together: the polar sea above the map is half what is left.
        left_over = view_box.height() - 135.0 * scale - view.legend.height() - 16.0
        assert (lat1 - 75.0) * scale == pytest.approx(max(left_over, 0.0) / 2, abs=2.0)
        legend = view.legend.sceneBoundingRect()
        south = view_box.mapViewToScene(QPointF(0.0, -60.0)).y()
        assert legend.top() >= south - 1.0  # under the map, not over the southern continents
        assert legend.bottom() <= view_box.sceneBoundingRect().bottom() + 1.0
        window.close()


@pytest.mark.parametrize(
    ("lon", "lat", "day", "nation"),
    [
        (100.0, 35.0, date(2025, 11, 26), "CN"),  # Qinghai
        (10.0, 51.0, date(2025, 11, 26), "ESA"),  # Germany, an ESA member state
        (-100.0, 40.0, date(2025, 11, 26), "US"),
        (31.0, 49.0, date(1975, 1, 1), "RU"),  # Ukraine, in the Soviet Union
        (31.0, 49.0, date(2025, 11, 26), None),  # Ukraine today: no nation of the dataset
        (-30.0, -30.0, date(2025, 11, 26), None),  # the South Atlantic
    ],
)
def test_clicking_a_country_selects_its_nation(window, qtbot, lon, lat, day, nation):
    window.document.set_date(day)
    window.document.select(None)
    _click_at(qtbot, window.map_view, lon, lat)
    assert window.document.selection == nation


def test_clicking_a_marker_selects_the_pad_not_the_country_under_it(window, qtbot):
    view = window.map_view
    view.show_area(100.0, 100.6, 40.7, 41.2)
    _click_spot_of(qtbot, view, "jiuquan-921")
    assert window.document.selection == "jiuquan-921"


def test_selecting_a_pad_in_the_tree_rings_it_and_pans_to_it(window, qtbot):
    view = window.map_view
    view.show_area(-80.75, -80.5, 28.4, 28.65)  # Florida
    (x0, x1), _ = _view_box(view).viewRange()
    tree = window.sites_tree.tree
    tree.setCurrentItem(window.sites_tree.item_for("vostochny-1s"))
    assert window.document.selection == "vostochny-1s"
    (lon0, lon1), (lat0, lat1) = _view_box(view).viewRange()
    assert lon0 <= 128.33 <= lon1 and lat0 <= 51.88 <= lat1
    assert lon1 - lon0 == pytest.approx(x1 - x0, rel=0.01)  # panned, same zoom
    rings = view.highlight_item.points()
    assert len(rings) == 1 and rings[0].pos().x() == pytest.approx(128.33, abs=0.01)
    # A cosmetic pen: the symbol atlas drew a plain 3-unit QPen too thin to see at all.
    assert rings[0].pen().isCosmetic() and rings[0].pen().widthF() >= 2


def test_selecting_a_site_in_view_only_rings_it(window, qtbot):
    view = window.map_view
    before = _view_box(view).viewRange()
    window.sites_tree.tree.setCurrentItem(window.sites_tree.item_for("baikonur"))
    assert window.document.selection == "baikonur"
    assert _view_box(view).viewRange() == before
    assert len(view.highlight_item.points()) >= 1


def test_a_tall_map_made_wide_and_short_keeps_basemap_clusters_and_labels_in_step(
    make_window, qtbot
):
    """pyqtgraph (0.14) changes the range of this resize without sigRangeChanged."""
    from explorer.qt.map_view import MapView

    window = make_window((1400, 850))
    view = MapView(window.document, window.map_view.basemap)
    qtbot.addWidget(view)
    view.resize(455, 410)
    view.show()
    qtbot.waitExposed(view)
    view.resize(1000, 250)
    view_box = _view_box(view)
    qtbot.waitUntil(lambda: view_box.width() > 900)
    qtbot.wait(50)
    (lon0, lon1), (lat0, lat1) = view_box.viewRange()
    sea = view.layers.level.land.tiles_in(lon0, lat0, lon1, lat1, include_empty=True)
    assert view.layers.visible_tiles()["sea"] == frozenset(sea)
    jiuquan = window.document.catalog.get("jiuquan")
    dx, dy = _label_gap_px(view, jiuquan)
    assert dx == pytest.approx(LABEL_GAP_PX, abs=2.0) and abs(dy) < 2.0


def _scene_segments(view):
    """The leader lines of the fanned-out markers, in scene coordinates."""
    xs, ys = view.leader_item.getData()
    box = _view_box(view)
    points = [box.mapViewToScene(QPointF(x, y)) for x, y in zip(xs, ys, strict=True)]
    return [(a.x(), a.y(), b.x(), b.y()) for a, b in zip(points[::2], points[1::2], strict=True)]


def _text_rect(label):
    """The label's text as drawn, without the text document's empty margin."""
    margin = label.textItem.document().documentMargin()
    return label.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)


def test_a_fanned_group_at_world_view_names_its_site_and_pads_clear_of_its_lines(
    make_window, qtbot
):
    from explorer.qt.labels import segment_crosses, short_pad_name

    window = make_window((1280, 720))
    view = window.map_view
    view.show_world()
    for _click in range(2):  # as a person does: the group's marker, until it fans out
        if view.fanned:
            break
        _click_spot_of(qtbot, view, "vostochny-1s")
    assert view.fanned == {"vostochny-1s", "vostochny-1a"}
    names = [label.toPlainText() for label in view.labels.names]
    assert {"Vostochny", "Site 1S", "Site 1A"} <= set(names)
    assert names[:3] == ["Vostochny", "Site 1A", "Site 1S"]  # the clicked group first
    segments = _scene_segments(view)
    assert len(segments) == 2
    box = _view_box(view)
    rings = [box.mapViewToScene(QPointF(c.lon, c.lat)) for c in view.clusters if c.fanned] + [
        box.mapViewToScene(QPointF(c.true_lon, c.true_lat)) for c in view.clusters if c.fanned
    ]
    for label in view.labels.names:
        rect = _text_rect(label)
        edges = (rect.left(), rect.top(), rect.right(), rect.bottom())
        for segment in segments:
            assert not segment_crosses(edges, segment), label.toPlainText()
        for centre in rings:
            assert not rect.adjusted(-3, -3, 3, 3).contains(centre), label.toPlainText()
    # Each pad's name stands beside its own ring marker.
    for cluster in (c for c in view.clusters if c.fanned):
        pad = window.document.catalog.get(cluster.pads[0])
        label = next(lb for lb in view.labels.names if lb.toPlainText() == short_pad_name(pad.name))
        marker = box.mapViewToScene(QPointF(cluster.lon, cluster.lat))
        rect = _text_rect(label)
        assert abs(rect.center().y() - marker.y()) <= 16
        assert 0 < rect.left() - marker.x() <= 14 or 0 < marker.x() - rect.right() <= 14
