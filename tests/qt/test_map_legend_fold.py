"""On a wide, short map the legend folds into fewer rows below the map, or stays hidden rather
than cover land; View ▸ Map legend chosen again shows it anyway; zoomed in, it covers at most a
third of the map."""

import pytest
from factories import BEFORE
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtWidgets import QApplication

from explorer.qt.app import application
from explorer.qt.document import ScenarioDocument
from explorer.qt.map_legend import COVER_SHARE, FOLDED, MARGIN_PX, VARIANTS
from explorer.qt.map_view import WORLD_LAT, MapView


@pytest.fixture
def make_map(qtbot, catalog, basemap):
    """A map of its own, ``width`` x ``height``, framed at world view."""
    views = []

    def make(width: int, height: int) -> MapView:
        application(theme="light")
        view = MapView(ScenarioDocument(catalog, BEFORE), basemap)
        views.append(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        view.show_world()
        return view

    yield make
    for view in views:
        view.close()
        view.legend.discard()  # before the view goes: see MapLegend.discard
        view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _box(view):
    return view.getPlotItem().getViewBox()


def _rows(view) -> int:
    _compact, columns = view.legend.variant
    return -(-len(view.legend.items) // columns)


def test_on_a_wide_short_map_at_world_view_the_legend_hides_rather_than_cover_land(make_map):
    view = make_map(1500, 300)
    assert view.free_band_px() == pytest.approx(0.0, abs=1.0)  # the map fills the height
    assert not view.legend.isVisible()


def test_chosen_again_the_legend_shows_on_the_wide_short_map_in_the_fewest_rows(make_map):
    view = make_map(1500, 300)
    view.set_legend_wanted(False)
    view.set_legend_wanted(True)  # what View ▸ Map legend does when it is chosen
    assert view.legend.isVisible()
    assert view.legend.variant in FOLDED and _rows(view) == 2  # 13 entries in 7 columns
    assert view.legend.width() <= _box(view).width() - 2 * MARGIN_PX
    bottom = view.legend.sceneBoundingRect().bottom()
    assert bottom <= _box(view).sceneBoundingRect().bottom() + 1.0
    view.set_legend_wanted(False)
    assert not view.legend.isVisible()


def test_where_the_band_below_the_map_is_short_the_legend_folds_to_fit_under_the_map(make_map):
    view = make_map(1500, 650)
    band = view.free_band_px()
    assert band is not None and 2 * MARGIN_PX < band < 103 + 2 * MARGIN_PX  # too low for 3 columns
    assert view.legend.isVisible()
    assert view.legend.variant in FOLDED
    assert view.legend.height() + 2 * MARGIN_PX <= band
    south = _box(view).mapViewToScene(QPointF(0.0, WORLD_LAT[0])).y()
    assert view.legend.sceneBoundingRect().top() >= south - 1.0  # under the map, not over land


def test_a_pane_with_room_below_the_map_keeps_the_usual_legend(make_map):
    view = make_map(1200, 800)
    assert view.legend.isVisible() and view.legend.variant == VARIANTS[0]


def test_zoomed_in_on_a_short_map_the_legend_covers_at_most_a_third_of_it(make_map, qtbot):
    view = make_map(1500, 300)
    view.show_area(60.0, 80.0, 40.0, 50.0)
    assert view.free_band_px() is None
    qtbot.waitUntil(view.legend.isVisible)  # the range signal is rate-limited
    assert view.legend.variant in FOLDED  # folded: two rows are within a third of 300 px
    assert view.legend.height() + 2 * MARGIN_PX <= _box(view).height() * COVER_SHARE
    view.resize(1500, 150)
    qtbot.waitUntil(lambda: _box(view).height() < 160)
    # Even two rows would cover more than a third of it now.
    qtbot.waitUntil(lambda: not view.legend.isVisible())


def test_each_layouts_size_is_known_without_building_it(make_map):
    view = make_map(1600, 700)
    legend = view.legend
    # Choosing built only the layouts shown so far, and measured one per wording at most.
    assert len(legend._items) + len(legend._references) < len(VARIANTS + FOLDED) / 2
    for variant in VARIANTS + FOLDED:
        estimated = legend.size_of(variant)
        item = legend._item(variant)  # now built, to compare
        assert estimated == pytest.approx((item.width(), item.height()), abs=0.5), variant
